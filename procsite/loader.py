"""Load a procedures folder — registers and procedure files — into a checked ``Catalog``."""

from __future__ import annotations

import functools
import os
import stat
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from . import format as fmt
from .checks import check_catalog
from .messages import DEFAULT_LANGUAGE, Msg, Num
from .model import Agency, Field, Form, Procedure, Text, Unit
from .problems import Problem, Report
from .references import References
from .schema import MISSING, Context, Obj
from .sourcefiles import REGISTERS, NotReadable, SourceTree, name_problem, read_source, suggested_name, walk
from .yamlsrc import Map, Scalar, parse_yaml, read_text, report_flaws, split_front_matter

MAX_BODY_CHARACTERS = 50_000
"""The free text of a procedure, in each language: a few pages at most; the rest belongs in a form file."""


@dataclass(frozen=True)
class Untranslated:
    """A text shown in Vietnamese on the English site because its English is missing."""

    path: str
    line: int
    key: str

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The notice as one line in ``lang``."""
        return Problem(self.path, self.line, self.key, Msg("translation.missing"), None, "translation.missing").render(
            lang
        )

    def __str__(self) -> str:
        return self.render()


@dataclass
class Catalog:
    """Everything a build needs: the agency, its registers and its procedures, checked."""

    root: Path
    agency: Agency | None = None
    units: dict[str, Unit] = field(default_factory=dict)
    fields: dict[str, Field] = field(default_factory=dict)
    forms: dict[str, Form] = field(default_factory=dict)
    procedures: list[Procedure] = field(default_factory=list)
    untranslated: list[Untranslated] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    codes_seen: dict[str, str] = field(default_factory=dict)
    """Codes of procedure files that have a problem, by file: references to them are not unknown."""
    tree: SourceTree | None = None
    """Every file of the folder, by role."""
    unreadable: list[str] = field(default_factory=list)
    """Procedure files that could not be read; codes they hold are unknown."""
    register_lines: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per register file name, the line of each key path, for messages."""
    broken: dict[str, set[str]] = field(default_factory=dict)
    """Per register, the ids of entries with a problem already reported ("*": the whole file)."""
    _codes: frozenset[str] | None = field(default=None, repr=False, compare=False)
    """``codes()`` while the cross-file checks run, which ask for it once per procedure."""

    def already_reported(self, register: str, entry_id: str) -> bool:
        """True when a reference to ``entry_id`` fails only because of a problem already reported,
        so that one mistake in a register is not reported again at every procedure that uses it."""
        broken = self.broken.get(register, set())
        return "*" in broken or entry_id in broken

    def register_line(self, register: str, key: str) -> int:
        """The line where ``key`` (e.g. ``featured[1]``) was written in ``register``.yml."""
        lines = self.register_lines.get(register, {})
        return lines.get(key, lines.get(key.split("[")[0].rsplit(".", 1)[0], 0))

    def references(self) -> References:
        """The registers' ids and names, for references checked where they are written."""
        names = {
            register: {
                entry_id: entry.name.vi if hasattr(entry, "name") else entry.title.vi
                for entry_id, entry in entries.items()
            }
            for register, entries in (("units", self.units), ("fields", self.fields), ("forms", self.forms))
        }
        return References(names, self.broken)

    def codes(self) -> set[str]:
        """Every procedure code known: of the procedures read, and of the files with a problem."""
        if self._codes is not None:
            return set(self._codes)
        return {p.code for p in self.procedures} | set(self.codes_seen)

    def by_code(self) -> dict[str, Procedure]:
        """Procedures by national code."""
        return {p.code: p for p in self.procedures}


def load_catalog(root: Path) -> Catalog:
    """Read and check every register and procedure under ``root``; problems go to ``catalog.report``."""
    catalog = Catalog(root=root)
    if not root.is_dir():
        catalog.report.add_folder(
            str(root),
            Msg("folder.missing"),
            Msg("folder.missing.hint"),
        )
        return catalog
    tree = walk(root, catalog.report)
    catalog.tree = tree
    files = _FileCache(root)
    _load_registers(catalog, files)
    english = set(tree.english)
    references = catalog.references()
    registers = _cache_key(
        *sorted(tree.registers), *(_file_key(tree.registers[name]) for name in sorted(tree.registers))
    )
    for path in tree.procedures:
        rel = tree.rel(path)
        if path.name.lower() == "readme.md":
            continue
        _check_file_name(path, rel, catalog)
        errors = catalog.report.count_for(rel)
        en_path = path.with_name(path.name[: -len(".md")] + ".en.md")
        has_english = en_path in english
        english.discard(en_path)
        # What a procedure file gives depends on the file, its English text and the registers.
        key = _cache_key(rel, _file_key(path), _file_key(en_path) if has_english else "none", registers)
        load = functools.partial(_load_procedure, path, rel, {en_path} if has_english else set(), references)
        procedure = files.read(catalog, path, key, load)
        if procedure is not None:
            catalog.procedures.append(procedure)
        elif rel not in catalog.codes_seen.values():  # a file whose code is unknown: references wait for it
            catalog.unreadable.append(rel)
            if catalog.report.count_for(rel) == errors:  # never drop a file without saying why
                catalog.report.add(rel, 1, "", Msg("procedure.unreadable"))
    for path in sorted(english):
        vi_path = path.with_name(path.name[: -len(".en.md")] + ".md")
        catalog.report.add(
            tree.rel(path),
            1,
            "",
            Msg("english.orphan", name=vi_path.name),
            Msg("english.orphan.hint"),
        )
    catalog._codes = frozenset(catalog.codes())  # no file is read during the checks
    try:
        check_catalog(catalog)
    finally:
        catalog._codes = None
    return catalog


_CACHE: dict[Path, tuple[tuple[tuple[str, int, int], ...], Catalog]] = {}
"""The last catalog read, with the size and time of every file it came from.

Both languages of a build read the same folder; this lets the second build (and the
processes a parallel build forks) reuse the first read. It is checked against every
file's size and modification time, so an edit during ``serve`` is always seen."""


def load_catalog_cached(root: Path) -> Catalog:
    """``load_catalog``, reusing the last result when no file under ``root`` changed since."""
    root = root.resolve()
    signature = _signature(root)
    cached = _CACHE.get(root)
    if cached is not None and cached[0] == signature:
        return cached[1]
    catalog = load_catalog(root)
    _CACHE.clear()
    _CACHE[root] = (signature, catalog)
    return catalog


T = TypeVar("T")

RECENT_SECONDS = 2.0
"""A file changed this recently is read again next time: a second edit within the same tick of
the file system's clock, of the same size, would otherwise look unchanged."""


@dataclass
class _Read:
    """What reading one source file gave and added to its catalog, to give again while it is unchanged."""

    value: Any
    problems: list[Problem]
    warnings: list[Problem]
    codes_seen: dict[str, str]
    untranslated: list[Untranslated]


_FILES: dict[Path, dict[Path, tuple[object, _Read]]] = {}
"""Per folder (the last few read), per source file, what reading it gave, with the file's key."""
_FOLDERS_KEPT = 2


def _file_key(path: Path) -> tuple[int, ...] | None:
    """What tells one version of a regular file from another; None for anything else, never cached."""
    try:
        link, info = os.lstat(path), os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or time.time() - info.st_mtime < RECENT_SECONDS:
        return None
    return (
        link.st_ino,
        link.st_mtime_ns,
        link.st_ctime_ns,
        info.st_ino,
        info.st_size,
        info.st_mtime_ns,
        info.st_ctime_ns,
    )


class _FileCache:
    """The parsed source files of one folder, reused while their key (size, times) stays the same.

    ``serve`` reloads the folder on every save: parsing 2,000 procedure files takes seconds,
    parsing the one that changed takes milliseconds. Only files read by this load are kept."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.old = _FILES.pop(root, {})
        self.new: dict[Path, tuple[object, _Read]] = {}
        _FILES[root] = self.new
        while len(_FILES) > _FOLDERS_KEPT:
            del _FILES[next(iter(_FILES))]

    def read(self, catalog: Catalog, path: Path, key: tuple[Any, ...] | None, load: Callable[[Catalog], T]) -> T:
        """``load(catalog)``, or what it gave for the same ``key`` last time, with the same problems;
        a ``key`` of None (a file that is not regular, or has just changed) is always read."""
        if key is None:
            return load(catalog)
        cached = self.old.get(path)
        if cached is None or cached[0] != key:
            part = Catalog(root=catalog.root)
            loaded = load(part)
            cached = key, _Read(loaded, part.report.problems, part.report.warnings, part.codes_seen, part.untranslated)
        self.new[path] = cached
        done = cached[1]
        catalog.report.problems += done.problems
        catalog.report.warnings += done.warnings
        catalog.codes_seen.update(done.codes_seen)
        catalog.untranslated += done.untranslated
        value: T = done.value
        return value


def _cache_key(*parts: object) -> tuple[object, ...] | None:
    """The parts as a cache key; None when one of them is None (a file that cannot be cached)."""
    return None if any(part is None for part in parts) else parts


def _rel(path: Path, root: Path) -> str:
    return str(Path(root.name) / path.relative_to(root))


def _signature(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Every entry under ``root`` with its modification time and size, links not followed."""
    entries = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in [*dirs, *files]:
            try:
                info = os.lstat(os.path.join(folder, name))
            except OSError:
                continue
            entries.append((os.path.join(folder, name), info.st_mtime_ns, info.st_size))
    return tuple(sorted(entries))


def _read(path: Path, rel: str, catalog: Catalog) -> bytes | None:
    """The bytes of a source file; None, with the reason reported, when it is not a file to read."""
    data = read_source(path, catalog.root)
    if isinstance(data, NotReadable):
        catalog.report.add(rel, 1, "", data.message, data.hint)
        return None
    return data


def _read_yaml_file(path: Path, rel: str, catalog: Catalog) -> Map | None:
    report = catalog.report
    data = _read(path, rel, catalog)
    source = read_text(data, rel, report) if data is not None else None
    if source is None:
        return None
    node = parse_yaml(source.text, rel, report, flaws=source.flaws)
    if node is None:
        return None
    if not isinstance(node, Map):
        report.add(rel, node.line, "", Msg("register.not_mapping"))
        return None
    return node


def _load_registers(catalog: Catalog, files: _FileCache) -> None:
    specs: dict[str, Obj] = {"units": fmt.UNIT, "fields": fmt.FIELD, "forms": fmt.FORM}
    assert catalog.tree is not None
    for name in REGISTERS:
        path = catalog.tree.registers.get(name, catalog.root / f"{name}.yml")
        rel = catalog.tree.rel(path)
        if name not in catalog.tree.registers:
            catalog.report.add(
                rel,
                1,
                "",
                Msg("register.missing"),
                Msg("register.missing.hint"),
            )
            catalog.broken[name] = {"*"}
            continue
        node = files.read(
            catalog, path, _cache_key(rel, _file_key(path)), functools.partial(_read_yaml_file, path, rel)
        )
        if node is None:
            catalog.broken[name] = {"*"}
            continue
        ctx = Context(rel, catalog.report)
        catalog.register_lines[name] = ctx.lines
        for key, (line, _child) in node.items.items():
            ctx.lines[key] = line
        if name == "agency":
            errors = catalog.report.count_for(rel)
            agency = fmt.AGENCY.parse(node, ctx, "")
            catalog.agency = None if agency is MISSING else agency
            if agency is MISSING and catalog.report.count_for(rel) == errors:
                catalog.report.add(rel, 1, "", Msg("register.agency_unreadable"))
        else:
            entries: dict[str, Any] = {}
            for key, (line, child) in node.items.items():
                why = name_problem(key)
                if why is not None:
                    _report_bad_id(catalog, rel, line, key, why, name)
                    catalog.broken.setdefault(name, set()).add(key)
                    continue
                errors = catalog.report.count_for(rel)
                entry = specs[name].parse(child, ctx, key)
                if entry is not MISSING:
                    entries[key] = entry
                else:
                    catalog.broken.setdefault(name, set()).add(key)
                    if catalog.report.count_for(rel) == errors:  # never drop an entry without saying why
                        catalog.report.add(rel, line, key, Msg("register.entry_unreadable"))
            setattr(catalog, name, entries)
        catalog.untranslated += [Untranslated(rel, line, key) for line, key in ctx.untranslated]


def _report_bad_id(catalog: Catalog, rel: str, line: int, key: str, why: str, register: str) -> None:
    page = {"units": "don-vi", "fields": "linh-vuc", "forms": "bieu-mau"}[register]
    slug = suggested_name(key)
    if why == "reserved":
        message = Msg("register.reserved_id", key=key, register=Msg(f"register.{register}"))
        hint = Msg("register.reserved_id.hint", key=key)
    else:
        message = Msg("register.bad_id", key=key)
        hint = Msg("register.bad_id.hint", slug=slug, page=page)
        if register == "forms":  # a form has no page
            hint = Msg("register.bad_form_id.hint", slug=slug)
    catalog.report.add(rel, line, key, message, hint)


def _check_file_name(path: Path, rel: str, catalog: Catalog) -> None:
    """A procedure's file name is its page's address: lowercase ASCII words and "-", not a reserved name."""
    stem = path.name[: -len(".md")]
    why = name_problem(stem)
    if why is None:
        return
    if why == "reserved":
        message, hint = Msg("file.reserved", name=path.name), Msg("file.reserved.hint")
    else:
        nfd = "" if unicodedata.is_normalized("NFC", path.name) else Msg("file.nfd")
        message = Msg("file.bad_name", name=path.name, nfd=nfd)
        hint = Msg("file.bad_name.hint", slug=suggested_name(stem))
    catalog.report.add(rel, 1, "file", message, hint)


def _load_procedure(
    path: Path, rel: str, english: set[Path], references: References, catalog: Catalog
) -> Procedure | None:
    report = catalog.report
    en_body = _english_body(path, catalog, english)  # read even when this file is broken: one run shows all
    data = _read(path, rel, catalog)
    source = read_text(data, rel, report) if data is not None else None
    if source is None:
        return None
    parts = split_front_matter(source.text, rel, report)
    if parts is None:
        report_flaws(source.flaws, rel, report)
        return None
    front, body, body_line = parts
    node = parse_yaml(front, rel, report, 2, [f for f in source.flaws if f.line < body_line])
    report_flaws([f for f in source.flaws if f.line >= body_line], rel, report, "body")
    _check_body_size(body, rel, body_line, report)
    if node is None:
        return None
    ctx = Context(rel, report, references=references)
    procedure = fmt.PROCEDURE.parse(node, ctx, "")
    if procedure is MISSING:
        code = node.items.get("code") if isinstance(node, Map) else None
        if code is not None and isinstance(code[1], Scalar) and fmt.CODE.matches(code[1].raw.strip()):
            catalog.codes_seen[code[1].raw.strip()] = rel
        return None
    assert isinstance(procedure, Procedure)
    procedure.slug, procedure.source, procedure.lines = path.stem, rel, ctx.lines
    ctx.lines["body"] = body_line + _blank_lines_before(body)
    en_text, ctx.lines["body.en"] = en_body if en_body else (None, 1)
    procedure.body = Text(body.strip(), en_text)
    if body.strip() and not en_text:
        ctx.untranslated.append((body_line, "body"))
    catalog.untranslated += [Untranslated(rel, line, key) for line, key in ctx.untranslated]
    return procedure


def _check_body_size(body: str, rel: str, line: int, report: Report) -> bool:
    """Report a body too long to be a procedure's text; True when it is within the limit."""
    if len(body) <= MAX_BODY_CHARACTERS:
        return True
    report.add(
        rel,
        line,
        "body",
        Msg("body.too_long", limit=Num(MAX_BODY_CHARACTERS), count=Num(len(body))),
        Msg("body.too_long.hint"),
    )
    return False


def _blank_lines_before(text: str) -> int:
    """How many lines the stripped text starts after the first line of ``text``."""
    return text[: len(text) - len(text.lstrip())].count("\n")


def _english_body(path: Path, catalog: Catalog, english: set[Path]) -> tuple[str, int] | None:
    """The English body beside a procedure file, with the line it starts on; None when there is none."""
    en_path = path.with_name(path.name[: -len(".md")] + ".en.md")
    if en_path not in english:
        return None
    english.discard(en_path)
    rel = _rel(en_path, catalog.root)
    data = _read(en_path, rel, catalog)
    source = read_text(data, rel, catalog.report) if data is not None else None
    if source is None:
        return None
    report_flaws(source.flaws, rel, catalog.report, "body")
    text = source.text
    if text.lstrip().startswith("---"):
        catalog.report.add(
            rel,
            1,
            "",
            Msg("english.front_matter"),
            Msg("english.front_matter.hint", name=path.name),
        )
        return None
    if not _check_body_size(text, rel, 1, catalog.report):
        return None
    return (text.strip(), 1 + _blank_lines_before(text)) if text.strip() else None

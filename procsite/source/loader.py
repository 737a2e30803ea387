"""Load a procedures folder — registers and procedure files — into a checked ``Catalog``."""

from __future__ import annotations

import functools
import os
import unicodedata
from pathlib import Path
from typing import Any

from procsite.messages import Msg, Num
from procsite.model.catalog import Catalog, Untranslated
from procsite.model.procedure import Procedure, Text
from procsite.problems import Report
from procsite.source import format as fmt
from procsite.source.agency import check_written_colours
from procsite.source.agency_pages import check_page_links, load_pages
from procsite.source.checks import check_catalog
from procsite.source.common import CODE
from procsite.source.file_cache import FileCache, cache_key, file_key
from procsite.source.files import (
    OPTIONAL_REGISTERS,
    REGISTERS,
    NotReadable,
    name_problem,
    read_source,
    suggested_name,
    walk,
)
from procsite.source.logo import check_logo
from procsite.source.quality import REGISTERS as QUALITY_REGISTERS
from procsite.source.quality import SYSTEM
from procsite.source.quality_checks import check_quality
from procsite.source.references import References
from procsite.source.schema import MISSING, Context, Obj
from procsite.source.yamlparse import parse_yaml
from procsite.source.yamlsrc import Map, Scalar, read_text, report_flaws, split_front_matter

MAX_BODY_CHARACTERS = 50_000
"""The free text of a procedure, in each language: a few pages at most; the rest belongs in a form file."""


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
    files = FileCache(root)
    _load_registers(catalog, files)
    check_logo(catalog)
    load_pages(catalog)
    english = set(tree.english)
    references = catalog.references()
    _load_quality_registers(catalog, files, references)
    registers = cache_key(*sorted(tree.registers), *(file_key(tree.registers[name]) for name in sorted(tree.registers)))
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
        key = cache_key(rel, file_key(path), file_key(en_path) if has_english else "none", registers)
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
    check_catalog(catalog)
    check_quality(catalog)
    check_page_links(catalog)  # the agency's pages link to procedures: once all of them are known
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


def _load_registers(catalog: Catalog, files: FileCache) -> None:
    specs: dict[str, Obj] = {"units": fmt.UNIT, "fields": fmt.FIELD, "forms": fmt.FORM, "everyday": fmt.EVERYDAY}
    assert catalog.tree is not None
    for name in (*REGISTERS, *OPTIONAL_REGISTERS):
        if name in QUALITY_FILES:
            continue  # read once the other registers are known: they name units and forms
        path = catalog.tree.registers.get(name, catalog.root / f"{name}.yml")
        rel = catalog.tree.rel(path)
        if name not in catalog.tree.registers and name in OPTIONAL_REGISTERS:
            continue
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
        read = _read_register(catalog, files, name, path)
        if read is None:
            continue
        node, ctx = read
        if name == "agency":
            errors = catalog.report.count_for(rel)
            check_written_colours(node, ctx)
            catalog.agency = _one_object(catalog, node, ctx, fmt.AGENCY, "register.agency_unreadable", errors)
        else:
            setattr(catalog, name, _entries(catalog, node, ctx, name, specs[name]))
        catalog.untranslated += [Untranslated(rel, line, key) for line, key in ctx.untranslated]


QUALITY_FILES = (*QUALITY_REGISTERS, "system")
"""The quality system's registers (``source/quality.py``), all optional."""


def _load_quality_registers(catalog: Catalog, files: FileCache, references: References) -> None:
    """Read ``objectives.yml``, ``documents.yml`` and ``system.yml`` when the folder has them; the units and
    forms they name are checked where they are written."""
    assert catalog.tree is not None
    for name in QUALITY_FILES:
        path = catalog.tree.registers.get(name)
        if path is None:
            continue
        read = _read_register(catalog, files, name, path, references)
        if read is None:
            continue
        node, ctx = read
        if name == "system":
            errors = catalog.report.count_for(ctx.rel)
            catalog.system = _one_object(catalog, node, ctx, SYSTEM, "register.system_unreadable", errors)
        else:
            setattr(catalog, name, _entries(catalog, node, ctx, name, QUALITY_REGISTERS[name]))
        catalog.untranslated += [Untranslated(ctx.rel, line, key) for line, key in ctx.untranslated]


def _read_register(
    catalog: Catalog, files: FileCache, name: str, path: Path, references: References | None = None
) -> tuple[Map, Context] | None:
    """The mapping of the register ``name`` at ``path`` and the context to check it in, its top keys' lines
    noted; None (the register marked broken) when it could not be read."""
    assert catalog.tree is not None
    rel = catalog.tree.rel(path)
    node = files.read(catalog, path, cache_key(rel, file_key(path)), functools.partial(_read_yaml_file, path, rel))
    if node is None:
        catalog.broken[name] = {"*"}
        return None
    ctx = Context(rel, catalog.report, references=references)
    catalog.register_lines[name] = ctx.lines
    for key, (line, _child) in node.items.items():
        ctx.lines[key] = line
    return node, ctx


def _one_object(catalog: Catalog, node: Map, ctx: Context, spec: Obj, unreadable: str, errors: int) -> Any:
    """A register that is one object (``agency.yml``, ``system.yml``), or None; when it could not be read and
    no problem was said of it since ``errors`` were counted, the ``unreadable`` message says so."""
    value = spec.parse(node, ctx, "")
    if value is MISSING and catalog.report.count_for(ctx.rel) == errors:
        catalog.report.add(ctx.rel, 1, "", Msg(unreadable))
    return None if value is MISSING else value


def _entries(catalog: Catalog, node: Map, ctx: Context, name: str, spec: Obj) -> dict[str, Any]:
    """The entries of a register by id, each parsed by ``spec``; a broken one is reported, never dropped
    silently."""
    entries: dict[str, Any] = {}
    for key, (line, child) in node.items.items():
        why = name_problem(key)
        if why is not None:
            _report_bad_id(catalog, ctx.rel, line, key, why, name)
            catalog.broken.setdefault(name, set()).add(key)
            continue
        errors = catalog.report.count_for(ctx.rel)
        entry = spec.parse(child, ctx, key)
        if entry is not MISSING:
            entries[key] = entry
        else:
            catalog.broken.setdefault(name, set()).add(key)
            if catalog.report.count_for(ctx.rel) == errors:  # never drop an entry without saying why
                catalog.report.add(ctx.rel, line, key, Msg("register.entry_unreadable"))
    return entries


def _report_bad_id(catalog: Catalog, rel: str, line: int, key: str, why: str, register: str) -> None:
    page = {"units": "don-vi", "fields": "linh-vuc"}.get(register)
    slug = suggested_name(key)
    if why == "reserved":
        message = Msg("register.reserved_id", key=key, register=Msg(f"register.{register}"))
        hint = Msg("register.reserved_id.hint", key=key)
    else:
        message = Msg("register.bad_id", key=key)
        # A form or an everyday name has no page of its own.
        hint = (
            Msg("register.bad_id.hint", slug=slug, page=page) if page else Msg("register.bad_form_id.hint", slug=slug)
        )
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
        if code is not None and isinstance(code[1], Scalar) and CODE.matches(code[1].raw.strip()):
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

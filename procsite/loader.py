"""Load a procedures folder — registers and procedure files — into a checked ``Catalog``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import format as fmt
from .checks import check_catalog
from .model import Agency, Field, Form, Procedure, Text, Unit
from .problems import Report
from .schema import MISSING, Context, Obj
from .yamlsrc import Map, parse_yaml, read_text, report_flaws, split_front_matter

REGISTERS = ("agency", "units", "fields", "forms")
MAX_FILE_BYTES = 1_000_000
"""A procedure is a few kilobytes; a bigger file is a paste gone wrong, not a procedure."""


@dataclass(frozen=True)
class Untranslated:
    """A text shown in Vietnamese on the English site because its English is missing."""

    path: str
    line: int
    key: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.key}: translation.missing: no English text yet"


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
    unreadable: list[str] = field(default_factory=list)
    """Procedure files that could not be read; codes they hold are unknown."""
    register_lines: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per register file name, the line of each key path, for messages."""
    broken: dict[str, set[str]] = field(default_factory=dict)
    """Per register, the ids of entries with a problem already reported ("*": the whole file)."""

    def already_reported(self, register: str, entry_id: str) -> bool:
        """True when a reference to ``entry_id`` fails only because of a problem already reported,
        so that one mistake in a register is not reported again at every procedure that uses it."""
        broken = self.broken.get(register, set())
        return "*" in broken or entry_id in broken

    def register_line(self, register: str, key: str) -> int:
        """The line where ``key`` (e.g. ``featured[1]``) was written in ``register``.yml."""
        lines = self.register_lines.get(register, {})
        return lines.get(key, lines.get(key.split("[")[0].rsplit(".", 1)[0], 0))

    def by_code(self) -> dict[str, Procedure]:
        """Procedures by national code."""
        return {p.code: p for p in self.procedures}


def load_catalog(root: Path) -> Catalog:
    """Read and check every register and procedure under ``root``; problems go to ``catalog.report``."""
    catalog = Catalog(root=root)
    if not root.is_dir():
        catalog.report.add(
            str(root),
            0,
            "",
            "expected a procedures folder, but received: no such folder.",
            "Set PROCEDURES to a folder that holds agency.yml, units.yml, fields.yml, forms.yml.",
        )
        return catalog
    _load_registers(catalog)
    for path in sorted(root.rglob("*.md")):
        rel = _rel(path, root)
        if path.name.endswith(".en.md") or path.name.lower() == "readme.md":
            continue
        procedure = _load_procedure(path, rel, catalog)
        if procedure is not None:
            catalog.procedures.append(procedure)
        else:
            catalog.unreadable.append(rel)
    for path in sorted(root.rglob("*.en.md")):
        vi_path = path.with_name(path.name[: -len(".en.md")] + ".md")
        if not vi_path.exists():
            catalog.report.add(
                _rel(path, root),
                1,
                "",
                f"expected a Vietnamese file beside this English text, but received: no {vi_path.name}.",
                "Rename it after its procedure file, adding .en.md.",
            )
    check_catalog(catalog)
    return catalog


_CACHE: dict[Path, tuple[tuple[tuple[str, int, int], ...], Catalog]] = {}
"""The last catalog read, with the size and time of every file it came from.

Both languages of a build read the same folder; this lets the second build (and the
processes a parallel build forks) reuse the first read. It is checked against every
file's size and modification time, so an edit during ``serve`` is always seen."""


def load_catalog_cached(root: Path) -> Catalog:
    """``load_catalog``, reusing the last result when no file under ``root`` changed since."""
    root = root.resolve()
    signature = tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in root.rglob("*") if p.is_file()))
    cached = _CACHE.get(root)
    if cached is not None and cached[0] == signature:
        return cached[1]
    catalog = load_catalog(root)
    _CACHE.clear()
    _CACHE[root] = (signature, catalog)
    return catalog


def _rel(path: Path, root: Path) -> str:
    return str(Path(root.name) / path.relative_to(root))


def _read_yaml_file(path: Path, rel: str, report: Report) -> Map | None:
    source = read_text(path, rel, report)
    if source is None:
        return None
    node = parse_yaml(source.text, rel, report, flaws=source.flaws)
    if node is None:
        return None
    if not isinstance(node, Map):
        report.add(rel, node.line, "", "expected a mapping of ids to entries, but received: a list or a text.")
        return None
    return node


def _load_registers(catalog: Catalog) -> None:
    specs: dict[str, Obj] = {"units": fmt.UNIT, "fields": fmt.FIELD, "forms": fmt.FORM}
    for name in REGISTERS:
        path = catalog.root / f"{name}.yml"
        rel = _rel(path, catalog.root)
        if not path.exists():
            catalog.report.add(
                rel,
                0,
                "",
                "expected this register file, but received: no such file.",
                "Copy it from the sample procedures folder and adapt it.",
            )
            catalog.broken[name] = {"*"}
            continue
        node = _read_yaml_file(path, rel, catalog.report)
        if node is None:
            catalog.broken[name] = {"*"}
            continue
        ctx = Context(rel, catalog.report)
        catalog.register_lines[name] = ctx.lines
        for key, (line, _child) in node.items.items():
            ctx.lines[key] = line
        if name == "agency":
            agency = fmt.AGENCY.parse(node, ctx, "")
            catalog.agency = None if agency is MISSING else agency
        else:
            entries: dict[str, Any] = {}
            for key, (line, child) in node.items.items():
                if not _is_id(key):
                    catalog.report.add(
                        rel,
                        line,
                        key,
                        f'expected an id of lowercase letters, digits and "-", but received: "{key}".',
                        'For example: "mot-cua".',
                    )
                    continue
                entry = specs[name].parse(child, ctx, key)
                if entry is not MISSING:
                    entries[key] = entry
                else:
                    catalog.broken.setdefault(name, set()).add(key)
            setattr(catalog, name, entries)
        catalog.untranslated += [Untranslated(rel, line, key) for line, key in ctx.untranslated]


def _is_id(key: str) -> bool:
    return re.fullmatch(r"[a-z0-9][a-z0-9-]*", key) is not None


def _too_big(path: Path, rel: str, report: Report) -> bool:
    """Report a procedure file (or its English text) too big to be one; True when it is."""
    size = path.stat().st_size
    if size <= MAX_FILE_BYTES:
        return False
    report.add(
        rel,
        0,
        "",
        f"expected a procedure file under {MAX_FILE_BYTES // 1000} KB, but received: {size // 1000} KB.",
        "Keep long annexes in a form file and link to it.",
    )
    return True


def _load_procedure(path: Path, rel: str, catalog: Catalog) -> Procedure | None:
    report = catalog.report
    en_body = _english_body(path, catalog)  # read even when this file is broken: one run shows every problem
    if _too_big(path, rel, report):
        return None
    source = read_text(path, rel, report)
    if source is None:
        return None
    parts = split_front_matter(source.text, rel, report)
    if parts is None:
        report_flaws(source.flaws, rel, report)
        return None
    front, body, body_line = parts
    node = parse_yaml(front, rel, report, 2, [f for f in source.flaws if f.line < body_line])
    report_flaws([f for f in source.flaws if f.line >= body_line], rel, report, "body")
    if node is None:
        return None
    ctx = Context(rel, report)
    procedure = fmt.PROCEDURE.parse(node, ctx, "")
    if procedure is MISSING:
        return None
    assert isinstance(procedure, Procedure)
    procedure.slug, procedure.source, procedure.lines = path.stem, rel, ctx.lines
    procedure.body = Text(body.strip(), en_body)
    if body.strip() and not en_body:
        ctx.untranslated.append((body_line, "body"))
    catalog.untranslated += [Untranslated(rel, line, key) for line, key in ctx.untranslated]
    return procedure


def _english_body(path: Path, catalog: Catalog) -> str | None:
    en_path = path.with_name(path.stem + ".en.md")
    if not en_path.exists():
        return None
    rel = _rel(en_path, catalog.root)
    if _too_big(en_path, rel, catalog.report):
        return None
    source = read_text(en_path, rel, catalog.report)
    if source is None:
        return None
    report_flaws(source.flaws, rel, catalog.report, "body")
    text = source.text
    if text.lstrip().startswith("---"):
        catalog.report.add(
            rel,
            1,
            "",
            "expected only the English body text, but received: front matter.",
            f'Facts are written once, in {path.name}; put English texts there as "en:".',
        )
        return None
    return text.strip() or None

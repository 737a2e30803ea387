"""``procsite import SOURCE... --procedures FOLDER``: what an agency already has, into its folder.

Sources are files or folders, each file recognised by its content (``detect``): national records (JSON),
the portal's Word export, ISO process documents (.docx, or .doc through LibreOffice). National records
come first, so that an ISO document of the same run finds its procedure. Nothing is written unless the
folder's registers read cleanly; every procedure file written is checked again at the end.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from procsite.folding import fold
from procsite.importers import detect
from procsite.importers.doc_convert import convert_doc
from procsite.importers.iso_records import IsoProcess
from procsite.importers.iso_to_source import ISO_KEYS, map_process
from procsite.importers.iso_word import read_iso_word
from procsite.importers.national_json import read_national_json
from procsite.importers.national_word import read_national_word
from procsite.importers.records import NationalRecord, SourceError
from procsite.importers.registers import Registers
from procsite.importers.report import ImportReport
from procsite.importers.to_source import NATIONAL_KEYS, map_record
from procsite.importers.writer import MergeError, merge, new_file, replace_keys
from procsite.messages import Count, Msg
from procsite.model.catalog import Catalog
from procsite.model.procedure import WORKING_HOURS_PER_DAY
from procsite.source.files import suggested_name
from procsite.source.loader import load_catalog

REGISTERS = ("/units.yml", "/fields.yml", "/forms.yml")
MAX_SOURCES = 20_000
"""A national catalogue is about 6,000 procedures: more files than this is a wrong folder."""


@dataclass
class ImportRun:
    folder: Path
    today: dt.date
    reports: list[ImportReport] = field(default_factory=list)
    written: dict[str, Path] = field(default_factory=dict)  # code -> procedure file written in this run
    messages: list[Msg] = field(default_factory=list)


def run_import(sources: list[Path], folder: Path, lang: str, today: dt.date | None = None) -> tuple[int, str]:
    """Import ``sources`` into ``folder``; the exit status and the report to print."""
    run = ImportRun(folder, today or dt.date.today())
    if not (folder / "units.yml").is_file():
        return 2, Msg("import.folder.not_procedures", folder=str(folder)).render(lang)
    catalog = load_catalog(folder)
    # The registers an import adds to must read cleanly; other problems (a procedure file, a featured
    # code) are the folder's own and are reported by check, as before the import.
    broken = [p for p in catalog.report.problems if p.path.endswith(REGISTERS)]
    if broken:
        lines = [Msg("import.folder.registers_broken").render(lang), *(p.render(lang) for p in broken)]
        return 1, "\n".join(lines)
    registers = Registers.of(catalog)
    existing = _files_by_code(catalog)
    records: list[NationalRecord] = []
    processes: list[IsoProcess] = []
    with tempfile.TemporaryDirectory(prefix="procsite-import-") as scratch:
        for path, shown in _source_files(sources, run):
            try:
                _read(path, shown, Path(scratch), records, processes)
            except SourceError as error:
                report = ImportReport(error.source, status="failed")
                report.error(error.where or "—", error.why)
                run.reports.append(report)
    for record in records:
        _import_record(record, run, registers, existing)
    titles = {fold(p.title.vi): p.source for p in catalog.procedures}
    for process in processes:
        _import_process(process, run, registers, existing, titles)
    registers.write(folder)
    return _finish(run, lang)


def _source_files(sources: list[Path], run: ImportRun) -> Iterator[tuple[Path, str]]:
    count = 0
    for source in sources:
        if source.is_dir() and not source.is_symlink():
            files = sorted(p for p in source.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif source.exists() or source.is_symlink():
            files = [source]
        else:
            run.messages.append(Msg("import.source.missing", source=str(source)))
            continue
        for path in files:
            count += 1
            if count > MAX_SOURCES:
                run.messages.append(Msg("import.source.too_many", limit=Count(MAX_SOURCES, "file")))
                return
            yield path, str(path)


def _read(path: Path, shown: str, scratch: Path, records: list[NationalRecord], processes: list[IsoProcess]) -> None:
    kind = detect.kind_of(path)
    if kind == "doc":
        path = convert_doc(detect.read_source_file(path, shown), shown, scratch)
        kind = detect.kind_of(path)
    if kind == "national_json":
        records.append(read_national_json(path, shown))
    elif kind == "national_word":
        records.append(read_national_word(path, shown))
    elif kind == "iso_word":
        processes.append(read_iso_word(path, shown))
    else:
        raise SourceError(shown, "", Msg("import.source.unknown"))


def _files_by_code(catalog: Catalog) -> dict[str, Path]:
    root_parent = catalog.root.parent
    found = {p.code: root_parent / p.source for p in catalog.procedures}
    for code, rel in catalog.codes_seen.items():
        found.setdefault(code, root_parent / rel)
    return found


def _import_record(record: NationalRecord, run: ImportRun, registers: Registers, existing: dict[str, Path]) -> None:
    report = ImportReport(record.source)
    run.reports.append(report)
    mapped = map_record(record, registers, report)
    if mapped is None:
        report.status = "failed"
        return
    path = run.written.get(mapped.code) or existing.get(mapped.code)
    if path is not None and path.exists():
        old = path.read_text(encoding="utf-8")
        try:
            text, changes = merge(old, mapped)
        except MergeError as error:
            report.error("file", error.why)
            report.status = "failed"
            return
        report.changes = changes
        report.status = "updated" if text != old else "unchanged"
        if changes:
            report.revision = _proposed_revision(old, changes, record, run.today)
    else:
        path = _new_path(run.folder, str(mapped.front["field"]), mapped.front["title"]["vi"], existing, run)
        text = new_file(mapped, Path(record.source).name, run.today)
        report.status = "new"
    _write(path, text)
    run.written[mapped.code] = path
    report.file = str(path.relative_to(run.folder.parent))


def _new_path(folder: Path, field_id: str, title: str, existing: dict[str, Path], run: ImportRun) -> Path:
    base = suggested_name(title)[:60].rsplit("-", 1)[0] if len(suggested_name(title)) > 60 else suggested_name(title)
    taken = {p.resolve() for p in [*existing.values(), *run.written.values()]}
    candidate, n = folder / field_id / f"{base}.md", 2
    while candidate.exists() or candidate.resolve() in taken or base == "index":
        candidate, n = folder / field_id / f"{base}-{n}.md", n + 1
    return candidate


def _write(path: Path, text: str) -> None:
    """Write whole or not at all: a crash mid-write leaves the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.importing")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _proposed_revision(old: str, changes: list[tuple[str, str, str]], record: NationalRecord, today: dt.date) -> str:
    """The ``iso.revisions`` entry staff should add for this update, for them to confirm (not written)."""
    issue = re.search(r"^  issue:\s*(\d+)", old, re.MULTILINE)
    keys = list(dict.fromkeys(path.split(".")[0].split("[")[0] for path, _, _ in changes))
    decision = record.decision.number if record.decision and record.decision.number else ""
    change = Msg("import.revision.change", keys=", ".join(keys), decision=decision or "—").render("vi")
    next_issue = int(issue.group(1)) + 1 if issue else 1
    return f'- issue: {next_issue}\n  date: {today.isoformat()}\n  change: {{vi: "{change}"}}\n'


def _import_process(
    process: IsoProcess, run: ImportRun, registers: Registers, existing: dict[str, Path], titles: dict[str, str]
) -> None:
    report = ImportReport(process.source)
    run.reports.append(report)
    code = process.national_code
    path = (run.written.get(code) or existing.get(code)) if code else None
    if path is None and process.procedure_name:
        rel = titles.get(fold(_without_thu_tuc(process.procedure_name)))
        path = run.folder.parent / rel if rel else None
    if path is None or not path.exists():
        report.error("procedure", Msg("import.iso.no_procedure", name=process.procedure_name or "—", code=code or "—"))
        report.status = "failed"
        return
    old = path.read_text(encoding="utf-8")
    front = map_process(process, registers, report, _limit_hours(path.parent.parent, path))
    try:
        text, changes = replace_keys(old, front, ISO_KEYS)
    except MergeError as error:
        report.error("file", error.why)
        report.status = "failed"
        return
    report.code, report.changes = code, changes
    report.status = "updated" if text != old else "unchanged"
    _write(path, text)
    report.file = str(path.relative_to(run.folder.parent))


def _without_thu_tuc(name: str) -> str:
    return re.sub(r"^(quy trình\s+)?(thủ tục\s+)?", "", name.strip(), flags=re.IGNORECASE)


def _limit_hours(_root: Path, path: Path) -> float | None:
    """The procedure's processing time in working hours, read from its file (None when not in hours)."""
    text = path.read_text(encoding="utf-8")
    found = re.search(r"^\s*limit:\s*([\d.]+)\s+(working_days|working_hours)\b", text, re.MULTILINE)
    if not found:
        found = re.search(r"^processing_time:\s*([\d.]+)\s+(working_days|working_hours)\b", text, re.MULTILINE)
    if re.search(r"^processing_time:\s*same_day|^\s*limit:\s*same_day", text, re.MULTILINE):
        return float(WORKING_HOURS_PER_DAY)
    if not found:
        return None
    amount = float(found.group(1))
    return amount * WORKING_HOURS_PER_DAY if found.group(2) == "working_days" else amount


def _finish(run: ImportRun, lang: str) -> tuple[int, str]:
    lines = [m.render(lang) for m in run.messages]
    lines += [r.render(lang) for r in run.reports]
    catalog = load_catalog(run.folder)
    written = {str(p.relative_to(run.folder.parent)) for p in run.written.values()} | {
        r.file for r in run.reports if r.file
    }
    problems = [p for p in catalog.report.problems if p.path in written or p.path.endswith(REGISTERS)]
    notices = [n for n in catalog.to_complete() if n.path in written]
    counts = {s: sum(1 for r in run.reports if r.status == s) for s in ("new", "updated", "unchanged", "failed")}
    lines.append(
        Msg(
            "import.summary",
            new=Count(counts["new"], "procedure"),
            updated=counts["updated"],
            unchanged=counts["unchanged"],
            failed=counts["failed"],
            notices=len(notices),
        ).render(lang)
    )
    if problems:
        lines.append(Msg("import.check.problems", count=len(problems)).render(lang))
        lines += [p.render(lang) for p in problems]
    else:
        lines.append(Msg("import.check.ok").render(lang))
    failed = counts["failed"] > 0 or bool(problems) or bool(run.messages)
    return (1 if failed else 0), "\n".join(lines)


__all__ = ["NATIONAL_KEYS", "run_import"]

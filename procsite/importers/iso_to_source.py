"""An agency's ISO process document mapped to our keys: the ``iso`` block and the ``steps``.

The process belongs to the agency: importing it replaces the procedure's ``iso`` and ``steps`` (they
were ``to_complete`` after a national import, or staff typed them), and adds the units it names (the
"Trách nhiệm" column, the signers' positions) to ``units.yml`` by name. What the document does not
state clearly is not guessed: a step whose time cannot be read stops the steps from being imported, and
the document control stays ``to_complete`` when its code, issue, date or a signer's position is missing.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from procsite.importers.iso_records import IsoProcess, IsoStep
from procsite.importers.registers import Registers
from procsite.importers.report import ImportReport
from procsite.importers.to_source import one_line, vi
from procsite.importers.vi_durations import Length, read_length
from procsite.messages import Msg
from procsite.model.procedure import WORKING_HOURS_PER_DAY
from procsite.source.schema import TO_COMPLETE

ISO_KEYS = ("iso", "steps", "timing_note")
"""The keys an ISO process document owns."""

_ISO_CODE = re.compile(r"[A-ZĐ0-9][A-ZĐ0-9./-]*")
_UNITS = {"working_days", "working_hours", "days"}


def map_process(
    process: IsoProcess, registers: Registers, report: ImportReport, limit_hours: float | None
) -> dict[str, Any]:
    """The ``iso`` and ``steps`` keys of ``process`` (``to_complete`` where it cannot be read clearly),
    and a ``timing_note`` when its steps do not add up to the procedure's time (``limit_hours``)."""
    front: dict[str, Any] = {"iso": _control(process, registers, report)}
    steps = _steps(process, registers, report)
    front["steps"] = steps if steps else TO_COMPLETE
    if steps and limit_hours is not None:
        hours = [_hours(s["duration"]) for s in steps if not s.get("parallel")]
        total = sum(h for h in hours if h is not None) if all(h is not None for h in hours) else None
        if total is not None and abs(total - limit_hours) > 1e-9:
            note = one_line(process.notes) or Msg("import.iso.timing_note").render("vi")
            front["timing_note"] = vi(note)
            report.note("timing_note", Msg("import.iso.total", total=_show(total), limit=_show(limit_hours)))
    for issue in process.issues:
        report.drop(issue.where, issue.why, issue.received)
    report.mapped = [key for key, value in front.items() if value != TO_COMPLETE]
    return front


def iso_code(written: str) -> str:
    """A process code in the form the source format takes: "QT 01/CX-HCTP" → "QT-01/CX-HCTP"."""
    code = re.sub(r"\s+", "-", one_line(written).upper().replace("–", "-"))
    return code if _ISO_CODE.fullmatch(code) else ""


def _control(process: IsoProcess, registers: Registers, report: ImportReport) -> Any:
    code = iso_code(process.code)
    if process.code and code != one_line(process.code):
        report.note("iso.code", Msg("import.iso.code", written=process.code, code=code or "—"))
    roles = {}
    for role in ("drafted", "reviewed", "approved"):
        person = next((p for p in process.people if p.role == role and one_line(p.title)), None)
        if person is not None:
            roles[f"{role}_by"] = _unit(one_line(person.title), process, registers, report)
    missing = [
        what
        for what, present in (
            ("code", bool(code)),
            ("issue", process.issue is not None),
            ("date", process.issued is not None),
            *((f"{role}_by", f"{role}_by" in roles) for role in ("drafted", "reviewed", "approved")),
        )
        if not present
    ]
    if missing:
        report.placeholder("iso", Msg("import.why.iso_missing", missing=", ".join(missing)))
        return TO_COMPLETE
    assert process.issue is not None and process.issued is not None
    control: dict[str, Any] = {"code": code, "issue": process.issue, "effective": process.issued, **roles}
    control["revisions"] = _revisions(process, report)
    return control


def _revisions(process: IsoProcess, report: ImportReport) -> list[dict[str, Any]]:
    """The revision log as entries of the current issue: the document's log lists the amendments (lần sửa
    đổi) made within its issue, the source format lists entries by issue (the checker wants the last
    entry's issue to be the document's). A row without a date takes the document's date of issue, said
    in the report."""
    assert process.issue is not None and process.issued is not None
    issue, issued = process.issue, process.issued
    first = "Ban hành lần đầu" if issue == 1 else f"Ban hành lần {issue}"
    entries: list[dict[str, Any]] = [{"issue": issue, "date": issued, "change": vi(first)}]
    undated = 0
    for row in process.revisions:
        change = one_line(row.change)
        if not change:
            report.drop("iso.revisions", Msg("import.iso.revision_unread"), f"{row.number} {row.issue}")
            continue
        number = re.search(r"\d+", row.issue or "")
        text = f"Sửa đổi lần {int(number.group(0))}: {change}" if number else change
        if one_line(row.basis):
            text += f" (căn cứ: {one_line(row.basis)})"
        date = _date(row.date)
        undated += date is None
        entry: dict[str, Any] = {"issue": issue, "date": date or issued, "change": vi(text)}
        if one_line(row.part):
            entry["section"] = vi(one_line(row.part))
        entries.append(entry)
    if undated:
        report.note("iso.revisions", Msg("import.iso.revision_dates", n=undated, date=issued.isoformat()))
    return entries


def _date(text: str) -> dt.date | None:
    found = re.search(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", text or "")
    if not found:
        return None
    try:
        return dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
    except ValueError:
        return None


def _steps(process: IsoProcess, registers: Registers, report: ImportReport) -> list[dict[str, Any]]:
    top = [s for s in process.steps if not s.parent]
    subs: dict[str, list[IsoStep]] = {}
    for step in process.steps:
        if step.parent:
            subs.setdefault(step.parent, []).append(step)
    steps: list[dict[str, Any]] = []
    for i, step in enumerate(top, start=1):
        action = one_line(" ".join([step.action, *(one_line(s.action) for s in subs.get(step.number, []))]))
        length = read_length(step.time, day_is_working=True) or _sum_of(subs.get(step.number, []))
        if length is None or length.unit not in _UNITS:
            report.placeholder("steps", Msg("import.why.step_time", n=i, received=step.time or "—"))
            return []
        responsible = one_line(step.responsible)
        if not action or not responsible:
            report.placeholder("steps", Msg("import.why.step_cell", n=i))
            return []
        unit_id = _unit(responsible, process, registers, report)
        item: dict[str, Any] = {"action": vi(action), "unit": unit_id}
        amount = int(length.amount) if length.amount == int(length.amount) else length.amount
        item["duration"] = f"{amount} {length.unit}"
        if one_line(step.output):
            item["output"] = vi(one_line(step.output))
        if step.time_shared:
            item["parallel"] = True
        steps.append(item)
    return steps


def _unit(name: str, process: IsoProcess, registers: Registers, report: ImportReport) -> str:
    """The unit a responsibility or a signer's position names: found as written or with the document's
    abbreviations in words ("Chủ tịch UBND xã" is "Chủ tịch Ủy ban nhân dân xã"), else added in words."""
    words = _expand(name, process.abbreviations)
    found = registers.find("units", name) or registers.find("units", words)
    if found:
        return found
    unit_id, _ = registers.find_or_add("units", words, {"name": vi(words)})
    report.added("units", unit_id, words)
    return unit_id


def _sum_of(subs: list[IsoStep]) -> Length | None:
    """The time of a step that states none, as the sum of its sub-steps' times (in one unit)."""
    lengths = [read_length(s.time, day_is_working=True) for s in subs if not s.time_shared]
    known = [x for x in lengths if x is not None]
    if not known or len(known) != len(lengths) or len({x.unit for x in known}) != 1:
        return None
    return Length(sum(x.amount for x in known), known[0].unit)


def _expand(text: str, abbreviations: dict[str, str]) -> str:
    """A responsibility written with the document's own abbreviations, in words: "BPTN&HT" → its meaning."""
    if text in abbreviations:
        return one_line(abbreviations[text])
    for short, meaning in sorted(abbreviations.items(), key=lambda kv: -len(kv[0])):
        text = re.sub(rf"(?<![\w&]){re.escape(short)}(?![\w&])", one_line(meaning), text)
    return text


def _hours(duration: str) -> float | None:
    amount, unit = duration.split(" ")
    if unit == "days":
        return None
    return float(amount) * (WORKING_HOURS_PER_DAY if unit == "working_days" else 1)


def _show(hours: float) -> str:
    days = hours / WORKING_HOURS_PER_DAY
    return (
        f"{days:g} working_days"
        if hours >= WORKING_HOURS_PER_DAY and days * 2 == int(days * 2)
        else f"{hours:g} working_hours"
    )

"""A national record mapped to our source format: the front matter of one procedure file.

What the record states is written as it states it (cleaned as ``make fix`` cleans: NFC, no Word
paste); what it does not have is written ``to_complete`` (the ISO steps and document control are
never in it); what has no place in our format is dropped and said. Every decision is noted in the
procedure's ``ImportReport`` so that staff can check it: nothing is guessed silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from procsite.importers.records import DocumentGroup, NationalFee, NationalRecord, TimeLimit
from procsite.importers.registers import Registers
from procsite.importers.report import ImportReport
from procsite.messages import Msg
from procsite.source.canonical import canonical
from procsite.source.common import CODE
from procsite.source.format import CHANNELS
from procsite.source.schema import TO_COMPLETE

NATIONAL_KEYS = (
    "title",
    "code",
    "field",
    "level",
    "channels",
    "applicants",
    "submit_at",
    "processing_time",
    "fees",
    "documents",
    "national_steps",
    "conditions",
    "legal_basis",
    "result",
    "decision",
)
"""The keys a national record owns: an import of a newer record rewrites them (keeping their English)."""

FIRST_IMPORT_KEYS = ("iso", "performing_units", "competent_unit", "steps", "keywords")
"""Keys written by the first import only: staff complete them (steps, units, ISO block) and own them after."""

KEY_ORDER = (
    "title", "code", "iso", "field", "level", "performing_units", "competent_unit", "channels", "applicants",
    "submit_at", "processing_time", "fees", "documents", "steps", "national_steps", "conditions", "legal_basis",
    "result", "decision", "keywords",
)  # fmt: skip
"""The order keys are written in, the order of the annotated example of the staff guide."""

_UNITS = {"working_days": "working_days", "days": "days", "working_hours": "working_hours"}
_BULLET = re.compile(r"^\s*(?:[-+*•–]|\(?[ivx]+\)|\d+[.)])\s+")
_THU_TUC = re.compile(r"^thủ tục\s+", re.IGNORECASE)
_NOTE = re.compile(r"^\*?\s*(lưu ý|ghi chú)\s*:?\s*", re.IGNORECASE)
_FREE_WORDS = re.compile(r"miễn|không thu|không mất phí|free", re.IGNORECASE)
MAX_LINE = 9_000
"""Under the source format's 10,000 characters a line, with room for the key and indent."""


def clean(text: str) -> str:
    """A source text in our stored form: NFC, no Word paste, no control characters, single spaces."""
    text = canonical(text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " "))
    text = "".join(c for c in text if c == "\n" or c == "\t" or (ord(c) >= 32 and not 0x7F <= ord(c) < 0xA0))
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    out = "\n".join(line for line in lines if line)
    return "\n".join(_wrap(line) for line in out.split("\n"))


def _wrap(line: str) -> str:
    """A line longer than the format allows, cut at sentence ends into several lines."""
    if len(line) <= MAX_LINE:
        return line
    parts, current = [], ""
    for sentence in re.split(r"(?<=[.;])\s+", line):
        while len(sentence) > MAX_LINE:
            parts.append(sentence[:MAX_LINE])
            sentence = sentence[MAX_LINE:]
        if current and len(current) + 1 + len(sentence) > MAX_LINE:
            parts.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    return "\n".join([*parts, current] if current else parts)


def one_line(text: str) -> str:
    """A short text (a name, a label) on one line."""
    return " ".join(clean(text).split("\n"))


def unbulleted(text: str) -> str:
    """A list item without its bullet: "- Tờ khai" → "Tờ khai"."""
    return _BULLET.sub("", one_line(text)).strip()


def vi(text: str) -> dict[str, str]:
    return {"vi": text}


@dataclass
class Mapped:
    """One record as our front matter (key → value as written), its body, and what the import did."""

    code: str
    front: dict[str, Any]
    body: str
    report: ImportReport
    units_named: list[str] = field(default_factory=list)


def map_record(record: NationalRecord, registers: Registers, report: ImportReport) -> Mapped | None:
    """``record`` in our format, registers extended by name; None when it has no usable code."""
    code = one_line(record.code).replace(" ", "")
    if not CODE.matches(code):
        report.error("code", Msg("import.code.invalid", received=record.code))
        return None
    report.code = code
    front: dict[str, Any] = {}
    title = _THU_TUC.sub("", one_line(record.name))
    if not title:
        report.error("title", Msg("import.title.missing"))
        return None
    front["title"] = vi(title[0].upper() + title[1:])
    front["code"] = code
    front["iso"] = TO_COMPLETE
    report.placeholder("iso", Msg("import.why.iso"))
    front["field"] = _field(record, registers, report)
    front["level"] = _level(record, report)
    front["performing_units"] = _units(record.performing, registers, report, "performing_units")
    competent = [u for u in _units(record.competent, registers, report, "competent_unit")[:1] if u != TO_COMPLETE]
    if competent:
        front["competent_unit"] = competent[0]
    front["channels"] = _channels(record, report)
    if record.applicants:
        front["applicants"] = vi("; ".join(one_line(a) for a in record.applicants if one_line(a)))
    if one_line(record.submit_at):
        front["submit_at"] = vi(one_line(record.submit_at))
    front["processing_time"] = _processing_time(record, report)
    front["fees"] = _fees(record, report)
    documents, notes = _documents(record.document_groups, registers, report)
    front["documents"] = documents or TO_COMPLETE
    if not documents:
        report.placeholder("documents", Msg("import.why.none", what=Msg("import.what.documents")))
    front["steps"] = TO_COMPLETE
    report.placeholder("steps", Msg("import.why.steps"))
    steps = [clean(s) for s in record.steps if clean(s)]
    if steps:
        front["national_steps"] = [vi(s) for s in steps]
    conditions = [unbulleted(line) for line in clean(record.conditions).split("\n") if unbulleted(line)]
    conditions += notes
    if conditions:
        front["conditions"] = [vi(c) for c in conditions]
    front["legal_basis"] = _legal_basis(record, report)
    results = [one_line(r) for r in record.results if one_line(r)]
    front["result"] = vi("; ".join(results)) if results else TO_COMPLETE
    if not results:
        report.placeholder("result", Msg("import.why.none", what=Msg("import.what.result")))
    if record.decision and one_line(record.decision.number):
        decision: dict[str, Any] = {"number": one_line(record.decision.number)}
        if record.decision.date:
            decision["date"] = record.decision.date
        if one_line(record.decision.issuer):
            decision["issuer"] = vi(one_line(record.decision.issuer))
        front["decision"] = decision
    keywords = [k for k in (one_line(w) for w in re.split(r"[,;\n]", record.keywords)) if k]
    if keywords:
        front["keywords"] = {"vi": keywords}
    for issue in record.issues:
        report.drop(issue.where, issue.why, issue.received)
    for what, names in (("delegated", record.delegated), ("coordinating", record.coordinating)):
        if any(one_line(n) for n in names):
            report.drop(what, Msg("import.why.no_key", what=Msg(f"import.what.{what}")), "; ".join(names))
    report.mapped = [key for key in front if front[key] != TO_COMPLETE]
    body = clean(record.description)
    return Mapped(code, {key: front[key] for key in KEY_ORDER if key in front}, body, report)


def _field(record: NationalRecord, registers: Registers, report: ImportReport) -> str:
    names = [one_line(n) for n in record.fields if one_line(n)]
    if not names:
        names = ["Chưa phân loại"]  # a field is required to file the page; staff rename it
        report.note("field", Msg("import.field.none"))
    field_id, added = registers.find_or_add("fields", names[0], {"name": vi(names[0])})
    if added:
        report.added("fields", field_id, names[0])
    for extra in names[1:]:
        report.drop("field", Msg("import.why.one_field"), extra)
    return field_id


def _level(record: NationalRecord, report: ImportReport) -> str:
    # The most local level first: the agency publishing the site is the one closest to citizens.
    for level in ("commune", "province", "ministry"):
        if level in record.levels:
            others = [lv for lv in record.levels if lv != level]
            if others:
                report.note("level", Msg("import.level.others", level=level, others=", ".join(others)))
            return level
    report.placeholder("level", Msg("import.why.level", received=", ".join(record.levels) or "—"))
    return TO_COMPLETE


def _units(names: tuple[str, ...], registers: Registers, report: ImportReport, key: str) -> list[str]:
    ids: list[str] = []
    for name in dict.fromkeys(n.rstrip(" .;") for n in (one_line(n) for n in names) if n):
        unit_id, added = registers.find_or_add("units", name, {"name": vi(name)})
        if added:
            report.added("units", unit_id, name)
        if unit_id not in ids:
            ids.append(unit_id)
    if not ids and key == "performing_units":
        report.placeholder(key, Msg("import.why.none", what=Msg("import.what.units")))
        return [TO_COMPLETE]
    return ids


def _channels(record: NationalRecord, report: ImportReport) -> list[str]:
    found = [c.method for c in record.channels if c.method in CHANNELS]
    channels = [c for c in CHANNELS if c in found]
    if not channels:
        report.note("channels", Msg("import.channels.none"))
        return ["in_person"]  # every procedure can be done at the one-stop desk (Decree 61/2018)
    return channels


def _processing_time(record: NationalRecord, report: ImportReport) -> Any:
    by_channel: dict[str, TimeLimit] = {}
    for channel in record.channels:
        if channel.time is not None and channel.method not in by_channel:
            by_channel[channel.method] = channel.time
    usable = {m: t for m, t in by_channel.items() if t.amount is not None and t.unit in _UNITS}
    cases = [t for t in record.case_times if t.amount is not None and t.unit in _UNITS]
    first = usable.get("in_person") or next(iter(usable.values()), None)
    note_lines = []
    if first is None and cases and len({(t.amount, t.unit) for t in cases}) == 1:
        first = cases[0]  # the channel says OTHER; its one case gives the time
    elif first is None and len(cases) > 1:
        note_lines += [f"{one_line(t.text) or '—'}: {_words(t)}" for t in cases]
    distinct = {(t.amount, t.unit) for t in usable.values()}
    if len(distinct) > 1:
        note_lines += [f"{_CHANNEL_VI[m]}: {_words(t)}" for m, t in usable.items()]
    texts = [clean(c.description) for c in record.channels if clean(c.description)]
    note_lines += list(dict.fromkeys(texts))
    value: dict[str, Any] = {}
    if first is None:
        value["limit"] = TO_COMPLETE
        report.placeholder("processing_time.limit", Msg("import.why.time"))
    else:
        value["limit"] = f"{_amount(first.amount)} {first.unit}"
    if note_lines:
        value["note"] = vi("\n".join(dict.fromkeys(note_lines)))
    return value


_CHANNEL_VI = {"in_person": "Trực tiếp", "online": "Trực tuyến", "post": "Qua bưu chính"}
_UNIT_VI = {"working_days": "ngày làm việc", "days": "ngày", "working_hours": "giờ làm việc"}


def _words(t: TimeLimit) -> str:
    if t.amount is None or t.unit not in _UNIT_VI:
        return one_line(t.text) or "—"
    return f"{_amount(t.amount)} {_UNIT_VI[t.unit]}"


def _amount(amount: float | None) -> str:
    assert amount is not None
    return str(int(amount)) if amount == int(amount) else str(amount)


def _fees(record: NationalRecord, report: ImportReport) -> Any:
    per_channel: dict[str, list[NationalFee]] = {}
    for channel in record.channels:
        if channel.method in CHANNELS:
            per_channel.setdefault(channel.method, []).extend(channel.fees)
    distinct = {tuple(fees) for fees in per_channel.values()}
    fees: list[dict[str, Any]] = []
    if len(distinct) <= 1:
        for fee in next(iter(distinct), ()):
            fees.append(_fee(fee, None, report, len(fees)))
    else:
        for method, channel_fees in per_channel.items():
            for fee in channel_fees:
                fees.append(_fee(fee, method, report, len(fees)))
    unique = list({repr(f): f for f in fees}.values())
    if not unique:
        report.placeholder("fees", Msg("import.why.none", what=Msg("import.what.fees")))
        return TO_COMPLETE
    return unique


def _fee(fee: NationalFee, channel: str | None, report: ImportReport, index: int) -> dict[str, Any]:
    label = one_line(fee.description)
    out: dict[str, Any] = {}
    if fee.amount is None:
        out["amount"] = TO_COMPLETE
        report.placeholder(f"fees[{index}].amount", Msg("import.why.fee_unknown"))
    elif fee.amount == 0 and label and not _FREE_WORDS.search(label):
        # 0 with a text that sets the amount elsewhere ("Mức lệ phí cụ thể do HĐND tỉnh quy định") is not free
        out["amount"] = TO_COMPLETE
        report.placeholder(f"fees[{index}].amount", Msg("import.why.fee_zero", label=label[:80]))
    else:
        out["amount"] = fee.amount
    if label:
        out["label"] = vi(label)
    if channel:
        out["channel"] = channel
    return out


def _documents(
    groups: tuple[DocumentGroup, ...], registers: Registers, report: ImportReport
) -> tuple[list[dict[str, Any]], list[str]]:
    documents: list[dict[str, Any]] = []
    notes: list[str] = []
    for group in groups:
        caption = one_line(group.caption).strip("*: ").strip()
        folded = caption.lower()
        if "lưu ý" in folded or "ghi chú" in folded:
            notes += [unbulleted(d.name) for d in group.documents if unbulleted(d.name)]
            continue
        action = "show" if "xuất trình" in folded else "submit"
        condition = (
            caption if caption and "phải nộp" not in folded and "bao gồm" not in folded and action == "submit" else ""
        )
        for doc in group.documents:
            name = unbulleted(doc.name)
            if not name:
                continue
            if _NOTE.match(name):  # "*Lưu ý: …" written as a document of the list
                notes.append(_NOTE.sub("", name).strip() or name)
                continue
            item: dict[str, Any] = {"name": vi(name)}
            if action == "show":
                item["action"] = "show"
            if doc.originals is not None and 0 <= doc.originals <= 100 and doc.originals != 1:
                item["originals"] = doc.originals
            if doc.copies and 0 < doc.copies <= 100:
                item["copies"] = doc.copies
            forms = [f for f in doc.form_files if one_line(f)]
            if forms:
                title = _form_title(forms[0])
                form_id, added = registers.find_or_add("forms", title, {"title": vi(title), "file": TO_COMPLETE})
                if added:
                    report.added("forms", form_id, title)
                    report.placeholder(f"forms.{form_id}.file", Msg("import.why.form_file", file=one_line(forms[0])))
                item["form"] = form_id
                for extra in forms[1:]:
                    report.drop(f"documents[{len(documents)}].form", Msg("import.why.one_form"), extra)
            if condition:
                item["condition"] = vi(condition)
            documents.append(item)
    return documents, notes


def _form_title(file_name: str) -> str:
    """A form's title from its file name: "95-Mẫu HK07-Giấy chuyển hộ khẩu.doc" → "Mẫu HK07-Giấy chuyển hộ khẩu"."""
    stem = re.sub(r"\.(docx?|xlsx?|pdf|odt|rtf)$", "", one_line(file_name), flags=re.IGNORECASE)
    return re.sub(r"^\d+[-_. ]+", "", stem).replace("_", " ").strip() or stem


def _legal_basis(record: NationalRecord, report: ImportReport) -> Any:
    items: list[dict[str, Any]] = []
    for i, text in enumerate(record.legal_basis):
        number = one_line(text.number)
        title = one_line(text.title) or one_line(text.text) or number
        if not number:
            report.drop(f"legal_basis[{i}]", Msg("import.why.no_number"), title)
            continue
        item: dict[str, Any] = {"number": number}
        item["date"] = text.date if text.date else TO_COMPLETE
        if not text.date:
            report.placeholder(f"legal_basis[{len(items)}].date", Msg("import.why.legal_date", number=number))
        item["issuer"] = vi(one_line(text.issuer)) if one_line(text.issuer) else TO_COMPLETE
        if not one_line(text.issuer):
            report.placeholder(f"legal_basis[{len(items)}].issuer", Msg("import.why.legal_issuer", number=number))
        item["title"] = vi(title)
        items.append(item)
    if not items:
        report.placeholder("legal_basis", Msg("import.why.none", what=Msg("import.what.legal_basis")))
        return TO_COMPLETE
    return items

"""The reader of the national portal's Word export ("ChiTietTTHC_<code>.doc", really a .docx).

The export is one paragraph per fact, a bold "Label: " then the value, in a fixed order; three facts are
tables that follow their label (Cách thức thực hiện, Thành phần hồ sơ, Căn cứ pháp lý). So the body is cut
into sections at each known label, and each section's paragraphs and tables are read by what the label
says they are. "Không có thông tin" is the export's word for an empty fact. Tables are read by their header
names, not their positions; a table whose header is not the expected one is reported and left.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from procsite.importers.docx_walk import Block, Cell, Paragraph, Table, blocks
from procsite.importers.legal_texts import read_legal_text
from procsite.importers.records import (
    Decision,
    DocumentGroup,
    LegalText,
    NationalChannel,
    NationalDocument,
    NationalFee,
    NationalRecord,
    SourceError,
    SourceIssue,
    TimeLimit,
    as_found,
    level_of,
)
from procsite.importers.source_file import open_word, read_source_file, word_unreadable
from procsite.importers.vi_durations import read_length
from procsite.messages import Msg, Val

EMPTY = "không có thông tin"
LABELS = {
    "mã thủ tục": "code", "số quyết định": "decision", "tên thủ tục": "name", "cấp thực hiện": "levels",
    "loại thủ tục": "procedure_type", "lĩnh vực": "fields", "trình tự thực hiện": "steps",
    "cách thức thực hiện": "channels", "thành phần hồ sơ": "documents", "đối tượng thực hiện": "applicants",
    "cơ quan thực hiện": "performing", "cơ quan có thẩm quyền": "competent", "địa chỉ tiếp nhận hs": "submit_at",
    "địa chỉ tiếp nhận hồ sơ": "submit_at", "cơ quan được ủy quyền": "delegated", "cơ quan phối hợp": "coordinating",
    "kết quả thực hiện": "results", "căn cứ pháp lý": "legal_basis", "yêu cầu, điều kiện thực hiện": "conditions",
    "yêu cầu, điều kiện": "conditions", "từ khóa": "keywords", "mô tả": "description",
}  # fmt: skip
"""The export's labels (lower case, new-style tone marks) and the fact each one starts."""
TABLE_FACTS = ("channels", "documents", "legal_basis")
"""The facts the export writes as a table; a table anywhere else is not read (and reported)."""
CHANNEL_COLUMNS = ("hình thức nộp", "thời hạn giải quyết", "phí, lệ phí", "mô tả")
DOCUMENT_COLUMNS = ("tên giấy tờ", "mẫu đơn, tờ khai", "số lượng")
LEGAL_COLUMNS = ("số ký hiệu", "trích yếu", "ngày ban hành", "cơ quan ban hành")
CHANNEL_WORDS = (("trực tiếp", "in_person"), ("trực tuyến", "online"), ("bưu chính", "post"), ("bưu điện", "post"))
_FEE = re.compile(
    r"(?P<label>Lệ phí|Phí|Giá)?\s*:?\s*(?P<amount>\d{1,3}(?:\.\d{3})+|\d+)\s*(?:Đồng|đồng|VNĐ|VND|đ)\b",
    re.IGNORECASE,
)


@dataclass
class _Section:
    """The blocks under one label: the text after the label, then the paragraphs and tables below it."""

    label: str
    fact: str
    inline: str
    blocks: list[Block] = field(default_factory=list)

    def texts(self) -> list[str]:
        """The section's non-empty paragraphs, the inline text first; "Không có thông tin" is none."""
        found = [self.inline] + [block.text for block in self.blocks if isinstance(block, Paragraph)]
        return [text for text in map(as_found, found) if text and text.lower() != EMPTY]

    def text(self) -> str:
        """The section's text: its paragraphs, one a line."""
        return "\n".join(self.texts())


def read_national_word(path: Path, shown: str) -> NationalRecord:
    """The national record in the portal's Word export ``path`` (``shown`` names it in messages)."""
    document = open_word(read_source_file(path, shown), shown)
    try:
        body = blocks(document)
    except RecursionError as error:  # content controls nested beyond reason
        raise word_unreadable(shown, error) from None
    sections = _sections(body)
    if "code" not in sections and "name" not in sections:
        raise SourceError(shown, "", Msg("national.word_not_export"), Msg("national.word_not_export.hint"))
    issues: list[SourceIssue] = []
    facts = {fact: section.text() for fact, section in sections.items()}
    empty = _Section("", "", "")
    record = NationalRecord(
        source=shown,
        code=facts.get("code", ""),
        name=facts.get("name", ""),
        levels=_levels(sections.get("levels", empty), issues),
        fields=_one(facts.get("fields", "")),
        procedure_type=facts.get("procedure_type", ""),
        decision=Decision(facts["decision"], None) if facts.get("decision") else None,
        steps=_steps(sections.get("steps", empty)),
        channels=tuple(_channels(sections.get("channels", empty), issues)),
        document_groups=tuple(_groups(sections.get("documents", empty), issues)),
        applicants=_one(facts.get("applicants", "")),
        performing=_one(facts.get("performing", "")),
        competent=_one(facts.get("competent", "")),
        delegated=_one(facts.get("delegated", "")),
        coordinating=_one(facts.get("coordinating", "")),
        submit_at=facts.get("submit_at", ""),
        results=_one(facts.get("results", "")),
        conditions=facts.get("conditions", ""),
        legal_basis=tuple(_legal_basis(sections.get("legal_basis", empty), issues)),
        keywords=facts.get("keywords", ""),
        description=facts.get("description", ""),
    )
    issues += [
        SourceIssue(section.label, "", Msg("national.word_table_ignored", section=section.label))
        for section in sections.values()
        if section.fact not in TABLE_FACTS
        for block in section.blocks
        if isinstance(block, Table)
    ]
    return replace(record, issues=tuple(issues))


def _key(label: str) -> str:
    """A label as ``LABELS`` spells it: lower case, one space, new-style tone marks ("uỷ" → "ủy")."""
    folded = " ".join(as_found(label).rstrip(":").strip().lower().split())
    return folded.replace("uỷ", "ủy").replace("khoá", "khóa")


def _sections(body: list[Block]) -> dict[str, _Section]:
    """The body cut at each known label; a fact given twice keeps its first section."""
    sections: dict[str, _Section] = {}
    current: _Section | None = None
    for block in body:
        if isinstance(block, Paragraph) and block.bold.strip().endswith(":"):
            fact = LABELS.get(_key(block.bold))
            if fact is not None:
                inline = block.text[len(block.bold) :] if block.text.startswith(block.bold) else ""
                current = _Section(as_found(block.bold).rstrip(":").strip(), fact, inline)
                sections.setdefault(fact, current)
                continue
        if current is not None:
            current.blocks.append(block)
    return sections


def _one(text: str) -> tuple[str, ...]:
    """A fact the export writes as one text. Names are not split: they hold commas themselves."""
    return (text,) if text else ()


def _levels(section: _Section, issues: list[SourceIssue]) -> tuple[str, ...]:
    levels = []
    for name in (part.strip() for part in re.split(r"[,;]", section.text()) if part.strip()):
        level = level_of(name)
        if level is None:
            issues.append(SourceIssue(section.label, name, Msg("national.level_unknown", received=Val.of(name))))
        else:
            levels.append(level)
    return tuple(levels)


def _steps(section: _Section) -> tuple[str, ...]:
    """One text per "Bước N:" paragraph, with the paragraphs that follow it until the next step."""
    steps: list[str] = []
    for text in section.texts():
        if re.match(r"bước\s*\d+", text, re.IGNORECASE) or not steps:
            steps.append(text)
        else:
            steps[-1] += "\n" + text
    return tuple(steps)


Row = dict[str, Cell]
"""A table's row: its header's name (as ``_key`` spells it) → the cell."""


def _rows(table: Table, columns: tuple[str, ...], section: _Section, issues: list[SourceIssue]) -> list[Row]:
    """The table's rows below its header as column name → cell; [] and reported if the header differs."""
    if not table.rows:
        return []
    header = [_key(cell.text) for cell in table.rows[0]]
    if not set(columns) <= set(header):
        shown = " | ".join(cell.text for cell in table.rows[0])
        why = Msg("national.word_table_unexpected", columns=" | ".join(columns), received=Val.of(shown))
        issues.append(SourceIssue(section.label, shown, why))
        return []
    return [
        {name: cell for name, cell in zip(header, row, strict=False) if name in columns}
        for row in table.rows[1:]
        if any(cell.text for cell in row)
    ]


def _tables(section: _Section) -> list[Table]:
    return [block for block in section.blocks if isinstance(block, Table)]


def _channels(section: _Section, issues: list[SourceIssue]) -> list[NationalChannel]:
    channels = []
    for table in _tables(section):
        for index, row in enumerate(_rows(table, CHANNEL_COLUMNS, section, issues)):
            where = f"{section.label}[{index}]"
            method_text = _cell(row, "hình thức nộp")
            method = next((code for word, code in CHANNEL_WORDS if word in method_text.lower()), None)
            if method is None:
                message = Msg("national.word_channel_unknown", received=Val.of(method_text))
                issues.append(SourceIssue(f"{where}.Hình thức nộp", method_text, message))
                continue
            time_text = _cell(row, "thời hạn giải quyết")
            length = read_length(time_text.split("\n")[0], day_is_working=False) if time_text else None
            time = TimeLimit(length.amount, length.unit, time_text) if length else None
            if time is None and time_text:
                time = TimeLimit(None, None, time_text)
            fees = tuple(_fee(line) for line in _cell(row, "phí, lệ phí").split("\n") if line.strip())
            channels.append(NationalChannel(method, time, fees, _cell(row, "mô tả")))
    return channels


def _cell(row: Row, column: str) -> str:
    cell = row.get(column)
    text = as_found(cell.text) if cell is not None else ""
    return "" if text.lower() == EMPTY else text


def _fee(line: str) -> NationalFee:
    """A line of the fee cell: "Lệ phí : 20.000 Đồng (...)" gives its amount; any other line is kept
    whole as the description, with no amount."""
    line = as_found(line)
    found = _FEE.match(line)
    if found is None:
        return NationalFee("fee", None, line)
    label = found.group("label") or ""
    kind = "price" if label.lower() == "giá" else "fee"
    rest = line[found.end() :].strip()
    return NationalFee(kind, int(found.group("amount").replace(".", "")), rest, label)


def _groups(section: _Section, issues: list[SourceIssue]) -> list[DocumentGroup]:
    """Each table with the caption paragraphs above it ("Bao gồm", "* Giấy tờ phải nộp:")."""
    groups: list[DocumentGroup] = []
    caption = [as_found(section.inline)] if as_found(section.inline) else []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            if as_found(block.text):
                caption.append(as_found(block.text))
            continue
        rows = enumerate(_rows(block, DOCUMENT_COLUMNS, section, issues))
        documents = [_document(row, f"{section.label}[{len(groups)}][{index}]", issues) for index, row in rows]
        groups.append(DocumentGroup("\n".join(caption), tuple(documents)))
        caption = []
    return groups


def _document(row: Row, where: str, issues: list[SourceIssue]) -> NationalDocument:
    quantity = _cell(row, "số lượng")
    originals, copies = _copies(quantity, "bản chính"), _copies(quantity, "bản sao")
    if quantity and (originals is None or copies is None):
        why = Msg("national.word_quantity", received=Val.of(quantity))
        issues.append(SourceIssue(f"{where}.Số lượng", quantity, why))
    forms = row.get("mẫu đơn, tờ khai")
    files = tuple(name for name in map(as_found, forms.paragraphs if forms else ()) if name and name.lower() != EMPTY)
    return NationalDocument(_cell(row, "tên giấy tờ"), originals, copies, None, files)


def _copies(quantity: str, word: str) -> int | None:
    found = re.search(rf"{word}\s*:\s*(\d{{1,4}})\b", quantity, re.IGNORECASE)
    return int(found.group(1)) if found else None


def _legal_basis(section: _Section, issues: list[SourceIssue]) -> list[LegalText]:
    texts = []
    for table in _tables(section):
        for index, row in enumerate(_rows(table, LEGAL_COLUMNS, section, issues)):
            text = read_legal_text(_cell(row, "số ký hiệu"), _cell(row, "trích yếu"))
            date_text, issuer = _cell(row, "ngày ban hành"), _cell(row, "cơ quan ban hành")
            date = _date(date_text)
            if date is None and date_text:
                message = Msg("national.word_date_invalid", received=Val.of(date_text))
                issues.append(SourceIssue(f"{section.label}[{index}].Ngày ban hành", date_text, message))
            texts.append(replace(text, date=date or text.date, issuer=issuer or text.issuer))
    return texts


def _date(text: str) -> dt.date | None:
    """A date written dd-mm-yyyy (the export's form) or dd/mm/yyyy, if it is a real date."""
    found = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text.strip())
    if found is None:
        return None
    try:
        return dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
    except ValueError:
        return None

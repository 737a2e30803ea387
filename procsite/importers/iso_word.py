"""An agency's ISO process document (quy trình ISO) read from Word into an ``IsoProcess``.

The layout is the framework model of Decision 101/QĐ-BKHCN (docs: reference/imports/README.md §3): a
header (the agency, "QUY TRÌNH", the name, Mã hiệu, Lần ban hành, Ngày ban hành) in paragraphs, in a
table or in the page header; a signature table; the revision log; sections MỤC ĐÍCH … HỒ SƠ CẦN LƯU,
whose numbers are Word's auto-numbering and so absent from the text; the step table. Tables are known
by their header rows wherever they stand; sections by their titles, case and diacritics aside, with or
without a number or letter in front; a run of titles with nothing under them is the contents list.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import docx

from procsite.folding import fold
from procsite.importers.doc_convert import convert_doc
from procsite.importers.docx_walk import Block, Cell, Table, W, blocks
from procsite.importers.iso_records import IsoPerson, IsoProcess, IsoRevision, IsoSection, IsoStep
from procsite.importers.records import SourceError, SourceIssue
from procsite.importers.vi_durations import is_same_day, read_length
from procsite.messages import Msg, Num, Val
from procsite.model.procedure import WORKING_HOURS_PER_DAY
from procsite.source.files import NotReadable, read_limited, regular_file

MAX_FILE_BYTES = 20_000_000
MAX_MEMBER_BYTES = 50_000_000
"""word/document.xml of a 500-page process is a few megabytes; each part of the package is held to this."""
MAX_UNPACKED_BYTES = 200_000_000
MAX_MEMBERS = 2_000
"""A Word file has a dozen parts and some images; more, or more bytes unpacked, is a ZIP bomb."""

_DOCX, _DOC = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_KINDS = ((b"%pdf", "pdf"), (b"{\\rtf", "rtf"), (b"<html", "html"), (b"<!doctype html", "html"), (b"mime-", "html"))
"""What staff send instead of a Word file, by its first bytes (lower case), to say how to fix it."""
_SAVE_AS_DOCX, _ZIP_BOMB = Msg("iso_word.save_as_docx.hint"), Msg("iso_word.zip.hint")


def read_iso_word(path: Path, shown: str) -> IsoProcess:
    """The ISO process of the Word file at ``path`` (.docx, or an old .doc converted with LibreOffice);
    ``shown`` names it in messages. Raises ``SourceError`` for a file that cannot be used at all
    (unreadable, too big, not Word, a ZIP bomb, no step table); what cannot be read of a usable file
    is in ``issues``."""
    data = _read_bytes(path, shown)
    if data.startswith(_DOC):
        with tempfile.TemporaryDirectory(prefix="procsite-doc-") as folder:
            data = _read_bytes(convert_doc(data, shown, Path(folder)), shown)
    elif not data.startswith(_DOCX):
        start = data[:16].lstrip().lower()
        kind = next((name for magic, name in _KINDS if start.startswith(magic)), "empty" if not data else "other")
        raise SourceError(shown, "", Msg("iso_word.not_word", received=Msg(f"iso_word.kind.{kind}")), _SAVE_AS_DOCX)
    document = _open_docx(data, shown)
    try:
        body, page_header = blocks(document), _page_header_lines(document)
    except Exception as error:  # hostile XML: python-docx and lxml raise many kinds of errors
        raise SourceError(shown, "", Msg("iso_word.not_docx", reason=_reason(error)), _SAVE_AS_DOCX) from None
    return _Reader(shown).read(body, page_header)


def _read_bytes(path: Path, shown: str) -> bytes:
    found = regular_file(path, path.absolute().parent)
    if isinstance(found, NotReadable):
        raise SourceError(shown, "", found.message, found.hint)
    real, size = found
    data = read_limited(real, MAX_FILE_BYTES) if size <= MAX_FILE_BYTES else b""
    if isinstance(data, NotReadable):
        raise SourceError(shown, "", data.message, data.hint)
    if size > MAX_FILE_BYTES or len(data) > MAX_FILE_BYTES:
        size_mb = round(max(size, len(data)) / 1_000_000, 1)
        why = Msg("iso_word.too_big", limit=Num(MAX_FILE_BYTES // 1_000_000), size=Num(size_mb))
        raise SourceError(shown, "", why, Msg("iso_word.too_big.hint"))
    return data


def _open_docx(data: bytes, shown: str) -> Any:
    """The python-docx ``Document`` of ``data``, once its ZIP directory shows it unpacks within the limits.
    The sizes the directory declares bind: Python's zipfile stops at them and fails on a CRC mismatch."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise SourceError(shown, "", Msg("iso_word.not_docx", reason=_reason(error)), _SAVE_AS_DOCX) from None
    if len(members) > MAX_MEMBERS:
        why = Msg("iso_word.zip_members", limit=Num(MAX_MEMBERS), count=Num(len(members)))
        raise SourceError(shown, "", why, _ZIP_BOMB)
    biggest = max(members, key=lambda member: member.file_size, default=None)
    if biggest is not None and biggest.file_size > MAX_MEMBER_BYTES:
        size = Num(biggest.file_size // 1_000_000)
        limit = Num(MAX_MEMBER_BYTES // 1_000_000)
        part = biggest.filename[:80]
        raise SourceError(shown, "", Msg("iso_word.zip_member_size", part=part, size=size, limit=limit), _ZIP_BOMB)
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        size, limit = Num(unpacked // 1_000_000), Num(MAX_UNPACKED_BYTES // 1_000_000)
        raise SourceError(shown, "", Msg("iso_word.zip_size", size=size, limit=limit), _ZIP_BOMB)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # a broken package: python-docx raises KeyError, ValueError, lxml's errors...
        raise SourceError(shown, "", Msg("iso_word.not_docx", reason=_reason(error)), _SAVE_AS_DOCX) from None


def _reason(error: Exception) -> str:
    said = re.sub(r"\s+", " ", str(error)).strip()
    return f"{type(error).__name__}: {said[:160]}" if said else type(error).__name__


def _page_header_lines(document: Any) -> list[str]:
    """The lines of the first section's page headers: where many agencies keep Mã hiệu, Lần ban hành,
    Ngày ban hành, repeated on every page."""
    lines: list[str] = []
    sections = document.sections
    if not len(sections):
        return lines
    first = sections[0]
    for header in (first.first_page_header, first.header):
        if header.is_linked_to_previous:  # the first section's "linked" header is no header at all
            continue
        for p in header.part.element.iter(W + "p"):
            text = "".join(
                node.text or "" if node.tag == W + "t" else "\t" if node.tag == W + "tab" else "\n"
                for node in p.iter(W + "t", W + "tab", W + "br")
            )
            lines.extend(text.split("\n"))
    return lines


# Texts ------------------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """A text as found: non-breaking spaces made spaces, each line trimmed, empty lines dropped."""
    lines = (line.strip() for line in text.replace("\xa0", " ").split("\n"))
    return "\n".join(line for line in lines if line)


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` folded (``fold``), with the index in ``text`` of each folded character, so that a label
    found in the folded text cuts the text as written."""
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        for folded_char in fold(char):
            chars.append(folded_char)
            where.append(index)
    where.append(len(text))
    return "".join(chars), where


def _after_colon(text: str) -> str:
    return text.partition(":")[2].strip() or text


def _table_at(number: int, row: int | None = None, column: int | None = None) -> str:
    """Where in the document, as the import report shows it: "bảng 3, dòng 4" (both counted from 1)."""
    if row is not None:
        return f"bảng {number}, dòng {row}"
    return f"bảng {number}, cột {column}" if column is not None else f"bảng {number}"


HEADER_AT = "phần đầu"
"""Where the header's facts are: the lines before the first section (and the page header)."""


# Section titles ---------------------------------------------------------------------------------------

_TITLES = (  # key, the beginning of the folded title (a regular expression); sections first, then sub-sections
    ("revisions", r"(trang )?theo doi (so lan |cac lan )?sua doi|sua doi tai lieu|lich su sua doi"),
    ("purpose", r"muc dich"),
    ("scope", r"pham vi"),
    ("references", r"tai lieu vien dan|(tai lieu|van ban) (tham chieu|lien quan|vien dan)"),
    ("definitions", r"dinh nghia|(cac )?(tu ngu |chu |tu )?viet tat|thuat ngu|giai thich tu ngu"),
    ("content", r"noi dung( cua)? qu[yi] trinh|noi dung$"),
    ("forms", r"(cac |danh muc )?bieu mau"),
    ("records", r"(cac )?ho so (can )?luu|luu (tru )?ho so"),
    ("documents", r"thanh phan|(so luong|danh muc) ho so|ho so (gom|bao gom)"),
    ("time_limit", r"thoi (han|gian) (giai quyet|xu ly|thuc hien)|thoi han"),
    ("applicants", r"doi tuong"),
    ("agencies", r"co quan|noi (tiep nhan|nop|giai quyet)|dia (chi|diem) tiep nhan"),
    ("result", r"ket qua"),
    ("fees", r"(le )?phi"),
    ("form_templates", r"mau (don|to khai)"),
    ("conditions", r"yeu cau|dieu kien"),
    ("legal_basis", r"can cu|co so phap ly"),
    ("steps", r"(quy|qui) trinh|trinh tu|cac buoc|tien trinh|luu do|so do|noi dung cong viec"),
)
_TITLE_PATTERNS = tuple((key, re.compile(f"(?:{pattern})(?![a-z0-9])")) for key, pattern in _TITLES)
_SECTIONS = {"revisions", "purpose", "scope", "references", "definitions", "content", "forms", "records"}
"""The keys of the document's sections; the others are sub-sections of NỘI DUNG QUY TRÌNH, a … k or 5.1 … 5.8."""
_NUMBERING = re.compile(
    r"^(?:\s*(?:\d{1,2}(?:\.\d{1,2})*(?:[.):\-–]|\s)|[IVXL]{1,5}\s*[.):\-–]|\(?[a-zđ][.)/]))+\s*", re.IGNORECASE
)
"""A section's number or letter where it is typed rather than Word's auto-numbering: "5.1 ", "II. ", "đ) "."""
_LEADER = re.compile(r"[\s.…·_\-–]*\d{0,3}$")
"""A contents list's dot leader and page number after a title."""
_CONTENTS_RUN = 4
"""Titles in a row with nothing under them are the contents list (a real section has text or a table)."""


@dataclass(frozen=True)
class _Title:
    text: str  # as written, without its number and what follows its colon
    inline: str  # what follows its colon: "Thời hạn giải quyết: 01 ngày làm việc"
    keys: tuple[str, ...]  # the sections it may open


def _title(line: str) -> _Title | None:
    """``line`` read as a section title, or ``None`` when it reads as text."""
    if len(line) > 300 or line[:1] in "-+*•–·>":
        return None
    text = _NUMBERING.sub("", line, count=1)
    title, _, inline = text.partition(":")
    folded = _LEADER.sub("", fold(title.strip())).strip()
    if not folded or len(folded) > 100 or (not inline.strip() and len(line) > 120):
        return None
    keys = tuple(
        key for key, pattern in _TITLE_PATTERNS if (m := pattern.match(folded)) and len(folded) - m.end() <= 40
    )
    return _Title(title.strip(), inline.strip(), keys) if keys else None


# Header -----------------------------------------------------------------------------------------------

_LABELS = re.compile(
    r"\b(?:(?P<code>ma\s*(?:hieu|so\s*quy\s*trinh|tai\s*lieu|quy\s*trinh))|(?P<issue>lan\s*ban\s*hanh)"
    r"|(?P<issued>ngay\s*ban\s*hanh)|(?P<effective>ngay\s*(?:co\s*)?(?:hieu\s*luc|ap\s*dung))"
    r"|(?P<other>trang(?=\s*[:\d])|lan\s*sua\s*doi|so\s*trang))\s*:?\s*"
)
"""The header's labels; "other" ends the value of the label before it ("Mã hiệu: QT-01    Trang: 1/9")."""
_PROCESS = re.compile(r"qu[yi]\s*trinh\b\s*[:\-–]?\s*")
_MOTTO = ("cong hoa xa hoi", "doc lap")
_DATE_NUMBERS = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_DATE_WORDS = re.compile(r"(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def _labelled(line: str) -> tuple[dict[str, str], bool]:
    """The values of the header labels ``line`` holds, and whether it starts with one."""
    folded, where = _folded(line)
    matches = list(_LABELS.finditer(folded))
    values: dict[str, str] = {}
    if not matches:
        return values, False
    for match, after in zip(matches, [*matches[1:], None], strict=True):
        end = where[after.start()] if after is not None else len(line)
        values.setdefault(match.lastgroup or "other", line[where[match.end()] : end].strip(" \t,;|-–"))
    return values, bool(matches) and matches[0].start() == 0


def _header_values(lines: list[str]) -> dict[str, str]:
    """Label → value, the first of each; a label alone on its line takes the next line ("Mã hiệu:" in one
    cell, "QT-01" in the next)."""
    found: dict[str, str] = {}
    for index, line in enumerate(lines):
        values, _ = _labelled(line)
        for label, value in values.items():
            if not value and index + 1 < len(lines) and not _labelled(lines[index + 1])[0]:
                value = lines[index + 1]
            if value:
                found.setdefault(label, value)
    return found


def _name_and_agency(lines: list[tuple[int, str]]) -> tuple[str, str] | None:
    """The procedure's name (what follows "QUY TRÌNH", on its line and the next ones of the same paragraph
    run or cell) and the agency (the lines before it), or ``None`` without a "QUY TRÌNH" line."""
    for index, (group, line) in enumerate(lines):
        folded, where = _folded(line)
        match = _PROCESS.match(folded)
        if match is None:
            continue
        before = (text for _, text in lines[:index])
        agency = [text for text in before if not fold(text).startswith(_MOTTO) and not _labelled(text)[1]]
        name = [line[where[match.end()] :].strip()]
        following = lines[index + 1 :]
        if not name[0] and following and following[0][0] != group:
            group = following[0][0]  # "QUY TRÌNH" alone in its cell, the name in the next
        for other_group, text in following:
            if other_group != group or _labelled(text)[1] or text.startswith("(") or _title(text) is not None:
                break
            name.append(text)
        return " ".join(part for part in name if part), "\n".join(agency)
    return None


def _date(value: str) -> dt.date | None:
    folded = fold(value)
    match = _DATE_NUMBERS.search(folded) or _DATE_WORDS.search(folded)
    if match is None:
        return None
    try:
        return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:  # 31/02/2025
        return None


def _issue_number(value: str) -> int | None:
    folded = fold(value).strip()
    if match := re.match(r"\d{1,4}", folded):
        return int(match[0])
    word = re.match(r"[ivx]+\b", folded)
    return _ROMAN.get(word[0]) if word else None


# Tables -----------------------------------------------------------------------------------------------

_MAX_WIDTH = 40
"""Grid columns read of a table: a process table has 4 to 6; a hostile gridSpan must not make a huge row."""


def _own(row: tuple[Cell, ...]) -> list[Cell]:
    """The cells of a row with text of their own (a merged cell's carried text is the row above's)."""
    return [cell for cell in row if not cell.continued and cell.text]


def _is_numbering_row(own: list[Cell]) -> bool:
    """A row numbering the columns, "(1) | (2) | (3) | (4)", as Vietnamese tables often have under the header."""
    numbers = [re.fullmatch(r"\(?(\d{1,2})\)?", cell.text) for cell in own]
    values = [int(match[1]) for match in numbers if match]
    return len(own) >= 3 and len(values) == len(own) and values == list(range(values[0], values[0] + len(values)))


def _columns(row: tuple[Cell, ...], field_of: Callable[[str], str | None]) -> tuple[dict[str, int], dict[int, str]]:
    """A header row's columns: field → grid column, and the other headed columns → their header text."""
    known: dict[str, int] = {}
    unknown: dict[int, str] = {}
    for cell in _own(row):
        field = field_of(cell.text)
        if field is not None and field not in known:
            known[field] = cell.column
        else:
            unknown[cell.column] = cell.text
    return known, unknown


def _step_field(text: str) -> str | None:
    folded = re.sub(r"\s+", " ", fold(text)).strip(" .:")
    if re.fullmatch(r"s?tt|so tt|so thu tu|thu tu|buoc|b", folded):
        return "number"
    if "thoi gian" in folded or "thoi han" in folded:
        return "time"
    if "trach nhiem" in folded or re.search(r"(nguoi|don vi|bo phan|can bo|co quan) (thuc hien|xu ly)", folded):
        return "responsible"
    if re.search(r"trinh tu|noi dung|buoc|cong viec|mo ta|hoat dong", folded):
        return "action"
    if re.search(r"bieu mau|ket qua|ho so|san pham|tai lieu", folded):
        return "output"
    return None


def _revision_field(text: str) -> str | None:
    folded = re.sub(r"\s+", " ", fold(text)).strip(" .:")
    if re.fullmatch(r"s?tt|so tt|so thu tu", folded):
        return "number"
    if re.search(r"tom luoc|mo ta|noi dung", folded):
        return "change"
    if re.search(r"co so|can cu|yeu cau|ly do", folded):
        return "basis"
    if folded.startswith("ngay"):
        return "date"
    if re.search(r"\blan\b", folded):
        return "issue"
    if re.search(r"\b(trang|phan|muc)\b", folded):
        return "part"
    return None


@dataclass(frozen=True)
class _StepColumns:
    at: dict[str, int]  # field → grid column
    unknown: dict[int, str]  # grid column → header text, for headed columns the reader does not read
    header_row: int  # its index in the table
    total: str  # the total the time header states: "Thời gian (01 ngày làm việc)" → "01 ngày làm việc"


def _step_columns(table: Table) -> _StepColumns | None:
    """The step table's columns, when one of the table's first rows is its header (a caption row may
    come first)."""
    for index, row in enumerate(table.rows[:5]):
        known, unknown = _columns(row, _step_field)
        if {"action", "responsible", "time"} <= known.keys():
            time_header = next(cell.text for cell in row if cell.column == known["time"])
            return _StepColumns(known, unknown, index, _stated_total(time_header))
    return None


def _stated_total(text: str) -> str:
    """The length of time a header or a total row states: "(01 ngày làm việc)", "Tổng: 01 ngày"."""
    inside = re.search(r"\(([^()]*)\)", text)
    stated = inside[1] if inside else text.partition(":")[2]
    folded, where = _folded(stated)
    label = re.match(r"\s*tong(\s*(cong|thoi\s*gian(\s*giai\s*quyet)?|so))?\s*:?\s*", folded)
    stated = stated[where[label.end()] :] if label else stated
    stated = stated.strip()
    return stated if read_length(stated, day_is_working=True) is not None or is_same_day(stated) else ""


def _grid(table: Table) -> list[list[Cell | None]]:
    """The table as a grid: each grid column holds the cell that covers it (a cell spanning two columns
    twice), ``None`` where a ragged row has none."""
    width = min(_MAX_WIDTH, max((cell.column + max(cell.span, 1) for row in table.rows for cell in row), default=0))
    grid: list[list[Cell | None]] = []
    for row in table.rows:
        line: list[Cell | None] = [None] * width
        for cell in row:
            for column in range(cell.column, min(cell.column + max(cell.span, 1), width)):
                line[column] = cell
        grid.append(line)
    return grid


_ROLES = (("drafted", ("soan thao",)), ("reviewed", ("xem xet", "kiem tra")), ("approved", ("duyet",)))


def _role(cell: Cell | None) -> str | None:
    folded = fold(cell.text) if cell is not None else ""
    return next((role for role, words in _ROLES if any(word in folded for word in words)), None)


def _signer_field(cell: Cell | None) -> str | None:
    folded = fold(cell.text) if cell is not None else ""
    if re.match(r"ho (va )?ten", folded):
        return "name"
    return "title" if folded.startswith("chuc vu") else None


def _signatures(table: Table) -> tuple[IsoPerson, ...] | None:
    """The signers of a signature table (Trách nhiệm | Soạn thảo | Xem xét | Phê duyệt, rows Họ tên and
    Chức vụ; or the same turned a quarter), or ``None`` when the table is not one. Two approvers are two
    name cells under "Phê duyệt", whether it spans them or is written twice."""
    if len(table.rows) > 12:
        return None
    grid = _grid(table)
    turned = [list(line) for line in zip(*grid, strict=True)] if grid else []
    for lines in (grid, turned):
        role_row = next((line for line in lines[:4] if len({_role(cell) for cell in line} - {None}) >= 2), None)
        labels = {field: line for line in lines if line and (field := _signer_field(line[0])) is not None}
        if role_row is None or "name" not in labels:
            continue
        people: list[IsoPerson] = []
        for column in range(1, len(role_row)):
            role, name_cell = _role(role_row[column]), labels["name"][column]
            title_cell = labels["title"][column] if "title" in labels else None
            if role is None or (name_cell is not None and name_cell is labels["name"][column - 1]):
                continue  # not a signer's column, or the same name cell spanning two columns
            name, title = (cell.text if cell is not None else "" for cell in (name_cell, title_cell))
            if name or title:
                people.append(IsoPerson(role, _clean(name), _clean(title)))
        return tuple(people)
    return None


def _revision_columns(table: Table) -> tuple[int, dict[str, int]] | None:
    """The revision log's header row and columns, when the table is one."""
    for index, row in enumerate(table.rows[:3]):
        known, _ = _columns(row, _revision_field)
        if "change" in known and ("issue" in known or "basis" in known):
            return index, known
    return None


def _revisions(table: Table, header: int, columns: dict[str, int]) -> list[IsoRevision]:
    found: list[IsoRevision] = []
    for row in table.rows[header + 1 :]:
        own = _own(row)
        at = {cell.column: _clean(cell.text) for cell in row}
        value = {field: at.get(column, "") for field, column in columns.items()}
        filled = any(value.get(field) for field in ("change", "basis", "issue", "date", "part"))
        if not filled or _is_numbering_row(own) or _revision_columns(Table((row,))) is not None:
            continue  # an empty row of the template (its STT written), or the header again
        found.append(IsoRevision(**{field: value.get(field, "") for field in _REVISION_FIELDS}))
    return found


_REVISION_FIELDS = ("number", "change", "basis", "issue", "date", "part")


# Steps ------------------------------------------------------------------------------------------------

_STEP_LABEL = re.compile(r"\s*((?:bước|b)\s*\d{1,3}(?:\.\d{1,3})*|\d{1,3}(?:\.\d{1,3})*)\s*[:.)\-–]\s*", re.IGNORECASE)
"""A step's number at the start of its action where the table has no TT column: "Bước 1: Tiếp nhận"."""
_HOURS_PER = {"working_days": float(WORKING_HOURS_PER_DAY), "working_hours": 1.0, "minutes": 1 / 60}


def _hours(text: str) -> float | None:
    """The working hours a step's time states; 0 for none, ``None`` when it is not a clear length."""
    if not text:
        return 0.0
    length = read_length(text, day_is_working=True)
    return length.amount * _HOURS_PER[length.unit] if length is not None and length.unit in _HOURS_PER else None


def _steps_hours(steps: list[IsoStep]) -> float | None:
    """The working hours the steps add up to: a step's own time, or its sub-steps' where it states none;
    a time merged over several rows counted once. ``None`` when one of them is not a clear length."""
    total = 0.0
    by_parent: dict[str, list[IsoStep]] = {}
    for step in steps:
        if step.parent:
            by_parent.setdefault(step.parent, []).append(step)
    for step in steps:
        if step.parent:
            continue
        counted = [step] if step.time else by_parent.get(step.number, [])
        for part in counted:
            hours = 0.0 if part.time_shared else _hours(part.time)
            if hours is None:
                return None
            total += hours
    return total


class _StepReader:
    """The rows of the step table (and of its continuation tables) as steps."""

    def __init__(self, issues: list[SourceIssue]) -> None:
        self.steps: list[IsoStep] = []
        self.totals: list[str] = []  # what the header and "Tổng" rows state, in order
        self.issues = issues
        self._top: tuple[str, str] | None = None  # the last step's number as written and its digits

    def read(self, table: Table, number: int, columns: _StepColumns) -> None:
        """Add the steps of ``table`` (number ``number`` in the document), whose header is ``columns``."""
        if columns.total:
            self.totals.append(columns.total)
        for column, text in columns.unknown.items():
            where = _table_at(number, column=column + 1)
            self.issues.append(SourceIssue(where, text, Msg("iso_word.column_not_read", received=Val.of(text))))
        read = set(columns.at.values()) | set(columns.unknown)
        for index, row in enumerate(table.rows[columns.header_row + 1 :], start=columns.header_row + 2):
            self._row(row, columns, read, _table_at(number, row=index))

    def _row(self, row: tuple[Cell, ...], columns: _StepColumns, read: set[int], where: str) -> None:
        own = _own(row)
        if all(cell.column == columns.at.get("number") and cell.span == 1 for cell in own):
            return  # an empty row (a number alone, or only the text of a cell merged from above)
        if _is_numbering_row(own) or {"action", "responsible", "time"} <= _columns(row, _step_field)[0].keys():
            return  # "(1) | (2) | (3) | (4)", or the header repeated
        at = {cell.column: cell for cell in row}
        cell = {field: at.get(column) for field, column in columns.at.items()}
        text = {field: _clean(found.text) if found is not None else "" for field, found in cell.items()}
        if len(own) == 1 and (own[0].span > 1 or len(row) == 1):
            if fold(own[0].text).startswith("tong"):
                self.totals.append(_stated_total(own[0].text) or _after_colon(_clean(own[0].text)))
            else:
                message = Msg("iso_word.row_not_step", received=Val.of(own[0].text))
                self.issues.append(SourceIssue(where, own[0].text, message))
            return
        if fold(text.get("action", "")).startswith("tong") or fold(text.get("number", "")).startswith("tong"):
            self.totals.append(text.get("time") or _stated_total(text["action"]))
            return
        for extra in own:
            if extra.column not in read:
                message = Msg("iso_word.cell_beyond_header", received=Val.of(extra.text))
                self.issues.append(SourceIssue(where, extra.text, message))
        self.steps.append(self._step(text, cell, "number" in columns.at))

    def _step(self, text: dict[str, str], cell: dict[str, Cell | None], numbered: bool) -> IsoStep:
        number, action = text.get("number", ""), text.get("action", "")
        label = None if numbered else _STEP_LABEL.match(action)
        if label is not None:
            number, action = label[1], action[label.end() :]
        digits = re.search(r"\d+(?:\.\d+)*", number)
        number_cell, time_cell = cell.get("number"), cell.get("time")
        parent = ""
        merged_number = number_cell is not None and number_cell.continued  # rows of one step: each its own
        if self._top is not None and not merged_number:
            dotted_under_top = digits is not None and digits[0].startswith(self._top[1] + ".") and bool(self._top[1])
            if digits is None or dotted_under_top:
                parent = self._top[0]  # "1.1" under step 1, or a row without a number ("-", "a)", "")
        if not parent:
            self._top = (number, digits[0] if digits else "")
        shared = time_cell is not None and time_cell.continued and bool(time_cell.text)
        return IsoStep(
            number, action, text.get("responsible", ""), text.get("time", ""), text.get("output", ""), parent, shared
        )

    def finished(self) -> list[IsoStep]:
        """The steps; where no row has a number at all, none is a sub-step of the first."""
        if all(not step.number for step in self.steps):
            return [replace(step, parent="") for step in self.steps]
        return self.steps


# The document -----------------------------------------------------------------------------------------

_NATIONAL_CODE = re.compile(r"(?<![\d.])\d\.\d{6}(?!\d)")
_GHI_CHU = re.compile(r"[\s*\-–(]*(ghi\s*chu|luu\s*y)\s*\)?\s*[:.]?\s*")
_TERM_SPLIT = re.compile(r"\s*[:：](?!\d)\s*|\s+[-–=]\s+|\t+")
"""Between a term and its meaning: "UBND : Ủy ban nhân dân", "UBND – Ủy ban nhân dân" (not "9001:2015")."""


@dataclass
class _Section:
    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[tuple[tuple[str, ...], ...]] = field(default_factory=list)


def _events(body: list[Block]) -> list[Table | str]:
    """The body as its tables and its paragraphs' lines, trimmed; "" for an empty paragraph."""
    events: list[Table | str] = []
    for block in body:
        if isinstance(block, Table):
            events.append(block)
        else:
            events.extend(_clean(block.text).split("\n"))
    return events


def _contents_list(events: list[Table | str]) -> set[int]:
    """The events that are a contents list: runs of titles with nothing but empty paragraphs between."""
    listed: set[int] = set()
    run: list[int] = []
    for index, event in enumerate([*events, None]):
        if event == "":
            continue
        title = _title(event) if isinstance(event, str) else None
        if title is not None and not title.inline:
            run.append(index)
            continue
        if len(run) >= _CONTENTS_RUN:
            listed.update(run)
        run = []
    return listed


class _Reader:
    """One walk through the document, sorting each line and table into the header, a section or a
    table it knows (steps, signatures, revisions)."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.issues: list[SourceIssue] = []
        self.header: list[tuple[int, str]] = []  # (paragraph run or cell, line) outside any section
        self.group = 0
        self.sections: list[_Section] = []
        self.in_content = False  # within NỘI DUNG QUY TRÌNH, where its sub-sections are looked for
        self.steps = _StepReader(self.issues)
        self.step_table: tuple[int, _StepColumns] | None = None  # its number and columns
        self.step_width = 0
        self.just_after_steps = False  # nothing but empty paragraphs since the step table
        self.notes: list[str] = []  # the lines after the step table, until the next title
        self.in_notes = False
        self.people: tuple[IsoPerson, ...] | None = None
        self.revisions: list[IsoRevision] = []
        self.codes: list[str] = []
        self.tables = 0

    def read(self, body: list[Block], page_header: list[str]) -> IsoProcess:
        """The process the blocks of the body and the lines of the page header hold."""
        events = _events(body)
        listed = _contents_list(events)
        for index, event in enumerate(events):
            if isinstance(event, Table):
                self._table(event)
            elif not event:
                self.group += 1  # an empty paragraph ends a run of header lines
            else:
                self._line(event, index in listed)
        for line in page_header:
            self._find_codes(line)
        if self.step_table is None:
            received = (
                Msg("iso_word.tables_without_steps", n=self.tables) if self.tables else Msg("iso_word.tables_none")
            )
            why = Msg("iso_word.no_step_table", received=received)
            raise SourceError(self.shown, "", why, Msg("iso_word.no_step_table.hint"))
        steps = self.steps.finished()
        if not steps:
            where = _table_at(self.step_table[0])
            raise SourceError(self.shown, where, Msg("iso_word.no_steps"), Msg("iso_word.no_step_table.hint"))
        self._check_total(steps, self.step_table[0])
        return self._process(steps, [line for line in (_clean(text) for text in page_header) if line])

    @property
    def current(self) -> _Section | None:
        return self.sections[-1] if self.sections else None

    def _line(self, line: str, in_contents_list: bool) -> None:
        self._find_codes(line)
        self.just_after_steps = False
        title = None if in_contents_list else _title(line)
        key = self._opens(title) if title is not None else None
        if title is not None and key is not None:
            self.sections.append(_Section(key, title.text, [title.inline] if title.inline else []))
            self.in_notes = False
            if key in _SECTIONS:
                self.in_content = key == "content"
        elif self.in_notes:
            self.notes.append(line)
        elif self.current is not None:
            self.current.paragraphs.append(line)
        else:
            self.header.append((self.group, line))

    def _opens(self, title: _Title) -> str | None:
        """The section ``title`` opens, or ``None`` when it is text of the current one (its sub-title, or
        a line that only reads like a title: "Lệ phí: …" within Phí, lệ phí; "Căn cứ Luật …")."""
        seen = {section.key for section in self.sections}
        before_steps = self.in_content and self.step_table is None
        for key in title.keys:
            if self.current is not None and key == self.current.key:
                return None
            if key in seen or (key not in _SECTIONS and not before_steps):
                continue
            if key == "forms" and before_steps and "form_templates" not in seen:
                return "form_templates"  # "g. Biểu mẫu" among the sub-sections, BIỂU MẪU after them
            return key
        return None

    def _table(self, table: Table) -> None:
        self.tables += 1
        number = self.tables
        for row in table.rows:
            for cell in row:
                if not cell.continued:
                    self._find_codes(cell.text)
        columns = _step_columns(table)
        was_after_steps, self.just_after_steps = self.just_after_steps, False
        if self.step_table is not None and was_after_steps and (columns or _width(table) == self.step_width):
            # the step table goes on in another table (split at a page, its header repeated or not)
            first = self.step_table[1]
            self.steps.read(table, number, columns or _StepColumns(first.at, {}, -1, ""))
            self.just_after_steps = True
        elif columns is not None and self.step_table is None:
            self.step_table, self.step_width = (number, columns), _width(table)
            self.steps.read(table, number, columns)
            self.in_notes = self.just_after_steps = True
        elif columns is not None:
            rows = Num(len(table.rows) - columns.header_row - 1)
            self.issues.append(SourceIssue(_table_at(number), "", Msg("iso_word.extra_step_table", rows=rows)))
        elif (people := _signatures(table)) is not None:
            self.people = people if self.people is None else self.people
        elif (revision_columns := _revision_columns(table)) is not None:
            self.revisions.extend(_revisions(table, *revision_columns))
        elif self.current is not None:
            self.current.tables.append(tuple(tuple(_clean(cell.text) for cell in row) for row in table.rows))
        else:  # a header laid out as a table: its cells in reading order
            for row in table.rows:
                for cell in row:
                    self.group += 1
                    if not cell.continued:
                        self.header.extend((self.group, line) for line in _clean(cell.text).split("\n") if line)

    def _find_codes(self, text: str) -> None:
        for code in _NATIONAL_CODE.findall(text):
            if code not in self.codes:
                self.codes.append(code)

    def _check_total(self, steps: list[IsoStep], table: int) -> None:
        """Report steps that do not add up to the total the table states (its header or a "Tổng" row)."""
        stated = self.steps.totals[0] if self.steps.totals else ""
        expected, added = _hours(stated) if stated else None, _steps_hours(steps)
        if expected is None or added is None or abs(expected - added) < 1e-6:
            return  # nothing stated, or a time that is not a clear length: the mapper shows it as written
        message = Msg("iso_word.times_do_not_add_up", total=Val.of(stated), hours=Num(round(added, 2)))
        self.issues.append(SourceIssue(_table_at(table), stated, message))

    def _process(self, steps: list[IsoStep], page_header: list[str]) -> IsoProcess:
        lines = [line for _, line in self.header]
        values = {**_header_values(page_header), **_header_values(lines)}
        named = _name_and_agency(self.header) or _name_and_agency([(0, line) for line in page_header])
        name, agency = named or ("", "")
        if named is None or not name:
            self.issues.append(SourceIssue(HEADER_AT, "", Msg("iso_word.title_missing")))
        issue, issued = self._issue(values), self._issued(values)
        if "code" not in values:
            self.issues.append(SourceIssue(HEADER_AT, "", Msg("iso_word.header_missing", label="Mã hiệu")))
        if len(self.codes) > 1:
            codes = ", ".join(self.codes[:5])
            message = Msg("iso_word.national_codes", codes=codes, code=self.codes[0])
            self.issues.append(SourceIssue("", codes, message))
        definitions = next((section for section in self.sections if section.key == "definitions"), None)
        abbreviations, terms = _terms(definitions) if definitions is not None else ({}, {})
        return IsoProcess(
            source=self.shown,
            agency=agency,
            procedure_name=name,
            code=values.get("code", ""),
            issue=issue,
            issued=issued,
            people=self.people or (),
            revisions=tuple(self.revisions),
            steps=tuple(steps),
            total_time=self.steps.totals[0] if self.steps.totals else "",
            notes=_notes(self.notes),
            abbreviations=abbreviations,
            definitions=terms,
            sections=tuple(
                IsoSection(section.key, section.title, tuple(section.paragraphs), tuple(section.tables))
                for section in self.sections
            ),
            national_code=self.codes[0] if self.codes else "",
            issues=tuple(self.issues),
        )

    def _issue(self, values: dict[str, str]) -> int | None:
        if "issue" not in values:
            self.issues.append(SourceIssue(HEADER_AT, "", Msg("iso_word.header_missing", label="Lần ban hành")))
            return None
        number = _issue_number(values["issue"])
        if number is None:
            message = Msg("iso_word.issue_unreadable", received=Val.of(values["issue"]))
            self.issues.append(SourceIssue(HEADER_AT, values["issue"], message))
        return number

    def _issued(self, values: dict[str, str]) -> dt.date | None:
        written = values.get("issued") or values.get("effective")
        if written is None:
            self.issues.append(SourceIssue(HEADER_AT, "", Msg("iso_word.header_missing", label="Ngày ban hành")))
            return None
        date = _date(written)
        if date is None:
            message = Msg("iso_word.date_unreadable", received=Val.of(written))
            self.issues.append(SourceIssue(HEADER_AT, written, message))
        return date


def _width(table: Table) -> int:
    """The grid columns the table spans (a table going on from the step table has as many)."""
    return max((cell.column + max(cell.span, 1) for row in table.rows for cell in row), default=0)


def _terms(section: _Section) -> tuple[dict[str, str], dict[str, str]]:
    """ĐỊNH NGHĨA/VIẾT TẮT as abbreviations ("UBND" → "Ủy ban nhân dân": a term without lower-case
    letters) and other defined terms ("Hồ sơ hợp lệ" → its definition), from its lines and its tables."""
    pairs: list[tuple[str, str]] = []
    for line in section.paragraphs:
        parts = _TERM_SPLIT.split(re.sub(r"^[-–+*•·]\s*", "", line), maxsplit=1)
        if len(parts) == 2:
            pairs.append((parts[0].strip(), parts[1].strip()))
    for rows in section.tables:
        for row in rows:
            cells = [text for text in row if text]
            if len(cells) >= 2 and not re.search(r"viet tat|dien giai|giai thich|noi dung|tu ngu", fold(cells[-2])):
                pairs.append((cells[-2], cells[-1]))
    abbreviations: dict[str, str] = {}
    terms: dict[str, str] = {}
    for term, meaning in pairs:
        if not term or not meaning or len(term) > 60 or term.isdigit():
            continue
        short = len(term) <= 20 and not any(char.islower() for char in term)
        (abbreviations if short else terms).setdefault(term, meaning)
    return abbreviations, terms


def _notes(lines: list[str]) -> str:
    """The lines after the step table, without the "Ghi chú:" label that starts them."""
    if lines:
        folded, where = _folded(lines[0])
        label = _GHI_CHU.match(folded)
        if label is not None:
            lines = [lines[0][where[label.end()] :].strip(), *lines[1:]]
    return "\n".join(line for line in lines if line)

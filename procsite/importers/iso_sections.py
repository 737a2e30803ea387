"""The sections of an ISO process: their titles (MỤC ĐÍCH … HỒ SƠ CẦN LƯU and the sub-sections of NỘI DUNG
QUY TRÌNH), known by their words whatever their numbering; the contents list, told from the sections it
lists; and what two sections hold beyond their text (the defined terms, the notes under the step table).

Titles are matched folded (case and diacritics aside), with or without a number or letter in front, since
the numbers are usually Word's auto-numbering and so absent from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from procsite.folding import fold
from procsite.importers.docx_walk import Block, Table
from procsite.importers.iso_texts import clean, folded_with_positions

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
SECTIONS = {"revisions", "purpose", "scope", "references", "definitions", "content", "forms", "records"}
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
class Title:
    """A line that reads as a section title, and the sections it may open (the reader picks one)."""

    text: str  # as written, without its number and what follows its colon
    inline: str  # what follows its colon: "Thời hạn giải quyết: 01 ngày làm việc"
    keys: tuple[str, ...]  # the sections it may open


def read_title(line: str) -> Title | None:
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
    return Title(title.strip(), inline.strip(), keys) if keys else None


_GHI_CHU = re.compile(r"[\s*\-–(]*(ghi\s*chu|luu\s*y)\s*\)?\s*[:.]?\s*")
"""The "Ghi chú:" (or "Lưu ý:") label the notes under the step table start with, folded."""
_TERM_SPLIT = re.compile(r"\s*[:：](?!\d)\s*|\s+[-–=]\s+|\t+")
"""Between a term and its meaning: "UBND : Ủy ban nhân dân", "UBND – Ủy ban nhân dân" (not "9001:2015")."""


@dataclass
class Section:
    """A section as found: its key (``SECTIONS`` or a sub-section), its title, its lines and tables."""

    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[tuple[tuple[str, ...], ...]] = field(default_factory=list)


def body_events(body: list[Block]) -> list[Table | str]:
    """The body as its tables and its paragraphs' lines, trimmed; "" for an empty paragraph."""
    events: list[Table | str] = []
    for block in body:
        if isinstance(block, Table):
            events.append(block)
        else:
            events.extend(clean(block.text).split("\n"))
    return events


def contents_list(events: list[Table | str]) -> set[int]:
    """The events that are a contents list: runs of titles with nothing but empty paragraphs between."""
    listed: set[int] = set()
    run: list[int] = []
    for index, event in enumerate([*events, None]):
        if event == "":
            continue
        title = read_title(event) if isinstance(event, str) else None
        if title is not None and not title.inline:
            run.append(index)
            continue
        if len(run) >= _CONTENTS_RUN:
            listed.update(run)
        run = []
    return listed


def terms_of(section: Section) -> tuple[dict[str, str], dict[str, str]]:
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


def notes_of(lines: list[str]) -> str:
    """The lines after the step table, without the "Ghi chú:" label that starts them."""
    if lines:
        folded, where = folded_with_positions(lines[0])
        label = _GHI_CHU.match(folded)
        if label is not None:
            lines = [lines[0][where[label.end()] :].strip(), *lines[1:]]
    return "\n".join(line for line in lines if line)

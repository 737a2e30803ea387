"""The header of an ISO process: the agency, "QUY TRÌNH" and the process's name, Mã hiệu, Lần ban hành and
Ngày ban hành, found in paragraphs, in a table or in the page header, by their labels."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from procsite.folding import fold
from procsite.importers.docx_walk import W
from procsite.importers.iso_sections import read_title
from procsite.importers.iso_texts import folded_with_positions

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
    folded, where = folded_with_positions(line)
    matches = list(_LABELS.finditer(folded))
    values: dict[str, str] = {}
    if not matches:
        return values, False
    for match, after in zip(matches, [*matches[1:], None], strict=True):
        end = where[after.start()] if after is not None else len(line)
        values.setdefault(match.lastgroup or "other", line[where[match.end()] : end].strip(" \t,;|-–"))
    return values, bool(matches) and matches[0].start() == 0


def header_values(lines: list[str]) -> dict[str, str]:
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


def name_and_agency(lines: list[tuple[int, str]]) -> tuple[str, str] | None:
    """The procedure's name (what follows "QUY TRÌNH", on its line and the next ones of the same paragraph
    run or cell) and the agency (the lines before it), or ``None`` without a "QUY TRÌNH" line."""
    for index, (group, line) in enumerate(lines):
        folded, where = folded_with_positions(line)
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
            if other_group != group or _labelled(text)[1] or text.startswith("(") or read_title(text) is not None:
                break
            name.append(text)
        return " ".join(part for part in name if part), "\n".join(agency)
    return None


def date_in(value: str) -> dt.date | None:
    """The date a header value writes, "07/7/2025" or "ngày 07 tháng 7 năm 2025", if it is a real date."""
    folded = fold(value)
    match = _DATE_NUMBERS.search(folded) or _DATE_WORDS.search(folded)
    if match is None:
        return None
    try:
        return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:  # 31/02/2025
        return None


def issue_number(value: str) -> int | None:
    """The issue (Lần ban hành) a header value writes, in digits ("01") or in Roman numerals ("II")."""
    folded = fold(value).strip()
    if match := re.match(r"\d{1,4}", folded):
        return int(match[0])
    word = re.match(r"[ivx]+\b", folded)
    return _ROMAN.get(word[0]) if word else None


def page_header_lines(document: Any) -> list[str]:
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

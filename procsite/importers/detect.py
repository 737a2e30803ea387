"""What a source file is, found by its content.

Agencies send what they have under whatever name: the portal's Word export is a .docx called ".doc",
an ISO process may be a real old .doc, a JSON record may be saved as .txt. So the kind is read from the
first bytes and the content (``kind_of``), never from the extension, after the file has passed the same
gate every reader opens it through (``source_file``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from procsite.importers.docx_walk import Paragraph, Table, blocks
from procsite.importers.records import SourceError
from procsite.importers.source_file import MAX_JSON_BYTES, OLD_WORD, ZIP, open_word

# ``command`` reads a .doc through ``detect.read_source_file`` before converting it
from procsite.importers.source_file import read_source_file as read_source_file

NATIONAL_TITLE = "Chi tiết thủ tục hành chính"
NATIONAL_KEYS = {"code", "name"}
OLDER_NATIONAL_KEYS = {"MATTHC", "TENTTHC"}
ISO_SIGNATURES = ("trách nhiệm", "soạn thảo", "xem xét", "phê duyệt")


def kind_of(path: Path) -> str | None:
    """What the file is: "national_json", "national_word", "iso_word", "doc" (old binary Word), or
    ``None`` when it is none of these or cannot be read."""
    try:
        data = read_source_file(path, str(path))
    except SourceError:
        return None
    if data.startswith(OLD_WORD):
        return "doc"
    if data.startswith(ZIP):
        return _word_kind(data)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        # read to a Word file's limit: JSON past its own is not parsed, and is no record
        return "national_json" if len(data) <= MAX_JSON_BYTES and _is_national_json(data) else None
    return None


def _word_kind(data: bytes) -> str | None:
    try:
        body = blocks(open_word(data, ""))
    except (SourceError, RecursionError):
        return None
    texts = list(_texts(body))
    if next((text for text in texts if text), "") == NATIONAL_TITLE:
        return "national_word"
    # an ISO process may name its procedure's code ("Mã thủ tục: 1.001193"): its own marks come first
    if any(text.upper() == "QUY TRÌNH" or text.startswith("Mã hiệu") for text in texts):
        return "iso_word"
    if any(_is_signature_table(block) for block in body if isinstance(block, Table)):
        return "iso_word"
    return "national_word" if any(text.startswith("Mã thủ tục:") for text in texts) else None


def _texts(body: list[Paragraph | Table]) -> Iterator[str]:
    """Every paragraph's text, trimmed, those in table cells included (an ISO cover is often a table)."""
    for block in body:
        if isinstance(block, Paragraph):
            yield block.text.replace("\xa0", " ").strip()
        else:
            for row in block.rows:
                for cell in row:
                    yield from (text.replace("\xa0", " ").strip() for text in cell.paragraphs)


def _is_signature_table(table: Table) -> bool:
    return any([cell.text.strip().lower() for cell in row][:4] == list(ISO_SIGNATURES) for row in table.rows[:3])


def _is_national_json(data: bytes) -> bool:
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return False
    if isinstance(value, dict) and isinstance(value.get("data"), dict):
        value = value["data"]
    elif isinstance(value, dict) and isinstance(value.get("result"), list) and value["result"]:
        value = value["result"][0]  # the older interface answers {"error_code": ..., "result": [record]}
    return isinstance(value, dict) and (value.keys() >= NATIONAL_KEYS or bool(OLDER_NATIONAL_KEYS & value.keys()))

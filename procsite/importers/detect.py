"""What a source file is, found by its content, and opening it without trusting it.

Agencies send what they have under whatever name: the portal's Word export is a .docx called ".doc",
an ISO process may be a real old .doc, a JSON record may be saved as .txt. So the kind is read from the
first bytes and the content (``kind_of``), never from the extension. Every reader opens its file through
``read_source_file`` (a regular file, not a link out of its folder, at most ``MAX_SOURCE_BYTES``) and a
Word file through ``open_word``, which checks the ZIP's declared sizes before python-docx inflates
anything: a ZIP bomb is refused, not unpacked.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx

from procsite.importers.docx_walk import Paragraph, Table, blocks
from procsite.importers.records import SourceError
from procsite.messages import Msg, Num
from procsite.source.files import NotReadable, read_limited, regular_file

MAX_SOURCE_BYTES = 10_000_000
"""A national record is tens of kilobytes and a Word export a few dozen: more is not a procedure."""
MAX_MEMBERS = 2_000
MAX_MEMBER_BYTES = 50_000_000
"""Uncompressed, per member of a .docx (``word/document.xml`` is the big one)."""
MAX_UNPACKED_BYTES = 200_000_000

OLD_WORD = b"\xd0\xcf\x11\xe0"  # OLE2 compound file: Word 97-2003 .doc
ZIP = b"PK\x03\x04"
NATIONAL_TITLE = "Chi tiết thủ tục hành chính"
NATIONAL_KEYS = {"code", "name"}
OLDER_NATIONAL_KEYS = {"MATTHC", "TENTTHC"}
ISO_SIGNATURES = ("trách nhiệm", "soạn thảo", "xem xét", "phê duyệt")


def read_source_file(path: Path, shown: str) -> bytes:
    """The bytes of a source to import, or ``SourceError`` when it is not a regular file in its folder
    (a FIFO, a device, a link leading out of the folder) or is bigger than ``MAX_SOURCE_BYTES``."""
    found = regular_file(path, path.parent)
    if isinstance(found, NotReadable):
        raise SourceError(shown, "", found.message, found.hint)
    real, size = found
    if size > MAX_SOURCE_BYTES:
        raise SourceError(shown, "", _too_big(size), Msg("national.too_big.hint"))
    data = read_limited(real, MAX_SOURCE_BYTES)
    if isinstance(data, NotReadable):
        raise SourceError(shown, "", data.message, data.hint)
    if len(data) > MAX_SOURCE_BYTES:  # it grew between the check and the read
        raise SourceError(shown, "", _too_big(len(data)), Msg("national.too_big.hint"))
    return data


def _too_big(size: int) -> Msg:
    return Msg("national.too_big", limit=Num(MAX_SOURCE_BYTES // 1_000_000), size=Num(round(size / 1_000_000, 1)))


def open_word(data: bytes, shown: str) -> Any:
    """A python-docx ``Document`` of ``data``, once its ZIP is known to unpack to a sane size."""
    if data.startswith(OLD_WORD):
        raise SourceError(shown, "", Msg("national.word_old_format"), Msg("national.word_old_format.hint"))
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise SourceError(shown, "", Msg("national.word_not_zip")) from None
    if len(members) > MAX_MEMBERS:
        raise SourceError(shown, "", Msg("national.zip_too_many", limit=Num(MAX_MEMBERS), count=Num(len(members))))
    for member in members:
        if member.file_size > MAX_MEMBER_BYTES:
            size = Num(member.file_size // 1_000_000)
            why = Msg("national.zip_member_too_big", limit=Num(MAX_MEMBER_BYTES // 1_000_000), size=size)
            raise SourceError(shown, member.filename, why)
    total = sum(member.file_size for member in members)
    if total > MAX_UNPACKED_BYTES:
        why = Msg("national.zip_too_big", limit=Num(MAX_UNPACKED_BYTES // 1_000_000), size=Num(total // 1_000_000))
        raise SourceError(shown, "", why)
    try:
        return docx.Document(io.BytesIO(data))
    # python-docx and lxml raise what the broken part makes them raise (KeyError for a missing part,
    # ValueError for another Office file, XMLSyntaxError, BadZipFile for a bad checksum, ...): all of it
    # means the same to staff.
    except Exception:
        raise SourceError(shown, "", Msg("national.word_unreadable"), Msg("national.word_unreadable.hint")) from None


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
        return "national_json" if _is_national_json(data) else None
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

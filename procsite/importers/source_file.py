"""Opening a file to import without trusting it: the one gate every reader and ``kind_of`` pass through.

Agencies send what they have, and a file may be hostile or simply wrong: a FIFO or a link to
``/dev/zero``, a 2 GB video renamed ".docx", a ZIP bomb. ``read_source_file`` reads only a regular file
inside its folder, and never more than its limit (``MAX_WORD_BYTES`` or ``MAX_JSON_BYTES``);
``open_word`` checks the sizes a Word file's ZIP directory declares before python-docx inflates
anything. The limits and the messages are the same whichever reader asks.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx

from procsite.importers.records import SourceError
from procsite.messages import Msg, Num
from procsite.source.files import NotReadable, read_limited, regular_file

MAX_WORD_BYTES = 20_000_000
"""A Word export is a few dozen KB and an ISO process a few hundred, pictures included."""
MAX_JSON_BYTES = 10_000_000
"""A national record is tens of kilobytes: more is not a procedure."""
MAX_MEMBERS = 2_000
"""A Word file has a dozen parts and some images; more is a ZIP bomb."""
MAX_MEMBER_BYTES = 50_000_000
"""Uncompressed, per part of a .docx: ``word/document.xml`` of a 500-page process is a few megabytes."""
MAX_UNPACKED_BYTES = 200_000_000
"""Uncompressed, all the parts together."""

OLD_WORD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an OLE2 compound file: Word 97-2003 .doc."""
ZIP = b"PK\x03\x04"
_SHOWN_PART = 80
"""Characters of a ZIP part's name shown in a message: a crafted name may be kilobytes long."""


def read_source_file(path: Path, shown: str, limit: int = MAX_WORD_BYTES) -> bytes:
    """The bytes of a file to import (``shown`` names it in messages), or ``SourceError`` when it is not
    a regular file in its folder (a FIFO, a device, a link leading out of the folder) or is bigger than
    ``limit``: a Word file's unless the caller reads JSON (``MAX_JSON_BYTES``)."""
    found = regular_file(path, path.absolute().parent)
    if isinstance(found, NotReadable):
        raise SourceError(shown, "", found.message, found.hint)
    real, size = found
    if size > limit:  # refused before a byte is read
        raise _too_big(shown, size, limit)
    data = read_limited(real, limit)
    if isinstance(data, NotReadable):
        raise SourceError(shown, "", data.message, data.hint)
    if len(data) > limit:  # it grew between the check and the read
        raise _too_big(shown, len(data), limit)
    return data


def _too_big(shown: str, size: int, limit: int) -> SourceError:
    why = Msg("national.too_big", limit=Num(limit // 1_000_000), size=Num(round(size / 1_000_000, 1)))
    return SourceError(shown, "", why, Msg("national.too_big.hint"))


def open_word(data: bytes, shown: str) -> Any:
    """A python-docx ``Document`` of ``data``, once its ZIP directory shows it unpacks within the limits.
    The sizes the directory declares bind: Python's zipfile stops at them and fails on a CRC mismatch,
    so a part that understates its size is refused when it is read, not inflated."""
    if data.startswith(OLD_WORD):
        raise SourceError(shown, "", Msg("national.word_old_format"), Msg("national.word_old_format.hint"))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        why = Msg("national.word_not_zip", reason=reason_of(error))
        raise SourceError(shown, "", why, Msg("national.word_unreadable.hint")) from None
    zip_bomb = Msg("national.zip.hint")
    if len(members) > MAX_MEMBERS:
        why = Msg("national.zip_too_many", limit=Num(MAX_MEMBERS), count=Num(len(members)))
        raise SourceError(shown, "", why, zip_bomb)
    biggest = max(members, key=lambda member: member.file_size, default=None)
    if biggest is not None and biggest.file_size > MAX_MEMBER_BYTES:
        size, limit = Num(biggest.file_size // 1_000_000), Num(MAX_MEMBER_BYTES // 1_000_000)
        why = Msg("national.zip_member_too_big", limit=limit, size=size)
        raise SourceError(shown, biggest.filename[:_SHOWN_PART], why, zip_bomb)
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        size, limit = Num(unpacked // 1_000_000), Num(MAX_UNPACKED_BYTES // 1_000_000)
        raise SourceError(shown, "", Msg("national.zip_too_big", limit=limit, size=size), zip_bomb)
    try:
        return docx.Document(io.BytesIO(data))
    # python-docx and lxml raise what the broken part makes them raise (KeyError for a missing part,
    # ValueError for another Office file, XMLSyntaxError, BadZipFile for a bad checksum, ...): all of it
    # means the same to staff.
    except Exception as error:
        raise word_unreadable(shown, error) from None


def word_unreadable(shown: str, error: BaseException) -> SourceError:
    """The error for a Word file whose package or XML python-docx cannot read (or nests beyond reason)."""
    why = Msg("national.word_unreadable", reason=reason_of(error))
    return SourceError(shown, "", why, Msg("national.word_unreadable.hint"))


def reason_of(error: BaseException) -> str:
    """What went wrong, in one short line, for the one who sends the file back to its author."""
    said = re.sub(r"\s+", " ", str(error)).strip()
    return f"{type(error).__name__}: {said[:160]}" if said else type(error).__name__

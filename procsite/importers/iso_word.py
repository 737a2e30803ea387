"""An agency's ISO process document (quy trình ISO) read from Word into an ``IsoProcess``.

The layout is the framework model of Decision 101/QĐ-BKHCN (docs: reference/imports/README.md §3): a
header (the agency, "QUY TRÌNH", the name, Mã hiệu, Lần ban hành, Ngày ban hành) in paragraphs, in a
table or in the page header (``iso_header``); a signature table and the revision log
(``iso_control_tables``); sections MỤC ĐÍCH … HỒ SƠ CẦN LƯU, whose numbers are Word's auto-numbering and
so absent from the text (``iso_sections``); the step table (``iso_steps``). Tables are known by their
header rows wherever they stand; ``iso_reader`` walks the document once, sorting each part to its place.

This module opens the file: through ``source_file`` like every reader, an old .doc through LibreOffice,
and anything else refused with what it looks like, so that staff know what they sent.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from procsite.importers.doc_convert import convert_doc
from procsite.importers.docx_walk import blocks
from procsite.importers.iso_header import page_header_lines
from procsite.importers.iso_reader import IsoReader
from procsite.importers.iso_records import IsoProcess
from procsite.importers.records import SourceError
from procsite.importers.source_file import OLD_WORD, ZIP, open_word, read_source_file, word_unreadable
from procsite.messages import Msg

_KINDS = ((b"%pdf", "pdf"), (b"{\\rtf", "rtf"), (b"<html", "html"), (b"<!doctype html", "html"), (b"mime-", "html"))
"""What staff send instead of a Word file, by its first bytes (lower case), to say how to fix it."""


def read_iso_word(path: Path, shown: str) -> IsoProcess:
    """The ISO process of the Word file at ``path`` (.docx, or an old .doc converted with LibreOffice);
    ``shown`` names it in messages. Raises ``SourceError`` for a file that cannot be used at all
    (unreadable, too big, not Word, a ZIP bomb, no step table); what cannot be read of a usable file
    is in ``issues``."""
    data = read_source_file(path, shown)
    if data.startswith(OLD_WORD):
        with tempfile.TemporaryDirectory(prefix="procsite-doc-") as folder:
            data = read_source_file(convert_doc(data, shown, Path(folder)), shown)
    elif not data.startswith(ZIP):
        start = data[:16].lstrip().lower()
        kind = next((name for magic, name in _KINDS if start.startswith(magic)), "empty" if not data else "other")
        why = Msg("iso_word.not_word", received=Msg(f"iso_word.kind.{kind}"))
        raise SourceError(shown, "", why, Msg("iso_word.save_as_docx.hint"))
    document = open_word(data, shown)
    try:
        body, page_header = blocks(document), page_header_lines(document)
    except Exception as error:  # hostile XML: python-docx and lxml raise many kinds of errors
        raise word_unreadable(shown, error) from None
    return IsoReader(shown).read(body, page_header)

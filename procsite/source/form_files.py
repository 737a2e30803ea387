"""Form files: the only files of the procedures folder that reach the site as they are.

A form is published only when it is a regular file inside the ``forms`` folder (after resolving
symbolic links), of a type citizens download, whose first bytes say it is what its name says, not
empty and not too big. So a form entry cannot publish a file of the server (``/etc/hostname``,
``../../x``, a link), nor an HTML page or a Markdown file that the site builder would render.
"""

from __future__ import annotations

import io
import math
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from procsite.messages import Msg, Num
from procsite.source.files import FORMS_FOLDER, NotReadable, PublishedFileRules, published_file, read_limited

if TYPE_CHECKING:
    from procsite.model.catalog import Catalog

MAX_FORM_BYTES = 20_000_000
"""20 MB: a scanned form of a few pages; citizens download it over mobile data."""

TYPES = {
    ".pdf": "PDF",
    ".doc": "DOC",
    ".docx": "DOCX",
    ".xls": "XLS",
    ".xlsx": "XLSX",
    ".odt": "ODT",
    ".ods": "ODS",
}
"""The kinds of file a form may be, by file name ending."""

_HEAD_BYTES = 4096
"""Enough of a file to tell PDF, the Word/Excel 97 compound file, HTML and text apart."""
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of Word 97–2003 and Excel 97–2003
_ODF = {
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS",
}


def content_type(data: bytes) -> str:
    """What a file's bytes are, from their content alone: PDF, DOC/XLS, DOCX, XLSX, ODT, ODS, or what else."""
    if data.startswith(b"%PDF-"):
        return "PDF"
    if data.startswith(_OLE):
        return "DOC/XLS"
    if data.startswith(b"PK\x03\x04"):
        return _zip_type(data)
    head = data[:512].lstrip().lower()
    if head.startswith(b"<"):
        return "html"
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return "unknown"
    return "text"


def _zip_type(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
            return _ODF.get(archive.read("mimetype").decode("ascii", "replace").strip(), "zip")
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, RuntimeError):
        return "damaged_zip"
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return "DOCX"
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        return "XLSX"
    return "zip"


def _matches(kind: str, content: str) -> bool:
    return content == kind or (content == "DOC/XLS" and kind in ("DOC", "XLS"))


def check_form_files(catalog: Catalog) -> None:
    """Report every form whose file may not be published, and files of the forms folder no form lists."""
    assert catalog.tree is not None
    forms_rel = f"{catalog.root.name}/forms.yml"
    folder = catalog.root / FORMS_FOLDER
    for form_id, form in catalog.forms.items():
        if form.file is None:
            continue  # to complete: a notice, not a problem
        why = form_file_problem(catalog.root / form.file, folder)
        if why is not None:
            catalog.report.add(
                forms_rel, catalog.register_line("forms", f"{form_id}.file"), f"{form_id}.file", why.message, why.hint
            )
    listed = {(catalog.root / form.file) for form in catalog.forms.values() if form.file}
    if catalog.already_reported("forms", "*"):
        return  # forms.yml could not be read: which files it lists is unknown
    for path in catalog.tree.forms:
        if path not in listed and not path.is_dir():
            message, hint = Msg("form.unused"), Msg("form.unused.hint")
            catalog.report.warn("form.unused", catalog.tree.rel(path), 1, "", message, hint)


def form_file_problem(path: Path, folder: Path) -> NotReadable | None:
    """Why the file ``path`` may not be published as a form; None when it may."""
    name = path.relative_to(folder.parent).as_posix()
    kind = TYPES.get(path.suffix.lower())
    if kind is None:
        return NotReadable(Msg("form.type", name=name), Msg("form.type.hint"))
    # sizes rounded up: a file just over the limit must not read as being at it ("20.1 MB", not "20 MB")
    rules = PublishedFileRules(
        limit=MAX_FORM_BYTES,
        missing=NotReadable(Msg("form.missing", name=name), Msg("form.missing.hint")),
        empty=NotReadable(Msg("form.empty", name=name), Msg("form.empty.hint")),
        too_big=lambda size: NotReadable(
            Msg("form.too_big", limit=MAX_FORM_BYTES // 1_000_000, name=name, size=Num(math.ceil(size / 1e5) / 10)),
            Msg("form.too_big.hint"),
        ),
    )
    found = published_file(path, folder, rules)
    if isinstance(found, NotReadable):
        return found
    real = found[0]
    # The first bytes tell every kind but the ZIP-based ones (DOCX, XLSX, ODT, ODS), whose members are
    # listed at the end of the file: only those are read whole.
    data = read_limited(real, _HEAD_BYTES)
    if not isinstance(data, NotReadable) and data.startswith(b"PK\x03\x04"):
        data = read_limited(real, MAX_FORM_BYTES)
    if isinstance(data, NotReadable):
        return data
    content = content_type(data)
    if not _matches(kind, content):
        shown: Msg | str = content if content.isupper() or "/" in content else Msg(f"content.{content}")
        return NotReadable(
            Msg("form.content", kind=kind, name=name, content=shown), Msg("form.content.hint", kind=kind)
        )
    return None

"""The agency's logo: a picture of the procedures folder that reaches the site as it is, checked like a form.

It is published only when it is a regular file at the top of the procedures folder (after resolving
symbolic links), a PNG, JPEG or WebP picture by its first bytes as by its name, not empty, not too big,
and of a size a browser draws without trouble. SVG is refused by name (``agency.py``): it is a document
that can run scripts. Other pictures at the top of the folder are reported as not published.
"""

from __future__ import annotations

import hashlib
import math
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from procsite.messages import Msg, Num
from procsite.model.agency import Logo
from procsite.source.agency import LOGO_TYPES
from procsite.source.files import NotReadable, PublishedFileRules, published_file, read_limited
from procsite.source.form_files import content_type

if TYPE_CHECKING:
    from procsite.model.catalog import Catalog

MAX_LOGO_BYTES = 500_000
"""500 KB: the header shows the logo 24 pixels high; a picture of a few hundred pixels is a few dozen KB."""
MAX_LOGO_PIXELS = 4096
"""Width and height at most: a picture of 30,000 × 30,000 pixels compresses to little and stalls a phone."""
KIND_NAMES = {"png": "PNG", "jpeg": "JPEG", "webp": "WebP"}


def picture_kind(data: bytes) -> str | None:
    """What picture the bytes are, from their first bytes: png, jpeg, webp, or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def picture_size(data: bytes, kind: str) -> tuple[int, int] | None:
    """Width and height from a picture's header; None when the header is damaged."""
    try:
        if kind == "png":
            if data[12:16] != b"IHDR":
                return None
            width, height = struct.unpack(">II", data[16:24])
            return width, height
        if kind == "webp":
            return _webp_size(data)
        return _jpeg_size(data)
    except (struct.error, IndexError):
        return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    if chunk == b"VP8L" and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    return None


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
"""JPEG's start-of-frame markers, which hold the picture's size."""


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0x01, *range(0xD0, 0xDA)):  # markers without a length
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in _SOF:
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        at += 2 + length
    return None


def logo_problem(path: Path, root: Path) -> NotReadable | Logo:
    """The checked logo at ``path``, or why it may not be published."""
    name = path.name
    kind = LOGO_TYPES.get(path.suffix.lower(), "")
    # sizes rounded up: a file just over the limit must not read as being at it ("501 KB", not "500 KB")
    rules = PublishedFileRules(
        limit=MAX_LOGO_BYTES,
        missing=NotReadable(Msg("agency.logo_missing", name=name, folder=root.name), Msg("agency.logo_missing.hint")),
        empty=NotReadable(Msg("agency.logo_empty", name=name), Msg("agency.logo_empty.hint")),
        too_big=lambda size: NotReadable(
            Msg("agency.logo_too_big", limit=Num(MAX_LOGO_BYTES // 1000), size=Num(math.ceil(size / 1000))),
            Msg("agency.logo_too_big.hint"),
        ),
    )
    found = published_file(path, root, rules)
    if isinstance(found, NotReadable):
        return found
    data = read_limited(found[0], MAX_LOGO_BYTES)
    if isinstance(data, NotReadable):
        return data
    content = picture_kind(data)
    if content != kind:
        if content is not None:
            shown: Msg | str = KIND_NAMES[content]
        else:
            other = content_type(data)
            shown = other if other.isupper() or "/" in other else Msg(f"content.{other}")
        return NotReadable(
            Msg("agency.logo_content", kind=KIND_NAMES[kind], name=name, content=shown),
            Msg("agency.logo_content.hint", kind=KIND_NAMES[kind]),
        )
    dimensions = picture_size(data, kind)
    if dimensions is None or 0 in dimensions:
        return NotReadable(
            Msg("agency.logo_damaged", kind=KIND_NAMES[kind], name=name),
            Msg("agency.logo_content.hint", kind=KIND_NAMES[kind]),
        )
    width, height = dimensions
    if max(width, height) > MAX_LOGO_PIXELS:
        message = Msg("agency.logo_pixels", limit=MAX_LOGO_PIXELS, width=width, height=height)
        return NotReadable(message, Msg("agency.logo_too_big.hint"))
    return Logo(name, kind, width, height, hashlib.sha256(data).hexdigest())


def check_logo(catalog: Catalog) -> None:
    """Check the logo ``agency.yml`` names, into ``catalog.logo``; report pictures of the folder not published."""
    assert catalog.tree is not None
    agency = catalog.agency
    rel = f"{catalog.root.name}/agency.yml"
    logo = catalog.root / agency.logo if agency is not None and agency.logo else None
    if logo is not None:
        checked = logo_problem(logo, catalog.root)
        if isinstance(checked, NotReadable):
            catalog.report.add(rel, catalog.register_line("agency", "logo"), "logo", checked.message, checked.hint)
        else:
            catalog.logo = checked
    if catalog.already_reported("agency", "*"):
        return  # agency.yml could not be read: whether a picture is its logo is unknown
    for path in catalog.tree.images:
        if path != logo:
            svg = path.suffix.lower() == ".svg"
            name = path.stem + ".png" if svg else path.name
            hint = Msg("agency.picture_svg.hint" if svg else "agency.picture_unused.hint", name=name)
            catalog.report.warn("source.not_read", catalog.tree.rel(path), 1, "", Msg("file.not_source"), hint)

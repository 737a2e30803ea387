"""QR codes of procedure pages, made at build time as inline SVG (segno encodes, we draw)."""

from __future__ import annotations

import itertools

import segno
from markupsafe import Markup, escape

MASK = 2
"""Any of the eight QR masks gives a valid code; fixing one skips segno's evaluation of all eight,
which is most of its time at 4,000 pages (2,000 procedures in two languages)."""
BORDER = 2
SCALE = 4


def qr_svg(url: str, title: str) -> Markup:
    """An SVG QR code of ``url`` (error correction M: readable from a crumpled print-out)."""
    code = segno.make_qr(url, error="m", mask=MASK)
    size = len(code.matrix) + 2 * BORDER
    path = []
    for y, row in enumerate(code.matrix):
        x = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                path.append(f"M{x + BORDER} {y + BORDER + 0.5}h{length}")
            x += length
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{label}" width="{px}" height="{px}" '
        'viewBox="0 0 {size} {size}"><rect width="{size}" height="{size}" fill="#fff"/>'
        '<path stroke="#000" shape-rendering="crispEdges" d="{d}"/></svg>'
    ).format(label=escape(title), px=size * SCALE, size=size, d="".join(path))

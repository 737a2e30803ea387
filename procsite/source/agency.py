"""The format of ``agency.yml``: the agency's name, contact and identity (declared like every key, see
``format``).

Everything here reaches every page of the site: the site's name and description (HTML-escaped once by
``pages/identity.py``), its address (canonical links and the sitemap, written unescaped by MkDocs: so it
is an address and nothing else), the logo file and the two colours, which must leave text readable.
"""

from __future__ import annotations

from typing import Any

from procsite.messages import Msg, Num, Val
from procsite.model.agency import Agency
from procsite.problems import expected
from procsite.source.common import CODE, TEXT
from procsite.source.schema import MISSING, Context, Key, ListOf, Obj, Str
from procsite.source.spec import require_scalar
from procsite.source.yamlsrc import Map, Node, Scalar

SITE_URL = (
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
    r"(?::[0-9]{1,5})?/(?:[A-Za-z0-9._~-]+/)*"
)
"""A site's address: a host, an optional port and folders, ending with "/" (pages' addresses are joined
to it, for QR codes, canonical links and the sitemap). No quote, space, query or fragment can be in it."""

MIN_CONTRAST = 4.5
"""WCAG 2.1 AA for text (1.4.3): white header text on the primary colour, and links of either colour on
white, must reach it."""
LOGO_TYPES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".webp": "webp"}
"""The kinds of picture a logo may be, by file name ending. Not SVG: an SVG file is a document that can
hold scripts, event handlers and references to other hosts, and the browser runs them when someone opens
the file's address; a raster picture holds none of those, so there is nothing to sanitise."""
COLOUR_KEYS = ("primary_color", "accent_color")


def luminance(colour: str) -> float:
    """The relative luminance of ``#rrggbb`` (WCAG 2.1)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(colour: str) -> float:
    """The contrast ratio of ``#rrggbb`` with white, from 1 to 21."""
    return 1.05 / (luminance(colour) + 0.05)


def darker(colour: str, minimum: float = MIN_CONTRAST) -> str:
    """The same hue, darkened just enough to reach ``minimum`` against white: a colour staff can use."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    for step in range(101):
        candidate = "#" + "".join(f"{round(c * (1 - step / 100)):02x}" for c in channels)
        if contrast_with_white(candidate) >= minimum:
            return candidate
    return "#000000"


class Colour(Str):
    """A colour written ``"#rrggbb"`` (in quotes: ``#`` starts a YAML comment) that white text reads on."""

    def __init__(self) -> None:
        super().__init__("color", r"#[0-9A-Fa-f]{6}", "#8e1b1b")

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        value = super().parse(node, ctx, key)
        if value is MISSING:
            return MISSING
        colour = str(value).lower()
        ratio = contrast_with_white(colour)
        if ratio < MIN_CONTRAST:
            message = Msg(
                "agency.color_contrast",
                received=Val.of(str(value)),
                ratio=Num(round(ratio, 1)),
                limit=Num(MIN_CONTRAST),
            )
            ctx.problem(node, key, message, Msg("agency.color_contrast.hint", example=darker(colour)))
            return MISSING
        return colour


class LogoName(Str):
    """The name of the logo's file, at the top of the procedures folder: PNG, JPEG or WebP."""

    def __init__(self) -> None:
        super().__init__("logo", r"[a-z0-9]+(?:[-_.][a-z0-9]+)*\.(?:png|jpe?g|webp)", "logo.png")

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = require_scalar(node, ctx, key, self.what)
        if scalar is not None and scalar.raw.strip().lower().endswith(".svg"):
            name = scalar.raw.strip()
            ctx.problem(
                node, key, Msg("agency.logo_svg", name=name), Msg("agency.logo_svg.hint", png=name[:-4] + ".png")
            )
            return MISSING
        return super().parse(node, ctx, key) if scalar is not None else MISSING


AGENCY = Obj(
    Agency,
    {
        "name": Key(TEXT, True),
        "address": Key(TEXT, True),
        "parent": Key(TEXT),
        "phone": Key(Str("phone")),
        "email": Key(Str("email")),
        "hours": Key(TEXT),
        "site_url": Key(Str("site_url", SITE_URL, "https://thutuc.example.gov.vn/")),
        "featured": Key(ListOf(CODE)),
        "site_name": Key(TEXT),
        "site_description": Key(TEXT),
        "logo": Key(LogoName()),
        "primary_color": Key(Colour()),
        "accent_color": Key(Colour()),
    },
    "agency",
)


def check_written_colours(node: Node, ctx: Context) -> None:
    """Report a colour key written with nothing after it: ``primary_color: #8e1b1b`` without quotes is a
    YAML comment, which the reader takes for no value at all, and the colour would be dropped unseen."""
    if not isinstance(node, Map):
        return
    for key in COLOUR_KEYS:
        written = node.items.get(key)
        if written is not None and isinstance(written[1], Scalar) and written[1].value is None:
            message = expected(Msg("what.color"), None)
            ctx.problem(written[0], key, message, Msg("agency.color_quotes.hint", key=key))


__all__ = ["AGENCY", "LOGO_TYPES", "SITE_URL", "check_written_colours", "contrast_with_white", "darker"]

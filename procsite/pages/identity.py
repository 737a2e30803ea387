"""The site's identity, per language, from the agency's ``agency.yml``: name, description, address, footer,
logo and colours. Nothing of it comes from the MkDocs configs, so that another folder builds another site.

The site builder writes the name, the description and the footer into its templates unescaped (Material's
``<title>``, header, ``aria-label``, ``<meta name="description">`` and footer): each is HTML-escaped here,
once, as ``Markup``, which Jinja's ``e`` filter (Material's ``title="{{ config.site_name | e }}"``) then
leaves as it is. The colours are the CSS custom properties the theme already reads (``primary: custom``),
written into the site's one stylesheet in place of the sample's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from procsite import paths
from procsite.model.agency import Agency
from procsite.model.catalog import Catalog
from procsite.model.quality import SYSTEM_PAGE
from procsite.pages.quality_strings import qt

SITE_NAME = {"vi": "Thủ tục hành chính — {name}", "en": "Administrative procedures — {name}"}
"""The site's name when ``agency.yml`` has no ``site_name``."""
SITE_DESCRIPTION = {
    "vi": "Các thủ tục hành chính của {name}: trình tự, thời hạn, giấy tờ, phí, lệ phí và căn cứ pháp lý, "
    "công khai cho người dân.",
    "en": "The administrative procedures of {name}: steps, processing times, documents, fees and legal basis, "
    "public for citizens.",
}
"""The site's description when ``agency.yml`` has no ``site_description``."""
SITE_ROOTS = {"vi": "", "en": "en/"}
"""Where each language is published under the site's address."""
LOGO_FOLDER = "assets/agency"
"""Where the logo is published in each language: ``assets/agency/logo.png``."""

DEFAULT_PRIMARY, DEFAULT_ACCENT = "#8e1b1b", "#0b5cad"
_SAMPLE_SHADES = {DEFAULT_PRIMARY: ("#b22a2a", "#6b1212")}
"""The lighter and darker shades of the default primary colour, chosen by hand; others are mixed."""
COLOURS_START, COLOURS_END = "/* procsite:colours */", "/* procsite:colours end */"
"""The block of ``procsite.css`` that the agency's colours replace."""


@dataclass(frozen=True)
class SiteIdentity:
    """What the site is called, where it lives and how it looks, in one language."""

    name: Markup
    """The site's name, escaped once: Material writes ``config.site_name`` unescaped."""
    description: Markup
    url: str | None
    """This language's public address (``<site_url>en/`` in English), or None when the agency gave none."""
    footer: Markup
    """The agency as the footer shows it (``config.copyright``), with the link to the quality system's page."""
    logo: str | None
    """The logo's path on the site, or None: Material's icon is shown."""
    root: str | None = None
    """The Vietnamese site's public address (``site_url``), or None: then no page names its alternates."""

    def alternates(self, page_url: str) -> list[dict[str, str]]:
        """The same page in each language, as absolute addresses for ``hreflang`` (the Vietnamese one is
        also the default); none without a site address, since hreflang needs absolute ones."""
        if not self.root:
            return []
        found = [{"lang": lang, "href": self.root + SITE_ROOTS[lang] + page_url} for lang in SITE_ROOTS]
        return [*found, {"lang": "x-default", "href": found[0]["href"]}]


def site_identity(catalog: Catalog, lang: str) -> SiteIdentity:
    """The identity of the site of ``catalog`` in ``lang``; the catalog has no problem, so it has an agency."""
    agency = catalog.agency
    assert agency is not None, "a catalog without problems has an agency"
    name = agency.name.get(lang)
    description = (
        agency.site_description.get(lang) if agency.site_description else SITE_DESCRIPTION[lang].format(name=name)
    )
    footer = name if agency.parent is None else f"{name} · {agency.parent.get(lang)}"
    logo = f"{LOGO_FOLDER}/logo.{catalog.logo.kind}" if catalog.logo else None
    url = agency.site_url + SITE_ROOTS[lang] if agency.site_url else None
    name_html = escape(site_name(agency, lang))
    return SiteIdentity(name_html, escape(description), url, _footer(footer, catalog, lang), logo, agency.site_url)


def _footer(text: str, catalog: Catalog, lang: str) -> Markup:
    """The footer: the agency, escaped, then the link to its quality system's page when it has one. The
    footer is the same on every page, so the link starts at the site's root (the path of ``site_url``)."""
    footer = escape(text)
    agency = catalog.agency
    if catalog.system is None or agency is None:
        return footer
    root = urlsplit(agency.site_url).path if agency.site_url else "/"
    address = root + SITE_ROOTS[lang] + paths.url_of(SYSTEM_PAGE)
    return Markup('{} · <a href="{}">{}</a>').format(footer, address, qt("system.footer", lang))


def site_name(agency: Agency, lang: str) -> str:
    """The site's name as text: ``site_name``, or made from the agency's name."""
    return agency.site_name.get(lang) if agency.site_name else SITE_NAME[lang].format(name=agency.name.get(lang))


def colours(agency: Agency | None) -> dict[str, str]:
    """The theme's colour properties for the agency: its colours, or the default ones."""
    primary = agency.primary_color if agency and agency.primary_color else DEFAULT_PRIMARY
    accent = agency.accent_color if agency and agency.accent_color else DEFAULT_ACCENT
    light, dark = _SAMPLE_SHADES.get(primary) or (_mix(primary, "#ffffff", 0.2), _mix(primary, "#000000", 0.25))
    return {
        "--md-primary-fg-color": primary,
        "--md-primary-fg-color--light": light,
        "--md-primary-fg-color--dark": dark,
        "--md-accent-fg-color": accent,
        "--md-accent-fg-color--transparent": accent + "1a",
    }


def _mix(colour: str, other: str, share: float) -> str:
    """``colour`` with ``share`` of ``other`` mixed in, as ``#rrggbb``."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


def stylesheet(css: str, agency: Agency | None) -> str:
    """The site's stylesheet with the agency's colours in its colour block (between ``COLOURS_START`` and
    ``COLOURS_END``); values are checked ``#rrggbb``, so nothing else can be written into it."""
    start, end = css.index(COLOURS_START), css.index(COLOURS_END)
    lines = "".join(f"  {name}: {value};\n" for name, value in colours(agency).items())
    return f"{css[: start + len(COLOURS_START)]}\n:root {{\n{lines}}}\n{css[end:]}"


def favicon(svg: str, agency: Agency | None) -> str:
    """The site's icon (ours, not the agency's file) in the agency's primary colour."""
    return re.sub(re.escape(DEFAULT_PRIMARY), colours(agency)["--md-primary-fg-color"], svg, flags=re.I)

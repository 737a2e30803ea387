"""What every generated page shares: the Jinja templates, texts as HTML and links to the catalog's entries.

Values are computed in Python; the Jinja templates in ``procsite/pages/templates``
only lay them out.

No staff-written text reaches a Markdown parser: each is escaped into an HTML block (``blocks.py``
keeps those out of the parser), the page's title included (``render_page``). In a Markdown line,
a title ``Cấp { onfocus=alert(1) }`` or ``{: #__config }`` would become attributes (attr_list),
``![p](https://…)`` a picture from another host and ``&amp;`` an ampersand. Our own fixed strings
(section headings) stay Markdown, so that the table of contents lists them.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markdown.extensions.toc import slugify, unique
from markupsafe import Markup, escape

from procsite import paths
from procsite.model.catalog import Catalog
from procsite.model.procedure import Text
from procsite.pages.i18n import t

TEMPLATE_DIR = Path(__file__).parent / "templates"
TEMPLATES = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_HEADING_IDS = re.compile(r"\{:[^}]*?#([\w-]+)")


def render_page(name: str, title: str, heading: Markup | None = None, **view: Any) -> str:
    """Render the page template ``name``, whose title is ``title`` and whose h1 shows ``heading``
    (by default the title; ``_title.md.j2`` writes it as HTML).

    The front matter's ``title`` is HTML to Material, which writes it unescaped into ``<title>`` and
    the header (MkDocs renders themes without autoescape): it is escaped here, so that a title written
    ``5 &amp; 6`` shows as written. Quotes stay as they are: Material shows the title as text only."""
    heading = escape(title) if heading is None else heading
    return TEMPLATES.get_template(name).render(
        view,
        page_title=html.escape(title, quote=False),
        heading={"html": heading, "id": _heading_id(heading, name)},
    )


def _heading_id(heading: Markup, template: str) -> str:
    # The id Python-Markdown's toc extension gave the h1 when it was a Markdown heading: the slug of
    # its text, unique among the ids of the template's own headings ({: #steps }). Without underscores:
    # Material's own ids begin with "__" (__config, __drawer), and blocks.py writes the id into a
    # Markdown line, where a pair of "_" is emphasis (only unique()'s "_1" suffix may follow).
    return unique(slugify(heading.striptags(), "-").replace("_", ""), set(_template_ids(template)))


@functools.cache
def _template_ids(template: str) -> frozenset[str]:
    return frozenset(_HEADING_IDS.findall((TEMPLATE_DIR / template).read_text(encoding="utf-8")))


def text_html(text: Text | None, lang: str) -> Markup:
    """A citizen-facing text as HTML; untranslated English shows the Vietnamese, marked as such."""
    if text is None:
        return Markup("")
    if text.missing(lang):
        return Markup('<span lang="vi">{}</span> <small class="ps-untranslated">({})</small>').format(
            text.vi, t("untranslated", lang)
        )
    return escape(text.get(lang))


def text_paragraphs(text: Text, lang: str) -> Markup:
    """A long text of several lines (the national description of the steps) as escaped paragraphs;
    untranslated English shows the Vietnamese, marked as such."""
    lines = [line.strip() for line in text.get(lang).splitlines() if line.strip()]
    html = Markup("").join(Markup("<p>{}</p>").format(line) for line in lines)
    if text.missing(lang):
        return Markup('<div lang="vi"><p><small class="ps-untranslated">({})</small></p>{}</div>').format(
            t("untranslated", lang), html
        )
    return html


class CatalogView:
    """One catalog as the pages of one language show it: texts in that language, links between entries."""

    def __init__(self, catalog: Catalog, lang: str) -> None:
        self.catalog, self.lang = catalog, lang
        self.by_code = catalog.by_code()

    def tx(self, text: Text | None) -> Markup:
        """A text of the catalog as HTML in this language."""
        return text_html(text, self.lang)

    def unit_ref(self, unit_id: str, here: str) -> dict[str, Any]:
        """A unit's name and the link to its page from the page ``here``."""
        unit = self.catalog.units[unit_id]
        return {"name": self.tx(unit.name), "link": paths.link(here, paths.unit_page(unit_id))}

    def procedure_ref(self, code: str, here: str) -> dict[str, Any]:
        """A procedure's code, title and the link to its page from the page ``here``."""
        p = self.by_code[code]
        return {"code": code, "title": self.tx(p.title), "link": paths.link(here, paths.procedure_page(p.slug))}

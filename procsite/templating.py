"""What every generated page shares: the Jinja templates, texts as HTML and links to the catalog's entries.

Values are computed in Python; the Jinja templates in ``procsite/templates``
only lay them out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from . import paths
from .i18n import t
from .loader import Catalog
from .model import Text

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def text_html(text: Text | None, lang: str) -> Markup:
    """A citizen-facing text as HTML; untranslated English shows the Vietnamese, marked as such."""
    if text is None:
        return Markup("")
    if text.missing(lang):
        return Markup('<span lang="vi">{}</span> <small class="ps-untranslated">({})</small>').format(
            text.vi, t("untranslated", lang)
        )
    return escape(text.get(lang))


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

"""The agency's own pages (``pages/``) as generated Markdown pages, and the text of the home page.

Staff Markdown is converted by the bodies' converter and cut at its headings (``source/agency_pages.py``);
the pages are HTML blocks like every generated page, so that no staff text reaches MkDocs' Markdown parser,
while each heading stays a heading of the page's table of contents (``blocks.py``).
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from procsite.model.catalog import Catalog
from procsite.pages.i18n import t
from procsite.pages.identity import site_name
from procsite.pages.templating import TEMPLATES
from procsite.source.agency_pages import HOME, page_layout
from procsite.source.page_layout import Heading, heading_id


class AgencyPages:
    """Renders the agency's pages of one catalog in one language."""

    def __init__(self, catalog: Catalog, lang: str) -> None:
        self.catalog, self.lang = catalog, lang

    def page_renderers(self) -> dict[str, Callable[[], str]]:
        """Per page of the agency but the home page (``render.py`` renders it), what renders it."""
        return {path: functools.partial(self.page, path) for path in self.catalog.pages if path != HOME}

    def page(self, path: str) -> str:
        """One page: its title and text; in English, until translated, the Vietnamese page marked as such."""
        page = self.catalog.pages[path]
        shape = page_layout(path, page.get(self.lang).text)
        assert shape.title is not None, "the checker refuses a page without a title"
        return TEMPLATES.get_template("agency_page.md.j2").render(
            page_title=html.escape(shape.title.text, quote=False),
            untranslated=page.missing(self.lang),
            heading={"html": shape.title.html, "id": shape.title.id},
            parts=shape.parts,
            vietnamese=False,
        )

    def home_text(self) -> dict[str, Any]:
        """The home page's part written by the agency, for ``home.md.j2``: its heading (its title, or the
        site's name), its text cut at headings, and whether it is the Vietnamese text on the English site."""
        page = self.catalog.pages.get(HOME)
        shape = page_layout(HOME, page.get(self.lang).text) if page else None
        untranslated = page is not None and page.missing(self.lang)
        title = shape.title if shape else None
        if title is None:
            assert self.catalog.agency is not None
            name = site_name(self.catalog.agency, self.lang)
            taken = {part.id for part in shape.parts if isinstance(part, Heading)} if shape else set()
            title = Heading(1, heading_id(name, taken), escape(name), name)
        shown: Markup = title.html
        if untranslated and shape and shape.title:
            shown = Markup('<span lang="vi">{}</span>').format(title.html)
        return {
            "heading": {"html": shown, "id": title.id},
            "parts": shape.parts if shape else (),
            "untranslated": untranslated and bool(shape and (shape.title or shape.parts)),
            "vietnamese": untranslated,
            "t": lambda key, **kw: t(key, self.lang, **kw),
        }

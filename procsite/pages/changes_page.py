"""The "what changed" page of each language (``thay-doi/``): the same entries as the change feed
(``opendata/feeds.py``), newest first, for people rather than feed readers."""

from __future__ import annotations

from markupsafe import escape

from procsite import paths
from procsite.model.catalog import Catalog
from procsite.opendata.feeds import FEED_PATH, changes
from procsite.pages.i18n import format_date, t
from procsite.pages.templating import CatalogView, render_page

CHANGES_PAGE = "thay-doi/index.md"


class ChangesPage(CatalogView):
    def __init__(self, catalog: Catalog, lang: str) -> None:
        super().__init__(catalog, lang)

    def render(self) -> str:
        here, lang = CHANGES_PAGE, self.lang
        entries = [
            {
                "date": format_date(c.day, lang),
                "kind": t(f"feed.{c.kind}", lang),
                "title": self.tx(c.procedure.title),
                "code": c.procedure.code,
                "link": paths.link(here, paths.procedure_page(c.procedure.slug)),
                "text": escape(c.text),
            }
            for c in changes(self.catalog, lang)
        ]
        title = t("changes.title", lang)
        return render_page(
            "changes.md.j2",
            title,
            None,
            entries=entries,
            feed=paths.link(here, FEED_PATH),
            t=lambda k, **kw: t(k, lang, **kw),
        )

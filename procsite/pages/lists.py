"""The lists of procedures: the catalogue, a field's procedures, a unit's steps; each paged.

A list is cut into pages of ``paths.LIST_PAGE_SIZE`` rows (``thu-tuc/``, ``thu-tuc/trang/2/``, …), so
that a page weighs the same at 200 procedures as at 6,000 and the whole list can be read without
JavaScript, page by page. The catalogue's first page adds the filter box (the site's search engine,
``overrides/assets/procsite/catalogue.js``), the fields with their counts and the open data.
Columns sort in the browser only where the page holds the whole list: sorting one page of many would
answer a question ("the quickest procedure") about part of the list only.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from babel.numbers import format_decimal

from procsite import paths
from procsite.model.catalog import Catalog
from procsite.model.procedure import Procedure
from procsite.pages.i18n import format_duration, format_fee_range, format_processing_time_short, plural, t
from procsite.pages.templating import CatalogView, render_page

OPEN_DATA = {"catalogue.csv": "du-lieu/danh-muc.csv", "catalogue.json": "du-lieu/danh-muc.json"}
"""The catalogue as open data, published once at the Vietnamese site's root (``procsite/opendata``)."""
FEED = "thay-doi.xml"
"""The change feed of each language, at its root (``procsite/opendata/feeds.py``)."""
WINDOW = 2
"""Page numbers shown on each side of the current page, besides the first and the last."""


class ListPages(CatalogView):
    """Renders the paged lists of one catalog in one language."""

    def __init__(self, catalog: Catalog, lang: str) -> None:
        super().__init__(catalog, lang)
        self._lists: dict[str, list[Procedure]] | None = None

    @property
    def lists(self) -> dict[str, list[Procedure]]:
        """Every list, by the path of its first page, in the catalogue's order; computed once."""
        if self._lists is None:
            self._lists = paths.procedure_lists(self.catalog, self.lang)
        return self._lists

    def page_renderers(self) -> dict[str, Callable[[], str]]:
        """Per page of every list, by path, what renders it."""
        kinds: list[tuple[str, Callable[..., str], list[str]]] = [
            (paths.CATALOGUE, self.catalogue, []),
            *((paths.field_page(f), self.field, [f]) for f in self.catalog.fields),
            *((paths.unit_page(u), self.unit, [u]) for u in self.catalog.units),
        ]
        out: dict[str, Callable[[], str]] = {}
        for first, render, args in kinds:
            for number, (path, _) in enumerate(paths.list_pages(first, self.lists[first]), start=1):
                out[path] = functools.partial(render, *args, number)
        return out

    def t(self, key: str, **values: object) -> str:
        """An interface string in this language."""
        return t(key, self.lang, **values)

    def row(self, p: Procedure, here: str) -> dict[str, Any]:
        """One procedure as a row of the catalogue's table."""
        lang = self.lang
        return {
            "code": p.code,
            "title": self.tx(p.title),
            "link": paths.link(here, paths.procedure_page(p.slug)),
            "field": self.tx(self.catalog.fields[p.field].name),
            "level": t(f"level.{p.level}", lang) if p.level else "",
            "time": format_processing_time_short(p.processing_time, lang),
            "time_sort": _time_sort_key(p),
            "fee": format_fee_range(p.fees, lang),
            "fee_sort": min((f.amount for f in p.fees if f.amount is not None), default=-1),
            "status": p.status,
        }

    def _page(self, first: str, number: int) -> tuple[str, Sequence[Procedure], dict[str, Any]]:
        """Page ``number`` of a list: its path, its procedures, and what every list page shows of it."""
        listed = self.lists[first]
        pages = paths.list_pages(first, listed)
        here, rows = pages[number - 1]
        start = (number - 1) * paths.LIST_PAGE_SIZE
        view = {
            "t": self.t,
            "pager": self._pager(first, number, len(pages), here),
            "range": self.t(
                "list.range",
                first=self._number(start + 1),
                last=self._number(start + len(rows)),
                total=plural("procedures", len(listed), self.lang),
            )
            if len(pages) > 1
            else "",
            "sortable": len(pages) == 1,
        }
        return here, rows, view

    def _title(self, title: str, first: str, number: int) -> str:
        count = len(paths.list_pages(first, self.lists[first]))
        return title if number == 1 else self.t("list.page_title", title=title, n=number, pages=count)

    def _number(self, n: int) -> str:
        return format_decimal(n, locale=self.lang)

    def _pager(self, first: str, number: int, count: int, here: str) -> dict[str, Any] | None:
        """Previous, next, the first, the last and the pages around this one; None for a list of one page."""
        if count == 1:
            return None

        def link(n: int) -> str:
            return paths.link(here, paths.list_page(first, n))

        near = {1, count, *range(max(1, number - WINDOW), min(count, number + WINDOW) + 1)}
        shown = sorted(near | {n + 1 for n in near if n + 2 in near})  # a gap of one page shows that page
        items: list[dict[str, Any]] = []
        for previous, n in zip([0, *shown], shown, strict=False):
            if n - previous > 1:
                items.append({"gap": True})
            items.append({"gap": False, "n": self._number(n), "link": link(n), "current": n == number})
        return {
            "pages": items,
            "previous": link(number - 1) if number > 1 else None,
            "next": link(number + 1) if number < count else None,
            "status": self.t("list.pages", n=self._number(number), pages=self._number(count)),
        }

    def catalogue(self, number: int = 1) -> str:
        """Page ``number`` of the catalogue; the first adds the filter box, the fields and the open data."""
        here, rows, view = self._page(paths.CATALOGUE, number)
        title = self.t("catalogue.title")
        if number > 1:
            return render_page(
                "catalogue_page.md.j2",
                self._title(title, paths.CATALOGUE, number),
                rows=[self.row(p, here) for p in rows],
                catalogue=paths.link(here, paths.CATALOGUE),
                **view,
            )
        counts = Counter(p.field for p in self.catalog.procedures)
        fields = [
            {
                "name": f.name.get(self.lang),
                "html": self.tx(f.name),
                "link": paths.link(here, paths.field_page(fid)),
                "count": self._number(counts[fid]),
            }
            for fid, f in self.catalog.fields.items()
            if counts[fid]
        ]
        to_root = paths.link(here, "index.md")
        to_vi_root = to_root + "../" * paths.SITE_ROOTS[self.lang].count("/")
        data = [{"label": self.t(key), "link": to_vi_root + path} for key, path in OPEN_DATA.items()]
        return render_page(
            "catalogue.md.j2",
            title,
            count=plural("procedures", len(self.catalog.procedures), self.lang),
            fields=fields,
            rows=[self.row(p, here) for p in rows],
            root=to_root,
            data=[*data, {"label": self.t("catalogue.feed"), "link": to_root + FEED}],
            **view,
        )

    def field(self, field_id: str, number: int = 1) -> str:
        """Page ``number`` of one field's procedures."""
        first, f = paths.field_page(field_id), self.catalog.fields[field_id]
        here, rows, view = self._page(first, number)
        return render_page(
            "field.md.j2",
            self._title(f.name.get(self.lang), first, number),
            description=self.tx(f.description) if number == 1 else "",
            rows=[self.row(p, here) for p in rows],
            catalogue=paths.link(here, paths.CATALOGUE),
            **view,
        )

    def unit(self, unit_id: str, number: int = 1) -> str:
        """Page ``number`` of one unit's procedures, each with the steps the unit is responsible for."""
        first, unit = paths.unit_page(unit_id), self.catalog.units[unit_id]
        here, procedures, view = self._page(first, number)
        rows = [
            {
                "procedure": self.procedure_ref(p.code, here),
                "status": p.status,
                "steps": [
                    {"n": i, "action": self.tx(step.action), "duration": format_duration(step.duration, self.lang)}
                    for i, step in enumerate(p.steps, start=1)
                    if step.unit == unit_id
                ],
            }
            for p in procedures
        ]
        return render_page(
            "unit.md.j2",
            self._title(unit.name.get(self.lang), first, number),
            description=self.tx(unit.description) if number == 1 else "",
            part_of=self.unit_ref(unit.part_of, here) if unit.part_of and number == 1 else None,
            rows=rows,
            units=paths.link(here, paths.UNITS),
            **view,
        )


def _time_sort_key(p: Procedure) -> float:
    time = p.processing_time
    if time.limit is None:
        return 0.5 if time.same_day else 1e9  # a time still to complete sorts last, not as the quickest
    return (
        time.limit.amount * (1.4 if time.limit.calendar else 1)
        if time.limit.unit != "working_hours"
        else time.limit.amount / 8
    )

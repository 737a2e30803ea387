"""The date each generated page last changed, from the data: a procedure page's last revision or
effective date, a list's newest procedure. The sitemap's ``lastmod`` reads it, so that a page nobody
changed keeps its date from build to build (the build date would tell search engines everything changed).

A list's first page (the catalogue, a field's, a unit's) takes the newest procedure of the whole list: it
stands for the list (the catalogue's shows the count of every field). Its further pages (``trang/2``, …)
each take the newest of the procedures they show; they are cut in each language's order, so the same
path holds other procedures in another language."""

from __future__ import annotations

import datetime as dt

from procsite import paths
from procsite.model.catalog import Catalog
from procsite.model.procedure import Procedure


def procedure_date(p: Procedure) -> dt.date | None:
    """The last date the procedure's published facts changed: its newest revision, its ISO effective date,
    or the national decision that announced it."""
    dates = [r.date for r in (p.iso.revisions if p.iso else []) if r.date]
    if p.iso:
        dates.append(p.iso.effective)
    if p.decision and p.decision.date:
        dates.append(p.decision.date)
    return max(dates) if dates else None


def page_dates(catalog: Catalog, lang: str) -> dict[str, dt.date]:
    """Per generated page of ``lang`` (Markdown path), the date it last changed; pages without a known date
    are absent."""
    by_page: dict[str, dt.date] = {}
    newest: dict[str, dt.date] = {}  # list page -> newest procedure on it

    def note(page: str, day: dt.date) -> None:
        newest[page] = max(newest.get(page, day), day)

    for p in catalog.procedures:
        day = procedure_date(p)
        if day is None:
            continue
        by_page[paths.procedure_page(p.slug)] = day
        for page in (paths.CATALOGUE, paths.field_page(p.field), paths.KIOSK, paths.kiosk_field_page(p.field)):
            note(page, day)
        for unit in {
            *p.performing_units,
            *(s.unit for s in p.steps),
            *([p.competent_unit] if p.competent_unit else []),
        }:
            note(paths.unit_page(unit), day)
            note(paths.UNITS, day)
    for first, listed in paths.procedure_lists(catalog, lang).items():
        for page, rows in paths.list_pages(first, listed)[1:]:
            days = [day for day in map(procedure_date, rows) if day is not None]
            if days:
                newest[page] = max(days)
    return {**newest, **by_page}

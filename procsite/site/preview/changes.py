"""Which generated pages a change of the catalog touches, so that the preview renders only those.

A procedure's page shows its own file, the registers, and the titles of the procedures it names
(``related``, ``superseded_by``). The catalogue, the units' index, the home page and the kiosk's start
list or count every procedure; a unit's page lists the steps it does, a field's pages (public and
kiosk) its procedures. The catalogue, a field's and a unit's lists are paged by name: a page is
touched when its rows change. A page of the agency (``pages/``) shows its own text only. Anything else (a
register, ``agency.yml`` and its logo, a procedure or an agency page added, removed or renamed) changes
which pages exist or what many pages show: the preview then builds everything again.
"""

from __future__ import annotations

from procsite import LANGUAGES, paths
from procsite.model.catalog import Catalog
from procsite.model.procedure import Procedure

HOME = "index.md"
"""The home page: the agency's text (``pages/vi/index.md``), then generated blocks (featured procedures, fields)."""


def touched_pages(old: Catalog, new: Catalog) -> set[str] | None:
    """The Markdown paths of the pages to build again, from ``old`` (the catalog the site was built
    from) to ``new``; None when the change needs a whole build. Both catalogs are without problems."""
    if (old.agency, old.units, old.fields, old.forms, old.logo) != (
        new.agency,
        new.units,
        new.fields,
        new.forms,
        new.logo,
    ):
        return None
    if old.pages.keys() != new.pages.keys():
        return None  # a page added or removed: the menu changes on every page
    if (old.objectives, old.documents, old.system) != (new.objectives, new.documents, new.system):
        return None  # the quality registers: their pages, the register's rows, the footer's link
    texts = {path for path, page in new.pages.items() if old.pages[path] != page}
    before = {p.source: p for p in old.procedures}
    after = {p.source: p for p in new.procedures}
    if before.keys() != after.keys() or any(before[s].slug != after[s].slug for s in after):
        return None
    changed = [(before[s], after[s]) for s in after if before[s] is not after[s] and before[s] != after[s]]
    if not changed:
        return texts
    pages = {paths.CATALOGUE, paths.UNITS, paths.KIOSK, HOME, "thay-doi/index.md", *texts}
    codes: set[str] = set()
    for was, now in changed:
        pages.add(paths.procedure_page(now.slug))
        codes |= {was.code, now.code}
        for field_id in {was.field, now.field}:
            pages |= {paths.field_page(field_id), paths.kiosk_field_page(field_id)}
        pages |= {paths.unit_page(step.unit) for step in [*was.steps, *now.steps]}
    pages |= {paths.procedure_page(p.slug) for p in new.procedures if _names(p) & codes}
    listed = _list_pages(old, new)
    return None if listed is None else pages | listed


def _list_pages(old: Catalog, new: Catalog) -> set[str] | None:
    """The pages of the paged lists (catalogue, fields, units) whose rows changed, in either language: a
    renamed procedure moves, and shifts every row between its old place and its new one. None when a
    list has gained or lost a page (a procedure moved to another field or unit): the pages change."""
    touched: set[str] = set()
    for lang in LANGUAGES:
        before, after = paths.procedure_lists(old, lang), paths.procedure_lists(new, lang)
        for first, rows in after.items():
            was, now = paths.list_pages(first, before[first]), paths.list_pages(first, rows)
            if len(was) != len(now):
                return None
            touched |= {path for (path, a), (_, b) in zip(was, now, strict=True) if a != b}
    return touched


def _names(p: Procedure) -> set[str]:
    """The codes of the other procedures whose titles the page of ``p`` shows."""
    return {*p.related, *([p.superseded_by] if p.superseded_by else [])}

"""Where each generated page lives; the same paths in every language.

Addresses are part of the contract with citizens (printed QR codes, saved
links), so they derive from the file name or register id and never change
with a title or translation.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from procsite.folding import sort_key

if TYPE_CHECKING:
    from procsite.model.catalog import Catalog
    from procsite.model.procedure import Procedure

CATALOGUE = "thu-tuc/index.md"
UNITS = "don-vi/index.md"


def procedure_page(slug: str) -> str:
    """The Markdown path of a procedure page."""
    return f"thu-tuc/{slug}.md"


def unit_page(unit_id: str) -> str:
    """The Markdown path of a unit's page."""
    return f"don-vi/{unit_id}.md"


def field_page(field_id: str) -> str:
    """The Markdown path of a field's page."""
    return f"linh-vuc/{field_id}.md"


LIST_PAGE_SIZE = 50
"""Rows per page of a list of procedures (the catalogue, a field's, a unit's): a page stays light on a
cheap phone whatever the number of procedures."""

_Row = TypeVar("_Row")


def list_page(first: str, number: int) -> str:
    """The Markdown path of page ``number`` (from 1) of a list whose first page is ``first``:
    ``thu-tuc/index.md`` → ``thu-tuc/trang/2.md``, ``linh-vuc/ho-tich.md`` → ``linh-vuc/ho-tich/trang/2.md``.

    Procedure, unit and field pages are one level deep (their names are single words), so a folder
    ``trang/`` one level further can never be one of them."""
    if number == 1:
        return first
    return f"{first.removesuffix('.md').removesuffix('/index')}/trang/{number}.md"


def list_pages(first: str, rows: Sequence[_Row]) -> list[tuple[str, Sequence[_Row]]]:
    """The pages of a list whose first page is ``first``, each with its rows (``LIST_PAGE_SIZE`` a page);
    an empty list is one page."""
    count = max(1, -(-len(rows) // LIST_PAGE_SIZE))
    return [(list_page(first, n), rows[(n - 1) * LIST_PAGE_SIZE : n * LIST_PAGE_SIZE]) for n in range(1, count + 1)]


def catalogue_order(procedures: Iterable[Procedure], lang: str) -> list[Procedure]:
    """The order of every list of procedures in ``lang``: those in force first, then by name."""
    return sorted(procedures, key=lambda p: (p.status != "in_force", sort_key(p.title.get(lang))))


def procedure_lists(
    catalog: Catalog, lang: str, ordered: Sequence[Procedure] | None = None
) -> dict[str, list[Procedure]]:
    """Every paged list of procedures, by the path of its first page: the catalogue, each field's
    procedures, each unit's (those with a step it is responsible for). In the order of ``ordered``
    (by default ``catalogue_order`` in ``lang``); give ``catalog.procedures`` when only sizes matter."""
    ordered = catalogue_order(catalog.procedures, lang) if ordered is None else ordered
    lists: dict[str, list[Procedure]] = {CATALOGUE: list(ordered)}
    lists |= {field_page(field_id): [] for field_id in catalog.fields}
    lists |= {unit_page(unit_id): [] for unit_id in catalog.units}
    for p in ordered:  # a field or unit that is not in its register (a problem check reports) has no page
        for first in dict.fromkeys([field_page(p.field), *(unit_page(step.unit) for step in p.steps)]):
            if first in lists:
                lists[first].append(p)
    return lists


def form_file(file: str) -> str:
    """Where a form file is published: ``forms/x.pdf`` → ``bieu-mau/x.pdf``."""
    return "bieu-mau/" + file.split("/", 1)[-1]


def url_of(path: str) -> str:
    """The directory URL MkDocs gives a Markdown path (``use_directory_urls``)."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def link(from_path: str, to_path: str) -> str:
    """A relative URL from one page to a page or file, valid on any host and under any prefix."""
    source, target = url_of(from_path), url_of(to_path)
    base = source if source.endswith("/") or not source else posixpath.dirname(source)
    rel = posixpath.relpath(target or ".", base or ".")
    if (not target or target.endswith("/")) and not rel.endswith("/") and rel != ".":
        rel += "/"
    return "./" if rel in (".", "./") else rel


SITE_ROOTS = {"vi": "", "en": "en/"}
"""Where each language is published, relative to the Vietnamese site's root."""


def alternate(page_url: str, from_lang: str, to_lang: str) -> str:
    """The same page in another language, as a URL relative to the page itself."""
    to_root = "../" * page_url.count("/") + "../" * SITE_ROOTS[from_lang].count("/")
    return (to_root + SITE_ROOTS[to_lang] + page_url) or "./"


KIOSK = "kiosk/index.md"
"""The kiosk's start page; procedures open on their public pages, shown in kiosk mode."""


def kiosk_field_page(field_id: str) -> str:
    """The kiosk's page of one field: a tile per procedure."""
    return f"kiosk/linh-vuc/{field_id}.md"


def kiosk_links(page_url: str, lang: str) -> dict[str, str]:
    """From a page: the kiosk start in its language, and the Vietnamese kiosk start (where an idle kiosk returns)."""
    up = "../" * page_url.count("/")
    to_vi_root = up + "../" * SITE_ROOTS[lang].count("/") + SITE_ROOTS["vi"]
    return {"start": up + "kiosk/", "reset": to_vi_root + "kiosk/"}


def procedure_sections(conditions: bool, related: bool, revisions: bool) -> set[str]:
    """The ids of the sections of a procedure page (``templates/procedure.md.j2``), which links may name."""
    ids = {"steps", "flow", "documents", "fees", "take-home", "legal-basis", "document-control"}
    return ids | {
        name for name, shown in (("conditions", conditions), ("related", related), ("revisions", revisions)) if shown
    }

"""The search index of one language: one small record per page, ranked in the browser.

The browser folds diacritics and ranks (``overrides/assets/procsite/search-engine.js``);
this module only decides what each record holds, so that a citizen finds a
procedure by its name, code, ISO code, the keywords staff add, its field or units.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import paths
from .i18n import format_processing_time_short, t
from .loader import Catalog

INDEX_PATH = "search/search_index.json"
"""Where Material's search client fetches the index; our worker reads our format from it."""


@dataclass(frozen=True)
class PageEntry:
    """A hand-written page to find by its title and headings."""

    url: str
    title: str
    headings: tuple[str, ...] = ()


def search_index(catalog: Catalog, lang: str, pages: list[PageEntry]) -> dict[str, Any]:
    """The index document of one language, in the shape Material's search client passes to its worker."""
    docs: list[dict[str, Any]] = []
    for p in catalog.procedures:
        field_name = catalog.fields[p.field].name.get(lang)
        units = sorted(
            {catalog.units[s.unit].name.get(lang) for s in p.steps}
            | {catalog.units[u].name.get(lang) for u in p.performing_units}
        )
        keywords = p.keywords.vi + p.keywords.en if lang == "vi" else p.keywords.en + p.keywords.vi
        doc: dict[str, Any] = {
            "u": paths.url_of(paths.procedure_page(p.slug)),
            "t": p.title.get(lang),
            "c": p.code,
            "i": p.iso.code,
            "f": field_name,
            "n": " · ".join(units),
            "k": " | ".join(keywords),
            "d": format_processing_time_short(p.processing_time, lang),
        }
        if lang != "vi" and p.title.en:
            doc["a"] = p.title.vi  # citizens also type the Vietnamese name on the English site
        if p.status != "in_force":
            doc["s"] = t("status.old" if p.status == "superseded" else "status.repealed_short", lang)
        docs.append(doc)
    for field_id, field_entry in catalog.fields.items():
        docs.append({"u": paths.url_of(paths.field_page(field_id)), "t": field_entry.name.get(lang), "p": 1})
    for unit_id, unit in catalog.units.items():
        docs.append({"u": paths.url_of(paths.unit_page(unit_id)), "t": unit.name.get(lang), "p": 1})
    for page in pages:
        docs.append({"u": page.url, "t": page.title, "h": " | ".join(page.headings), "p": 1})
    return {"config": {"lang": [lang], "separator": r"[\s\-]+", "pipeline": []}, "docs": docs}

"""The search index of one language: one small record per page, ranked in the browser.

The browser ranks (``procsite/browser/search-engine.js``); this module decides
what each record holds, so that a citizen finds a procedure by its name, code, ISO code,
the keywords staff add, its field or units. What the browser would otherwise compute when
a page opens (folded words) is computed here, and what repeats across thousands of
procedures (field and unit names, processing times) is written once in tables.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import paths
from .folding import tokens
from .i18n import format_processing_time_short, t
from .loader import Catalog

_BROWSER = Path(__file__).parent / "browser"

INDEX_PATH = "search/search_index.json"
"""The index as JSON, for tools and pages that fetch it."""
SEARCH_SCRIPT_PATH = "search/procsite_search.js"
"""Search as one script: the index, the engine and the client, loaded by every page right after
its header (overrides/main.html). One file, because every request and every script a browser must
run before the search box answers delays it (on HTTP/1.1 a browser opens only six connections)."""
BROWSER_SCRIPTS = ("search-engine.js", "search-client.js")
"""The browser side of search (procsite/browser/), in the order they run after the index."""


@dataclass(frozen=True)
class PageEntry:
    """A hand-written page to find by its title and headings."""

    url: str
    title: str
    headings: tuple[str, ...] = ()


class _Table:
    """Distinct strings, each written once; records refer to them by position."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def ref(self, text: str) -> int:
        if text not in self._index:
            self._index[text] = len(self.items)
            self.items.append(text)
        return self._index[text]


def search_index(catalog: Catalog, lang: str, pages: list[PageEntry]) -> dict[str, Any]:
    """The index of one language.

    Records: u url, t title, T its folded words; a/A the other language's title (English site);
    c code, i ISO code, f field and n units (positions in the name table), d processing time
    (position in the time table), k/K keywords (" | "), s status label when not in force,
    h/O headings of other pages, p 1 for a page that is not a procedure.
    """
    names, times = _Table(), _Table()
    docs: list[dict[str, Any]] = []
    for p in catalog.procedures:
        units = sorted({s.unit for s in p.steps} | set(p.performing_units))
        keywords = p.keywords.vi + p.keywords.en if lang == "vi" else p.keywords.en + p.keywords.vi
        doc: dict[str, Any] = {
            "u": paths.url_of(paths.procedure_page(p.slug)),
            "t": p.title.get(lang),
            "T": tokens(p.title.get(lang)),
            "c": p.code,
            "i": p.iso.code,
            "f": names.ref(catalog.fields[p.field].name.get(lang)),
            "n": [names.ref(catalog.units[u].name.get(lang)) for u in units],
            "d": times.ref(format_processing_time_short(p.processing_time, lang)),
        }
        if keywords:
            doc["k"] = " | ".join(keywords)
            doc["K"] = " | ".join(tokens(k) for k in keywords)
        if lang != "vi" and p.title.en:
            doc["a"] = p.title.vi  # citizens also type the Vietnamese name on the English site
            doc["A"] = tokens(p.title.vi)
        if p.status != "in_force":
            doc["s"] = t("status.old" if p.status == "superseded" else "status.repealed_short", lang)
        docs.append(doc)
    others: list[tuple[str, str, tuple[str, ...]]] = [
        (paths.url_of(paths.field_page(fid)), f.name.get(lang), ()) for fid, f in catalog.fields.items()
    ]
    others += [(paths.url_of(paths.unit_page(uid)), u.name.get(lang), ()) for uid, u in catalog.units.items()]
    others += [(page.url, page.title, page.headings) for page in pages]
    for url, title, headings in others:
        doc = {"u": url, "t": title, "T": tokens(title), "p": 1}
        if headings:
            doc["h"] = " | ".join(headings)
            doc["O"] = tokens(" ".join(headings))
        docs.append(doc)
    return {
        "lang": lang,
        "names": names.items,
        "namesFolded": [tokens(name) for name in names.items],
        "times": times.items,
        "docs": docs,
    }


def search_script(index_json: str) -> str:
    """The search script of one language: the index (read with JSON.parse of a string, the fastest
    way for a browser to read data), then the engine and the client."""
    parts = [f"self.procsiteIndex=JSON.parse({json.dumps(index_json, ensure_ascii=False)});"]
    parts += [(_BROWSER / name).read_text(encoding="utf-8") for name in BROWSER_SCRIPTS]
    return "\n".join(parts)

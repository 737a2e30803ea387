"""The search index of one language: one small record per page, ranked in the browser.

The browser ranks (``procsite/search/browser/search-engine.js``); this module decides
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

from procsite import paths
from procsite.folding import tokens
from procsite.model.catalog import Catalog
from procsite.pages.i18n import format_processing_time_short, t
from procsite.search.everyday import everyday_index

_BROWSER = Path(__file__).parent / "browser"

INDEX_PATH = "search/search_index.json"
"""The index as JSON: fetched by the search client and the kiosk, and by tools."""
SEARCH_SCRIPT_PATH = "search/procsite_search.js"
"""Search as one script: the query reader, the engine and the client, loaded by every page after its
content and right before Material's bundle (overrides/main.html), so that the page never waits for it
and the box is ours before the bundle runs. Its size does not grow with the catalogue; the index
(``INDEX_PATH``) is fetched by the client once the page has loaded, or as soon as someone starts to
search."""
BROWSER_SCRIPTS = ("resize-observer.js", "search-query.js", "search-engine.js", "search-client.js")
"""The browser side of search (procsite/search/browser/), in the order they run; with the ResizeObserver that
old browsers lack, which must be there before Material's bundle (or it fetches one from unpkg.com)."""


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
            "i": p.iso.code if p.iso else "",
            "f": names.ref(catalog.fields[p.field].name.get(lang)),
            "n": [names.ref(catalog.units[u].name.get(lang)) for u in units],
            "d": times.ref(format_processing_time_short(p.processing_time, lang)),
        }
        # The result is what many citizens ask for ("giấy khai sinh"): found, but below the name.
        doc["O"] = tokens(p.result.get(lang)) if p.result else []
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
        "everyday": everyday_index(lang, [(e.said, e.means) for e in catalog.everyday.values()]),
        "help": {"phone": catalog.agency.phone if catalog.agency else None, "catalogue": paths.url_of(paths.CATALOGUE)},
        "docs": docs,
    }


def index_text(index: dict[str, Any]) -> str:
    """The index as the file the browser reads: JSON, with the tables and the opening of ``docs`` on the
    first line and one record per line after it, so that the browser can build its engine a few records
    at a time, never parsing the whole file in one step (search-engine.js, ``Building``); still one JSON
    value for any other reader. JSON escapes line breaks inside strings, so a line is always one record."""
    head = {key: value for key, value in index.items() if key != "docs"}
    first = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"docs":['
    records = ",\n".join(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) for doc in index["docs"])
    return first + "\n" + records + ("\n" if records else "") + "]}"


def search_script() -> str:
    """The search script: the query reader, the engine and the client, the same size at any number of
    procedures. The index (``INDEX_PATH``) is not in it: the client fetches it when the page has loaded
    or someone starts to search, so that no page waits for an index that grows with the catalogue."""
    return "\n".join((_BROWSER / name).read_text(encoding="utf-8") for name in BROWSER_SCRIPTS)

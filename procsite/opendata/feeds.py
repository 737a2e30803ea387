"""What changed, as an Atom feed per language: procedures issued, revised, superseded or repealed.

Each entry comes from the data, never typed twice: a line of a procedure's ISO revision log (its date,
issue and change) or its status. Citizens, journalists and other systems follow the feed; the "what
changed" page lists the same entries. Entries without a date (a revision date still to complete) wait.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from procsite import paths
from procsite.model.catalog import Catalog
from procsite.model.procedure import Procedure
from procsite.pages.i18n import t

FEED_PATH = "thay-doi.xml"
"""The feed of each language, at the root of that language's site."""


@dataclass(frozen=True)
class Change:
    day: dt.date
    kind: str  # "issued" | "revised" | "superseded" | "repealed"
    procedure: Procedure
    issue: int | None
    text: str


def changes(catalog: Catalog, lang: str) -> list[Change]:
    """Every dated change of the catalog, newest first."""
    out: list[Change] = []
    for p in catalog.procedures:
        for r in p.iso.revisions if p.iso else []:
            if r.date is not None:
                kind = "issued" if r.issue == 1 and r is p.iso.revisions[0] else "revised"  # type: ignore[union-attr]
                out.append(Change(r.date, kind, p, r.issue, r.change.get(lang)))
        if p.status in ("superseded", "repealed") and p.iso is not None:
            note = p.status_note.get(lang) if p.status_note else t(f"feed.{p.status}", lang)
            last = max((r.date for r in p.iso.revisions if r.date), default=p.iso.effective)
            out.append(Change(last, p.status, p, None, note))
    return sorted(out, key=lambda c: (c.day, c.procedure.code, c.issue or 0), reverse=True)


def atom(catalog: Catalog, lang: str, site_url: str | None) -> str:
    """The Atom feed of ``lang``; links are absolute when the agency's ``site_url`` is known."""
    root = (site_url.rstrip("/") + "/" + paths.SITE_ROOTS[lang]) if site_url else ""
    agency = catalog.agency.name.get(lang) if catalog.agency else ""
    items = changes(catalog, lang)
    updated = items[0].day if items else dt.date(2000, 1, 1)
    feed_id = root + FEED_PATH if root else f"urn:procsite:{lang}:changes"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"<title>{escape(t('feed.title', lang, agency=agency))}</title>",
        f"<id>{escape(feed_id)}</id>",
        f"<updated>{_stamp(updated)}</updated>",
        f"<author><name>{escape(agency)}</name></author>",
    ]
    if root:
        lines.append(f'<link rel="self" href={quoteattr(root + FEED_PATH)}/>')
        lines.append(f'<link rel="alternate" href={quoteattr(root)}/>')
    for c in items:
        url = root + paths.url_of(paths.procedure_page(c.procedure.slug))
        entry_id = f"urn:procsite:{c.procedure.code}:{c.kind}:{c.issue or 0}:{c.day.isoformat()}"
        title = t(f"feed.{c.kind}", lang) + ": " + c.procedure.title.get(lang)
        lines += [
            "<entry>",
            f"<title>{escape(title)}</title>",
            f"<id>{escape(entry_id)}</id>",
            f"<updated>{_stamp(c.day)}</updated>",
            f'<link rel="alternate" href={quoteattr(url)}/>',
            f"<summary>{escape(c.text)}</summary>",
            f"<category term={quoteattr(c.kind)}/>",
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _stamp(day: dt.date) -> str:
    """A date as Atom's RFC 3339 timestamp: the start of the day in Vietnam (UTC+7)."""
    return f"{day.isoformat()}T00:00:00+07:00"

"""The change feed: an Atom feed per language made from the revision logs and statuses, read back by a
feed library (feedparser) as a well-formed Atom feed with one entry per dated change."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser

from procsite.opendata.feeds import atom, changes
from procsite.source.loader import load_catalog
from tests.conftest import SAMPLE


def test_the_feed_is_well_formed_atom_with_every_dated_change() -> None:
    catalog = load_catalog(SAMPLE)
    for lang in ("vi", "en"):
        parsed = feedparser.parse(atom(catalog, lang, "https://xa.example.gov.vn/"))
        assert not parsed.bozo, parsed.bozo_exception
        assert parsed.version == "atom10"
        dated = [(p.code, r.issue) for p in catalog.procedures for r in (p.iso.revisions if p.iso else []) if r.date]
        ended = [p for p in catalog.procedures if p.status in ("superseded", "repealed")]
        assert len(parsed.entries) == len(dated) + len(ended)
        assert len({e.id for e in parsed.entries}) == len(parsed.entries)
        days = [e.updated for e in parsed.entries]
        assert days == sorted(days, reverse=True)  # newest first
        root = "https://xa.example.gov.vn/" + ("en/" if lang == "en" else "")
        assert all(e.link.startswith(root + "thu-tuc/") for e in parsed.entries)


def test_each_entry_says_what_changed_in_the_feed_language() -> None:
    catalog = load_catalog(SAMPLE)
    by_code = catalog.by_code()
    for change in changes(catalog, "en"):
        p = by_code[change.procedure.code]
        if change.kind in ("issued", "revised"):
            assert p.iso is not None
            revision = next(r for r in p.iso.revisions if r.issue == change.issue and r.date == change.day)
            assert change.text == revision.change.get("en")


def test_a_title_cannot_break_the_xml(tmp_path: object) -> None:
    catalog = load_catalog(SAMPLE)
    p = catalog.procedures[0]
    p.title = type(p.title)('<b>A & B</b> ]]> "q"', "<i>x</i>")
    parsed = feedparser.parse(atom(catalog, "vi", None))
    assert not parsed.bozo, parsed.bozo_exception
    titles = [e.title for e in parsed.entries if e.id.startswith(f"urn:procsite:{p.code}:")]
    assert titles and all('<b>A & B</b> ]]> "q"' in title for title in titles)


def test_the_what_changed_page_lists_the_feed_entries(sample_site: Path) -> None:
    catalog = load_catalog(SAMPLE)
    for lang, root in (("vi", sample_site), ("en", sample_site / "en")):
        page = (root / "thay-doi" / "index.html").read_text(encoding="utf-8")
        rows = re.findall(r"<tr><td>[^<]*</td><td>[^<]*</td><td><a href=\"([^\"]+)\">", page)
        expected = changes(catalog, lang)
        assert len(rows) == len(expected) > 0
        assert [link.split("/")[-2] for link in rows] == [c.procedure.slug for c in expected]
        feed = re.search(r'<a href="([^"]+)" type="application/atom\+xml">', page)
        assert feed is not None and (root / "thay-doi" / feed.group(1)).resolve().is_file()

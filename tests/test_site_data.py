"""What the built sample publishes for machines: the sitemap with lastmod from the data and hreflang
alternates, the same alternates and the change feed in every page's head, the open-data files."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser

from procsite.pages.dates import procedure_date
from procsite.source.loader import load_catalog
from tests.conftest import SAMPLE

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap(site: Path) -> dict[str, ET.Element]:
    root = ET.parse(site / "sitemap.xml").getroot()
    return {url.findtext(f"{SITEMAP}loc", ""): url for url in root.iter(f"{SITEMAP}url")}


def test_sitemap_dates_come_from_the_data_and_name_both_languages(sample_site: Path) -> None:
    catalog = load_catalog(SAMPLE)
    assert catalog.agency is not None and catalog.agency.site_url
    root = catalog.agency.site_url
    urls = sitemap(sample_site)
    for p in catalog.procedures:
        url = urls[f"{root}thu-tuc/{p.slug}/"]
        day = procedure_date(p)
        assert day is not None
        assert url.findtext(f"{SITEMAP}lastmod") == day.isoformat(), p.slug
        alternates = {a.get("hreflang"): a.get("href") for a in url.iter(f"{XHTML}link")}
        assert alternates == {
            "vi": f"{root}thu-tuc/{p.slug}/",
            "en": f"{root}en/thu-tuc/{p.slug}/",
            "x-default": f"{root}thu-tuc/{p.slug}/",
        }
    english = ET.parse(sample_site / "en" / "sitemap.xml").getroot()
    assert all(loc.text and loc.text.startswith(f"{root}en/") for loc in english.iter(f"{SITEMAP}loc"))


def test_pages_link_their_other_language_and_ask_for_no_sitemap(sample_site: Path) -> None:
    """The language switch names the other language (hreflang); no <link rel="alternate"> in the head,
    for which Material's bundle would fetch a "sitemap.xml" beside each address (see overrides/main.html)."""
    pages = [*sample_site.glob("thu-tuc/*/index.html"), sample_site / "index.html", sample_site / "en" / "index.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<link rel="alternate"' not in html.split("</head>")[0], page
        assert re.search(r'<a class="ps-lang__link" href="[^"]+" hreflang="(vi|en)"', html), page
    for lang_root in (sample_site, sample_site / "en"):
        parsed = feedparser.parse((lang_root / "thay-doi.xml").read_text(encoding="utf-8"))
        assert not parsed.bozo and parsed.entries


def test_open_data_is_published_once_for_both_languages(sample_site: Path) -> None:
    catalog = load_catalog(SAMPLE)
    data = sample_site / "du-lieu"
    rows = list(csv.DictReader(io.StringIO((data / "danh-muc.csv").read_bytes().decode("utf-8-sig"))))
    assert (data / "danh-muc.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert sorted(r["code"] for r in rows) == sorted(p.code for p in catalog.procedures)
    for row in rows:
        assert (sample_site / row["url"] / "index.html").is_file()
        assert json.loads((sample_site / row["json"]).read_text(encoding="utf-8"))["code"] == row["code"]
    assert not (sample_site / "en" / "du-lieu").exists()

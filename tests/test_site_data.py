"""What the built sample publishes for machines: the sitemap with lastmod from the data and hreflang
alternates, the same alternates and the change feed in every page's head, the open-data files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser

from procsite import paths
from procsite.pages.dates import page_dates, procedure_date
from procsite.site.build import prepare
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


def test_each_further_page_of_a_list_has_the_date_of_the_procedures_it_shows(procedures: Path) -> None:
    """Pages 2+ of the catalogue, of a field and of a unit take the newest of their own procedures, page 1
    the whole list's newest; a list is cut in each language's order, so page 2 differs by language."""
    original = procedures / "ho-tich" / "khai-sinh.md"
    source = original.read_text(encoding="utf-8")
    original.unlink()
    (procedures / "ho-tich" / "khai-sinh.en.md").unlink()
    agency = procedures / "agency.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace('featured: ["1.001193"]\n', ""), encoding="utf-8")
    count = paths.LIST_PAGE_SIZE + 10  # two pages: 50 procedures, then 10
    day = [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(count)]
    for i in range(count):  # procedure i is the i-th in Vietnamese and the (59 - i)-th in English
        names = f"{{vi: Thủ tục {i:02d}, en: Procedure {count - 1 - i:02d}}}"
        text = (
            source.replace("{vi: Đăng ký khai sinh, en: Birth registration}", names)
            .replace('code: "1.001193"', f'code: "1.0012{i:02d}"')
            .replace("QT-HT-01", f"QT-HT-{i:02d}")
            .replace("2025-07-01", day[i].isoformat())  # the effective date and the last revision's
        )
        (procedures / "ho-tich" / f"p{i:02d}.md").write_text(text, encoding="utf-8")
    catalog = load_catalog(procedures)
    assert not catalog.report, catalog.report.text("en")
    second_page = {"vi": day[count - 1], "en": day[count - 1 - paths.LIST_PAGE_SIZE]}  # p50…p59; p09…p00
    for lang, newest_shown in second_page.items():
        dates = page_dates(catalog, lang)
        for first in (paths.CATALOGUE, paths.field_page("ho-tich"), paths.unit_page("mot-cua")):
            assert dates[first] == day[count - 1], (lang, first)
            assert dates[paths.list_page(first, 2)] == newest_shown, (lang, first)
        assert prepare(procedures, lang).dates["thu-tuc/trang/2.md"] == newest_shown.isoformat()

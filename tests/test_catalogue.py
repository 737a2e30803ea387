"""The paged lists of procedures (the catalogue, a field's, a unit's) and the catalogue's filter box.

Every procedure is on exactly one page of each list it belongs to, in order, and the pages link to each
other; the link checker and the preview know every page; the catalogue's first page weighs the same at
200 and at 2,000 procedures. In headless Chromium: the filter box finds any procedure through the
site's search engine (saying so while its index loads), the field narrows it, and without JavaScript
the catalogue is read page by page; axe finds nothing on the pages of a list.
"""

from __future__ import annotations

import dataclasses
import gzip
import math
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from procsite import LANGUAGES, paths
from procsite.folding import fold
from procsite.model.catalog import Catalog
from procsite.model.procedure import Procedure
from procsite.pages.kiosk import KioskRenderer
from procsite.pages.render import PageRenderer
from procsite.site.preview.changes import touched_pages
from procsite.source.body_links import site_pages
from procsite.source.loader import load_catalog
from procsite.synth.procedures import write_synthetic
from tests.browser import SCREENSHOTS, serve
from tests.conftest import SAMPLE, build_site
from tests.test_accessibility import assert_accessible

COUNT = 230
"""Five pages of 50: the sample's procedures and synthetic ones."""
_ROW = re.compile(r'<tr[^>]*><td(?: rowspan="\d+")?>(?:<code>[^<]*</code></td><td>)?<a href="([^"]+)"')
"""The link to the procedure a row of a list is about (catalogue and field tables, unit tables)."""
_STEP = re.compile(r"(?:</td>|<tr[^>]*>)<td>\d+</td>")
"""A row of a unit's table: the step's number, after the procedure's cell or first in its row."""
_REL = re.compile(r'<a href="([^"]+)" rel="(prev|next)"')
_CURRENT = re.compile(r'<a href="([^"]+)" aria-current="page">')


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A procedures folder of ``COUNT`` procedures: the sample's and synthetic ones."""
    target = tmp_path_factory.mktemp("catalogue") / "procedures"
    write_synthetic(target, COUNT, SAMPLE)
    return target


@pytest.fixture(scope="module")
def catalog(folder: Path) -> Catalog:
    loaded = load_catalog(folder)
    assert not loaded.report, loaded.report.text()
    return loaded


def expected_order(procedures: list[Procedure], lang: str) -> list[Procedure]:
    """In force first, then by name as a Vietnamese reader sorts it (base letters, then diacritics)."""
    return sorted(procedures, key=lambda p: (p.status != "in_force", fold(p.title.get(lang)), p.title.get(lang)))


def url(page_path: str) -> str:
    return paths.url_of(page_path)


def resolve(page_path: str, href: str) -> str:
    """A link of a page as the address it leads to, from the site's root (``thu-tuc/x/``)."""
    target = posixpath.normpath(posixpath.join(url(page_path), href))
    return "" if target == "." else target + "/"


def listed(page_path: str, markdown: str) -> list[str]:
    """The addresses of the procedures a page of a list shows, in order."""
    return [resolve(page_path, href) for href in _ROW.findall(markdown)]


def all_pages(catalog: Catalog, lang: str) -> dict[str, str]:
    renderer = PageRenderer(catalog, lang)
    return {**renderer.pages(), **KioskRenderer(renderer).pages()}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_procedure_is_on_exactly_one_page_of_the_catalogue_in_order(catalog: Catalog, lang: str) -> None:
    pages = PageRenderer(catalog, lang).pages()
    count = math.ceil(COUNT / paths.LIST_PAGE_SIZE)
    first = paths.CATALOGUE
    numbered = [paths.list_page(first, n) for n in range(1, count + 1)]
    assert numbered == ["thu-tuc/index.md", *(f"thu-tuc/trang/{n}.md" for n in range(2, count + 1))]
    assert paths.list_page(first, count + 1) not in pages
    shown = [address for path in numbered for address in listed(path, pages[path])]
    order = [url(paths.procedure_page(p.slug)) for p in expected_order(catalog.procedures, lang)]
    assert shown == order  # each once, in order, across the pages
    assert [len(listed(path, pages[path])) for path in numbered] == [50, 50, 50, 50, 30]
    for n, path in enumerate(numbered, start=1):
        links = {rel: resolve(path, href) for href, rel in _REL.findall(pages[path])}
        assert links.get("prev") == (url(numbered[n - 2]) if n > 1 else None), path
        assert links.get("next") == (url(numbered[n]) if n < count else None), path
        assert [resolve(path, href) for href in _CURRENT.findall(pages[path])] == [url(path)]
        # No sorting where the page holds part of the list: it would answer for that part only.
        assert "data-ps-sortable" not in pages[path] and "data-sort=" not in pages[path]
    third = pages[numbered[2]]
    assert ("(trang 3/5)" if lang == "vi" else "(page 3 of 5)") in third
    assert ("101–150 trong 230 thủ tục" if lang == "vi" else "101–150 of 230 procedures") in third


def test_the_pager_shows_the_ends_and_the_pages_around_this_one(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "LIST_PAGE_SIZE", 10)  # 23 pages
    pages = PageRenderer(catalog, "vi").pages()
    here = paths.list_page(paths.CATALOGUE, 12)
    pager = pages[here].split('<nav class="ps-pager"', 1)[1].split("</nav>", 1)[0]
    numbers = re.findall(r'<span class="ps-visually-hidden">Trang </span>(\d+)</a>', pager)
    assert numbers == ["1", "10", "11", "12", "13", "14", "23"]
    assert pager.count('aria-hidden="true">…</li>') == 2
    assert '<p class="ps-pager__status">Trang 12/23</p>' in pager


def test_every_list_is_paged_the_same_way(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    """The catalogue, every field's and every unit's list: each procedure once, in order, pages of at most
    ``LIST_PAGE_SIZE``; a unit's page shows every step the unit does of each of its procedures."""
    monkeypatch.setattr(paths, "LIST_PAGE_SIZE", 7)
    for lang in LANGUAGES:
        pages = PageRenderer(catalog, lang).pages()
        order = expected_order(catalog.procedures, lang)
        lists = {paths.CATALOGUE: order}
        lists |= {paths.field_page(f): [p for p in order if p.field == f] for f in catalog.fields}
        lists |= {paths.unit_page(u): [p for p in order if any(s.unit == u for s in p.steps)] for u in catalog.units}
        paged = 0
        for first, procedures in lists.items():
            count = max(1, math.ceil(len(procedures) / 7))
            paged += count > 1
            numbered = [paths.list_page(first, n) for n in range(1, count + 1)]
            assert paths.list_page(first, count + 1) not in pages, first
            shown = [listed(path, pages[path]) for path in numbered]
            assert all(len(dict.fromkeys(rows)) <= 7 for rows in shown), first
            expected = [url(paths.procedure_page(p.slug)) for p in procedures]
            assert [a for rows in shown for a in dict.fromkeys(rows)] == expected, first
            if first.startswith("don-vi/"):
                unit = first.removeprefix("don-vi/").removesuffix(".md")
                steps = sum(s.unit == unit for p in procedures for s in p.steps)
                rows = sum(len(_STEP.findall(pages[path])) for path in numbered)
                assert rows == steps, first
        assert paged > len(catalog.fields) // 2, "too few lists of several pages to test"


def test_the_link_checker_knows_every_page_of_every_list(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "LIST_PAGE_SIZE", 7)
    known = site_pages(catalog)
    for lang in LANGUAGES:
        renderer = PageRenderer(catalog, lang)
        generated = {**renderer.page_renderers(), **KioskRenderer(renderer).page_renderers()}
        assert {url(path) for path in generated} <= known.keys()
    assert "linh-vuc/ho-tich/trang/2/" in known and "don-vi/tiep-nhan/trang/5/" in known


def changed(catalog: Catalog, slug: str, **values: Any) -> Catalog:
    """The catalog with one procedure changed, as the preview's next check would load it."""
    procedures = [dataclasses.replace(p, **values) if p.slug == slug else p for p in catalog.procedures]
    return dataclasses.replace(catalog, procedures=procedures)


@pytest.mark.parametrize("change", ["renamed", "fee", "field"])
def test_the_preview_builds_again_every_page_a_change_touches(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """The oracle: every page, rendered before and after the change, in both languages. A renamed
    procedure moves in the lists and shifts every row between its two places."""
    monkeypatch.setattr(paths, "LIST_PAGE_SIZE", 7)
    p = next(p for p in catalog.procedures if p.slug == "thu-tuc-00042")
    if change == "renamed":
        new = changed(catalog, p.slug, title=dataclasses.replace(p.title, vi="A " + p.title.vi, en="A " + p.title.en))
    elif change == "fee":
        new = changed(catalog, p.slug, fees=[dataclasses.replace(f, amount=123_000) for f in p.fees])
    else:  # to a field whose list is one full page: it gains a second
        sizes = {f: sum(q.field == f for q in catalog.procedures) for f in catalog.fields if f != p.field}
        full = max(sizes, key=lambda f: sizes[f])
        monkeypatch.setattr(paths, "LIST_PAGE_SIZE", sizes[full])
        new = changed(catalog, p.slug, field=full)
    touched = touched_pages(catalog, new)
    if change == "field":
        assert touched is None  # the field's list gains a page: the pages change, everything is built again
        return
    assert touched is not None
    differ: set[str] = set()
    for lang in LANGUAGES:
        before, after = all_pages(catalog, lang), all_pages(new, lang)
        assert before.keys() == after.keys()
        differ |= {path for path in after if before[path] != after[path]}
    assert differ <= touched, sorted(differ - touched)
    assert paths.procedure_page(p.slug) in differ
    lists = [path for path in differ if "/trang/" in path]
    if change == "renamed":  # it moved to the top of every list it is in: the pages before its old place shift
        assert len(lists) > 10
    else:
        assert len(lists) <= 4  # the page of each list it is in, and nothing else


def catalogue_size(count: int, folder: Path) -> tuple[int, int]:
    """The catalogue's first page as the site publishes it between Material's header and footer (the
    page's HTML blocks, which the build puts back as they are): its size, raw and gzipped."""
    write_synthetic(folder, count)
    markdown = PageRenderer(load_catalog(folder), "vi").catalogue()
    data = markdown.encode("utf-8")
    return len(data), len(gzip.compress(data, 9))


def test_the_catalogue_page_weighs_the_same_at_200_and_at_2000_procedures(tmp_path: Path) -> None:
    small, small_gz = catalogue_size(200, tmp_path / "small")
    large, large_gz = catalogue_size(2000, tmp_path / "large")
    assert large / small < 1.05 and large_gz / small_gz < 1.05, (small, large, small_gz, large_gz)
    assert large < 40_000  # 50 rows, the fields and the filter box: not the 1.1 MB of one table of 2,000 rows


# In headless Chromium, on the site built from the folder above.


@pytest.fixture(scope="module")
def site_url(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("catalogue-site") / "site"
    assert build_site(folder, site) == 0
    with serve(site) as address:
        yield address


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


@pytest.mark.browser
def test_the_filter_finds_any_procedure_through_the_search_engine(page: Page, site_url: str, catalog: Catalog) -> None:
    held: list[Route] = []
    page.route("**/search/search_index.json", lambda route: held.append(route))  # it arrives when let through
    page.goto(site_url + "thu-tuc/")
    output, results = page.locator("output.ps-filter__count"), page.locator("ol.ps-results__list > li")
    assert page.locator("table.ps-catalogue tbody tr").count() == 50
    page.get_by_label("Lọc danh mục").fill("dang ky khai sinh")
    expect(output).to_have_text("Đang tải dữ liệu tìm kiếm…")
    while not held:
        page.wait_for_timeout(50)
    for route in held:
        route.continue_()
    expect(results.first).to_contain_text("Đăng ký khai sinh")
    assert results.first.locator("a").get_attribute("href") == site_url + "thu-tuc/dang-ky-khai-sinh/"
    assert results.first.locator("mark").first.inner_text() == "Đăng"  # the words matched, as written
    expect(page.locator("table.ps-catalogue")).to_be_hidden()  # the results stand in for the page of rows
    expect(page.locator(".ps-pager")).to_be_hidden()
    page.screenshot(path=SCREENSHOTS / "catalogue-filter-vi.png", full_page=True)

    # A procedure of the last page, by its code: found without the page that lists it.
    last = expected_order(catalog.procedures, "vi")[-1]
    page.get_by_label("Lọc danh mục").fill(last.code)
    expect(results.first.locator("a")).to_have_text(last.title.vi)

    # The field narrows what matches, and leads to its page.
    page.get_by_label("Lọc danh mục").fill("cap giay")
    expect(output).to_have_text(re.compile(r"^Tìm thấy \d+ thủ tục; dưới đây là 50 thủ tục khớp nhất"))
    everywhere = int(re.findall(r"\d+", output.inner_text())[0])
    expect(results).to_have_count(50)
    page.get_by_label("Lĩnh vực").select_option(label="Y tế")
    expect(output).to_have_text(re.compile(r"^Tìm thấy \d+ thủ tục\.$"))
    details = page.locator("ol.ps-results__list > li:not(.ps-results__note) small").all_inner_texts()
    assert details and all(d.startswith("Y tế · ") for d in details), details
    assert int(re.findall(r"\d+", output.inner_text())[0]) < everywhere
    expect(page.get_by_role("link", name="Xem trang lĩnh vực Y tế")).to_have_attribute(
        "href", site_url + "linh-vuc/y-te/"
    )
    page.screenshot(path=SCREENSHOTS / "catalogue-filter-field-vi.png", full_page=True)

    # Emptied, the page of rows is back.
    page.get_by_label("Lọc danh mục").fill("")
    page.get_by_label("Lĩnh vực").select_option(value="")
    expect(page.locator("table.ps-catalogue")).to_be_visible()
    expect(results).to_have_count(0)


@pytest.mark.browser
def test_the_home_search_opens_the_catalogue_filtered_in_english(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/thu-tuc/?q=marriage")
    first = page.locator("ol.ps-results__list > li").first
    expect(first).to_contain_text("Marriage registration")
    assert page.get_by_label("Filter the catalogue").input_value() == "marriage"


@pytest.mark.browser
def test_without_javascript_the_catalogue_is_read_page_by_page(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "thu-tuc/")
        expect(page.locator(".ps-filter__nojs")).to_be_visible()
        expect(page.locator("#ps-filter-text")).to_be_hidden()  # no box that cannot answer
        expect(page.locator("ul.ps-fields a").first).to_be_visible()
        page.screenshot(path=SCREENSHOTS / "catalogue-nojs-phone.png", full_page=True)
        page.get_by_role("link", name="Trang sau →").click()
        page.wait_for_url(site_url + "thu-tuc/trang/2/")
        assert "(trang 2/5)" in page.locator("h1").inner_text()
        assert page.locator("table.ps-catalogue tbody tr").count() == 50
        page.get_by_role("link", name="Trang 5", exact=True).click()
        page.wait_for_url(site_url + "thu-tuc/trang/5/")
        assert page.locator("table.ps-catalogue tbody tr").count() == COUNT - 200
        expect(page.get_by_role("link", name="Trang sau →")).to_have_count(0)
        page.get_by_role("link", name="← Trang trước").click()
        page.wait_for_url(site_url + "thu-tuc/trang/4/")
        page.goto(site_url + "linh-vuc/ho-tich/")
        assert page.locator("table.ps-catalogue tbody tr").count() >= 1
        page.screenshot(path=SCREENSHOTS / "catalogue-page-nojs-phone.png", full_page=False)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("screen", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}])
@pytest.mark.parametrize(
    "path", ["thu-tuc/", "thu-tuc/?q=giay", "thu-tuc/trang/2/", "en/thu-tuc/trang/5/", "don-vi/tiep-nhan/trang/3/"]
)
def test_the_pages_of_a_list_meet_wcag_21_aa(browser: Browser, site_url: str, path: str, screen: Any) -> None:
    context = browser.new_context(viewport=screen)
    try:
        page = context.new_page()
        page.goto(site_url + path)
        if "?q=" in path:
            page.locator("ol.ps-results__list > li").first.wait_for()
        assert_accessible(page)
    finally:
        context.close()

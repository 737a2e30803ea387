"""What a person sees in headless Chromium: procedure pages, the language switch, the catalogue."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import SCREENSHOTS

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh page that fails the test on any request to another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(base_url) else outside.append(request.url))
    yield page
    context.close()
    assert outside == [], f"requests to other hosts: {outside}"


def h1(page: Page) -> str:
    """The page's title as shown, without the permalink sign."""
    return page.locator("h1").inner_text().removesuffix("¶").strip()


def test_procedure_page_in_each_language_and_the_switch_keeps_the_page(page: Page, base_url: str) -> None:
    page.goto(base_url + "thu-tuc/dang-ky-khai-sinh/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert h1(page) == "Đăng ký khai sinh"
    rows = page.locator("table.ps-steps tbody tr")
    assert rows.count() == 4
    assert rows.nth(0).locator("td").nth(2).inner_text() == "Bộ phận Một cửa"
    assert rows.nth(0).locator("td").nth(3).inner_text() == "1 giờ làm việc"
    assert page.locator(".ps-summary").get_by_text("Miễn phí – 8.000 ₫").is_visible()
    page.screenshot(path=SCREENSHOTS / "procedure-vi.png", full_page=True)

    page.get_by_role("link", name="English").click()
    page.wait_for_url(base_url + "en/thu-tuc/dang-ky-khai-sinh/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert h1(page) == "Birth registration"
    assert page.locator("table.ps-steps tbody tr").nth(0).locator("td").nth(2).inner_text() == "One-stop desk"
    assert page.locator("table.ps-steps tbody tr").nth(0).locator("td").nth(3).inner_text() == "1 working hour"
    page.screenshot(path=SCREENSHOTS / "procedure-en.png", full_page=True)

    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url(base_url + "thu-tuc/dang-ky-khai-sinh/")
    assert h1(page) == "Đăng ký khai sinh"


def test_catalogue_filters_without_diacritics_and_sorts(page: Page, base_url: str) -> None:
    """The sample's catalogue is one page: the filter box asks the search engine, and the columns sort (a
    catalogue of several pages does not sort: tests/test_catalogue.py)."""
    page.goto(base_url + "thu-tuc/")
    rows = page.locator("table.ps-catalogue tbody tr")
    total = rows.count()
    assert total >= 17
    page.get_by_label("Lọc danh mục").fill("dang ky khai sinh")
    results = page.locator("ol.ps-results__list > li")
    expect(results.first).to_contain_text("Đăng ký khai sinh")
    names = results.locator("a").all_inner_texts()
    assert "Đăng ký khai sinh" in names and len(names) < total
    assert page.locator("output.ps-filter__count").inner_text() == f"Tìm thấy {len(names)} thủ tục."
    expect(page.locator("table.ps-catalogue")).to_be_hidden()
    page.get_by_label("Lọc danh mục").fill("")
    expect(page.locator("table.ps-catalogue")).to_be_visible()
    page.get_by_role("button", name="Thời hạn giải quyết").click()
    times = rows.locator("td:nth-child(5)").evaluate_all("cells => cells.map(c => c.dataset.value)")
    values = [float(v) for v in times]
    assert len(values) == total and values == sorted(values)
    page.screenshot(path=SCREENSHOTS / "catalogue-vi.png", full_page=True)


def test_home_search_takes_citizens_to_the_filtered_catalogue(page: Page, base_url: str) -> None:
    page.goto(base_url + "en/")
    page.get_by_label("Find a procedure").fill("marriage")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**/en/thu-tuc/?q=marriage")
    results = page.locator("ol.ps-results__list > li")
    expect(results.first).to_contain_text("Marriage registration")
    assert results.count() < page.locator("table.ps-catalogue tbody tr").count()
    assert all("marriage" in text.lower() for text in results.locator("mark").all_inner_texts())
    page.screenshot(path=SCREENSHOTS / "home-search-en.png", full_page=True)


@pytest.mark.parametrize("path", ["", "thu-tuc/dang-ky-khai-sinh/", "en/thu-tuc/", "kiosk/"])
def test_a_browser_without_resize_observer_requests_no_other_host(browser: Browser, base_url: str, path: str) -> None:
    """Old phones and PCs lack ResizeObserver; Material's bundle would then fetch a polyfill from unpkg.com
    (blocked by the CSP, and the page breaks). Ours is there first: nothing leaves the site, nothing fails."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    context.add_init_script("delete window.ResizeObserver;")
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(base_url) else outside.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + path, wait_until="load")
    page.wait_for_timeout(500)
    assert page.evaluate("typeof window.ResizeObserver") == "function"
    if path == "kiosk/":  # the kiosk hides Material's search box and has its own
        page.locator("#ps-kiosk-q").fill("khai sinh")
        page.locator(".ps-kiosk-results .ps-kiosk-tile").first.wait_for()
    else:
        box = page.locator(".md-search__input")
        if not box.is_visible():
            page.locator("label[for=__search]").first.click()
        box.fill("khai sinh")
        page.locator(".md-search-result__item").first.wait_for()
    context.close()
    assert (outside, errors) == ([], [])


def test_the_search_dialog_has_a_name(page: Page, base_url: str) -> None:
    page.goto(base_url)
    assert page.locator('[role="dialog"].md-search').get_attribute("aria-label") == "Tìm kiếm"

"""The kiosk at the one-stop desk, in headless Chromium at both screen sizes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from procsite.source.loader import load_catalog
from tests.browser import SCREENSHOTS
from tests.conftest import SAMPLE

pytestmark = pytest.mark.browser
SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
CATALOG = load_catalog(SAMPLE)
FEATURED = CATALOG.agency.featured if CATALOG.agency else []


@pytest.fixture(params=list(SIZES))
def kiosk(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[tuple[Page, str]]:
    """A kiosk screen of each size; fails on any request to another host."""
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True)
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base_url) else outside.append(r.url))
    yield page, request.param
    context.close()
    assert outside == [], f"requests to other hosts: {outside}"


def test_every_common_procedure_within_three_taps(kiosk: tuple[Page, str], base_url: str) -> None:
    page, size = kiosk
    page.goto(base_url + "kiosk/")
    assert page.locator("html").get_attribute("class") is not None
    assert "ps-kiosk" in (page.locator("html").get_attribute("class") or "")
    page.screenshot(path=SCREENSHOTS / f"kiosk-start-{size}.png")
    by_code = CATALOG.by_code()
    for code in FEATURED:
        page.goto(base_url + "kiosk/")
        page.locator(".ps-kiosk-tile", has_text=by_code[code].title.vi).first.tap()  # tap 1
        page.wait_for_url(base_url + f"thu-tuc/{by_code[code].slug}/")
        assert page.locator("h1").inner_text().removesuffix("¶").strip() == by_code[code].title.vi
    page.screenshot(path=SCREENSHOTS / f"kiosk-procedure-{size}.png", full_page=False)


def test_every_procedure_within_three_taps_by_field(kiosk: tuple[Page, str], base_url: str) -> None:
    page, _ = kiosk
    for p in CATALOG.procedures:
        if p.status != "in_force":
            continue
        page.goto(base_url + "kiosk/")
        page.locator("#fields + ul .ps-kiosk-tile", has_text=CATALOG.fields[p.field].name.vi).first.tap()  # tap 1
        page.locator(".ps-kiosk-tile", has_text=re.compile("^" + re.escape(p.title.vi))).first.tap()  # tap 2
        page.wait_for_url(base_url + f"thu-tuc/{p.slug}/")


def test_touch_targets_and_text_are_large(kiosk: tuple[Page, str], base_url: str) -> None:
    page, _ = kiosk
    page.goto(base_url + "kiosk/")
    for selector in (".ps-kiosk-tile", ".ps-kiosk-bar .ps-kiosk-button", ".ps-kiosk-search input"):
        for box in page.locator(selector).evaluate_all("els => els.map(e => e.getBoundingClientRect())"):
            assert box["height"] >= 48 and box["width"] >= 48, (selector, box)
    body = page.locator(".md-typeset").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert body >= 20
    page.goto(base_url + "thu-tuc/dang-ky-khai-sinh/")
    assert page.locator(".md-typeset").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 20
    box = page.locator(".ps-kiosk-bar .ps-kiosk-button").first.bounding_box()
    assert box is not None and box["height"] >= 48


def test_kiosk_search_without_diacritics(kiosk: tuple[Page, str], base_url: str) -> None:
    page, _ = kiosk
    page.goto(base_url + "kiosk/")
    page.locator("#ps-kiosk-q").fill("thuong tru")
    first = page.locator(".ps-kiosk-results .ps-kiosk-tile").first
    assert first.locator(".ps-kiosk-tile__title").inner_text() == "Đăng ký thường trú"
    first.tap()
    page.wait_for_url(base_url + "thu-tuc/dang-ky-thuong-tru/")


def test_idle_kiosk_returns_to_the_vietnamese_start(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, has_touch=True)
    page = context.new_page()
    page.goto(base_url + "kiosk/?idle=12")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(base_url + "en/kiosk/")
    page.locator("#ps-kiosk-q").fill("birth")
    page.locator(".ps-kiosk-results .ps-kiosk-tile").first.tap()
    page.wait_for_url("**/en/thu-tuc/**")
    page.mouse.wheel(0, 800)
    countdown = page.locator(".ps-kiosk-countdown")
    countdown.wait_for(state="visible", timeout=8000)
    assert re.search(r"Returning to the start in \d+ seconds", countdown.inner_text())
    page.touchscreen.tap(300, 500)  # a touch cancels the countdown
    assert countdown.is_hidden()
    countdown.wait_for(state="visible", timeout=8000)
    page.wait_for_url(base_url + "kiosk/", timeout=15000)
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("#ps-kiosk-q").input_value() == ""
    assert page.evaluate("window.scrollY") == 0
    context.close()


def test_links_that_leave_the_site_are_shown_not_followed(browser: Browser, base_url: str) -> None:
    """A staff-written link to another site, in kiosk mode, shows its address and cannot be followed."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "kiosk/")

    def with_outside_link(route):  # type: ignore[no-untyped-def]
        html = (
            route.fetch()
            .text()
            .replace(
                '<div class="ps-body">',
                '<div class="ps-body"><p><a href="https://example.invalid/x">outside</a></p>',
                1,
            )
        )
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route(base_url + "thu-tuc/dang-ky-khai-sinh/", with_outside_link)
    page.goto(base_url + "thu-tuc/dang-ky-khai-sinh/")
    assert page.locator("a[href='https://example.invalid/x']").count() == 0
    assert page.locator(".ps-kiosk-external").inner_text() == "outside (https://example.invalid/x)"
    context.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_qr_code_decodes_to_the_public_page(browser: Browser, base_url: str, lang: str) -> None:
    import io

    import zxingcpp
    from PIL import Image

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    prefix = "" if lang == "vi" else "en/"
    page.goto(base_url + prefix + "thu-tuc/dang-ky-ket-hon/")
    png = page.locator(".ps-takeaway__qr svg").screenshot()
    decoded = [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]
    site_url = CATALOG.agency.site_url if CATALOG.agency else ""
    assert decoded == [f"{site_url}{prefix}thu-tuc/dang-ky-ket-hon/"]
    context.close()


def test_printed_checklist_is_one_a4_page(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    for slug in ("dang-ky-khai-sinh", "cap-giay-phep-xay-dung-nha-o-rieng-le", "lien-thong-khai-sinh-thuong-tru-bhyt"):
        page.goto(base_url + f"thu-tuc/{slug}/")
        page.emulate_media(media="print")
        assert page.locator(".ps-checklist").is_visible() and page.locator(".ps-takeaway__qr").is_visible()
        assert page.locator(".ps-steps").is_hidden() and page.locator(".md-header").is_hidden()
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"{slug}: {pages} pages"
        (SCREENSHOTS.parent / f"checklist-{slug}.pdf").write_bytes(pdf)
        page.emulate_media(media="screen")
    context.close()


@pytest.mark.parametrize(
    ("slug", "submitted", "late", "due"),
    [
        # 5 working days from Thursday 12 February 2026: Friday 13, then Tết (16–20 February off), 23, 24, 25, 26.
        ("dang-ky-khai-sinh-luu-dong", "2026-02-12", False, "2026-02-26"),
        # Same day, but received after 15:00 on Friday 13 February 2026: next working day is after Tết.
        ("dang-ky-khai-sinh", "2026-02-13", True, "2026-02-23"),
        ("dang-ky-khai-sinh", "2026-02-13", False, "2026-02-13"),
        # 3 working days from Friday 21 August 2026: Saturday 22 is a make-up working day, then 24, 25.
        ("dang-ky-giam-ho", "2026-08-21", False, "2026-08-25"),
    ],
)
def test_due_date_counts_working_days_holidays_and_make_up_days(
    browser: Browser, base_url: str, slug: str, submitted: str, late: bool, due: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + f"thu-tuc/{slug}/")
    page.locator(".ps-due__date").fill(submitted)
    late_box = page.locator(".ps-due__late")
    if late_box.count():
        late_box.set_checked(late)
    result = page.locator(".ps-due__result")
    assert result.get_attribute("data-due") == due
    year, month, day = (int(part) for part in due.split("-"))
    assert f"{day} tháng {month}, {year}" in result.inner_text()
    context.close()


def test_kiosk_works_with_the_keyboard_alone(browser: Browser, base_url: str) -> None:
    """Tab reaches the language button, the search box and the tiles; Enter opens them."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.goto(base_url + "kiosk/")
    seen: list[str] = []
    for _ in range(12):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.textContent.trim() || document.activeElement.id"))
        if page.evaluate("document.activeElement.classList.contains('ps-kiosk-tile')"):
            break
    assert "English" in seen and "ps-kiosk-q" in seen
    first_tile = page.evaluate("document.activeElement.querySelector('.ps-kiosk-tile__title').textContent")
    assert first_tile == "Đăng ký khai sinh"
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "thu-tuc/dang-ky-khai-sinh/")
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "English":
            break
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "en/thu-tuc/dang-ky-khai-sinh/")
    context.close()

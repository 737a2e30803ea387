"""Accessibility in headless Chromium: axe-core (WCAG 2.1 A and AA) on every kind of page in both
languages, on a desktop and a phone screen and in print; the language switch by keyboard alone; the
language of every page and of every fragment still shown in Vietnamese."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser import serve
from tests.conftest import MINIMAL, SAMPLE, build_site

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = Axe()  # axe-core's axe.min.js as shipped inside the pip package: nothing is fetched at test time
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
LANGUAGES = {"vi": "", "en": "en/"}
PAGES = [
    "",  # home
    "thu-tuc/",  # catalogue
    "thu-tuc/dang-ky-khai-sinh/",  # a procedure in force
    "thu-tuc/dang-ky-ho-kinh-doanh-qua-cap-huyen/",  # a superseded procedure
    "don-vi/mot-cua/",  # a unit
    "linh-vuc/ho-tich/",  # a field
    "chat-luong/chinh-sach/",  # quality policy
    "chat-luong/muc-tieu/",  # quality objectives
    "huong-dan/",  # staff guide
    "kiosk/",  # kiosk start
    "kiosk/linh-vuc/ho-tich/",  # a kiosk field page
    "404.html",  # the not-found page, opened directly: see test_not_found_page_is_accessible
]
# On a phone, the pages whose tables and code scroll sideways there, and the two start pages.
PHONE_PAGES = ["", "thu-tuc/", "thu-tuc/dang-ky-khai-sinh/", "chat-luong/muc-tieu/", "huong-dan/", "kiosk/"]
SCREENS = [("desktop", path) for path in PAGES] + [("phone", path) for path in PHONE_PAGES]


def new_context(browser: Browser, screen: str) -> BrowserContext:
    """A fresh browser context (its own session storage, so no kiosk mode) of that screen size."""
    return browser.new_context(viewport=VIEWPORTS[screen])  # type: ignore[arg-type]


def violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    found: list[dict[str, Any]] = AXE.run(page, options=options).response["violations"]
    return found


def report(found: list[dict[str, Any]]) -> str:
    """One line per violation: id, impact, help, and the first elements it was found on."""
    lines = []
    for v in found:
        targets = [" ".join(map(str, node["target"])) for node in v["nodes"][:3]]
        more = f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else ""
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {'; '.join(targets)}{more}")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """Fails with the report when axe finds any violation."""
    found = violations(page)
    if found:
        pytest.fail(f"{len(found)} WCAG 2.1 A/AA violation(s) on {page.url}:\n{report(found)}")


@pytest.mark.parametrize(("screen", "path"), SCREENS)
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_kind_of_page_meets_wcag_21_aa(
    browser: Browser, base_url: str, lang: str, screen: str, path: str
) -> None:
    context = new_context(browser, screen)
    try:
        page = context.new_page()
        response = page.goto(base_url + LANGUAGES[lang] + path)
        assert response is not None and response.ok
        assert page.locator("html").get_attribute("lang") == lang
        assert_accessible(page)
    finally:
        context.close()


@pytest.mark.parametrize("screen", list(VIEWPORTS))
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_procedure_page_in_kiosk_mode_meets_wcag_21_aa(browser: Browser, base_url: str, lang: str, screen: str) -> None:
    """Kiosk mode lasts for the browser session: open the kiosk start, then a procedure, in one context."""
    context = new_context(browser, screen)
    try:
        page = context.new_page()
        page.goto(base_url + LANGUAGES[lang] + "kiosk/")
        page.goto(base_url + LANGUAGES[lang] + "thu-tuc/dang-ky-khai-sinh/")
        assert "ps-kiosk" in (page.locator("html").get_attribute("class") or "").split()
        assert page.locator(".ps-kiosk-bar").is_visible()
        assert page.locator("html").get_attribute("lang") == lang
        assert_accessible(page)
    finally:
        context.close()


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_printed_procedure_meets_wcag_21_aa(browser: Browser, base_url: str, lang: str) -> None:
    """The colours of "print the checklist" (the print part of procsite.css) are checked as printed."""
    context = browser.new_context(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        page.goto(base_url + LANGUAGES[lang] + "thu-tuc/dang-ky-khai-sinh/")
        assert page.locator(".ps-print").first.is_visible()
        assert not page.locator(".md-header").is_visible()
        assert_accessible(page)
    finally:
        context.close()


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_not_found_page_is_accessible(browser: Browser, base_url: str, lang: str) -> None:
    """The test server serves files only and answers a missing path with its own 404 page (nginx serves
    ours: tests/test_nginx.py), so our 404 page is opened directly, as nginx would show it."""
    context = browser.new_context()
    try:
        page = context.new_page()
        missing = page.goto(base_url + LANGUAGES[lang] + "no-such-page/")
        assert missing is not None and missing.status == 404
        ours = page.goto(base_url + LANGUAGES[lang] + "404.html")
        assert ours is not None and ours.ok
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").count() == 1
        assert_accessible(page)
    finally:
        context.close()


@pytest.mark.parametrize(
    ("start", "lang", "other", "other_lang"),
    [
        ("thu-tuc/dang-ky-khai-sinh/", "vi", "en/thu-tuc/dang-ky-khai-sinh/", "en"),
        ("en/thu-tuc/", "en", "thu-tuc/", "vi"),
    ],
)
def test_language_switch_by_keyboard_alone(
    browser: Browser, base_url: str, start: str, lang: str, other: str, other_lang: str
) -> None:
    context = new_context(browser, "desktop")
    try:
        page = context.new_page()
        page.goto(base_url + start)
        assert page.locator("html").get_attribute("lang") == lang
        presses = 0
        while not page.evaluate("() => document.activeElement.matches('.ps-lang__link')"):
            assert presses < 10, "the language switch is not among the first 10 tab stops"
            page.keyboard.press("Tab")
            presses += 1
        focused = page.locator(".ps-lang__link:focus-visible")
        assert focused.is_visible() and focused.get_attribute("hreflang") == other_lang
        # Every tab stop before it is something a sighted keyboard user can see.
        assert presses <= 3, f"the switch is tab stop {presses}: an invisible stop comes before it"
        assert focused.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
        page.keyboard.press("Enter")
        page.wait_for_url(base_url + other)
        assert page.locator("html").get_attribute("lang") == other_lang
    finally:
        context.close()


@pytest.fixture(scope="module")
def untranslated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal procedure, whose result and body have no English yet, with the sample's agency pages but
    one of them not yet in English: all three are shown in Vietnamese."""

    tmp = tmp_path_factory.mktemp("untranslated")
    procedures = tmp / "procedures"
    shutil.copytree(MINIMAL, procedures)
    shutil.copytree(SAMPLE / "pages", procedures / "pages")
    (procedures / "pages" / "en" / "chat-luong" / "muc-tieu.md").unlink()
    source = procedures / "ho-tich" / "khai-sinh.md"
    text = source.read_text(encoding="utf-8")
    assert "result: {vi: Giấy khai sinh, en: Birth certificate}" in text
    source.write_text(text.replace("result: {vi: Giấy khai sinh, en: Birth certificate}", "result: Giấy khai sinh"))
    (procedures / "ho-tich" / "khai-sinh.en.md").unlink()
    site = tmp / "site"
    assert build_site(procedures, site) == 0
    return site


def test_untranslated_fragments_are_marked_vietnamese(browser: Browser, untranslated_site: Path) -> None:
    context = new_context(browser, "desktop")
    try:
        with serve(untranslated_site) as url:
            page = context.new_page()
            page.goto(url + "en/thu-tuc/khai-sinh/")
            assert page.locator("html").get_attribute("lang") == "en"
            assert page.locator("h1").inner_text().removesuffix("¶").strip() == "Birth registration"
            result = page.locator('span[lang="vi"]', has_text="Giấy khai sinh")
            assert result.count() >= 1
            assert result.first.evaluate("e => e.nextElementSibling.textContent") == "(not yet translated)"
            body = page.locator('.ps-untranslated-block[lang="vi"]')
            assert "Nộp hồ sơ tại Bộ phận Một cửa." in body.inner_text()
            # Nothing else on the page claims to be Vietnamese but the switch to the Vietnamese page.
            marked = page.locator('.md-content [lang="vi"]').all()
            assert all(m.evaluate("e => e.matches('.ps-untranslated-block, span')") for m in marked)
            assert_accessible(page)

            page.goto(url + "en/chat-luong/muc-tieu/")
            assert page.locator("html").get_attribute("lang") == "en"
            assert page.locator(".ps-untranslated-page").inner_text().startswith("This page is not yet translated")
            assert page.locator(".ps-untranslated-page").evaluate("e => e.closest('[lang]').lang") == "en"
            assert page.locator('.md-content div[lang="vi"] h1').count() == 1
            assert_accessible(page)

            page.goto(url + "thu-tuc/khai-sinh/")
            assert page.locator("html").get_attribute("lang") == "vi"
            assert page.locator('.md-content [lang="en"]').count() == 0
            assert page.locator(".ps-untranslated").count() == 0
    finally:
        context.close()


def test_language_switches_name_their_language_in_it(browser: Browser, base_url: str) -> None:
    """'English' is marked lang="en" on Vietnamese pages and 'Tiếng Việt' lang="vi" on English ones, so a
    screen reader reads each in its own language (WCAG 3.1.2), in the header and in the kiosk bar."""
    context = new_context(browser, "desktop")
    try:
        page = context.new_page()
        for lang, other, name in (("vi", "en", "English"), ("en", "vi", "Tiếng Việt")):
            page.goto(base_url + LANGUAGES[lang] + "kiosk/")
            for switch in (page.locator(".ps-lang__link"), page.locator(".ps-kiosk-bar a[hreflang]")):
                assert switch.count() == 1
                assert switch.get_attribute("lang") == other and switch.get_attribute("hreflang") == other
                assert switch.inner_text().strip().endswith(name)
    finally:
        context.close()

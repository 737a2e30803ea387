"""Serving: the production nginx configuration (deploy/nginx.conf) run by a real nginx.

nginx runs as the current user on 127.0.0.1 with a free port, its pid, logs and temporary
files in tmp_path, and serves the sample site with exactly deploy/nginx.conf (only its
PLACEHOLDER lines and the listen line are replaced). `make test` installs Debian's nginx.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from procsite.site.csp import content_security_policy, nginx_snippet
from tests.nginx import free_port, run_nginx, server_block

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
IMMUTABLE = "public, max-age=31536000, immutable"


@pytest.fixture(scope="module")
def nginx_url(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    prefix = tmp_path_factory.mktemp("nginx")
    (prefix / "snippets").mkdir()
    (prefix / "snippets" / "procsite-csp.conf").write_text(nginx_snippet(sample_site), encoding="utf-8")
    port = free_port()
    with run_nginx(prefix, server_block(sample_site, port), port) as url:
        yield url


def get(url: str, path: str, gzip: bool = False) -> http.client.HTTPResponse:
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip else {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_every_response_carries_the_security_headers(nginx_url: str, sample_site: Path) -> None:
    policy = content_security_policy(sample_site)
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "worker-src 'self'" in policy and "script-src 'self' 'sha256-" in policy
    for path, status in (("/", 200), ("/en/thu-tuc/", 200), ("/assets/procsite/procsite.css", 200), ("/nope", 404)):
        response = get(nginx_url, path)
        assert response.status == status, path
        assert response.getheader("Content-Security-Policy") == policy
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        assert response.getheader("Referrer-Policy") == "strict-origin-when-cross-origin"
        assert (
            response.getheader("Permissions-Policy") == "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
        )
        assert response.getheader("X-Frame-Options") == "SAMEORIGIN"
        assert response.getheader("Server") == "nginx"


def test_fingerprinted_assets_are_cached_for_a_year_and_the_rest_revalidated(nginx_url: str, sample_site: Path) -> None:
    bundle = next((sample_site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    stylesheet = next((sample_site / "en" / "assets" / "stylesheets").glob("main.*.min.css")).name
    worker = next((sample_site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name
    for path in (f"/assets/javascripts/{bundle}", f"/en/assets/stylesheets/{stylesheet}"):
        assert get(nginx_url, path).getheader("Cache-Control") == IMMUTABLE, path
    assert get(nginx_url, f"/assets/javascripts/workers/{worker}").getheader("Cache-Control") == IMMUTABLE
    for path in ("/", "/thu-tuc/dang-ky-khai-sinh/", "/assets/procsite/catalogue.js", "/search/search_index.json"):
        assert get(nginx_url, path).getheader("Cache-Control") == "no-cache", path


def test_text_is_compressed(nginx_url: str, sample_site: Path) -> None:
    bundle = next((sample_site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    for path in (
        "/thu-tuc/",
        f"/assets/javascripts/{bundle}",
        "/search/search_index.json",
        "/assets/procsite/procsite.css",
    ):
        response = get(nginx_url, path, gzip=True)
        assert response.getheader("Content-Encoding") == "gzip", path
        assert response.getheader("Vary") == "Accept-Encoding", path
    assert get(nginx_url, "/thu-tuc/").getheader("Content-Encoding") is None


def test_missing_pages_get_the_404_page_of_their_language(nginx_url: str) -> None:
    for path, lang in (("/no-such-page", "vi"), ("/thu-tuc/no-such-page/", "vi"), ("/en/no-such-page", "en")):
        host, port = nginx_url.removeprefix("http://").rstrip("/").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode("utf-8")
        connection.close()
        assert response.status == 404, path
        heading = "<h1>Không tìm thấy trang</h1>" if lang == "vi" else "<h1>Page not found</h1>"
        assert f'<html lang="{lang}"' in body and heading in body, path
    redirect = get(nginx_url, "/thu-tuc")
    assert (redirect.status, redirect.getheader("Location")) == (301, "/thu-tuc/")


WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const where = e.sourceFile + ':' + e.lineNumber;
  window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + where);
});
"""


@pytest.fixture
def problems() -> list[str]:
    """What went wrong in the page: console errors, CSP violations, requests to other hosts."""
    return []


@pytest.fixture
def page(browser: Browser, nginx_url: str, problems: list[str]) -> Iterator[Page]:
    """A page that fails the test on any console error, CSP violation or request to another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.on(
        "console",
        lambda m: problems.append(f"console: {m.text} ({m.location['url']})") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: None if r.url.startswith((nginx_url, "data:")) else problems.append(r.url))
    yield page
    problems += page.evaluate("window.__cspViolations")
    context.close()
    assert problems == []


def test_procedure_page_and_language_switch_work_under_the_policy(page: Page, nginx_url: str) -> None:
    page.goto(nginx_url + "thu-tuc/dang-ky-khai-sinh/")
    assert page.locator("h1").inner_text().removesuffix("¶").strip() == "Đăng ký khai sinh"
    assert page.locator("table.ps-steps tbody tr").count() == 4
    page.get_by_role("link", name="English").click()
    page.wait_for_url(nginx_url + "en/thu-tuc/dang-ky-khai-sinh/")
    assert page.locator("h1").inner_text().removesuffix("¶").strip() == "Birth registration"
    assert page.evaluate("window.__cspViolations") == []


def test_catalogue_filter_works_under_the_policy(page: Page, nginx_url: str) -> None:
    page.goto(nginx_url + "thu-tuc/")
    total = page.locator("table.ps-catalogue tbody tr").count()
    page.get_by_label("Lọc danh mục").fill("dang ky khai sinh")
    results = page.locator("ol.ps-results__list > li")
    results.first.wait_for()
    names = results.locator("a").all_inner_texts()
    assert "Đăng ký khai sinh" in names and len(names) < total


def test_search_box_works_under_the_policy(page: Page, nginx_url: str) -> None:
    page.goto(nginx_url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("ket hon")
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    assert "Đăng ký kết hôn" in first.inner_text()


def test_404_page_shows_in_english_under_the_policy(page: Page, nginx_url: str, problems: list[str]) -> None:
    response = page.goto(nginx_url + "en/no-such-page")
    assert response is not None and response.status == 404
    # Chromium logs the page's own status; anything else logged is a failure.
    assert problems == [
        "console: Failed to load resource: the server responded with a status of 404 (Not Found) "
        f"({nginx_url}en/no-such-page)"
    ]
    problems.clear()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Page not found"
    # its stylesheet came from the English site and applied (Material's header is laid out)
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"


def test_quality_objectives_page_is_whole_under_the_policy(page: Page, nginx_url: str) -> None:
    """The objectives page is made from data (objectives.yml): its verdicts and charts are styled by the
    stylesheet, with no inline style for the policy to allow (the page fixture fails on any violation)."""
    page.goto(nginx_url + "en/chat-luong/muc-tieu/")
    assert page.locator("td[style], th[style], svg [style]").count() == 0
    verdicts = page.locator("td[data-result]")
    shown = {verdicts.nth(i).inner_text() for i in range(verdicts.count())}
    assert verdicts.count() > 0 and {"Met", "Not met"} <= shown
    assert page.locator("figure svg").count() > 0


def test_policy_lists_exactly_the_inline_scripts_a_browser_runs(tmp_path: Path) -> None:
    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text(
        '<script>var a = "ạ";</script><script src="x.js"></script>'
        '<script id="__config" type="application/json">{"a": 1}</script>'
        "<script type=module>import './m.js'</script><td style=\"text-align: right;\">1</td>",
        encoding="utf-8",
    )
    (tmp_path / "en" / "index.html").write_text("<SCRIPT>\nvar a = 1\n</SCRIPT>", encoding="utf-8")
    policy = content_security_policy(tmp_path)
    scripts = sorted([sha('var a = "ạ";'), sha("import './m.js'"), sha("\nvar a = 1\n")])
    assert policy == (
        "default-src 'self'; script-src 'self' " + " ".join(scripts) + "; "
        f"style-src 'self' 'unsafe-hashes' {sha('text-align: right;')}; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'self'"
    )


def test_csp_command_prints_the_snippet_nginx_includes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from procsite.cli import main

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<script>x()</script>", encoding="utf-8")
    assert main(["csp", "--site", str(site)]) == 0
    out = capsys.readouterr().out
    assert out == nginx_snippet(site)
    assert out.splitlines()[1] == f'add_header Content-Security-Policy "{content_security_policy(site)}" always;'

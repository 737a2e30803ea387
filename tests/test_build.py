"""Real builds of small sites into tmp_path, checking the HTML each language gets."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from procsite.cli import main

ROOT = Path(__file__).resolve().parent.parent
MATERIAL = Path(__import__("material").__file__).parent / "templates"


def build(procedures: Path, site: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["build", "--procedures", str(procedures), "--site", str(site), "--lang", "en"])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def two_procedures(procedures: Path) -> Path:
    """The minimal folder with a second, superseded procedure that points at the first."""
    text = (procedures / "ho-tich" / "khai-sinh.md").read_text(encoding="utf-8")
    old = (
        text.replace('code: "1.001193"', 'code: "1.001193.000.00.00.H20"')
        .replace("QT-HT-01", "QT-HT-90")
        .replace("level: commune\n", 'level: commune\nstatus: superseded\nsuperseded_by: "1.001193"\n')
        .replace("Đăng ký khai sinh", "Đăng ký khai sinh (quy trình cũ)")
    )
    (procedures / "ho-tich" / "khai-sinh-cu.md").write_text(old, encoding="utf-8")
    shutil.copy(procedures / "ho-tich" / "khai-sinh.en.md", procedures / "ho-tich" / "khai-sinh-cu.en.md")
    return procedures


def test_build_publishes_both_languages_at_the_same_paths(
    two_procedures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    site = tmp_path / "site"
    status, out, err = build(two_procedures, site, capsys)
    assert status == 0, err
    assert "Procedures: 2 in" in out and "Missing English translations: none." in out and "Warnings: 0." in out
    vi = (site / "thu-tuc" / "khai-sinh" / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "thu-tuc" / "khai-sinh" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in vi and '<html lang="en"' in en
    assert "<title>Đăng ký khai sinh - " in vi and "<title>Birth registration - " in en
    assert "<td>Xử lý hồ sơ</td>" in vi and "<td>Handle the dossier</td>" in en
    assert "1,5 ngày làm việc" in vi and "1.5 working days" in en
    # The switch goes to this same page in the other language.
    assert 'href="../../en/thu-tuc/khai-sinh/" hreflang="en"' in vi
    assert 'href="../../../thu-tuc/khai-sinh/" hreflang="vi"' in en
    # Navigation does not list procedures: a page links only to what it is about.
    assert "khai-sinh-cu/" not in vi
    old = (site / "thu-tuc" / "khai-sinh-cu" / "index.html").read_text(encoding="utf-8")
    assert 'Thủ tục này đã được thay thế. Xem thủ tục đang áp dụng: <a href="../khai-sinh/">' in old
    catalogue = (site / "en" / "thu-tuc" / "index.html").read_text(encoding="utf-8")
    assert catalogue.count("<tr><td><code>") + catalogue.count('<tr class="ps-old"><td><code>') == 2
    assert (site / "bieu-mau" / "to-khai.pdf").read_bytes().startswith(b"%PDF")
    assert (site / "en" / "schema" / "procedure.schema.json").exists()
    assert "<h1>Không tìm thấy trang</h1>" in (site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Page not found</h1>" in (site / "en" / "404.html").read_text(encoding="utf-8")
    unit = (site / "en" / "don-vi" / "mot-cua" / "index.html").read_text(encoding="utf-8")
    assert "Receive the dossier" in unit and "Return the result" in unit


def test_nothing_is_loaded_from_another_host(
    procedures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    site = tmp_path / "site"
    assert build(procedures, site, capsys)[0] == 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        loaded = re.findall(r'<(?:script|img|iframe)[^>]+src="([^"]+)"|<link[^>]+href="([^"]+)"', html)
        for src, href in loaded:
            url = src or href
            assert not re.match(r"(https?:)?//", url) or 'rel="canonical"' in html, (page, url)
        assert "fonts.googleapis.com" not in html and "unpkg.com" not in html


def test_search_loads_in_one_script_after_the_content_and_its_index_later(
    procedures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What makes search answer early without making the page wait (bench/ measures it): one stylesheet
    of ours, and one search script (query reader, engine, client: the same size whatever the catalogue)
    after the content, right before Material's bundle; the index, which grows with the catalogue, is not
    in any page nor in that script, but fetched later by the client, and written one record per line so
    that the browser reads it a few records at a time."""
    monkeypatch.chdir(ROOT)
    site = tmp_path / "site"
    assert build(procedures, site, capsys)[0] == 0
    for page in (site / "index.html", site / "en" / "thu-tuc" / "khai-sinh" / "index.html", site / "404.html"):
        html = page.read_text(encoding="utf-8")
        stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert [s.rsplit("/", 1)[-1] for s in stylesheets if "/procsite/" in s or "/fonts/" in s] == ["procsite.css"]
        scripts = re.findall(r'<script src="([^"]+)"', html)
        search = [s for s in scripts if s.endswith("search/procsite_search.js")]
        assert len(search) == 1, page
        at = html.index(search[0])
        assert html.index('class="md-content"') < html.index("</main>") < at < html.index("bundle.")
        content = html[html.index("</header>") : html.index("</main>")]
        assert "<script src=" not in content, "nothing for the content to wait for"
        assert "search_index.json" not in html and "procsiteIndex=" not in html
    for lang, folder in (("vi", site), ("en", site / "en")):
        script = (folder / "search" / "procsite_search.js").read_text(encoding="utf-8")
        index = (folder / "search" / "search_index.json").read_text(encoding="utf-8")
        assert "Khai sinh" not in script and '"docs"' not in script  # no data of the catalogue in it
        assert script.index("ProcQuery") < script.index("function Engine") < script.index("procsite-search")
        assert 'new URL("search/search_index.json", base)' in script
        whole = json.loads(index)
        assert whole["lang"] == lang
        first, *records, last = index.split("\n")
        assert first.endswith('"docs":[') and last == "]}"
        assert [json.loads(r.removesuffix(",")) for r in records] == whole["docs"]
        assert len(records) > 1  # every procedure, unit, field and page: one line each


def test_failed_build_leaves_the_site_as_it_was(
    procedures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    site = tmp_path / "site"
    assert build(procedures, site, capsys)[0] == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    path = procedures / "ho-tich" / "khai-sinh.md"
    path.write_text(path.read_text(encoding="utf-8").replace("unit: mot-cua", "unit: motcua", 1), encoding="utf-8")
    status, out, err = build(procedures, site, capsys)
    assert status == 1 and out == ""
    assert err == (
        "procedures/ho-tich/khai-sinh.md:33: step 1, unit (steps[0].unit): expected an id of units.yml, but received: "
        '"motcua". Did you mean "mot-cua" (Bộ phận Một cửa)? Or add "motcua" to units.yml, with its name.'
        "\n\n1 problem found; nothing was built. Fix them and run the command again.\n"
    )
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["procedures", "site"] or sorted(
        p.name for p in tmp_path.iterdir()
    ) == ["procedures", "site"]


def test_untranslated_page_falls_back_and_a_broken_page_keeps_the_site(
    procedures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing English page shows the Vietnamese one, marked; a problem only MkDocs sees (a broken link in a
    hand-written page) fails the strict build and keeps the old site."""
    docs = tmp_path / "project"
    # With tests/: the staff guide includes the golden cases' messages (pymdownx.snippets, check_paths).
    shutil.copytree(ROOT, docs, ignore=shutil.ignore_patterns(".venv", "site", ".git", "test-output", "__pycache__"))
    monkeypatch.chdir(docs)
    site = tmp_path / "site"
    assert build(procedures, site, capsys)[0] == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (docs / "docs" / "en" / "huong-dan" / "tim-kiem.md").unlink()
    status, out, _ = build(procedures, site, capsys)
    assert status == 0
    assert "Hand-written pages without translation: 1:\n  docs/en/huong-dan/tim-kiem.md: translation.missing" in out
    fallback = (site / "en" / "huong-dan" / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    assert "This page is not yet translated into English" in fallback and '<div lang="vi">' in fallback
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (docs / "docs" / "en" / "huong-dan" / "kiosk.md").write_text("# Kiosk\n\n[broken](no-such-page.md)\n", "utf-8")
    status, _, err = build(procedures, site, capsys)
    assert status == 1
    assert "no-such-page.md" in err and "was left as it was" in err
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_check_lists_missing_translations(procedures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = procedures / "ho-tich" / "khai-sinh.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("{vi: Trả kết quả, en: Return the result}", "Trả kết quả"),
        encoding="utf-8",
    )
    assert main(["check", "--procedures", str(procedures), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.endswith(
        'Missing English translations: 1 (shown in Vietnamese, marked "not yet translated"):\n'
        "  procedures/ho-tich/khai-sinh.md:42: step 4, action (steps[3].action): translation.missing: "
        "no English text yet\n"
        "Warnings: 0.\n"
    )


def test_material_files_we_replace_or_extend_are_unchanged_upstream() -> None:
    """overrides/ fills the slot of Material 9.8.1's alternate.html and imports its vi.html: notice upstream changes."""
    digest = hashlib.sha256((MATERIAL / "partials" / "alternate.html").read_bytes()).hexdigest()
    assert digest == ALTERNATE_SHA256
    upstream = (MATERIAL / "partials" / "languages" / "vi.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "partials" / "languages" / "custom.html").read_text(encoding="utf-8")
    for key in re.findall(r'^\s+"([a-z.]+)":', ours, re.M):
        assert f'"{key}":' in upstream, key


ALTERNATE_SHA256 = "572b1d4dae611aa5fd65107edec95e44331b6141abf86834ea4dc6c1ddd7241b"  # Material 9.8.1


MARKDOWN_LEFT = re.compile(r"^\s*#{1,6} \S|\{: ?[#.]", re.MULTILINE)
"""Markdown the parser never read: a heading, or an attribute list, left as text."""


def test_no_page_shows_markdown_as_text(sample_site: Path) -> None:
    """A heading right after an HTML line, with no blank line between, is swallowed into that HTML block
    and published as "## Liên hệ Bộ phận Một cửa {: #contact }": no page may show Markdown as text."""
    shown = re.compile(r"<(script|style|pre|code)\b.*?</\1>|<[^>]+>", re.DOTALL)
    leaks = {}
    for page in sorted(sample_site.rglob("*.html")):
        text = shown.sub("", page.read_text(encoding="utf-8"))
        found = MARKDOWN_LEFT.findall(text)
        if found:
            leaks[str(page.relative_to(sample_site))] = found
    assert leaks == {}

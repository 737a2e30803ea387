"""The agency's identity in one place: ``agency.yml`` (site name, description, address, logo, colours) and the
agency's own pages (``pages/``), checked like every source and shown as text.

Golden cases under ``tests/cases/invalid/agency-*`` hold the exact messages of bad colours, logos and pages;
this file tests the rest: the rules themselves, what reaches the built site, the preview and, in Chromium,
that a site name made of payloads is text in the tab's title and the header.
"""

from __future__ import annotations

import html
import json
import shutil
import struct
import zlib
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from procsite.cli import main, summary
from procsite.site.build import heading_titles, nav_with_pages
from procsite.site.preview.changes import touched_pages
from procsite.source.agency import SITE_URL, contrast_with_white, darker
from procsite.source.agency_pages import HOME_IDS
from procsite.source.loader import load_catalog
from procsite.source.logo import MAX_LOGO_PIXELS, logo_problem, picture_size
from procsite.source.page_layout import layout
from tests.conftest import ROOT, SAMPLE, build_site
from tests.test_preview import Preview, get, preview, save, shows, wait_for  # noqa: F401 (preview: a fixture)

OVERRIDES = ROOT / "overrides" / "assets" / "procsite"


def png(width: int, height: int) -> bytes:
    """A valid PNG of one transparent pixel per ``width`` × ``height`` (the header says the size)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\0" + b"\0\0\0\0" * width for _ in range(min(height, 2)))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


# --- agency.yml: colours, address, logo ---------------------------------------------------------------------


def test_colours_must_leave_white_text_readable() -> None:
    assert round(contrast_with_white("#8e1b1b"), 1) == 9.0 and round(contrast_with_white("#0b5cad"), 1) == 6.7
    assert contrast_with_white("#ffffff") == 1 and round(contrast_with_white("#000000")) == 21
    for light in ("#f5b800", "#3d9bff", "#ffffff", "#777777"):
        suggested = darker(light)
        assert contrast_with_white(suggested) >= 4.5 > contrast_with_white(light)
        # the same hue: each channel darkened in the same proportion
        channels = [int(light[i : i + 2], 16) for i in (1, 3, 5)]
        assert all(int(suggested[i : i + 2], 16) <= c for i, c in zip((1, 3, 5), channels, strict=True))


@pytest.mark.parametrize(
    "url",
    ["https://thutuc.example.gov.vn/", "http://127.0.0.1:8000/", "https://x.gov.vn/thu-tuc/", "https://A-b.vn/"],
)
def test_a_site_address_is_a_host_and_folders_ending_with_a_slash(url: str) -> None:
    import re

    assert re.fullmatch(SITE_URL, url)


@pytest.mark.parametrize(
    "url",
    [
        "https://thutuc.example.gov.vn",  # no slash: QR codes and canonical links would run into the host
        'https://x.vn/"><script>alert(1)</script>/',  # MkDocs writes canonical links unescaped
        "https://x.vn/?q=1/",
        "https://x.vn/#a/",
        "javascript:alert(1)//",
        "https://-x.vn/",
        "https://x .vn/",
        "ftp://x.vn/",
    ],
)
def test_anything_else_is_refused_as_a_site_address(url: str, procedures: Path) -> None:
    agency = procedures / "agency.yml"
    agency.write_text(agency.read_text(encoding="utf-8") + f"site_url: {json.dumps(url)}\n", encoding="utf-8")
    problems = load_catalog(procedures).report.text("en")
    assert problems.startswith("procedures/agency.yml:4: site address (site_url): expected a site address"), problems


def test_a_site_name_with_markup_is_refused_where_it_is_written(procedures: Path) -> None:
    agency = procedures / "agency.yml"
    text = agency.read_text(encoding="utf-8")
    agency.write_text(text + 'site_name: {vi: "<script>alert(1)</script>", en: "Procedures"}\n', encoding="utf-8")
    problems = load_catalog(procedures).report.text("en").splitlines()
    expected = [["procedures/agency.yml:4", "site name, Vietnamese (site_name.vi)"]]
    assert [line.split(": ", 2)[:2] for line in problems] == expected
    assert "expected plain text, but received: HTML markup" in problems[0]


def test_the_logo_is_checked_by_content_and_size(tmp_path: Path) -> None:
    root = tmp_path / "procedures"
    root.mkdir()
    (root / "logo.png").write_bytes(png(96, 48))
    logo = logo_problem(root / "logo.png", root)
    assert not hasattr(logo, "message") and (logo.kind, logo.width, logo.height) == ("png", 96, 48)  # type: ignore[union-attr]
    (root / "big.png").write_bytes(png(MAX_LOGO_PIXELS + 1, 10))
    assert logo_problem(root / "big.png", root).message.render("en") == (  # type: ignore[union-attr]
        f"expected a logo of at most 4096 × 4096 pixels, but received: {MAX_LOGO_PIXELS + 1} × 10 pixels."
    )
    (root / "empty.webp").write_bytes(b"")
    assert logo_problem(root / "empty.webp", root).message.code == "agency.logo_empty"  # type: ignore[union-attr]
    (root / "heavy.jpg").write_bytes(b"\xff\xd8\xff" + b"\0" * (600_000 - 3))
    assert logo_problem(root / "heavy.jpg", root).message.render("en") == (  # type: ignore[union-attr]
        "expected a logo of at most 500 KB, but received: 600 KB."
    )
    (root / "jpeg.png").write_bytes(b"\xff\xd8\xff\xe0\0\x10JFIF")
    assert logo_problem(root / "jpeg.png", root).message.render("en") == (  # type: ignore[union-attr]
        'expected the content of a PNG picture, as the file name says, but received: "jpeg.png" is a JPEG file.'
    )
    (tmp_path / "outside.png").write_bytes(png(1, 1))
    (root / "link.png").symlink_to(tmp_path / "outside.png")
    assert logo_problem(root / "link.png", root).message.code == "file.outside"  # type: ignore[union-attr]


def test_the_size_of_each_kind_of_picture_is_read_from_its_header() -> None:
    jpeg = (
        b"\xff\xd8" + b"\xff\xe0\x00\x10" + b"JFIF\0" + b"\0" * 9 + b"\xff\xc0\x00\x11\x08\x00\x30\x00\x60" + b"\0" * 8
    )
    assert picture_size(jpeg, "jpeg") == (96, 48)
    vp8x = b"RIFF\0\0\0\0WEBPVP8X" + b"\0" * 8 + (95).to_bytes(3, "little") + (47).to_bytes(3, "little")
    assert picture_size(vp8x, "webp") == (96, 48)
    bits = 95 | (47 << 14)
    vp8l = b"RIFF\0\0\0\0WEBPVP8L\0\0\0\0\x2f" + bits.to_bytes(4, "little")
    assert picture_size(vp8l, "webp") == (96, 48)
    assert picture_size(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDX", "png") is None


def test_pictures_beside_the_registers_are_the_logo_or_reported(procedures: Path) -> None:
    (procedures / "logo.png").write_bytes(png(96, 96))
    (procedures / "tru-so.jpg").write_bytes(b"\xff\xd8\xff")
    agency = procedures / "agency.yml"
    agency.write_text(agency.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")
    catalog = load_catalog(procedures)
    assert catalog.report.text("en") == ""
    assert catalog.logo is not None and catalog.logo.file == "logo.png"
    assert catalog.report.warnings_text("en") == (
        "procedures/tru-so.jpg:1: source.not_read: this file is not a source and is not published. If this is the "
        "agency's logo, write logo: tru-so.jpg in agency.yml (PNG, JPEG, WebP only); if not, delete it from the folder."
    )


# --- the site's identity ------------------------------------------------------------------------------------


def test_the_site_name_is_escaped_once_wherever_material_writes_it(procedures: Path) -> None:
    """Material writes ``config.site_name`` unescaped in <title>, the header and aria-label, and with ``| e`` in
    the logo's title: escaped once as Markup, it is the same text in all of them."""
    from procsite.pages.identity import site_identity

    agency = procedures / "agency.yml"
    name = '&lt;b&gt; "Kỳ Lân" & {: onclick=alert(1) } *em*'
    agency.write_text(
        agency.read_text(encoding="utf-8") + f"site_name: {json.dumps({'vi': name, 'en': name})}\n", encoding="utf-8"
    )
    catalog = load_catalog(procedures)
    assert catalog.report.text("en") == ""
    identity = site_identity(catalog, "vi")
    escaped = "&amp;lt;b&amp;gt; &#34;Kỳ Lân&#34; &amp; {: onclick=alert(1) } *em*"
    assert isinstance(identity.name, Markup) and str(identity.name) == escaped
    template = jinja2.Environment(autoescape=False).from_string(
        '<title>{{ name }}</title><a title="{{ name | e }}" aria-label="{{ name }}">{{ name }}</a>'
    )
    assert template.render(name=identity.name) == (
        f'<title>{escaped}</title><a title="{escaped}" aria-label="{escaped}">{escaped}</a>'
    )
    assert html.unescape(escaped) == name
    assert site_identity(catalog, "en").url is None  # the fixture has no site_url


def test_the_colours_are_written_into_the_stylesheet_and_the_icon() -> None:
    from procsite.model.agency import Agency
    from procsite.model.procedure import Text
    from procsite.pages.identity import favicon, stylesheet

    css = (OVERRIDES / "procsite.css").read_text(encoding="utf-8")
    svg = (OVERRIDES / "favicon.svg").read_text(encoding="utf-8")
    assert stylesheet(css, None) == css and favicon(svg, None) == svg  # the defaults are the stylesheet's own
    agency = Agency(Text("x"), Text("y"), primary_color="#1b5e20", accent_color="#6a1b9a")
    coloured = stylesheet(css, agency)
    assert "--md-primary-fg-color: #1b5e20;" in coloured and "--md-accent-fg-color: #6a1b9a;" in coloured
    assert (
        "--md-primary-fg-color--dark: #144618;" in coloured
        and "--md-accent-fg-color--transparent: #6a1b9a1a;" in coloured
    )
    assert "#8e1b1b" not in coloured and "#0b5cad" not in coloured
    assert coloured.replace("#1b5e20", "").count("--md-primary-fg-color:") == 1
    assert 'fill="#1b5e20"' in favicon(svg, agency)


def test_the_menu_names_only_pages_the_site_has() -> None:
    nav = [
        {"Trang chủ": "index.md"},
        {"Chất lượng": [{"Chính sách": "chat-luong/chinh-sach.md"}, {"Mục tiêu": "chat-luong/muc-tieu.md"}]},
        {"Hướng dẫn": [{"Soạn thảo": "huong-dan/index.md"}]},
        {"Cổng": "https://dichvucong.gov.vn/"},
    ]
    have = {"index.md", "huong-dan/index.md", "chat-luong/muc-tieu.md"}
    assert nav_with_pages(nav, have.__contains__) == [
        {"Trang chủ": "index.md"},
        {"Chất lượng": [{"Mục tiêu": "chat-luong/muc-tieu.md"}]},
        {"Hướng dẫn": [{"Soạn thảo": "huong-dan/index.md"}]},
        {"Cổng": "https://dichvucong.gov.vn/"},
    ]
    assert nav_with_pages(nav, {"index.md", "huong-dan/index.md"}.__contains__)[1] == {
        "Hướng dẫn": [{"Soạn thảo": "huong-dan/index.md"}]
    }


# --- the agency's pages -------------------------------------------------------------------------------------


def test_a_page_is_cut_at_its_top_level_headings_only() -> None:
    shape = layout(
        "# Chính sách *chất lượng*\n\nMở đầu.\n\n## Phương châm\n\n> ## Trích dẫn\n\n```\na\n\n\nb\n```\n\n"
        "## Phương châm\n\n### Nhỏ & gọn\n\n<b>x</b>\n"
    )
    assert shape.title is not None and shape.title.text == "Chính sách chất lượng"
    assert shape.title.id == "chinh-sach-chat-luong" and str(shape.title.html) == "Chính sách <em>chất lượng</em>"
    kinds = [(p.level, p.id) if hasattr(p, "level") else "html" for p in shape.parts]
    assert kinds == ["html", (2, "phuong-cham"), "html", (2, "phuong-cham-2"), (3, "nho-gon"), "html"]
    quoted = str(shape.parts[2])
    assert quoted.startswith("<blockquote>") and "<h2>Trích dẫn</h2>" in quoted and "a\n\n\nb" in quoted
    assert str(shape.parts[-1]) == "<p>&lt;b&gt;x&lt;/b&gt;</p>"
    assert layout("## Liên hệ\n", HOME_IDS).parts[0].id == "lien-he"  # type: ignore[union-attr]
    assert layout("## Contact\n", HOME_IDS).parts[0].id == "contact-2"  # type: ignore[union-attr]


def test_the_headings_text_is_put_into_the_table_of_contents() -> None:
    markdown = "# <!--procsite:3:0--> {: #a }\n\n<!--procsite:3:1-->\n\n## <!--procsite:3:2--> {: #b-2 }\n"
    blocks = {"<!--procsite:3:0-->": "T &amp; <em>U</em>", "<!--procsite:3:2-->": "&lt;x&gt;"}
    assert heading_titles(markdown, blocks) == {"a": "T &amp; U", "b-2": "&lt;x&gt;"}


def copy_sample(tmp_path: Path) -> Path:
    folder = tmp_path / "procedures"
    shutil.copytree(SAMPLE, folder)
    return folder


def test_the_samples_pages_are_read_from_its_folder() -> None:
    catalog = load_catalog(SAMPLE)
    assert sorted(catalog.pages) == ["chat-luong/chinh-sach.md", "chat-luong/muc-tieu.md", "index.md"]
    assert all(page.en is not None for page in catalog.pages.values())
    assert catalog.logo is not None and (catalog.logo.kind, catalog.logo.width) == ("png", 96)
    assert catalog.report.warnings_text("en") == ""


def test_a_page_edit_rebuilds_that_page_and_a_new_page_or_logo_everything(tmp_path: Path) -> None:
    folder = copy_sample(tmp_path)
    before = load_catalog(folder)
    policy = folder / "pages" / "vi" / "chat-luong" / "chinh-sach.md"
    policy.write_text(policy.read_text(encoding="utf-8").replace("Tận tụy", "Tận tâm"), encoding="utf-8")
    after = load_catalog(folder)
    assert touched_pages(before, after) == {"chat-luong/chinh-sach.md"}
    (folder / "pages" / "vi" / "gioi-thieu.md").write_text("# Giới thiệu\n", encoding="utf-8")
    added = load_catalog(folder)
    assert added.report.text("en") == "" and touched_pages(after, added) is None
    (folder / "logo.png").write_bytes(png(64, 64))
    assert touched_pages(added, load_catalog(folder)) is None


def test_an_untranslated_page_is_listed_and_shown_in_vietnamese(tmp_path: Path) -> None:
    folder = copy_sample(tmp_path)
    (folder / "pages" / "en" / "chat-luong" / "muc-tieu.md").unlink()
    catalog = load_catalog(folder)
    assert catalog.report.text("en") == ""
    assert (
        "Hand-written pages without translation: 1:\n"
        "  procedures/pages/en/chat-luong/muc-tieu.md: translation.missing: no page yet; the vi page is shown"
    ) in summary(catalog, "en")
    site = tmp_path / "site"
    assert build_site(folder, site) == 0
    page = (site / "en" / "chat-luong" / "muc-tieu" / "index.html").read_text(encoding="utf-8")
    # The objectives page is made from objectives.yml, in English: only the agency's text is Vietnamese.
    assert "This part is not yet translated into English." in page
    assert '<div class="ps-body ps-untranslated-block" lang="vi">' in page and "Objective 1." in page
    assert "<title>Mục tiêu chất lượng - Administrative procedures" in page
    assert '<h1 id="muc-tieu-chat-luong"><span lang="vi">Mục tiêu chất lượng</span><a class="headerlink"' in page


def test_the_pages_headings_are_in_their_table_of_contents_and_in_search(sample_site: Path) -> None:
    page = (sample_site / "chat-luong" / "muc-tieu" / "index.html").read_text(encoding="utf-8")
    toc = page.split('data-md-component="toc"', 1)[1].split("</nav>", 1)[0]
    # The agency's heading (pages/vi/chat-luong/muc-tieu.md), then those made from objectives.yml.
    for heading_id, text in (("cach-theo-doi", "Cách theo dõi"), ("results", "Kết quả năm 2025")):
        assert f'<a href="#{heading_id}" class="md-nav__link">' in toc and text in toc
        assert f'id="{heading_id}">{text}<a class="headerlink" href="#{heading_id}"' in page
    assert "<blockquote>" in page  # Markdown, from the bodies' converter
    index = json.loads((sample_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    record = next(doc for doc in index["docs"] if doc["u"] == "chat-luong/muc-tieu/")
    assert record["t"] == "Mục tiêu chất lượng" and "Cách theo dõi" in record["h"]
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert home.index("Thủ tục hành chính của UBND xã Hòa An") < home.index('class="ps-home-search"')
    assert '<a href="chat-luong/chinh-sach/">Chính sách chất lượng</a>' in home
    assert '<img src="assets/agency/logo.png" alt="logo">' in home
    assert (sample_site / "assets" / "agency" / "logo.png").read_bytes() == (SAMPLE / "logo.png").read_bytes()
    assert (sample_site / "en" / "assets" / "agency" / "logo.png").is_file()


def test_a_folder_without_pages_has_a_home_page_and_no_quality_menu(
    procedures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    site = tmp_path / "site"
    assert main(["build", "--procedures", str(procedures), "--site", str(site), "--lang", "en"]) == 0
    capsys.readouterr()
    for root, name, quality in (
        (site, "Thủ tục hành chính — UBND xã Thử Nghiệm", "Chất lượng"),
        (site / "en", "Administrative procedures — Thử Nghiệm Commune People&#39;s Committee", "Quality"),
    ):
        home = (root / "index.html").read_text(encoding="utf-8")
        assert f"<title>{name}</title>" in home
        assert f'">{name}<a class="headerlink"' in home  # its heading: the site's name
        assert f">{quality}<" not in home.split('<nav class="md-nav md-nav--primary"', 1)[1]
        assert not (root / "chat-luong").exists()
        assert 'rel="canonical"' not in home  # no site_url: no canonical address, no address in the sitemap
        assert "<loc>" not in (root / "sitemap.xml").read_text(encoding="utf-8")
    # Without a site address, the English 404 page still finds its assets and its home page.
    notfound = (site / "en" / "404.html").read_text(encoding="utf-8")
    assert 'href="/en/assets/procsite/procsite.css"' in notfound and 'href="/en/"' in notfound


def test_a_custom_identity_reaches_the_built_site(procedures: Path, tmp_path: Path) -> None:
    (procedures / "logo.webp").write_bytes(
        b"RIFF\0\0\0\0WEBPVP8X" + b"\0" * 8 + (95).to_bytes(3, "little") + (31).to_bytes(3, "little")
    )
    agency = procedures / "agency.yml"
    agency.write_text(
        agency.read_text(encoding="utf-8")
        + 'logo: logo.webp\nprimary_color: "#1B5E20"\nsite_url: https://thunghiem.example.gov.vn/\n'
        + "site_description: {vi: Mô tả & thử, en: A test description}\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    assert build_site(procedures, site) == 0
    page = (site / "en" / "thu-tuc" / "index.html").read_text(encoding="utf-8")
    assert '<img src="../assets/agency/logo.webp" alt="logo">' in page
    assert '<meta name="description" content="A test description">' in page
    assert '<link rel="canonical" href="https://thunghiem.example.gov.vn/en/thu-tuc/">' in page
    assert '<meta name="description" content="Mô tả &amp; thử">' in (site / "index.html").read_text(encoding="utf-8")
    css = (site / "assets" / "procsite" / "procsite.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #1b5e20;" in css and "#8e1b1b" not in css
    assert 'fill="#1b5e20"' in (site / "en" / "assets" / "procsite" / "favicon.svg").read_text(encoding="utf-8")


# --- the preview ----------------------------------------------------------------------------------------------


def test_the_preview_follows_the_agencys_pages_and_identity(preview: Preview) -> None:  # noqa: F811
    """A page of the agency saved shows at once; a new site name (agency.yml) builds everything again."""
    url, folder = preview.url, preview.procedures
    (folder / "pages" / "vi").mkdir(parents=True)
    page = folder / "pages" / "vi" / "index.md"
    save(page, "# Chào mừng\n\nTrang của xã.\n")
    wait_for(lambda: shows(url, "Trang của xã."), "the preview did not show a new home page text")
    save(page, "# Chào mừng\n\nTrang của xã, đã sửa.\n")
    wait_for(lambda: shows(url, "đã sửa"), "the preview did not show the home page's new text")
    assert shows(url + "en/", "Trang của xã, đã sửa.")  # not translated: the Vietnamese text, marked
    agency = folder / "agency.yml"
    save(agency, agency.read_text(encoding="utf-8") + "site_name: {vi: Trang thử Kỳ Lân, en: Kỳ Lân test}\n")
    wait_for(lambda: shows(url, "<title>Trang thử Kỳ Lân</title>"), "the preview did not take the new site name")
    assert "<title>Kỳ Lân test</title>" in get(url + "en/")


# --- in Chromium: a site name made of payloads is text ---------------------------------------------------------

PAYLOAD = (
    "&lt;script&gt;alert(1)&lt;/script&gt; {: onclick=alert(2) } *em* [x](https://xss.invalid/) "
    "![p](https://xss.invalid/p.png) \" onmouseover=\"alert(3) ' autofocus onfocus='alert(4) &amp; <3"
)
"""What the checker accepts as a text and a parser would make markup of; a text with a tag is refused (above)."""


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new agency whose name, parent and description are the payload, built in both languages."""
    from procsite.scaffold import write_agency

    folder = tmp_path_factory.mktemp("payload") / "procedures"
    write_agency(folder)
    agency = folder / "agency.yml"
    text = agency.read_text(encoding="utf-8")
    both = json.dumps({"vi": PAYLOAD, "en": PAYLOAD}, ensure_ascii=False)
    text = text.replace("name:\n  vi: Ủy ban nhân dân xã (tên xã)\n  en: (Name) Commune People's Committee\n", "")
    agency.write_text(f"name: {both}\nsite_description: {both}\n{text}", encoding="utf-8")
    assert load_catalog(folder).report.text("en") == ""
    site = folder.parent / "site"
    assert build_site(folder, site) == 0
    return site


HEADER_JS = """() => ({
  site: document.querySelector('.md-header__topic .md-ellipsis').textContent.trim(),
  label: document.querySelector('.md-header .md-logo').getAttribute('aria-label'),
  tooltip: document.querySelector('.md-header .md-logo').getAttribute('title'),
  description: (document.querySelector('meta[name="description"]') || {}).content,
  footer: document.querySelector('.md-copyright__highlight').textContent.trim(),
  h1: (document.querySelector('.md-content h1') || {textContent: ''}).textContent.replace('¶', '').trim(),
  injected: document.querySelectorAll('[onclick], [onmouseover], [onfocus], [autofocus], img[alt="p"], '
    + ':is(.md-header, .md-footer, .md-content h1, .ps-kiosk-intro) :is(em, a[href*="xss.invalid"])').length,
})"""


@pytest.mark.browser
def test_a_site_name_of_payloads_is_text_in_the_title_and_the_header(payload_site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from tests.browser import serve

    found: list[str] = []
    site_names = {"": f"Thủ tục hành chính — {PAYLOAD}", "en/": f"Administrative procedures — {PAYLOAD}"}
    with serve(payload_site) as base_url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.on("dialog", lambda dialog: (found.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: found.append(str(error)))
        page.on("request", lambda r: None if r.url.startswith((base_url, "data:")) else found.append(r.url))
        page.set_default_timeout(5000)
        for root, site_name in site_names.items():
            for url, title in (
                ("", site_name),
                ("thu-tuc/", None),
                ("chat-luong/chinh-sach/", None),
                ("kiosk/", None),
                ("no-such-page/", site_name),
            ):
                page.goto(base_url + root + url if url != "no-such-page/" else base_url + root + "404.html")
                shown = page.evaluate(HEADER_JS)
                assert page.title() == title or page.title().endswith(f" - {site_name}"), url
                assert shown["site"] == site_name and shown["label"] == site_name and shown["tooltip"] == site_name
                assert shown["footer"] == f"{PAYLOAD} · " + ("Tỉnh (tên tỉnh)" if not root else "(Name) Province")
                assert shown["description"] == PAYLOAD or url == "", url
                assert shown["injected"] == 0, url
                if url == "":
                    assert shown["h1"] == site_name and shown["description"] == PAYLOAD
            page.goto(base_url + root + "kiosk/")
            assert page.locator(".ps-kiosk-intro").inner_text().startswith(PAYLOAD + ". ")
        context.close()
    assert found == []

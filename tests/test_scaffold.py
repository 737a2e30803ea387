"""``procsite new FOLDER``: a new agency's folder that checks and builds at once, with nothing of the sample.

The scaffold is given a distinctive agency (its placeholders replaced, as staff do) and built in both
languages; the site must carry that agency's name, address and description everywhere, and no file of
it may name the sample agency.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from procsite.scaffold import TEMPLATE, template_files
from procsite.source.loader import load_catalog
from tests.conftest import ROOT, build_site

NAME = {"vi": "Ủy ban nhân dân phường Kỳ Lân", "en": "Kỳ Lân Ward People's Committee"}
PROVINCE = {"vi": "Tỉnh Bạch Mã", "en": "Bạch Mã Province"}
SITE_URL = "https://kylan.example.gov.vn/"
SITE_NAME = {"vi": f"Thủ tục hành chính — {NAME['vi']}", "en": f"Administrative procedures — {NAME['en']}"}
"""The site's name made from the agency's (``pages/identity.py``): the scaffold writes no ``site_name``."""
DESCRIPTION = {
    "vi": f"Các thủ tục hành chính của {NAME['vi']}: trình tự, thời hạn, giấy tờ, phí, lệ phí và căn cứ pháp lý, "
    "công khai cho người dân.",
    "en": f"The administrative procedures of {NAME['en']}: steps, processing times, documents, fees and legal "
    "basis, public for citizens.",
}
SAMPLE = ("hòa an", "hoa an", "hoaan", "đồng tháp", "dong thap", "dongthap")
"""What names the sample agency, compared with each file's text in lower case and NFC."""
ROOTS = {"vi": "", "en": "en/"}


def run_new(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ}
    env.pop("PROCSITE_LANG", None)
    return subprocess.run(
        [sys.executable, "-m", "procsite", "new", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def test_the_template_is_a_folder_that_checks_with_nothing_to_translate_and_no_warning() -> None:
    catalog = load_catalog(TEMPLATE)
    assert catalog.report.text("en") == ""
    assert catalog.report.warnings_text("en") == ""
    assert catalog.untranslated == []
    assert sorted(catalog.pages) == ["chat-luong/chinh-sach.md", "chat-luong/muc-tieu.md", "index.md"]
    assert all(page.en is not None for page in catalog.pages.values())
    assert [p.code for p in catalog.procedures] == ["1.001193"]
    for rel in template_files():
        text = (TEMPLATE / rel).read_bytes().decode("utf-8", "ignore").lower()
        assert not any(word in unicodedata.normalize("NFC", text) for word in SAMPLE), rel


def test_the_placeholders_are_obvious_and_checked() -> None:
    agency = (TEMPLATE / "agency.yml").read_text(encoding="utf-8")
    assert "vi: Ủy ban nhân dân xã (tên xã)" in agency and "en: (Name) Commune People's Committee" in agency
    assert "site_url: https://thutuc.example.gov.vn/" in agency
    assert "(tên xã)" in (TEMPLATE / "pages" / "vi" / "chat-luong" / "chinh-sach.md").read_text(encoding="utf-8")


def test_its_form_is_a_real_pdf() -> None:
    """A PDF reader finds every object where the cross-reference table says it is."""
    data = (TEMPLATE / "forms" / "to-khai-dang-ky-khai-sinh.pdf").read_bytes()
    assert data.startswith(b"%PDF-1.4\n") and data.rstrip().endswith(b"%%EOF")
    start = int(re.search(rb"startxref\n(\d+)\n", data).group(1))  # type: ignore[union-attr]
    assert data[start:].startswith(b"xref\n0 6\n")
    offsets = [int(entry) for entry in re.findall(rb"(\d{10}) 00000 n ", data[start:])]
    assert len(offsets) == 5
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(f"{number} 0 obj\n".encode()), number
    stream = re.search(rb"<< /Length (\d+) >>\nstream\n", data)
    assert stream is not None
    length, begin = int(stream.group(1)), stream.end()
    assert data[begin + length : begin + length + 10] == b"\nendstream"
    assert b"/Type /Page " in data and b"/Count 1" in data


def test_new_writes_the_folder_and_says_what_to_do_next(tmp_path: Path) -> None:
    result = run_new("xa-moi", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    count = len(template_files())
    assert result.stdout == (
        f"Đã tạo thư mục cơ quan mới xa-moi ({count} tệp). Việc tiếp theo: thay các chữ trong ngoặc đơn "
        '"(…)" của agency.yml (tên, địa chỉ, site_url) và của các trang trong pages/, rồi chạy: '
        "procsite check --procedures xa-moi\n"
    )
    written = sorted(p.relative_to(tmp_path / "xa-moi") for p in (tmp_path / "xa-moi").rglob("*") if p.is_file())
    assert written == template_files()
    assert [p.name for p in tmp_path.iterdir()] == ["xa-moi"]  # nothing left beside it
    check = subprocess.run(
        [sys.executable, "-m", "procsite", "check", "--procedures", "xa-moi"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0, check.stderr
    assert "Cảnh báo: 0." in check.stdout


def test_new_writes_into_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "trong").mkdir()
    assert run_new("trong", "--lang", "en", cwd=tmp_path).returncode == 0
    assert (tmp_path / "trong" / "agency.yml").is_file()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_new_refuses_a_folder_that_holds_anything_and_writes_nothing(tmp_path: Path, lang: str) -> None:
    folder = tmp_path / "xa-cu"
    folder.mkdir()
    (folder / "ghi-chu.txt").write_text("của cán bộ\n", encoding="utf-8")
    result = run_new("xa-cu", *(["--lang", "en"] if lang == "en" else []), cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert "Traceback" not in result.stderr
    assert (
        result.stderr
        == {
            "vi": "xa-cu: cần một thư mục mới hoặc trống, nhưng nhận được: một thư mục đã có 1 mục. "
            "procsite new không ghi đè lên tệp nào; chọn một thư mục khác, ví dụ xa-cu-2.\n",
            "en": "xa-cu: expected a new or empty folder, but received: a folder that already holds 1 item. "
            "procsite new overwrites no file; choose another folder, e.g. xa-cu-2.\n",
        }[lang]
    )
    assert [p.name for p in folder.iterdir()] == ["ghi-chu.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xa-cu"]


def test_new_refuses_a_file_and_a_missing_name(tmp_path: Path) -> None:
    (tmp_path / "agency.yml").write_text("name: x\n", encoding="utf-8")
    result = run_new("agency.yml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "agency.yml: cần một thư mục, nhưng nhận được: một tệp. Chọn một tên chưa dùng, ví dụ agency.yml-2.\n"
    )
    result = run_new("--lang", "en", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        result.stderr
        == "expected the new agency's folder, but received: nothing. For example: procsite new ../xa-moi\n"
    )


def test_new_says_why_it_cannot_write(tmp_path: Path) -> None:
    (tmp_path / "ghi-chu.txt").write_text("một tệp, không phải thư mục\n", encoding="utf-8")
    result = run_new("ghi-chu.txt/xa", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr == (
        "ghi-chu.txt/xa: cần tạo được thư mục và các tệp, nhưng nhận được: File exists. "
        "Kiểm tra quyền ghi vào thư mục cha, hoặc chọn một thư mục khác.\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ghi-chu.txt"]


def give_it_an_identity(folder: Path) -> None:
    """Replace the scaffold's placeholders as staff do: the agency's name, province and address."""
    replacements = {
        "(tên xã)": "Kỳ Lân",
        "xã Kỳ Lân": "phường Kỳ Lân",
        "(Name) Commune People's Committee": NAME["en"],
        "(tên tỉnh)": "Bạch Mã",
        "(Name) Province": PROVINCE["en"],
        "https://thutuc.example.gov.vn/": SITE_URL,
    }
    for path in [folder / "agency.yml", *sorted((folder / "pages").rglob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for old, new in replacements.items():
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    agency = (folder / "agency.yml").read_text(encoding="utf-8")
    assert f"vi: {NAME['vi']}" in agency and f"en: {NAME['en']}" in agency and f"vi: {PROVINCE['vi']}" in agency


@pytest.fixture(scope="module")
def agency_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new agency, given its identity, built in both languages."""
    from procsite.scaffold import write_agency

    folder = tmp_path_factory.mktemp("kylan") / "procedures"
    write_agency(folder)
    give_it_an_identity(folder)
    assert load_catalog(folder).report.text("en") == ""
    site = folder.parent / "site"
    assert build_site(folder, site) == 0
    return site


def html_pages(site: Path, lang: str) -> list[Path]:
    root = site / ROOTS[lang]
    pages = sorted(root.rglob("*.html"))
    return [p for p in pages if lang == "en" or not p.is_relative_to(site / "en")]


def plain(text: str) -> str:
    """An HTML text as a reader sees it: quotes written as themselves."""
    return text.replace("&#34;", '"').replace("&#39;", "'").replace("&quot;", '"')


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_has_the_agencys_name_address_and_description(agency_site: Path, lang: str) -> None:
    pages = html_pages(agency_site, lang)
    assert len(pages) > 15
    name, site_name = NAME[lang], SITE_NAME[lang]
    root_url = SITE_URL + ROOTS[lang]
    for path in pages:
        page = plain(path.read_text(encoding="utf-8"))
        title = re.search(r"<title>(.*?)</title>", page, re.S)
        assert title is not None and (title.group(1) == site_name or title.group(1).endswith(f" - {site_name}")), path
        assert f'title="{site_name}" class="md-header__button md-logo" aria-label="{site_name}"' in page, path
        topic = page.split('<div class="md-header__topic">', 1)[1].split("</span>", 1)[0]
        assert topic.split('<span class="md-ellipsis">', 1)[1].strip() == site_name, path
        footer = page.split('<div class="md-copyright__highlight">', 1)[1].split("</div>", 1)[0]
        assert footer.strip() == f"{name} · {PROVINCE[lang]}", path
        if path.name == "index.html":
            url = root_url + path.parent.relative_to(agency_site / ROOTS[lang]).as_posix() + "/"
            assert f'<link rel="canonical" href="{url.replace("/./", "/")}">' in page, path
    home = plain((agency_site / ROOTS[lang] / "index.html").read_text(encoding="utf-8"))
    assert f'<meta name="description" content="{DESCRIPTION[lang]}">' in home
    assert f'">{site_name}<a class="headerlink"' in home  # the home page's heading: the scaffold writes no title
    assert NAME[lang] in home.split('<article class="md-content__inner md-typeset">', 1)[1]
    kiosk = plain((agency_site / ROOTS[lang] / "kiosk" / "index.html").read_text(encoding="utf-8"))
    assert f'<p class="ps-kiosk-intro">{name}. ' in kiosk
    sitemap = (agency_site / ROOTS[lang] / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert len(locations) > 10 and root_url in locations
    assert all(loc.startswith(root_url) for loc in locations), locations
    assert root_url + "chat-luong/chinh-sach/" in locations and root_url + "thu-tuc/dang-ky-khai-sinh/" in locations


def test_no_built_file_names_the_sample_agency(agency_site: Path) -> None:
    files = [p for p in agency_site.rglob("*") if p.is_file()]
    assert len(files) > 50 and any(p.suffix == ".png" for p in files)
    found = []
    for path in files:
        text = unicodedata.normalize("NFC", path.read_bytes().decode("utf-8", "ignore")).lower()
        found += [f"{path.relative_to(agency_site)}: {word}" for word in SAMPLE if word in text]
    assert found == []


def test_the_guide_is_published_on_the_new_agencys_site_and_shows_its_example(agency_site: Path) -> None:
    guide = (agency_site / "huong-dan" / "index.html").read_text(encoding="utf-8")
    assert "procsite new" in guide and "Bắt đầu cho một cơ quan mới" in guide
    assert "the provincial council sets this fee" in guide


def test_the_sample_is_what_it_was(sample_site: Path) -> None:
    """The sample agency keeps its identity: its name, address and description, set in its agency.yml."""
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert "<title>Thủ tục hành chính — UBND xã Hòa An</title>" in home
    assert '<link rel="canonical" href="https://hoaan.dongthap.gov.vn/">' in home
    assert "Quy trình ISO 9001 các thủ tục hành chính của Ủy ban nhân dân xã Hòa An" in home
    assert "Thủ tục hành chính của UBND xã Hòa An" in home  # its home page's own title
    english = (sample_site / "en" / "chat-luong" / "chinh-sach" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://hoaan.dongthap.gov.vn/en/chat-luong/chinh-sach/">' in english
    assert (
        "<title>Quality policy - Administrative procedures — Hòa An Commune People&#39;s Committee</title>" in english
    )


def test_the_scaffold_is_package_data() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"procsite.scaffold" = ["template/**/*"]' in pyproject


def test_the_new_folder_is_the_template_byte_for_byte(new_agency: Path) -> None:
    written = sorted(p.relative_to(new_agency) for p in new_agency.rglob("*") if p.is_file())
    assert written == template_files()
    assert all((new_agency / rel).read_bytes() == (TEMPLATE / rel).read_bytes() for rel in written)
    catalog = load_catalog(new_agency)
    assert catalog.report.text("vi") == "" and catalog.agency is not None
    assert catalog.agency.name.vi == "Ủy ban nhân dân xã (tên xã)"

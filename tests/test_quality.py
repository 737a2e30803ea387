"""The quality system in public, from data: objectives met or not (computed), their charts, the document
register (page and CSV) and the system's page, in both languages, from ``objectives.yml``,
``documents.yml`` and ``system.yml``."""

from __future__ import annotations

import csv
import html.parser
import io
import re
import shutil
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from procsite.messages import CATALOGUES
from procsite.model.procedure import Text
from procsite.model.quality import OBJECTIVES_PAGE, REGISTER_PAGE, SYSTEM_PAGE, Objective, YearFigures, met
from procsite.pages.chart import objective_chart
from procsite.pages.quality_strings import format_figure, format_number, format_target
from procsite.pages.register import COLUMNS
from procsite.site.build import prepare
from procsite.source import quality as spec
from procsite.source.loader import load_catalog
from tests.conftest import SAMPLE
from tests.test_guide import GUIDES, apply_case

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "cases" / "valid" / "quality-registers"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("comparison", "target", "achieved", "expected"),
    [
        ("at_least", "100", "100", True),  # the boundary meets it
        ("at_least", "100", "99.9", False),
        ("at_least", "90", "94.1", True),
        ("at_least", "99.6", "99.60", True),
        ("at_most", "0", "0", True),  # the boundary meets it
        ("at_most", "0", "1", False),
        ("at_most", "5", "4.99", True),
        ("exactly", "100", "100.0", True),
        ("exactly", "100", "99.99", False),
        ("exactly", "100", "100.01", False),
    ],
)
def test_met_or_not_is_computed_for_each_comparison(
    comparison: str, target: str, achieved: str, expected: bool
) -> None:
    assert met(comparison, Decimal(target), Decimal(achieved)) is expected
    objective = _objective(comparison, [YearFigures(2025, Decimal(target), Decimal(achieved))])
    assert objective.met(objective.years[0]) is expected


def test_a_year_without_a_result_is_neither_met_nor_not_met() -> None:
    objective = _objective("at_least", [YearFigures(2026, Decimal(100))])
    assert objective.met(objective.years[0]) is None


def _objective(comparison: str, years: list[YearFigures], unit: str = "percent") -> Objective:
    return Objective(Text("Đúng hạn", "On time"), Text("Cách tính"), Text("Nguồn"), comparison, unit, years)


def test_figures_are_read_exactly_with_a_comma_or_a_point(procedures: Path) -> None:
    apply_case(VALID, procedures)
    catalog = load_catalog(procedures)
    assert catalog.report.text() == ""
    on_time = catalog.objectives["dung-han"]
    assert [(f.year, f.target, f.achieved) for f in on_time.years] == [
        (2025, Decimal(100), Decimal("99.6")),
        (2026, Decimal(100), None),
    ]
    assert [on_time.met(f) for f in on_time.years] == [False, None]
    returned = catalog.objectives["tra-lai-khong-ly-do"]
    assert returned.met(returned.years[0]) is True  # at most 0, and 0: met


@pytest.mark.parametrize(
    ("value", "unit", "lang", "shown"),
    [
        ("99.6", "percent", "vi", "99,6%"),
        ("99.6", "percent", "en", "99.6%"),
        ("68.0", "percent", "vi", "68,0%"),  # the decimals as written
        ("12750", "count", "vi", "12.750 hồ sơ"),
        ("12750", "count", "en", "12,750 dossiers"),
        ("1", "working_days", "en", "1 working day"),
        ("3", "days", "vi", "3 ngày"),
    ],
)
def test_a_figure_is_written_the_languages_way(value: str, unit: str, lang: str, shown: str) -> None:
    counted = {"vi": "hồ sơ", "en": "dossiers"}[lang] if unit == "count" else ""
    assert format_figure(Decimal(value), unit, lang, counted) == shown


def test_a_target_says_its_comparison() -> None:
    assert format_target("at_least", Decimal(90), "percent", "vi") == "Từ 90% trở lên"
    assert format_target("at_least", Decimal(100), "percent", "en") == "100%"  # a share is at most all of it
    assert format_target("at_most", Decimal(0), "count", "en", "dossiers") == "At most 0 dossiers"
    assert format_target("exactly", Decimal("2.5"), "hours", "vi") == "Đúng 2,5 giờ"
    assert format_number(Decimal("12.750"), "vi") == "12,750"


def _chart(lang: str = "vi") -> ET.Element:
    objective = _objective(
        "at_least",
        [
            YearFigures(2024, Decimal(100), Decimal("99.6")),
            YearFigures(2025, Decimal(90), Decimal("94.1")),
            YearFigures(2026, Decimal(95)),
        ],
    )
    return ET.fromstring(str(objective_chart(objective, "ps-chart-dung-han", lang)))


def test_the_chart_is_well_formed_svg_with_its_figures_written_and_no_script() -> None:
    svg = _chart()
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img"
    texts = [element.text for element in svg.iter(f"{SVG}text")]
    for shown in ("99,6%", "94,1%", "2024", "2025", "2026", "chỉ tiêu 100%", "chỉ tiêu 95%", "Chưa đạt", "Đạt"):
        assert shown in texts, shown
    assert "Chưa có kết quả" in texts  # 2026: a target, no result
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert desc.text == (
        "2024: kết quả 99,6%, chỉ tiêu 100%, chưa đạt. 2025: kết quả 94,1%, chỉ tiêu 90%, đạt. "
        "2026: chỉ tiêu 95%, chưa có kết quả."
    )
    for element in svg.iter():
        assert element.tag.removeprefix(SVG) not in ("script", "foreignObject", "image", "a", "style")
        assert not [name for name in element.attrib if name.startswith("on") or name in ("style", "href")]
        assert not [value for value in element.attrib.values() if "url(" in value and "url(#" not in value]


def test_the_chart_reads_without_colour() -> None:
    """A year not met is hatched (a pattern), a year met is solid; both are said in words under the bar."""
    svg = _chart("en")
    bars = [rect for rect in svg.iter(f"{SVG}rect") if rect.get("width") == "52"]
    assert [bar.get("fill") for bar in bars] == ["url(#ps-chart-dung-han-hatch)", "#4d4d4d"]
    assert svg.find(f".//{SVG}pattern[@id='ps-chart-dung-han-hatch']") is not None
    texts = [element.text for element in svg.iter(f"{SVG}text")]
    assert texts.count("Not met") == 2 and texts.count("Met") == 2  # the legend's and the year's
    assert "No result yet" in texts


class _Tables(html.parser.HTMLParser):
    """The cells of each table of a page with one of ``classes``, row by row, as text."""

    def __init__(self, classes: set[str]) -> None:
        super().__init__()
        self.classes, self.tables, self.depth = classes, [], 0
        self.cell: list[str] | None = None
        self.tables: list[list[list[str]]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = set((dict(attrs).get("class") or "").split())
        if tag == "table" and found & self.classes:
            self.tables.append([])
            self.depth = 1
        elif tag == "table" and self.depth:
            self.depth += 1
        elif self.depth and tag == "tr":
            self.tables[-1].append([])
        elif self.depth and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.depth:
            self.depth -= 1
        elif self.depth and tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _tables(page: Path, *classes: str) -> list[list[list[str]]]:
    parser = _Tables(set(classes))
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.tables


def _numbers(text: str, lang: str) -> list[str]:
    """The numbers of a cell, with a point before decimals whatever the language."""
    found = re.findall(r"\d+(?:[.,]\d+)*", text)
    return [n.replace(".", "").replace(",", ".") if lang == "vi" else n.replace(",", "") for n in found]


def test_the_objectives_page_shows_the_same_figures_in_both_languages(sample_site: Path) -> None:
    shown = {}
    for lang, root in (("vi", sample_site), ("en", sample_site / "en")):
        page = root / "chat-luong" / "muc-tieu" / "index.html"
        tables = _tables(page, "ps-objective-years", "ps-objectives")
        shown[lang] = [[[_numbers(cell, lang) for cell in row[:3]] for row in table[1:]] for table in tables]
        html_text = page.read_text(encoding="utf-8")
        assert html_text.count('data-result="not-met"') == 3 + 2  # objectives 1 (twice), 8; and the summary's
        article = html_text.split("<article", 1)[1].split("</article>", 1)[0]
        assert article.count('<figure class="ps-chart ps-print">') == article.count('role="img" aria-labelledby') == 8
        assert "<script" not in article
    assert shown["vi"] == shown["en"]
    assert len(shown["vi"]) == 1 + 8  # the summary, then each objective's table
    first = shown["vi"][1]  # objective 1, as objectives.yml writes it
    assert first == [[["2024"], ["100"], ["99.6"]], [["2025"], ["100"], ["99.8"]], [["2026"], ["100"], []]]


def test_the_objectives_page_says_met_or_not_in_words(sample_site: Path) -> None:
    vi = _tables(sample_site / "chat-luong" / "muc-tieu" / "index.html", "ps-objective-years")
    en = _tables(sample_site / "en" / "chat-luong" / "muc-tieu" / "index.html", "ps-objective-years")
    assert [row[3] for row in vi[0][1:]] == ["Chưa đạt", "Chưa đạt", "Chưa có kết quả"]
    assert [row[3] for row in en[0][1:]] == ["Not met", "Not met", "No result yet"]
    assert [row[1] for row in en[3][1:]] == ["At most 0 dossiers"] * 3  # objective 4, a count
    summary = (sample_site / "en" / "chat-luong" / "muc-tieu" / "index.html").read_text(encoding="utf-8")
    assert "Results for 2025" in summary and "6 of 8 objectives met." in summary


def test_no_figure_is_typed_in_the_samples_objectives_page() -> None:
    for lang in ("vi", "en"):
        text = (SAMPLE / "pages" / lang / "chat-luong" / "muc-tieu.md").read_text(encoding="utf-8")
        assert "%" not in text and "|" not in text  # no table of figures, no share typed by hand


def test_the_register_lists_every_procedures_process(sample_site: Path) -> None:
    catalog = load_catalog(SAMPLE)
    for lang, root, prepared in (("vi", sample_site, "Đang xây dựng"), ("en", sample_site / "en", "Being prepared")):
        page = (root / "chat-luong" / "tai-lieu" / "index.html").read_text(encoding="utf-8")
        for p in catalog.procedures:
            row = page.split(f'<tr id="quy-trinh-{p.slug}"', 1)[1].split("</tr>", 1)[0]
            assert p.iso is not None and f"<td>{p.iso.code}</td>" in row, (lang, p.slug)
            assert f'href="../../thu-tuc/{p.slug}/#document-control"' in row
            assert prepared not in row  # every process of the sample is issued
        for anchor in ("quyet-dinh-cong-bo", "tai-lieu-chinh-sach", "tai-lieu-muc-tieu"):
            assert f'<tr id="{anchor}"' in page
        assert "data-ps-sortable" in page and 'data-sort="number"' in page  # the catalogue's script sorts it


def test_a_process_still_to_complete_is_being_prepared_in_the_register(procedures: Path) -> None:
    apply_case(ROOT / "tests" / "cases" / "valid" / "to-complete", procedures)
    apply_case(VALID, procedures)
    for lang, prepared in (("vi", "Đang xây dựng"), ("en", "Being prepared")):
        build = prepare(procedures, lang)
        page = "\n".join(build.blocks[REGISTER_PAGE].values())
        row = page.split('<tr id="quy-trinh-khai-sinh"', 1)[1].split("</tr>", 1)[0]
        assert f"<td>{prepared}</td>" in row and "<td>—</td>" in row


def test_each_procedure_page_links_to_its_row_of_the_register(sample_site: Path) -> None:
    for root, words in ((sample_site, "Quy trình này trong danh mục tài liệu"), (sample_site / "en", "This process")):
        page = (root / "thu-tuc" / "dang-ky-khai-sinh" / "index.html").read_text(encoding="utf-8")
        section = page.split('id="document-control"', 1)[1]
        assert f'<a href="../../chat-luong/tai-lieu/#quy-trinh-dang-ky-khai-sinh">{words}' in section


def test_the_register_csv_opens_with_a_bom_and_its_documented_columns(sample_site: Path) -> None:
    data = (sample_site / "du-lieu" / "tai-lieu.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert not (sample_site / "en" / "du-lieu" / "tai-lieu.csv").exists()  # both languages, once
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == [name for name, _, _ in COLUMNS]
    catalog = load_catalog(SAMPLE)
    processes = {row["procedure_code"]: row for row in rows if row["kind"] == "process"}
    assert set(processes) == {p.code for p in catalog.procedures}
    birth = processes["1.001193"]
    assert (birth["number"], birth["issue"], birth["effective"], birth["status"]) == (
        "QT-HT-01",
        "2",
        "2025-07-01",
        "in_force",
    )
    assert birth["url"] == "thu-tuc/dang-ky-khai-sinh/#document-control" and birth["last_change_date"] == "2025-07-01"
    assert [row["number"] for row in rows if row["kind"] == "announcement"] == ["125/QĐ-UBND"]
    assert len(rows) == 1 + len(catalog.documents) + len(catalog.procedures)
    for lang, guide in GUIDES.items():  # the guide documents every column
        text = guide.read_text(encoding="utf-8")
        assert all(f"`{name}`" in text for name, _, _ in COLUMNS), lang


def test_the_system_page_shows_the_decision_and_the_secretary(sample_site: Path) -> None:
    for root, words in (
        (sample_site, ("Quyết định công bố", "Thư ký ISO")),
        (sample_site / "en", ("Announcement", "ISO secretary")),
    ):
        page = (root / "chat-luong" / "he-thong" / "index.html").read_text(encoding="utf-8")
        decision = page.split('id="announcement"', 1)[1].split('id="scope"', 1)[0]
        assert "125/QĐ-UBND" in decision and words[0] in page
        assert "Nguyễn Văn A" in decision and 'href="../../don-vi/chu-tich/"' in decision
        secretary = page.split('id="secretary"', 1)[1]
        assert f'<a href="../../don-vi/thu-ky-iso/">{words[1]}</a>' in secretary
        assert 'href="mailto:iso.hoaan@dongthap.gov.vn"' in secretary
        assert "TCVN ISO 9001:2015" in page and "101/QĐ-BKHCN" in page and "19/2014/QĐ-TTg" in page


def test_the_footer_links_to_the_system_page(sample_site: Path) -> None:
    for root, link in (
        (sample_site, '<a href="/chat-luong/he-thong/">Hệ thống quản lý chất lượng</a>'),
        (sample_site / "en", '<a href="/en/chat-luong/he-thong/">Quality management system</a>'),
    ):
        for page in ("index.html", "thu-tuc/dang-ky-khai-sinh/index.html"):
            footer = (root / page).read_text(encoding="utf-8").split('class="md-copyright__highlight">', 1)[1]
            assert link in footer.split("</div>", 1)[0]


def test_the_home_page_can_link_to_the_system_page(procedures: Path) -> None:
    """``system_link`` is what the home page shows (once ``render.py`` passes it to ``home.md.j2``)."""
    from procsite.pages.quality import system_link

    assert system_link(load_catalog(procedures), "index.md", "vi") is None
    apply_case(VALID, procedures)
    link = system_link(load_catalog(procedures), "index.md", "en")
    assert link == {"link": "chat-luong/he-thong/", "label": "Quality management system"}


def test_the_quality_pages_are_in_the_menu_in_both_languages(sample_site: Path) -> None:
    for root, names in (
        (sample_site, ("Mục tiêu chất lượng", "Danh mục tài liệu", "Hệ thống quản lý chất lượng")),
        (sample_site / "en", ("Quality objectives", "Document register", "Quality management system")),
    ):
        nav = (root / "index.html").read_text(encoding="utf-8").split('<nav class="md-nav md-nav--primary"', 1)[1]
        for path, name in zip(("muc-tieu", "tai-lieu", "he-thong"), names, strict=True):
            assert re.search(rf'href="chat-luong/{path}/"[^>]*>\s*<span class="md-ellipsis">\s*{name}', nav), name


def test_a_folder_without_a_quality_system_has_no_quality_page(procedures: Path) -> None:
    """The minimal fixture: no quality register, no policy or objectives page; no register, no link to it."""
    for lang in ("vi", "en"):
        build = prepare(procedures, lang)
        assert not [path for path in build.pages if path.startswith("chat-luong/")]
        assert "du-lieu/tai-lieu.csv" not in build.data and "<a" not in str(build.identity.footer)
        assert "tai-lieu" not in "\n".join(build.blocks["thu-tuc/khai-sinh.md"].values())


def test_a_policy_page_alone_brings_the_register(procedures: Path) -> None:
    page = procedures / "pages" / "vi" / "chat-luong" / "chinh-sach.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Chính sách chất lượng\n\nCông khai, minh bạch.\n", encoding="utf-8")
    build = prepare(procedures, "vi")
    assert REGISTER_PAGE in build.pages and OBJECTIVES_PAGE not in build.pages and SYSTEM_PAGE not in build.pages
    rows = "\n".join(build.blocks[REGISTER_PAGE].values())
    assert 'id="trang-policy"' in rows and '<tr id="quy-trinh-khai-sinh"><td>QT-HT-01</td>' in rows
    assert build.data["du-lieu/tai-lieu.csv"].startswith("\ufeffkind,number,")
    assert "../../chat-luong/tai-lieu/#quy-trinh-khai-sinh" in "\n".join(build.blocks["thu-tuc/khai-sinh.md"].values())


BROKEN = {
    "objectives.yml": """tra-lai:
  name: {vi: Hồ sơ bị trả lại, en: Dossiers returned}
  measure: {vi: Đếm, en: Count}
  source: {vi: Sổ theo dõi, en: The log}
  comparison: at_most
  unit: count
  years:
    - year: 2025
      target: 0
      achieved: 12.750
hai-long:
  name: {vi: Hài lòng, en: Satisfaction}
  measure: {vi: Tỷ lệ, en: Share}
  source: {vi: Phiếu, en: Forms}
  comparison: at_least
  unit: percent
  counted: {vi: lượt, en: ratings}
  years:
    - year: 2025
      target: 90
""",
    "documents.yml": """so-tay:
  title: {vi: Sổ tay, en: Manual}
  kind: manual
  number: QT-HT-01
  issue: 1
  effective: 2025-08-15
  revisions:
    - issue: 2
      date: 2025-08-15
      change: {vi: Sửa, en: Revised}
  form: to-khai-moi
""",
    "system.yml": """standard: TCVN ISO 9001:2015
announcement:
  number: 125/QĐ-UBND
  date: 2025-08-15
  signed_by: chu-tich
  procedures: ["1.001193", "1.000894"]
secretary: ho-tich
feedback:
  how: {vi: Góp ý, en: Feedback}
""",
}


def test_the_quality_registers_checks_across_files_say_where_and_how_to_fix(procedures: Path) -> None:
    for name, text in BROKEN.items():
        (procedures / name).write_text(text, encoding="utf-8")
    assert load_catalog(procedures).report.text("en").splitlines() == [
        'procedures/documents.yml:4: number (so-tay.number): expected a number not yet used, but received: "QT-HT-01", '
        "already used in procedures/ho-tich/khai-sinh.md. Each document of the system (processes, the announcing "
        "decision, other documents) needs a number of its own.",
        "procedures/documents.yml:5: issue (so-tay.issue): expected the issue number of the latest revision (2), but "
        "received: 1. Update issue or add the revision to revisions.",
        'procedures/documents.yml:11: form (so-tay.form): expected an id of forms.yml, but received: "to-khai-moi". '
        'Did you mean "to-khai" (Tờ khai đăng ký khai sinh)? Or add "to-khai-moi" to forms.yml, with its name.',
        "procedures/objectives.yml:10: year item 1, achieved (tra-lai.years[0].achieved): expected a whole number "
        '(unit: count), but received: "12.750". Write a count without a thousands separator, e.g. 12750.',
        "procedures/objectives.yml:17: counted (hai-long.counted): expected unit: count with counted, but received: "
        "unit: percent. counted says what is counted (e.g. dossiers): delete counted, or write unit: count.",
        "procedures/system.yml:6: announcing decision, procedure 2 (announcement.procedures[1]): expected the code of "
        'a published procedure, but received: "1.000894". Did you mean "1.001193"?',
    ]


def test_every_key_of_the_quality_registers_is_described_in_both_languages() -> None:
    for obj in spec.OBJECTS:
        for key, declared in obj.keys.items():
            for lang in CATALOGUES:
                assert obj.doc(key).render(lang), (obj.name, key)
                assert declared.spec.what.render(lang), (obj.name, key)


def test_a_text_of_the_quality_registers_is_never_markup(procedures: Path) -> None:
    apply_case(VALID, procedures)
    objectives = procedures / "objectives.yml"
    text = objectives.read_text(encoding="utf-8").replace("Sổ theo dõi hồ sơ.", "<img src=x onerror=alert(1)>")
    objectives.write_text(text, encoding="utf-8")
    assert load_catalog(procedures).report.text("en") == (
        "procedures/objectives.yml:21: source of the figures, Vietnamese (tra-lai-khong-ly-do.source.vi): expected "
        'plain text, but received: HTML markup "<img src=x onerror=alert(1)>". Texts are shown exactly as written, '
        "never as HTML: remove the markup."
    )


def test_the_sample_builds_its_quality_pages(sample_site: Path) -> None:
    """``sample_site`` is built with ``--strict``: the pages below exist, so they built without a warning."""
    for root in (sample_site, sample_site / "en"):
        for path in ("muc-tieu", "tai-lieu", "he-thong"):
            assert (root / "chat-luong" / path / "index.html").is_file()


def test_the_sample_folder_copied_keeps_working_without_the_quality_registers(tmp_path: Path) -> None:
    folder = tmp_path / "procedures"
    shutil.copytree(SAMPLE, folder)
    for name in ("objectives.yml", "documents.yml", "system.yml"):
        (folder / name).unlink()
    catalog = load_catalog(folder)
    assert catalog.report.text() == ""
    build = prepare(folder, "vi")
    assert OBJECTIVES_PAGE in build.pages  # the agency's own page, as before
    assert SYSTEM_PAGE not in build.pages
    rows = "\n".join(build.blocks[REGISTER_PAGE].values())
    assert 'id="trang-policy"' in rows and 'id="trang-objectives"' in rows  # the pages, without their codes


QUALITY_PAGES = ["chat-luong/muc-tieu/", "chat-luong/tai-lieu/", "chat-luong/he-thong/"]


@pytest.mark.browser
@pytest.mark.parametrize("screen", ["desktop", "phone"])
@pytest.mark.parametrize("path", QUALITY_PAGES)
@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_quality_pages_meet_wcag_21_aa(browser: Browser, base_url: str, lang: str, path: str, screen: str) -> None:
    from tests.test_accessibility import assert_accessible, new_context

    context = new_context(browser, screen)
    try:
        page = context.new_page()
        response = page.goto(base_url + lang + path)
        assert response is not None and response.ok
        assert_accessible(page)
        page.emulate_media(media="print")  # the charts and tables, as printed (only .ps-print blocks print)
        assert page.locator("svg[role=img]").count() == (8 if "muc-tieu" in path else 0)
        assert page.locator(".md-typeset > .ps-table-wrap.ps-print").first.is_visible()
        if "muc-tieu" in path:
            assert page.locator("figure.ps-chart svg").first.is_visible()
        assert_accessible(page)
    finally:
        context.close()


@pytest.mark.browser
def test_the_register_sorts_in_the_browser(browser: Browser, base_url: str) -> None:
    """Without JavaScript the rows are in the register's order; the column buttons sort them."""
    page = browser.new_page()
    try:
        page.goto(base_url + "chat-luong/tai-lieu/")
        first = page.locator("table[data-ps-sortable] tbody tr").first
        assert first.get_attribute("id") == "quyet-dinh-cong-bo"
        page.get_by_role("button", name="Ngày hiệu lực").click()  # oldest first
        assert first.get_attribute("id") == "quy-trinh-dang-ky-ho-kinh-doanh-qua-cap-huyen"
        page.get_by_role("button", name="Số hiệu").click()
        assert first.locator("td").first.inner_text() == "125/QĐ-UBND"
    finally:
        page.close()

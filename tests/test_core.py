"""Unit tests of the core: reading, formatting, fallbacks and rendering, with exact messages."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from procsite import paths
from procsite.model.procedure import Duration, Fee, ProcessingTime, Text
from procsite.pages.i18n import format_date, format_duration, format_fee_range, format_money, format_processing_time
from procsite.pages.render import PageRenderer
from procsite.source.loader import load_catalog

KHAI_SINH = Path("ho-tich") / "khai-sinh.md"


def edit(procedures: Path, old: str, new: str, rel: Path = KHAI_SINH) -> None:
    path = procedures / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_dates_money_and_durations_are_formatted_per_language() -> None:
    day = dt.date(2026, 11, 21)
    assert format_date(day, "vi") == "21 tháng 11, 2026"
    assert format_date(day, "en") == "21 November 2026"
    assert format_money(50000, "vi") == "50.000\xa0₫"
    assert format_money(50000, "en") == "VND 50,000"
    assert format_money(0, "vi") == "Miễn phí"
    assert format_duration(Duration(3, "working_days"), "vi") == "3 ngày làm việc"
    assert format_duration(Duration(3, "working_days"), "en") == "3 working days"
    assert format_duration(Duration(1, "working_days"), "en") == "1 working day"
    assert format_duration(Duration(1.5, "working_days"), "en") == "1.5 working days"
    assert format_duration(Duration(0.5, "working_days"), "vi") == "0,5 ngày làm việc"
    assert format_duration(Duration(15, "days"), "en") == "15 days"


def test_processing_time_and_fee_range() -> None:
    same_day = ProcessingTime(same_day=True, cutoff="15:00")
    assert format_processing_time(same_day, "vi") == (
        "Trong ngày làm việc (nhận sau 15:00 thì trả trong ngày làm việc tiếp theo)"
    )
    assert format_processing_time(same_day, "en") == "Same working day (next working day if received after 15:00)"
    assert format_fee_range([Fee(0), Fee(8000)], "vi") == "Miễn phí – 8.000\xa0₫"
    assert format_fee_range([Fee(20000), Fee(20000)], "en") == "VND 20,000"


def test_missing_english_falls_back_to_vietnamese_and_is_listed(procedures: Path) -> None:
    edit(procedures, "result: {vi: Giấy khai sinh, en: Birth certificate}", "result: Giấy khai sinh")
    (procedures / "ho-tich" / "khai-sinh.en.md").unlink()
    catalog = load_catalog(procedures)
    assert catalog.report.text("en") == ""
    assert [u.render("en") for u in catalog.untranslated] == [
        "procedures/ho-tich/khai-sinh.md:50: result: translation.missing: no English text yet",
        "procedures/ho-tich/khai-sinh.md:55: body text (body): translation.missing: no English text yet",
    ]
    page = PageRenderer(catalog, "en").procedure(catalog.procedures[0])
    assert '<span lang="vi">Giấy khai sinh</span> <small class="ps-untranslated">(not yet translated)</small>' in page
    assert '<div lang="vi" class="ps-untranslated-block ps-body">' in page
    assert "Nộp hồ sơ tại Bộ phận Một cửa." in page
    vi_page = PageRenderer(catalog, "vi").procedure(catalog.procedures[0])
    assert "chưa dịch" not in vi_page and "not yet translated" not in vi_page


PASTE = "such characters come with text pasted from Word or a web page."
NFC_HINT = 'Run "make fix" to compose them; this happens when text is copied from some PDF files or macOS.'
BOM_MESSAGE = (
    "expected UTF-8 text without a byte order mark (BOM), but received: a BOM at the start of the file. "
    'Run "make fix" to remove it, or save the file as "UTF-8" rather than "UTF-8 with BOM".'
)
LF_HINT = 'Run "make fix" to convert them, or set your editor to LF line endings.'


def test_word_paste_and_decomposed_text_are_refused_once_per_value(procedures: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Giấy khai sinh")
    assert decomposed != "Giấy khai sinh"
    edit(procedures, "result: {vi: Giấy khai sinh,", f'result: {{vi: "\u200b{decomposed}\u00a0bản\ufeff chính",')
    catalog = load_catalog(procedures)
    assert catalog.report.text("en") == "\n".join(
        [
            "procedures/ho-tich/khai-sinh.md:50: result, Vietnamese (result.vi): expected plain spaces and "
            "visible characters, but "
            'received: a zero-width space (U+200B) before "Giấy" and 2 more such characters. Run "make fix" to '
            f"replace or remove them; {PASTE}",
            "procedures/ho-tich/khai-sinh.md:50: result, Vietnamese (result.vi): expected text in Unicode NFC "
            "(composed characters), "
            f'but received: decomposed characters in "Giấy". {NFC_HINT}',
        ]
    )
    # The value is read as "make fix" will write it, so that no other check reports the same mistake.
    assert catalog.procedures[0].result.vi == "Giấy khai sinh bản chính"


def test_each_word_paste_character_is_named_with_the_word_beside_it(procedures: Path) -> None:
    edit(procedures, "title: {vi: Đăng ký khai sinh,", "title: {vi:\u00a0Đăng ký khai sinh\u2060,")
    edit(procedures, "  limit: 3 working_days\n", "  limit: 3\u00a0working_days\n")
    edit(procedures, "Nộp hồ sơ tại Bộ phận", "Nộp hồ sơ\u200e tại\u2029Bộ phận")
    assert load_catalog(procedures).report.text("en") == "\n".join(
        [
            "procedures/ho-tich/khai-sinh.md:2: title, Vietnamese (title.vi): expected plain spaces and "
            "visible characters, but "
            'received: a non-breaking space (U+00A0) before "Đăng" and 1 more such character. Run "make fix" to '
            f"replace or remove them; {PASTE}",
            "procedures/ho-tich/khai-sinh.md:19: processing time, limit (processing_time.limit): expected "
            "plain spaces and visible "
            'characters, but received: a non-breaking space (U+00A0) after "3". Run "make fix" to replace it '
            f"with a plain space; {PASTE}",
            "procedures/ho-tich/khai-sinh.md:55: body text (body): expected plain spaces and visible "
            "characters, but received: "
            'a left-to-right mark (U+200E) after "sơ" and 1 more such character. Run "make fix" to replace or '
            f"remove them; {PASTE}",
        ]
    )


def test_the_hint_says_whether_make_fix_replaces_or_removes_the_characters(procedures: Path) -> None:
    edit(procedures, "output: {vi: Dự thảo,", "output: {vi: Dự\u00a0thảo\u00a0,")
    edit(procedures, "change: {vi: Cập nhật,", "change: {vi: Cập\u200c nhật\u200d,")
    assert load_catalog(procedures).report.text("en") == "\n".join(
        [
            "procedures/ho-tich/khai-sinh.md:13: revision 2, change, Vietnamese (iso.revisions[1].change.vi): "
            "expected plain spaces and visible "
            'characters, but received: a zero-width non-joiner (U+200C) after "Cập" and 1 more such character. '
            f'Run "make fix" to remove them; {PASTE}',
            "procedures/ho-tich/khai-sinh.md:38: step 2, output, Vietnamese (steps[1].output.vi): expected "
            "plain spaces and visible characters, "
            'but received: a non-breaking space (U+00A0) after "Dự" and 1 more such character. Run "make fix" to '
            f"replace them with plain spaces; {PASTE}",
        ]
    )


def test_word_paste_in_a_list_is_placed_at_its_item(procedures: Path) -> None:
    edit(procedures, "  - name: {vi: Căn cước,", "  -\u00a0name: {vi: Căn cước,")
    edit(procedures, "  en: [newborn]", "  en: [baby, newborn\u200b]")
    assert load_catalog(procedures).report.text("en") == "\n".join(
        [
            "procedures/ho-tich/khai-sinh.md:29: document 2 (documents[1]): expected plain spaces and visible "
            "characters, but "
            'received: a non-breaking space (U+00A0) before "name". Run "make fix" to replace it with a plain '
            f"space; {PASTE}",
            "procedures/ho-tich/khai-sinh.md:53: keywords, English (keywords.en[1]): expected plain spaces and "
            "visible characters, but "
            f'received: a zero-width space (U+200B) after "newborn". Run "make fix" to remove it; {PASTE}',
        ]
    )


def test_decomposed_text_is_reported_per_body_line_with_its_words(procedures: Path) -> None:
    body = "Nộp hồ sơ tại Bộ phận Một cửa.\nNhận kết quả tại Bộ phận Một cửa.\n"
    edit(procedures, "Nộp hồ sơ tại Bộ phận Một cửa.", unicodedata.normalize("NFD", body))
    assert load_catalog(procedures).report.text("en") == "\n".join(
        [
            "procedures/ho-tich/khai-sinh.md:55: body text (body): expected text in Unicode NFC (composed "
            "characters), but "
            f'received: decomposed characters in "Nộp" and 7 more words. {NFC_HINT}',
            "procedures/ho-tich/khai-sinh.md:56: body text (body): expected text in Unicode NFC (composed "
            "characters), but "
            f'received: decomposed characters in "Nhận" and 7 more words. {NFC_HINT}',
        ]
    )


def test_word_paste_outside_any_value_is_reported_at_its_line(procedures: Path) -> None:
    edit(procedures, "field: ho-tich\n", "field: ho-tich\n# Lĩnh vực\u00a0hộ tịch\n")
    assert load_catalog(procedures).report.text("en") == (
        "procedures/ho-tich/khai-sinh.md:15: expected plain spaces and visible characters, but received: a "
        f'non-breaking space (U+00A0) after "vực". Run "make fix" to replace it with a plain space; {PASTE}'
    )


def test_word_paste_is_still_reported_when_the_yaml_or_front_matter_is_broken(procedures: Path) -> None:
    edit(procedures, "level: commune\n", "level: [commune\n")
    edit(procedures, "Nộp hồ sơ tại", "Nộp hồ sơ\u200b tại")
    (procedures / "ho-tich" / "khac.md").write_text("Tờ\u00a0khai\n", encoding="utf-8")
    assert load_catalog(procedures).report.text("en") == "\n".join(
        [
            "procedures/ho-tich/khac.md:1: expected plain spaces and visible characters, but received: a "
            f'non-breaking space (U+00A0) after "Tờ". Run "make fix" to replace it with a plain space; {PASTE}',
            'procedures/ho-tich/khac.md:1: expected the first line to be "---", but received: "Tờ khai". A '
            'procedure file starts with YAML front matter between two "---" lines.',
            "procedures/ho-tich/khai-sinh.md:16: expected valid YAML, but received: no ] to close a list, or no comma "
            'between its items. Check the indentation and quote values that contain ": " or start with a special '
            "character.",
            "procedures/ho-tich/khai-sinh.md:55: body text (body): expected plain spaces and visible "
            "characters, but received: "
            f'a zero-width space (U+200B) after "sơ". Run "make fix" to remove it; {PASTE}',
        ]
    )


def test_bom_and_crlf_are_refused_and_the_rest_of_the_file_is_still_checked(procedures: Path) -> None:
    edit(procedures, "field: ho-tich\n", "field: hotich\n")
    path = procedures / KHAI_SINH
    path.write_bytes(b"\xef\xbb\xbf" + path.read_text(encoding="utf-8").replace("\n", "\r\n").encode())
    catalog = load_catalog(procedures)
    assert catalog.report.text("en") == "\n".join(
        [
            f"procedures/ho-tich/khai-sinh.md:1: {BOM_MESSAGE}",
            "procedures/ho-tich/khai-sinh.md:1: expected lines ending in LF, but received: Windows line endings "
            f"(CR LF) on 55 lines. {LF_HINT}",
            'procedures/ho-tich/khai-sinh.md:14: field: expected an id of fields.yml, but received: "hotich". '
            'Did you mean "ho-tich" (Hộ tịch)? Or add "hotich" to fields.yml, with its name.',
        ]
    )
    assert catalog.procedures[0].title == Text("Đăng ký khai sinh", "Birth registration")


def test_lone_carriage_returns_are_counted_from_the_first_line_that_has_one(procedures: Path) -> None:
    path = procedures / "fields.yml"
    path.write_bytes(b"ho-tich:\n  name:\r    {vi: H\xe1\xbb\x99 t\xe1\xbb\x8bch, en: Civil status}\r\n")
    assert load_catalog(procedures).report.text("en") == (
        "procedures/fields.yml:2: expected lines ending in LF, but received: Windows line endings (CR LF) on 1 "
        f"line and carriage returns (CR) without LF on 1 line. {LF_HINT}"
    )


def test_english_text_and_registers_are_held_to_the_same_rules(procedures: Path) -> None:
    (procedures / "ho-tich" / "khai-sinh.en.md").write_text("Submit\u00a0the dossier.\n", encoding="utf-8")
    agency = procedures / "agency.yml"
    agency.write_bytes(b"\xef\xbb\xbf" + agency.read_bytes())
    edit(procedures, "Bộ phận Một cửa,", unicodedata.normalize("NFD", "Bộ phận Một cửa,"), Path("units.yml"))
    assert load_catalog(procedures).report.text("en") == "\n".join(
        [
            f"procedures/agency.yml:1: {BOM_MESSAGE}",
            "procedures/ho-tich/khai-sinh.en.md:1: body text (body): expected plain spaces and visible characters, but "
            'received: a non-breaking space (U+00A0) after "Submit". Run "make fix" to replace it with a plain '
            f"space; {PASTE}",
            "procedures/units.yml:4: name, Vietnamese (mot-cua.name.vi): expected text in Unicode NFC "
            "(composed characters), but "
            f'received: decomposed characters in "Bộ" and 3 more words. {NFC_HINT}',
        ]
    )


def test_smart_quotes_in_text_are_typography_not_word_paste(procedures: Path) -> None:
    edit(procedures, "result: {vi: Giấy khai sinh,", "result: {vi: Giấy khai sinh “bản chính”,")
    catalog = load_catalog(procedures)
    assert catalog.report.text("en") == ""
    assert catalog.procedures[0].result.vi == "Giấy khai sinh “bản chính”"


def test_every_problem_of_every_file_is_reported_in_one_run(procedures: Path) -> None:
    edit(procedures, "field: ho-tich\n", "field: hotich\n")
    edit(procedures, "    unit: ho-tich\n", "    unit: hotich\n")
    (procedures / "ho-tich" / "khac.md").write_text("", encoding="utf-8")
    assert load_catalog(procedures).report.text("en") == "\n".join(
        [
            'procedures/ho-tich/khac.md:1: expected YAML front matter between two "---" lines, but received: an empty '
            "file. Start from the annotated example in the staff guide.",
            'procedures/ho-tich/khai-sinh.md:14: field: expected an id of fields.yml, but received: "hotich". '
            'Did you mean "ho-tich" (Hộ tịch)? Or add "hotich" to fields.yml, with its name.',
            "procedures/ho-tich/khai-sinh.md:36: step 2, unit (steps[1].unit): expected an id of units.yml, "
            'but received: "hotich". Did you mean "ho-tich" (Công chức Tư pháp – Hộ tịch)? '
            'Or add "hotich" to units.yml, with its name.',
        ]
    )


def test_parallel_step_and_timing_note_relax_the_time_check(procedures: Path) -> None:
    edit(procedures, "    duration: 0.5 working_days\n", "    duration: 0.5 working_days\n    parallel: true\n")
    assert "add up to the processing time (3 working_days), but received: 2.5 working_days" in (
        load_catalog(procedures).report.text("en")
    )
    edit(procedures, "result:", "timing_note: {vi: Ký song song, en: Signed in parallel}\nresult:")
    assert load_catalog(procedures).report.text("en") == ""


def test_same_day_steps_must_fit_in_a_working_day(procedures: Path) -> None:
    edit(procedures, "  limit: 3 working_days\n", "  limit: same_day\n")
    assert load_catalog(procedures).report.text("en") == (
        "procedures/ho-tich/khai-sinh.md:32: steps: expected steps that fit in one working day (8 working_hours), "
        'but received: 3 working_days in all. Correct the step durations, mark a step "parallel: true", or explain '
        'in "timing_note".'
    )


def test_relative_links_work_under_any_prefix() -> None:
    assert paths.link("thu-tuc/a.md", "don-vi/b.md") == "../../don-vi/b/"
    assert paths.link("thu-tuc/a.md", "index.md") == "../../"
    assert paths.link("index.md", "thu-tuc/index.md") == "thu-tuc/"
    assert paths.link("thu-tuc/a.md", "bieu-mau/x.pdf") == "../../bieu-mau/x.pdf"
    assert paths.alternate("thu-tuc/a/", "vi", "en") == "../../en/thu-tuc/a/"
    assert paths.alternate("thu-tuc/a/", "en", "vi") == "../../../thu-tuc/a/"
    assert paths.alternate("", "en", "vi") == "../"
    assert paths.alternate("", "vi", "vi") == "./"


def test_procedure_page_shows_steps_total_documents_and_control(procedures: Path) -> None:
    catalog = load_catalog(procedures)
    page = PageRenderer(catalog, "en").procedure(catalog.procedures[0])
    assert (
        '<tr><td>2</td><td>Handle the dossier</td><td><a href="../../don-vi/ho-tich/">Civil-status officer</a>'
        "</td><td>1.5 working days</td><td>Draft</td></tr>"
    ) in page
    assert '<th scope="row" colspan="3">Total</th><td colspan="2">3 working days</td>' in page
    assert "If verification is needed: 5 working days" in page
    assert '<a class="ps-form" href="../../bieu-mau/to-khai.pdf" download>' in page
    assert "<td>QT-HT-01</td>" in page and "<td>1 July 2025</td>" in page
    assert "<strong>VND 50,000</strong> — Late" in page


def test_texts_cannot_inject_markup(procedures: Path) -> None:
    """Markup in a text is refused when read (below); should one get through, the page still escapes it."""
    (procedures / "ho-tich" / "khai-sinh.md").write_text(
        (procedures / "ho-tich" / "khai-sinh.md").read_text(encoding="utf-8") + "\n<img src=x onerror=alert(1)>\n",
        encoding="utf-8",
    )
    catalog = load_catalog(procedures)
    assert catalog.report.text("en") == ""
    catalog.procedures[0].result = Text("<script>alert(1)</script>", "Birth certificate")
    page = PageRenderer(catalog, "vi").procedure(catalog.procedures[0])
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_html_in_a_text_is_an_error_but_a_plain_less_than_sign_is_not(procedures: Path) -> None:
    edit(procedures, "result: {vi: Giấy khai sinh, en: Birth certificate}", 'result: "Trẻ < 6 tuổi, <6 tuổi, a <= b"')
    edit(procedures, "{vi: Quá hạn, en: Late}", '{vi: "Quá <b>hạn</b>", en: "<IMG SRC=x OnError=alert(1)>"}')
    edit(procedures, "{vi: Căn cước, en: ID card}", '"[x](JavaScript:alert(1))"')
    edit(procedures, "{vi: Tờ khai, en: Declaration}", '{vi: Tờ khai, en: "Form <!-- hidden -->"}')
    catalog = load_catalog(procedures)
    where = "procedures/ho-tich/khai-sinh.md"
    markup = "expected plain text, but received: HTML markup"
    hint = "Texts are shown exactly as written, never as HTML: remove the markup."
    assert catalog.report.text("en").splitlines() == [
        f'{where}:25: fee 2, label, English (fees[1].label.en): {markup} "<IMG SRC=x OnError=alert(1)>". {hint}',
        f'{where}:25: fee 2, label, Vietnamese (fees[1].label.vi): {markup} "<b>". {hint}',
        f'{where}:27: document 1, name, English (documents[0].name.en): {markup} "<!-- hidden -->". {hint}',
        f"{where}:29: document 2, name (documents[1].name): expected plain text, but received: a script address "
        f'"JavaScript:". {hint}',
    ]
    assert catalog.procedures == []


def test_quoted_dates_and_vietnamese_thousands_are_read_as_meant(procedures: Path) -> None:
    edit(procedures, "effective: 2025-07-01", 'effective: "2025-07-01"')
    edit(procedures, "  - amount: 50000\n", '  - amount: "50.000"\n')
    catalog = load_catalog(procedures)
    assert catalog.report.text("en") == ""
    assert catalog.procedures[0].iso.effective == dt.date(2025, 7, 1)
    assert [fee.amount for fee in catalog.procedures[0].fees] == [0, 50000]


def test_folding_and_vietnamese_order() -> None:
    from procsite.folding import fold, sort_key

    assert fold("Đăng ký khai sinh") == "dang ky khai sinh"
    assert fold("Thủy HOÁ") == "thuy hoa"
    titles = ["Chứng thực di chúc", "Đăng ký kết hôn", "Cấp bản sao", "Chấm dứt hoạt động", "Dán tem"]
    assert sorted(titles, key=sort_key) == [
        "Cấp bản sao",
        "Chấm dứt hoạt động",
        "Chứng thực di chúc",
        "Dán tem",
        "Đăng ký kết hôn",
    ]


def test_body_links_to_pages_files_and_sections_of_the_site_are_accepted(procedures: Path) -> None:
    """What a body may link to: another procedure, a unit or field page, a form, a section, the web."""
    source = procedures / "ho-tich" / "khai-sinh.md"
    links = (
        "[đây](./#documents) [phí](#fees) [danh mục](../) [chính nó](../khai-sinh/#steps) "
        "[một cửa](../../don-vi/mot-cua/) [hộ tịch](../../linh-vuc/ho-tich/) [tờ khai](../../bieu-mau/to-khai.pdf) "
        "[cổng](https://dichvucong.gov.vn) [thư](mailto:a@b.vn) [gọi](tel:1022) [trang chủ](../../)"
    )
    source.write_text(source.read_text(encoding="utf-8") + "\n" + links + "\n", encoding="utf-8")
    assert load_catalog(procedures).report.text("en") == ""


def test_reading_sources_keeps_nothing_of_the_yaml_parser(procedures: Path) -> None:
    """PyYAML's constructor keeps every node it built until a document ends, and ours reads scalars one by
    one, never ending one: at 6,000 procedures that was two thirds of a build's memory, and a preview grew
    with each save. After reading a whole catalog, it holds none."""
    from procsite.source import yamlparse

    catalog = load_catalog(procedures)
    assert catalog.procedures and not catalog.report
    assert yamlparse._CONSTRUCTOR.constructed_objects == {}

"""Reading a legal text's number, date, issuer and title out of the national database's words."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from procsite.importers.legal_texts import document_number, issuer_of_number, read_legal_text
from tests.importers.test_detect import RECORDS


@pytest.mark.parametrize(
    ("code", "number"),
    [
        ("Thông tư số 03/2023/TT-BTP", "03/2023/TT-BTP"),
        ("31/2024/QH15 ", "31/2024/QH15"),
        ("Nghị định số 50/2026/NĐ-CP", "50/2026/NĐ-CP"),
        ("66.7/2025/NQ-CP", "66.7/2025/NQ-CP"),
        ("1523/QĐ-BCA-C06", "1523/QĐ-BCA-C06"),
        ("12/2020/QĐ-TTg", "12/2020/QĐ-TTg"),
        ("\xa02385/QĐ-UBND\xa0", "2385/QĐ-UBND"),
        ("QĐ/0001-BCA", "QĐ/0001-BCA"),  # not the usual form: kept as written
        ("", ""),
    ],
)
def test_the_number_is_read_out_of_the_code(code: str, number: str) -> None:
    assert document_number(code) == number


@pytest.mark.parametrize(
    ("number", "issuer"),
    [
        ("60/2014/QH13", "Quốc hội"),
        ("123/2015/NĐ-CP", "Chính phủ"),
        ("66.7/2025/NQ-CP", "Chính phủ"),
        ("03/2023/TT-BTP", "Bộ Tư pháp"),
        ("85/2019/TT-BTC", "Bộ Tài chính"),
        ("55/2021/TT-BCA", "Bộ Công an"),
        ("03/2023/TT-BNG", "Bộ Ngoại giao"),
        ("12/2020/QĐ-TTg", "Thủ tướng Chính phủ"),
        ("35/2023/NQ-UBTVQH15", "Ủy ban Thường vụ Quốc hội"),
        # not unambiguous: whose province, which of several ministries, what suffix
        ("104/2026/QĐ-UBND", ""),
        ("09/2025/NQ-HĐND", ""),
        ("15/2014/TTLT-BTP-BCA", ""),
        ("01/2020/TT-XYZ", ""),
        ("", ""),
    ],
)
def test_the_issuer_is_inferred_from_the_suffix_only_where_it_is_unambiguous(number: str, issuer: str) -> None:
    assert issuer_of_number(number) == issuer


def test_number_date_and_issuer_at_the_start_of_the_name_are_read_and_the_rest_is_the_title() -> None:
    name = (
        "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của  Chính phủ quy định chi tiết một số điều và biện pháp thi "
        " hành Luật Hộ tịch"
    )
    text = read_legal_text("123/2015/NĐ-CP", name)
    assert text.number == "123/2015/NĐ-CP"
    assert text.date == dt.date(2015, 11, 15)
    assert text.issuer == "Chính phủ"
    assert text.kind == "Nghị định"
    assert text.title == "quy định chi tiết một số điều và biện pháp thi  hành Luật Hộ tịch"
    assert text.text == name


def test_a_minister_issues_for_the_ministry_and_a_date_may_be_written_in_words() -> None:
    text = read_legal_text(
        "", "Thông tư số 08/2025/TT-BTP ngày 11 tháng 12 năm 2025 của Bộ trưởng Bộ Tư pháp quy định X"
    )
    assert (text.number, text.date, text.issuer, text.title) == (
        "08/2025/TT-BTP",
        dt.date(2025, 12, 11),
        "Bộ Tư pháp",
        "quy định X",
    )


def test_a_colon_or_a_dash_separates_the_title() -> None:
    resolution = read_legal_text(
        "66.7/2025/NQ-CP", "Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa"
    )
    assert (resolution.issuer, resolution.title) == ("Chính phủ", "Quy định cắt giảm, đơn giản hóa")
    law = read_legal_text("81/2006/QH11", "Luật 81/2006/QH11 - Cư trú")
    assert (law.kind, law.title, law.issuer) == ("Luật", "Cư trú", "Quốc hội")


def test_a_name_that_is_only_the_number_is_kept_as_the_title() -> None:
    text = read_legal_text("60/2014/QH13", "Luật 60/2014/QH13")
    assert (text.title, text.issuer, text.date) == ("Luật 60/2014/QH13", "Quốc hội", None)
    alone = read_legal_text(
        "Thông tư số 03/2023/TT-BTP", "Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp"
    )
    assert alone.title == alone.text and alone.date == dt.date(2023, 8, 2) and alone.issuer == "Bộ Tư pháp"


def test_a_date_and_an_issuer_of_another_text_are_not_taken() -> None:
    name = (
        "Sửa đổi, bổ sung một số điều của Thông tư số 02/2020/TT-BTP ngày 08/4/2020 của Bộ trưởng Bộ Tư pháp ban "
        "hành, hướng dẫn sử dụng"
    )
    text = read_legal_text("04/2024/TT-BTP", name)
    assert (text.date, text.title, text.kind) == (None, name, "")
    assert text.issuer == "Bộ Tư pháp"  # from 04/2024/TT-BTP's own suffix
    cited = read_legal_text(
        "01/2022/TT-BTP", "Thông tư quy định chi tiết Nghị định số 87/2020/NĐ-CP ngày 28 tháng 7 năm 2020"
    )
    assert cited.date is None and cited.kind == "Thông tư"


def test_a_name_that_begins_with_another_number_says_nothing_of_this_text() -> None:
    text = read_legal_text("99/2024/TT-BTP", "Thông tư số 01/2022/TT-BTP ngày 04/01/2022 của Bộ trưởng Bộ Tài chính")
    assert (text.date, text.issuer) == (None, "Bộ Tư pháp")


def test_a_date_of_another_year_than_the_number_or_an_impossible_date_is_not_taken() -> None:
    assert read_legal_text("01/2025/NQ-HĐND", "Nghị quyết số 01/2025/NQ-HĐND ngày 11/12/2024 của X").date is None
    impossible = read_legal_text(
        "12/2020/QĐ-TTg", "Quyết định số 12/2020/QĐ-TTg ngày 31/02/2020 của Thủ tướng Chính phủ"
    )
    assert impossible.date is None and impossible.issuer == "Thủ tướng Chính phủ"


def test_a_local_body_is_read_from_the_text_but_never_from_the_suffix() -> None:
    name = "Nghị quyết số 09/2025/NQ-HĐND ngày 27/10/2025 của Hội đồng nhân dân tỉnh Gia Lai quy định mức thu"
    text = read_legal_text("09/2025/NQ-HĐND", name)
    assert (text.issuer, text.title, text.date) == (
        "Hội đồng nhân dân tỉnh Gia Lai",
        "quy định mức thu",
        dt.date(2025, 10, 27),
    )
    assert read_legal_text("09/2025/NQ-HĐND", "Nghị quyết về mức thu").issuer == ""


def test_an_unknown_issuer_after_của_leaves_the_whole_text_as_title() -> None:
    name = "Thông tư số 01/2020/TT-XYZ ngày 01/02/2020 của Cơ quan Lạ quy định"
    text = read_legal_text("01/2020/TT-XYZ", name)
    assert (text.title, text.issuer, text.date) == (name, "", dt.date(2020, 2, 1))


def test_a_number_glued_to_its_date_is_still_read() -> None:
    text = read_legal_text("53/2025/TT-BCA", "Thông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an sửa đổi")
    assert (text.date, text.issuer, text.title) == (dt.date(2025, 7, 1), "Bộ Công an", "sửa đổi")


@pytest.mark.parametrize("record", RECORDS, ids=lambda path: path.stem)
def test_every_real_legal_text_keeps_its_number_and_its_words(record: Path) -> None:
    for item in json.loads(record.read_text(encoding="utf-8"))["data"]["legalBasisesDetails"]:
        text = read_legal_text(item["code"], item["name"])
        assert text.text == item["name"].replace("\xa0", " ").strip()
        assert text.number == item["code"].split()[-1]  # "Thông tư số 03/2023/TT-BTP" → its last word
        assert text.title and text.title in text.text
        if text.date is not None:  # a date is only ever read right after the text's own number
            assert f"{text.number} ngày" in text.text or f"{text.number}ngày" in text.text
            assert str(text.date.year) in text.number

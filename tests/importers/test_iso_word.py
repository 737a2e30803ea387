"""Reading an agency's ISO process from Word: documents the generator writes, read back exactly; hostile files
refused with a message staff can act on, never a traceback or a hang."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import signal
import struct
import subprocess
import time
import zipfile
from copy import deepcopy
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from procsite.importers.doc_convert import convert_doc
from procsite.importers.iso_records import IsoStep
from procsite.importers.iso_word import read_iso_word
from procsite.importers.records import SourceError, SourceIssue
from procsite.messages import Msg, Num, Val
from tests.importers.make_iso_docx import (
    SAMPLE,
    TWO_APPROVERS,
    IsoContent,
    IsoLayout,
    expected,
    write_iso_docx,
)
from tests.importers.test_detect import deadline, zip_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HAS_SOFFICE = shutil.which("soffice") is not None or shutil.which("libreoffice") is not None


def refused(path: Path) -> SourceError:
    """The error reading ``path`` raises (the test fails if it reads, or takes more than 20 s)."""
    with deadline(20), pytest.raises(SourceError) as caught:
        read_iso_word(path, path.name)
    return caught.value


def codes(issues: tuple[SourceIssue, ...]) -> list[str]:
    return [issue.why.code for issue in issues]


# Documents in the real layouts, read back exactly -------------------------------------------------------

SUB_STEPS = dataclasses.replace(
    SAMPLE,
    steps=(
        IsoStep("Bước 1", "Tiếp nhận hồ sơ", "BPTN&HT", "01 giờ"),
        IsoStep("Bước 2", "Giải quyết hồ sơ", "Công chức Tư pháp - Hộ tịch", ""),
        IsoStep("2.1", "Kiểm tra, xác minh", "Công chức Tư pháp - Hộ tịch", "02 giờ", parent="Bước 2"),
        IsoStep("2.2", "Trình ký", "Công chức Tư pháp - Hộ tịch", "01 giờ", parent="Bước 2"),
        IsoStep("-", "Ghi sổ hộ tịch", "Công chức Tư pháp - Hộ tịch", "", parent="Bước 2"),
        IsoStep("Bước 3", "Ký Giấy khai sinh", "Chủ tịch UBND xã", "02 giờ"),
        IsoStep("Bước 4", "Đóng dấu", "Văn thư", "02 giờ", time_shared=True),
        IsoStep("Bước 5", "Trả kết quả", "BPTN&HT", "02 giờ"),
    ),
)
"""Steps numbered "Bước N" with sub-steps "2.1" and "-", and one time cell merged over two steps: 8 hours."""

B_NUMBERS = dataclasses.replace(
    SAMPLE, steps=tuple(dataclasses.replace(step, number=f"B{step.number}") for step in SAMPLE.steps)
)

LAYOUTS = {
    "the 2025 example: header table, a … k, four columns, merged Trách nhiệm, total in the header": IsoLayout(),
    "header paragraphs, 5.1 … typed, five columns, (1)(2)(3) row, header repeated, empty rows": IsoLayout(
        header="paragraphs",
        lettered=False,
        numbers_in_text=True,
        output_column=True,
        date_style="padded",
        code_space=False,
        numbering_row=True,
        repeated_header=True,
        empty_rows=True,
    ),
    "page header, roman numbers, date in words, total row, table split in two, no contents list": IsoLayout(
        header="page",
        numbers_in_text=True,
        roman=True,
        date_style="words",
        total_in_header=False,
        total_row=True,
        split_table=True,
        contents_list=False,
    ),
    "the step table split in two, the second without a header": IsoLayout(
        split_table=True, split_header=False, output_column=True, total_in_header=False
    ),
    "no TT column: the number starts the action, nothing merged": IsoLayout(
        number_column=False, merge_responsible=False, output_column=True
    ),
}


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_a_document_is_read_as_written(tmp_path: Path, layout: IsoLayout) -> None:
    path = write_iso_docx(tmp_path / "quy-trinh.docx", SAMPLE, layout)
    assert read_iso_word(path, "quy-trinh.docx") == expected(SAMPLE, layout, "quy-trinh.docx")


CONTENTS = {
    "two approvers under one spanning Phê duyệt": (dataclasses.replace(SAMPLE, people=TWO_APPROVERS), IsoLayout()),
    "two approvers, Phê duyệt written twice": (
        dataclasses.replace(SAMPLE, people=TWO_APPROVERS),
        IsoLayout(approvers_spanned=False, header="paragraphs"),
    ),
    "Bước N, sub-steps, a time merged over two steps": (SUB_STEPS, IsoLayout(output_column=True)),
    "Bước N in the action, sub-steps": (SUB_STEPS, IsoLayout(number_column=False, split_table=True)),
    "steps numbered B1, B2": (B_NUMBERS, IsoLayout(lettered=False)),
}


@pytest.mark.parametrize(("content", "layout"), CONTENTS.values(), ids=CONTENTS.keys())
def test_signers_and_steps_are_read_as_written(tmp_path: Path, content: IsoContent, layout: IsoLayout) -> None:
    path = write_iso_docx(tmp_path / "quy-trinh.docx", content, layout)
    assert read_iso_word(path, "quy-trinh.docx") == expected(content, layout, "quy-trinh.docx")


def test_the_generator_writes_what_word_writes(tmp_path: Path) -> None:
    """The layouts above are real Word structures, not text that only looks like them."""
    path = write_iso_docx(tmp_path / "a.docx", dataclasses.replace(SAMPLE, people=TWO_APPROVERS), IsoLayout())
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert 'w:vMerge w:val="restart"' in xml and "<w:vMerge/>" in xml
    assert '<w:gridSpan w:val="2"/>' in xml
    titles = [p for p in docx.Document(str(path)).paragraphs if p.style is not None and p.style.name == "List Number"]
    assert [p.text for p in titles][:2] == ["MỤC ĐÍCH", "PHẠM VI"]  # numbered by Word, not in the text


def test_merged_cells_carry_the_unit_down_and_a_merged_time_is_counted_once(tmp_path: Path) -> None:
    process = read_iso_word(write_iso_docx(tmp_path / "a.docx", SUB_STEPS), "a.docx")
    assert [step.responsible for step in process.steps[1:5]] == ["Công chức Tư pháp - Hộ tịch"] * 4
    assert [(step.time, step.time_shared) for step in process.steps[5:7]] == [("02 giờ", False), ("02 giờ", True)]
    assert process.issues == ()  # 1 + (2 + 1) + 2 + 2 hours: one working day, as the header says


def test_steps_that_do_not_add_up_to_the_stated_total_are_reported(tmp_path: Path) -> None:
    content = dataclasses.replace(SAMPLE, total_time="02 ngày làm việc")
    process = read_iso_word(write_iso_docx(tmp_path / "a.docx", content), "a.docx")
    assert process.total_time == "02 ngày làm việc"
    (issue,) = process.issues
    assert issue.why == Msg("iso_word.times_do_not_add_up", total=Val.of("02 ngày làm việc"), hours=Num(8))
    assert issue.where == "bảng 5" and issue.received == "02 ngày làm việc"  # the header table is table 1


# Header variants ---------------------------------------------------------------------------------------


def minimal(path: Path, header: list[str], rows: list[list[str]] | None = None, *, page: tuple[str, ...] = ()) -> Path:
    """A document with ``header`` paragraphs and a step table of ``rows`` under the four-column header."""
    document = docx.Document()
    for line in header:
        document.add_paragraph(line)
    if page:
        section = document.sections[0]
        section.header.is_linked_to_previous = False
        for line in page:
            section.header.add_paragraph(line)
    table_rows = [
        ["TT", "Trình tự các bước công việc", "Trách nhiệm", "Thời gian"],
        *(rows or [["1", "Tiếp nhận", "BPTN&HT", "01 giờ"]]),
    ]
    table = document.add_table(rows=len(table_rows), cols=max(len(row) for row in table_rows))
    for r, row in enumerate(table_rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))
    return path


HEADERS = {
    "Mã hiệu:QT-01 without a space": (
        ["Mã hiệu:QT-01", "Lần ban hành: 01", "Ngày ban hành: 07/7/2025"],
        "QT-01",
        1,
        dt.date(2025, 7, 7),
    ),
    "07/07/2025": (
        ["Mã hiệu: QT 02", "Lần ban hành: 02", "Ngày ban hành: 07/07/2025"],
        "QT 02",
        2,
        dt.date(2025, 7, 7),
    ),
    "in words, lower case labels": (
        ["mã hiệu: QT 03", "lần ban hành: 3", "ngày ban hành: ngày 7 tháng 7 năm 2025"],
        "QT 03",
        3,
        dt.date(2025, 7, 7),
    ),
    "one line, a roman issue": (
        ["Mã hiệu: QT-04/HT\tLần ban hành: II\tNgày ban hành: 1.8.2025\tTrang: 1/6"],
        "QT-04/HT",
        2,
        dt.date(2025, 8, 1),
    ),
    "non-breaking spaces": (
        ["Mã\xa0hiệu:\xa0QT\xa005", "Lần ban hành:\xa001", "Ngày ban hành: 07-7-2025"],
        "QT 05",
        1,
        dt.date(2025, 7, 7),
    ),
}


@pytest.mark.parametrize(("lines", "code", "issue", "issued"), HEADERS.values(), ids=HEADERS.keys())
def test_header_labels_are_read_however_typed(
    tmp_path: Path, lines: list[str], code: str, issue: int, issued: dt.date
) -> None:
    header = ["UBND XÃ PHÚ THÀNH", "QUY TRÌNH", "Chứng thực bản sao", *lines]
    process = read_iso_word(minimal(tmp_path / "a.docx", header), "a.docx")
    assert (process.agency, process.procedure_name) == ("UBND XÃ PHÚ THÀNH", "Chứng thực bản sao")
    assert (process.code, process.issue, process.issued) == (code, issue, issued)
    assert process.issues == ()


def test_the_name_on_the_title_line_and_the_labels_in_the_page_header(tmp_path: Path) -> None:
    header = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "UBND XÃ A", "QUY TRÌNH ĐĂNG KÝ KẾT HÔN", "(Mã TTHC: 1.000894)"]
    page = ("Mã hiệu: QT-HT-02", "Lần ban hành: 01 Ngày ban hành: 15/8/2025")
    process = read_iso_word(minimal(tmp_path / "a.docx", header, page=page), "a.docx")
    assert (process.agency, process.procedure_name) == ("UBND XÃ A", "ĐĂNG KÝ KẾT HÔN")
    assert (process.code, process.issue, process.issued) == ("QT-HT-02", 1, dt.date(2025, 8, 15))
    assert process.national_code == "1.000894"


def test_what_the_header_lacks_or_garbles_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    header = ["Lần ban hành: lần đầu", "Ngày ban hành: 31/02/2025"]
    process = read_iso_word(minimal(tmp_path / "a.docx", header), "a.docx")
    assert (process.procedure_name, process.code, process.issue, process.issued) == ("", "", None, None)
    assert codes(process.issues) == [
        "iso_word.title_missing",
        "iso_word.issue_unreadable",
        "iso_word.date_unreadable",
        "iso_word.header_missing",
    ]
    assert [issue.received for issue in process.issues] == ["", "lần đầu", "31/02/2025", ""]
    assert process.issues[3].why == Msg("iso_word.header_missing", label="Mã hiệu")
    assert len(process.steps) == 1


# Step tables as they come ------------------------------------------------------------------------------

HEADER = ["QUY TRÌNH", "Đăng ký khai tử", "Mã hiệu: QT 03", "Lần ban hành: 01", "Ngày ban hành: 07/7/2025"]


def test_a_caption_row_an_unknown_column_and_a_second_step_table_are_reported(tmp_path: Path) -> None:
    path = minimal(
        tmp_path / "a.docx",
        HEADER,
        [
            ["1", "Tiếp nhận", "BPTN&HT", "01 giờ", "ghi chú 1"],
            ["Giai đoạn 2", "", "", "", ""],
            ["2", "Ký", "Chủ tịch", "01 giờ", ""],
        ],
    )
    document = docx.Document(str(path))
    document.tables[0].cell(0, 4).text = "Ghi chú"
    caption = document.tables[0].rows[2]
    caption.cells[0].merge(caption.cells[4])
    document.add_paragraph("Trường hợp nộp trực tuyến:")
    second = document.add_table(rows=2, cols=4)
    for c, text in enumerate(["TT", "Trình tự", "Trách nhiệm", "Thời gian"]):
        second.cell(0, c).text = text
    document.save(str(path))
    process = read_iso_word(path, "a.docx")
    assert [(step.number, step.action) for step in process.steps] == [("1", "Tiếp nhận"), ("2", "Ký")]
    assert codes(process.issues) == ["iso_word.column_not_read", "iso_word.row_not_step", "iso_word.extra_step_table"]
    assert [issue.where for issue in process.issues] == ["bảng 1, cột 5", "bảng 1, dòng 3", "bảng 2"]
    assert process.notes == "Trường hợp nộp trực tuyến:"


def drop_cell(row: object, index: int) -> None:
    tr = row._tr  # type: ignore[attr-defined]
    tr.remove(tr.findall(W + "tc")[index])


def test_ragged_rows_are_read_by_their_grid_columns(tmp_path: Path) -> None:
    rows = [
        ["1", "Tiếp nhận", "BPTN&HT", "01 giờ"],
        ["2", "Thẩm định", "Công chức", "04 giờ"],
        ["3", "Ký", "Chủ tịch", "03 giờ"],
    ]
    path = minimal(tmp_path / "a.docx", HEADER, rows)
    document = docx.Document(str(path))
    table = document.tables[0]
    drop_cell(table.rows[1], 3)  # row 1 has no time cell at all
    tr = table.rows[2]._tr  # row 2 lacks its TT cell and says so with w:gridBefore
    drop_cell(table.rows[2], 0)
    tr.get_or_add_trPr().append(parse_xml(f'<w:gridBefore xmlns:w="{W[1:-1]}" w:val="1"/>'))
    last = table.rows[3]._tr  # row 3 has a fifth cell no header names
    last.append(deepcopy(last.findall(W + "tc")[-1]))
    document.save(str(path))
    process = read_iso_word(path, "a.docx")
    assert [(s.number, s.action, s.responsible, s.time) for s in process.steps] == [
        ("1", "Tiếp nhận", "BPTN&HT", ""),
        ("", "Thẩm định", "Công chức", "04 giờ"),
        ("3", "Ký", "Chủ tịch", "03 giờ"),
    ]
    assert process.steps[1].parent == "1"  # a row without its number reads as part of the step above
    assert codes(process.issues) == ["iso_word.cell_beyond_header"]
    assert process.issues[0].where == "bảng 1, dòng 4" and process.issues[0].received == "03 giờ"


def test_ten_thousand_steps_are_read_in_time(tmp_path: Path) -> None:
    path = minimal(tmp_path / "a.docx", HEADER)
    document = docx.Document(str(path))
    body = document.tables[0]._tbl
    row = body.findall(W + "tr")[1]
    for _ in range(9_999):
        body.append(deepcopy(row))
    document.save(str(path))
    with deadline(30):
        process = read_iso_word(path, "a.docx")
    assert len(process.steps) == 10_000 and process.steps[-1].action == "Tiếp nhận"


def test_a_content_control_without_content_does_not_stop_the_reader(tmp_path: Path) -> None:
    path = minimal(tmp_path / "a.docx", HEADER)
    document = docx.Document(str(path))
    document.element.body.insert(0, parse_xml(f'<w:sdt xmlns:w="{W[1:-1]}"><w:sdtPr/></w:sdt>'))
    document.save(str(path))
    assert read_iso_word(path, "a.docx").code == "QT 03"


def test_several_national_codes_are_reported_and_the_first_kept(tmp_path: Path) -> None:
    path = minimal(
        tmp_path / "a.docx", [*HEADER, "Thủ tục 1.001193, liên thông với 2.002621 và 1.001193.000.00.00.H12"]
    )
    process = read_iso_word(path, "a.docx")
    assert process.national_code == "1.001193"
    assert process.issues[0].why == Msg("iso_word.national_codes", codes="1.001193, 2.002621", code="1.001193")


# Hostile files ------------------------------------------------------------------------------------------


def test_a_word_file_without_a_step_table_names_what_was_expected(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("QUY TRÌNH")
    document.save(str(tmp_path / "a.docx"))
    error = refused(tmp_path / "a.docx")
    assert error.why == Msg("iso_word.no_step_table", received=Msg("iso_word.tables_none"))
    assert "Trình tự/Trách nhiệm/Thời gian" in error.why.render("vi")
    document.add_table(rows=2, cols=3).cell(0, 0).text = "TT"
    document.add_table(rows=1, cols=2)
    document.save(str(tmp_path / "b.docx"))
    assert refused(tmp_path / "b.docx").why.params[0][1] == Msg("iso_word.tables_without_steps", n=2)


def test_a_step_table_with_only_its_header_is_refused(tmp_path: Path) -> None:
    path = minimal(tmp_path / "a.docx", HEADER, [["", "", "", ""]])
    error = refused(path)
    assert (error.why.code, error.where) == ("iso_word.no_steps", "bảng 1")


def test_what_is_not_a_regular_file_inside_its_folder_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.docx")
    assert refused(tmp_path / "pipe.docx").why.code == "file.not_regular"
    (tmp_path / "folder.docx").mkdir()
    assert refused(tmp_path / "folder.docx").why.code == "file.not_regular"
    outside = tmp_path / "outside.docx"
    write_iso_docx(outside)
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "link.docx").symlink_to(outside)
    assert refused(tmp_path / "inner" / "link.docx").why.code == "file.outside"


def test_a_file_over_20_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.docx"
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(25_000_000)
    error = refused(path)
    assert error.why == Msg("national.too_big", limit=Num(20), size=Num(25))
    assert error.hint == Msg("national.too_big.hint")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b"%PDF-1.7\n", "pdf"),
        (b"{\\rtf1\\ansi", "rtf"),
        (b"<html><body>QUY TR", "html"),
        (b"QUY TRINH", "other"),
    ],
)
def test_what_is_not_word_says_what_it_is(tmp_path: Path, data: bytes, kind: str) -> None:
    (tmp_path / "a.docx").write_bytes(data)
    error = refused(tmp_path / "a.docx")
    assert error.why == Msg("iso_word.not_word", received=Msg(f"iso_word.kind.{kind}"))
    assert error.hint == Msg("iso_word.save_as_docx.hint")


def test_a_zip_that_is_not_word_or_is_cut_short_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(zip_bytes({"readme.txt": b"hello"}))
    assert refused(tmp_path / "a.docx").why.code == "national.word_unreadable"
    whole = write_iso_docx(tmp_path / "whole.docx").read_bytes()
    (tmp_path / "b.docx").write_bytes(whole[: len(whole) // 2])
    assert refused(tmp_path / "b.docx").why.code == "national.word_not_zip"


def test_zip_bombs_are_refused_from_the_sizes_they_declare(tmp_path: Path) -> None:
    (tmp_path / "many.docx").write_bytes(zip_bytes({f"word/media/{n}.png": b"" for n in range(2_001)}))
    assert refused(tmp_path / "many.docx").why.code == "national.zip_too_many"
    zeros = bytes(45_000_000)
    (tmp_path / "part.docx").write_bytes(zip_bytes({"word/document.xml": zeros + zeros[:6_000_000]}))
    error = refused(tmp_path / "part.docx")
    assert error.why.code == "national.zip_member_too_big" and error.where == "word/document.xml"
    (tmp_path / "total.docx").write_bytes(zip_bytes({f"word/media/{n}.bin": zeros for n in range(5)}))
    assert refused(tmp_path / "total.docx").why.code == "national.zip_too_big"


def test_a_zip_that_understates_a_part_is_refused_when_the_part_is_read(tmp_path: Path) -> None:
    data = bytearray(write_iso_docx(tmp_path / "a.docx").read_bytes())
    name = b"word/document.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", data, start + size_at, 100)  # "100 bytes": the rest is never inflated
            start += 4
    (tmp_path / "lying.docx").write_bytes(bytes(data))
    assert refused(tmp_path / "lying.docx").why.code == "national.word_unreadable"


def test_an_entity_bomb_in_the_document_is_not_expanded(tmp_path: Path) -> None:
    source = zipfile.ZipFile(write_iso_docx(tmp_path / "a.docx"))
    members = {info.filename: source.read(info) for info in source.infolist()}
    entities = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 12))
    members["word/document.xml"] = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY e0 "lol">{entities}]>'
        f'<w:document xmlns:w="{W[1:-1]}"><w:body><w:p><w:r><w:t>&e11;</w:t></w:r></w:p></w:body></w:document>'
    ).encode()
    (tmp_path / "bomb.docx").write_bytes(zip_bytes(members))
    assert refused(tmp_path / "bomb.docx").why.code == "national.word_unreadable"  # libxml2 stops the amplification


def test_tables_nested_past_the_xml_parser_s_depth_are_refused(tmp_path: Path) -> None:
    source = zipfile.ZipFile(write_iso_docx(tmp_path / "a.docx"))
    members = {info.filename: source.read(info) for info in source.infolist()}
    nested = "<w:tbl><w:tr><w:tc>" * 400 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 400
    members["word/document.xml"] = f'<w:document xmlns:w="{W[1:-1]}"><w:body>{nested}</w:body></w:document>'.encode()
    (tmp_path / "deep.docx").write_bytes(zip_bytes(members))
    assert refused(tmp_path / "deep.docx").why.code == "national.word_unreadable"


# Old .doc files ----------------------------------------------------------------------------------------

OLD_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def test_without_libreoffice_a_doc_file_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty-bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    (tmp_path / "old.doc").write_bytes(OLD_DOC)
    error = refused(tmp_path / "old.doc")
    assert error.why.code == "iso_word.no_soffice"
    assert error.hint is not None
    for lang in ("vi", "en"):
        assert "apt-get install libreoffice-writer-nogui" in error.hint.render(lang)
        assert ".docx" in error.hint.render(lang)


def fake_soffice(folder: Path, script: str) -> None:
    folder.mkdir()
    program = folder / "soffice"
    program.write_text("#!/bin/sh\n" + script)
    program.chmod(0o755)


def test_a_conversion_that_hangs_is_stopped_with_its_helpers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    helper = tmp_path / "helper.pid"
    fake_soffice(tmp_path / "bin", f"sleep 300 &\necho $! > {helper}\nwait\n")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}:/usr/bin:/bin")
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        convert_doc(OLD_DOC, "old.doc", tmp_path, timeout=1)
    assert caught.value.why.code == "iso_word.convert_timeout" and time.monotonic() - started < 10
    pid = int(helper.read_text())
    for _ in range(50):  # the helper was killed with the group; its new parent reaps it
        status = Path(f"/proc/{pid}/status")
        if not status.exists() or "\nState:\tZ" in status.read_text():
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
        pytest.fail("LibreOffice's helper outlived the conversion")


def test_a_conversion_that_fails_says_what_libreoffice_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_soffice(tmp_path / "bin", "echo 'Error: source file could not be loaded'\nexit 1\n")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}:/usr/bin:/bin")
    with pytest.raises(SourceError) as caught:
        convert_doc(OLD_DOC, "old.doc", tmp_path)
    assert caught.value.why == Msg("iso_word.convert_failed", reason="Error: source file could not be loaded")


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_an_old_doc_file_is_converted_and_read(tmp_path: Path) -> None:
    content = dataclasses.replace(SAMPLE, people=TWO_APPROVERS)
    write_iso_docx(tmp_path / "quy-trinh.docx", content)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path / "old"),
            str(tmp_path / "quy-trinh.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    doc = tmp_path / "old" / "quy-trinh.doc"
    assert doc.read_bytes().startswith(OLD_DOC[:8])
    with deadline(150):
        process = read_iso_word(doc, "quy-trinh.doc")
    assert process == expected(content, IsoLayout(), "quy-trinh.doc")

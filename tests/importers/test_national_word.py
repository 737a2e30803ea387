"""The reader of the portal's Word export, checked against what the real export contains (read here
with python-docx on its own), then against broken and hostile Word files."""

from __future__ import annotations

import datetime as dt
import re
import struct
import zipfile
from pathlib import Path

import docx
import pytest

from procsite.importers.national_word import read_national_word
from procsite.importers.records import NationalRecord, SourceError
from procsite.importers.source_file import MAX_MEMBERS
from tests.importers.test_detect import EXPORT, deadline, docx_bytes, zip_bytes

DOCUMENT = "word/document.xml"


LABELS = (
    "Mã thủ tục", "Số quyết định", "Tên thủ tục", "Loại thủ tục", "Lĩnh vực", "Đối tượng thực hiện",
    "Cơ quan thực hiện", "Cơ quan có thẩm quyền", "Địa chỉ tiếp nhận HS", "Cơ quan được ủy quyền",
    "Cơ quan phối hợp", "Kết quả thực hiện", "Yêu cầu, điều kiện thực hiện", "Từ khóa", "Mô tả",
)  # fmt: skip


def facts() -> dict[str, str]:
    """The export's "Label: value" paragraphs, as python-docx reads them."""
    found = {}
    for paragraph in docx.Document(str(EXPORT)).paragraphs:
        label, colon, value = paragraph.text.partition(":")
        if colon and label in LABELS:
            found[label] = value.strip()
    return found


def table(index: int) -> list[list[str]]:
    """A table of the export as python-docx reads it, each cell's text trimmed, the header row left out."""
    rows = docx.Document(str(EXPORT)).tables[index].rows
    return [[cell.text.strip() for cell in row.cells] for row in rows[1:]]


@pytest.fixture(scope="module")
def record() -> NationalRecord:
    return read_national_word(EXPORT, EXPORT.name)


def test_the_facts_of_the_real_export(record: NationalRecord) -> None:
    said = facts()
    assert len(said) == 15
    assert record.source == "ChiTietTTHC_1.004370.doc"
    assert record.code == said["Mã thủ tục"] == "1.004370"
    assert record.name == said["Tên thủ tục"]
    assert record.decision is not None and (record.decision.number, record.decision.date) == (
        said["Số quyết định"],
        None,
    )
    assert record.procedure_type == said["Loại thủ tục"]
    assert record.fields == (said["Lĩnh vực"],)
    assert record.levels == ("district",)  # "Cấp Huyện": district level, abolished in 2025, the mapper decides
    assert record.applicants == (said["Đối tượng thực hiện"],)
    assert record.performing == (said["Cơ quan thực hiện"],)
    assert record.competent == (said["Cơ quan có thẩm quyền"],)
    assert record.submit_at == said["Địa chỉ tiếp nhận HS"]
    assert record.results == (said["Kết quả thực hiện"],)
    assert record.conditions == said["Yêu cầu, điều kiện thực hiện"]
    assert record.keywords == said["Từ khóa"]
    assert said["Cơ quan được ủy quyền"] == said["Cơ quan phối hợp"] == said["Mô tả"] == "Không có thông tin"
    assert (record.delegated, record.coordinating, record.description) == ((), (), "")
    assert record.issues == ()


def test_the_steps_of_the_real_export(record: NationalRecord) -> None:
    paragraphs = [p.text.strip() for p in docx.Document(str(EXPORT)).paragraphs]
    steps = [text for text in paragraphs if re.match(r"Bước \d+:", text)]
    assert len(steps) == 3
    assert record.steps == tuple(steps)


def test_the_channels_of_the_real_export(record: NationalRecord) -> None:
    rows = table(0)
    assert rows == [["Trực tiếp", "15 Ngày làm việc", "", rows[0][3]]]
    (channel,) = record.channels
    assert channel.method == "in_person"
    assert channel.time is not None and (channel.time.amount, channel.time.unit) == (15, "working_days")
    assert channel.time.text == "15 Ngày làm việc"
    assert channel.fees == ()  # the fee cell is empty
    assert channel.description == rows[0][3]


def test_the_documents_of_the_real_export(record: NationalRecord) -> None:
    rows = table(1)
    (group,) = record.document_groups
    assert group.caption == "Bao gồm"
    assert [d.name for d in group.documents] == [row[0] for row in rows]
    assert [d.form_files for d in group.documents] == [(row[1],) if row[1] else () for row in rows]
    counts = [re.findall(r"\d+", row[2]) for row in rows]
    assert [(d.originals, d.copies) for d in group.documents] == [(int(o), int(c)) for o, c in counts]
    assert {row[2] for row in rows} == {"Bản chính: 1\nBản sao: 0"}
    assert all(d.required is None for d in group.documents)  # the export does not say


def test_the_legal_basis_of_the_real_export(record: NationalRecord) -> None:
    rows = table(2)
    assert [t.number for t in record.legal_basis] == [row[0] for row in rows]
    assert [t.text for t in record.legal_basis] == [row[1] for row in rows]
    assert [t.date for t in record.legal_basis] == [dt.datetime.strptime(row[2], "%d-%m-%Y").date() for row in rows]
    assert [t.issuer for t in record.legal_basis] == [row[3] for row in rows]  # "Quốc Hội" as written
    assert record.legal_basis[0].title == "Cư trú"  # "Luật 81/2006/QH11 - Cư trú"
    assert all(t.title and t.title in t.text for t in record.legal_basis)


def export_with(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    """The real export with its document.xml edited (each change once)."""
    with zipfile.ZipFile(EXPORT) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts[DOCUMENT].decode()
    for old, new in changes:
        assert old in xml, old
        xml = xml.replace(old, new, 1)
    parts[DOCUMENT] = xml.encode()
    return zipped(tmp_path, parts)


def zipped(tmp_path: Path, parts: dict[str, bytes], name: str = "export.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(zip_bytes(parts))
    return path


def issues(path: Path) -> list[tuple[str, str, str]]:
    with deadline(10):
        record = read_national_word(path, path.name)
    return [(issue.where, issue.received, issue.why.code) for issue in record.issues]


def test_a_date_that_is_no_date_is_reported(tmp_path: Path) -> None:
    path = export_with(tmp_path, ("29-11-2006", "31-02-2006"))
    assert issues(path) == [("Căn cứ pháp lý[0].Ngày ban hành", "31-02-2006", "national.word_date_invalid")]
    assert read_national_word(path, "x").legal_basis[0].date is None


def test_a_quantity_not_in_numbers_is_reported(tmp_path: Path) -> None:
    path = export_with(tmp_path, ("Bản chính: </w:t><w:t>1</w:t>", "Bản chính: </w:t><w:t>một</w:t>"))
    assert issues(path) == [("Thành phần hồ sơ[0][0].Số lượng", "Bản chính: một\nBản sao: 0", "national.word_quantity")]
    first = read_national_word(path, "x").document_groups[0].documents[0]
    assert (first.originals, first.copies) == (None, 0)


def test_an_unknown_channel_or_level_is_reported_and_left(tmp_path: Path) -> None:
    path = export_with(tmp_path, ("<w:t>Trực tiếp</w:t>", "<w:t>Qua fax</w:t>"), ("Cấp Huyện", "Cấp Thôn"))
    assert issues(path) == [
        ("Cấp thực hiện", "Cấp Thôn", "national.level_unknown"),
        ("Cách thức thực hiện[0].Hình thức nộp", "Qua fax", "national.word_channel_unknown"),
    ]
    record = read_national_word(path, "x")
    assert (record.levels, record.channels) == ((), ())


def test_a_table_with_other_columns_is_reported_and_left(tmp_path: Path) -> None:
    path = export_with(tmp_path, ("<w:t>Số ký hiệu</w:t>", "<w:t>Số hiệu</w:t>"))
    ((where, received, code),) = issues(path)
    assert (where, code) == ("Căn cứ pháp lý", "national.word_table_unexpected")
    assert received.startswith("Số hiệu | Trích yếu")
    assert read_national_word(path, "x").legal_basis == ()


def test_a_table_where_none_is_expected_is_reported(tmp_path: Path) -> None:
    extra = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:sectPr>"
    assert issues(export_with(tmp_path, ("<w:sectPr>", extra))) == [("Mô tả", "", "national.word_table_ignored")]


def test_fees_written_in_the_cell_are_read(tmp_path: Path) -> None:
    fee_cell = (
        "<w:t>15 Ngày làm việc</w:t></w:r></w:p></w:tc><w:tc><w:p/><w:p><w:r>"
        "<w:t>Lệ phí : 20.000 Đồng (miễn cho hộ nghèo)</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Theo Nghị quyết của HĐND tỉnh</w:t>"
    )
    path = export_with(tmp_path, ("<w:t>15 Ngày làm việc</w:t>", fee_cell))
    fees = read_national_word(path, "x").channels[0].fees
    assert [(f.kind, f.amount, f.description, f.source_type) for f in fees] == [
        ("fee", 20000, "(miễn cho hộ nghèo)", "Lệ phí"),
        ("fee", None, "Theo Nghị quyết của HĐND tỉnh", ""),
    ]


def test_a_time_in_words_is_kept_as_text(tmp_path: Path) -> None:
    path = export_with(tmp_path, ("<w:t>15 Ngày làm việc</w:t>", "<w:t>Theo giấy hẹn</w:t>"))
    time = read_national_word(path, "x").channels[0].time
    assert time is not None and (time.amount, time.unit, time.text) == (None, None, "Theo giấy hẹn")


def error_of(path: Path) -> str:
    with deadline(20), pytest.raises(SourceError) as caught:
        read_national_word(path, path.name)
    return caught.value.why.code


def test_files_that_are_not_word_are_refused(tmp_path: Path) -> None:
    (tmp_path / "text.doc").write_text("Mã thủ tục: 1.004370", encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
    assert error_of(tmp_path / "text.doc") == "national.word_not_zip"
    assert error_of(tmp_path / "old.doc") == "national.word_old_format"
    assert error_of(zipped(tmp_path, {"readme.txt": b"hello"})) == "national.word_unreadable"
    sheet = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    }
    assert error_of(zipped(tmp_path, sheet)) == "national.word_unreadable"


def test_a_word_document_that_is_not_an_export_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    path.write_bytes(docx_bytes("Kính gửi Ủy ban nhân dân xã", "Nội dung"))
    assert error_of(path) == "national.word_not_export"


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    with zipfile.ZipFile(EXPORT) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts[DOCUMENT] = parts[DOCUMENT] + b" " * 51_000_000
    assert error_of(zipped(tmp_path, parts, "bomb.docx")) == "national.zip_member_too_big"


def test_a_zip_whose_parts_add_up_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = zipped(tmp_path, {f"word/media/{i}.bin": b"x" for i in range(5)}, "many.docx")
    data = bytearray(path.read_bytes())
    directory = data.find(b"PK\x01\x02")
    while directory != -1:  # each part claims 45 MB in the central directory, as a crafted bomb does
        struct.pack_into("<I", data, directory + 24, 45_000_000)
        directory = data.find(b"PK\x01\x02", directory + 4)
    path.write_bytes(bytes(data))
    assert error_of(path) == "national.zip_too_big"


def test_a_zip_of_too_many_parts_is_refused(tmp_path: Path) -> None:
    path = zipped(tmp_path, {f"p/{i}.xml": b"" for i in range(MAX_MEMBERS + 1)}, "parts.docx")
    assert error_of(path) == "national.zip_too_many"


def test_xml_nested_beyond_reason_or_with_entities_is_refused_quickly(tmp_path: Path) -> None:
    deep = "<w:sdt><w:sdtContent>" * 100_000 + "</w:sdtContent></w:sdt>" * 100_000
    assert error_of(export_with(tmp_path, ("<w:body>", "<w:body>" + deep))) == "national.word_unreadable"
    laughs = (
        '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
        + "]>"
    )
    with zipfile.ZipFile(EXPORT) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts[DOCUMENT].decode().replace("Đăng ký thường trú (thực hiện tại cấp huyện)", "&j;", 1)
    parts[DOCUMENT] = (
        xml.replace("?>", "?>" + laughs, 1).encode() if xml.startswith("<?xml") else (laughs + xml).encode()
    )
    path = zipped(tmp_path, parts, "laughs.docx")
    with deadline(10):
        try:
            record = read_national_word(path, path.name)
        except SourceError as error:
            assert error.why.code == "national.word_unreadable"
        else:
            assert len(record.name) < 1000  # the entity is not expanded


def test_a_file_bigger_than_20_mb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.doc"
    with path.open("wb") as handle:
        handle.truncate(20_000_001)
    assert error_of(path) == "national.too_big"

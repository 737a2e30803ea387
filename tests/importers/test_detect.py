"""Recognising a source by its content, whatever its name, and refusing files that are not sources."""

from __future__ import annotations

import io
import json
import os
import signal
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
import pytest

from procsite.importers.detect import kind_of
from procsite.importers.source_file import MAX_WORD_BYTES

REFERENCE = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
"""The real files the readers are checked against (copied unchanged from the reference data: real national
records and a real Word export, public information)."""
RECORDS = sorted((REFERENCE / "national-records").glob("*.json"))
EXPORT = REFERENCE / "national-word-export" / "ChiTietTTHC_1.004370.doc"


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail the test when its block takes longer than ``seconds`` (a hostile file must not stall a reader)."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def zip_bytes(parts: dict[str, bytes]) -> bytes:
    """A ZIP archive of ``parts`` (name → bytes): a Word file's container, made by hand to be hostile."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bytes(*paragraphs: str, table: list[list[str]] | None = None) -> bytes:
    """A small real Word document made with python-docx."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_the_reference_files_are_here() -> None:
    assert len(RECORDS) == 12 and EXPORT.exists()


@pytest.mark.parametrize("record", RECORDS, ids=lambda path: path.stem)
def test_every_real_record_is_a_national_json(record: Path) -> None:
    assert kind_of(record) == "national_json"


def test_the_real_word_export_is_a_national_word_despite_its_doc_name() -> None:
    assert EXPORT.read_bytes()[:2] == b"PK"
    assert kind_of(EXPORT) == "national_word"


def test_the_kind_comes_from_the_content_not_the_name(tmp_path: Path) -> None:
    assert kind_of(write(tmp_path, "ho-so.doc", RECORDS[0].read_bytes())) == "national_json"
    assert kind_of(write(tmp_path, "ho-so.json", EXPORT.read_bytes())) == "national_word"
    assert kind_of(write(tmp_path, "ho-so.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))) == "doc"


def test_a_bare_data_object_and_the_older_interface_are_national_json(tmp_path: Path) -> None:
    data = json.loads(RECORDS[0].read_text(encoding="utf-8"))["data"]
    assert kind_of(write(tmp_path, "bare.json", json.dumps(data).encode())) == "national_json"
    older = {"MATTHC": "1.001193", "TENTTHC": "Đăng ký khai sinh"}
    assert kind_of(write(tmp_path, "older.json", json.dumps(older).encode())) == "national_json"
    answer = {"error_code": 0, "result": [older]}
    assert kind_of(write(tmp_path, "answer.json", json.dumps(answer).encode())) == "national_json"


def test_an_iso_process_is_an_iso_word(tmp_path: Path) -> None:
    heading = docx_bytes("ỦY BAN NHÂN DÂN XÃ", "QUY TRÌNH", "Đăng ký khai sinh", "Mã hiệu: QT 01/CX-HCTP")
    assert kind_of(write(tmp_path, "iso.docx", heading)) == "iso_word"
    signatures = [["Trách nhiệm", "Soạn thảo", "Xem xét", "Phê duyệt"], ["Họ tên", "A", "B", "C"]]
    assert kind_of(write(tmp_path, "ky.docx", docx_bytes("Nội dung", table=signatures))) == "iso_word"


def test_a_word_export_is_recognised_by_its_code_line_too(tmp_path: Path) -> None:
    assert kind_of(write(tmp_path, "a.docx", docx_bytes("", "Mã thủ tục: 1.004370"))) == "national_word"


def test_an_iso_process_that_names_its_procedure_code_is_still_an_iso_word(tmp_path: Path) -> None:
    iso = docx_bytes("QUY TRÌNH", "Đăng ký khai sinh", "Mã thủ tục: 1.001193", "Mã hiệu: QT 01/CX-HCTP")
    assert kind_of(write(tmp_path, "iso.docx", iso)) == "iso_word"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello",
        b'{"a": 1}',
        b"[1, 2, 3]",
        b'{"code": "OK"',  # cut short
        b"{" * 100_000,
        b"PK\x03\x04 not really a zip",
        docx_bytes("Biên bản họp", "Nội dung khác"),
    ],
    ids=["empty", "text", "other-json", "json-list", "broken-json", "deep-json", "fake-zip", "other-word"],
)
def test_anything_else_is_none(tmp_path: Path, data: bytes) -> None:
    with deadline(10):
        assert kind_of(write(tmp_path, "x.json", data)) is None


def test_a_zip_that_is_not_word_is_none(tmp_path: Path) -> None:
    readme = zip_bytes({"readme.txt": "Mã thủ tục: 1.004370".encode()})
    assert kind_of(write(tmp_path, "x.docx", readme)) is None


def test_files_that_cannot_be_read_safely_are_none(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "link.json").symlink_to(RECORDS[0])
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_WORD_BYTES + 1)
    with deadline(10):
        for path in (fifo, tmp_path / "zero.json", outside / "link.json", big, tmp_path / "missing.json"):
            assert kind_of(path) is None, path
        assert kind_of(tmp_path) is None  # a folder

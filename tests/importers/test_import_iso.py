"""An ISO process in Word, written here in the real structure, imports into its procedure: steps, units,
durations, document control and revision log; the procedure then checks and builds with nothing to complete."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

from procsite.importers.command import run_import
from procsite.importers.registers import name_key
from procsite.importers.vi_durations import read_length
from procsite.importers.writer import split_front_matter
from procsite.source.loader import load_catalog
from tests.conftest import SAMPLE, build_site
from tests.importers.make_iso_docx import SAMPLE as ISO
from tests.importers.make_iso_docx import IsoLayout, write_iso_docx
from tests.importers.test_import_national import RECORDS, empty_agency


def block(text: str, key: str) -> list[str]:
    """The lines of one top-level key of a procedure file."""
    blocks, _ = split_front_matter(text)
    return next(b.lines for b in blocks if b.key == key)


def sample_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "procedures"
    shutil.copytree(SAMPLE, folder)
    return folder


def test_an_iso_process_replaces_iso_and_steps_and_builds_complete(tmp_path: Path) -> None:
    folder = sample_copy(tmp_path)
    path = next(p for p in folder.rglob("dang-ky-khai-sinh.md"))
    before = path.read_text(encoding="utf-8")
    docx = write_iso_docx(tmp_path / "QT-khai-sinh.docx", ISO, IsoLayout(output_column=True))
    status, report = run_import([docx], folder, "vi", dt.date(2026, 12, 1))
    assert status == 0, report
    catalog = load_catalog(folder)
    assert catalog.report.problems == []
    p = catalog.by_code()[ISO.national_code]
    assert p.to_complete == {}
    assert p.iso is not None
    assert (p.iso.code, p.iso.issue, p.iso.effective) == ("QT-01/CX-HCTP", ISO.issue, ISO.issued)
    units = catalog.units
    # units are found by name (the sample's "Công chức Tư pháp – Hộ tịch" is the document's "… - …")
    signers = (p.iso.drafted_by, p.iso.reviewed_by, p.iso.approved_by)
    assert [name_key(units[u].name.vi) for u in signers] == [name_key(person.title) for person in ISO.people]
    assert [s.action.vi for s in p.steps] == [" ".join(step.action.split()) for step in ISO.steps]
    for step, written in zip(p.steps, ISO.steps, strict=True):  # as written, or abbreviations in words
        as_written = written.responsible
        in_words = " ".join(ISO.abbreviations.get(word, word) for word in as_written.split())
        assert name_key(units[step.unit].name.vi) in {name_key(as_written), name_key(in_words)}
    for step, written in zip(p.steps, ISO.steps, strict=True):
        length = read_length(written.time, day_is_working=True)
        assert length is not None and (step.duration.amount, step.duration.unit) == (length.amount, length.unit)
        assert step.output is not None and step.output.vi == written.output
    changes = [r.change.vi for r in p.iso.revisions]
    assert changes[0] == "Ban hành lần đầu"
    for row in ISO.revisions:
        assert any(row.change in change for change in changes), row.change
    # what staff wrote outside iso and steps is untouched: the rest of the front matter and the body
    after = path.read_text(encoding="utf-8")
    assert after.split("\n---\n", 1)[1] == before.split("\n---\n", 1)[1]
    for key in ("title", "fees", "documents", "legal_basis", "keywords"):
        assert block(after, key) == block(before, key), key
    assert "(cập nhật, mã 1.001193)" in report
    site = tmp_path / "site"
    assert build_site(folder, site) == 0
    page = (site / "thu-tuc" / p.slug / "index.html").read_text(encoding="utf-8")
    assert "QT-01/CX-HCTP" in page and "Đang cập nhật" not in page


def test_a_record_and_its_process_in_one_run(tmp_path: Path) -> None:
    folder = empty_agency(tmp_path)
    record = next(r for r in RECORDS if r.stem == ISO.national_code)
    docx = write_iso_docx(tmp_path / "qt.docx", ISO, IsoLayout(lettered=False, merge_responsible=True))
    status, report = run_import([docx, record], folder, "vi", dt.date(2026, 12, 1))  # the process named first
    assert status == 0, report
    p = load_catalog(folder).by_code()[ISO.national_code]
    assert "steps" not in p.to_complete and "iso" not in p.to_complete and len(p.steps) == len(ISO.steps)


def test_a_step_whose_time_cannot_be_read_leaves_the_steps_to_complete(tmp_path: Path) -> None:
    folder = sample_copy(tmp_path)
    steps = (dataclasses.replace(ISO.steps[0], time="theo quy định"), *ISO.steps[1:])
    docx = write_iso_docx(tmp_path / "qt.docx", dataclasses.replace(ISO, steps=steps, total_time=""))
    status, report = run_import([docx], folder, "vi", dt.date(2026, 12, 1))
    assert status == 0, report
    assert 'bước 1: cần thời gian như "01 giờ làm việc" hoặc "0,5 ngày", nhưng nhận được: "theo quy định"' in report
    p = load_catalog(folder).by_code()[ISO.national_code]
    assert "steps" in p.to_complete


def test_a_process_without_its_procedure_is_refused_with_a_message(tmp_path: Path) -> None:
    folder = empty_agency(tmp_path)
    docx = write_iso_docx(tmp_path / "qt.docx", ISO)
    status, report = run_import([docx], folder, "vi", dt.date(2026, 12, 1))
    assert status == 1
    assert "cần thủ tục của quy trình này trong thư mục (mã 1.001193" in report
    assert not list(folder.rglob("*.md"))

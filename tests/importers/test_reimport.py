"""A newer national record updates the national facts and keeps what staff wrote, byte for byte."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from procsite.importers.command import run_import
from procsite.importers.writer import split_front_matter
from procsite.source.loader import load_catalog
from tests.importers.test_import_national import RECORDS, empty_agency

RECORD = next(r for r in RECORDS if r.stem == "1.004222")

STAFF_WORK = {
    "iso": """iso:
  code: QT-CT-01            # mã hiệu của xã
  issue: 2
  effective: 2026-01-05
  drafted_by: mot-cua
  reviewed_by: chu-tich
  approved_by: chu-tich
  revisions:
    - {issue: 1, date: 2025-07-01, change: {vi: Ban hành lần đầu, en: First issue}}
    - {issue: 2, date: 2026-01-05, change: {vi: Cập nhật, en: Updated}}
""",
    "steps": """steps:
  - action: {vi: Tiếp nhận hồ sơ, en: Receive the dossier}
    unit: mot-cua
    duration: 1 working_days
  - action: {vi: Thẩm định và cập nhật, en: Check and record}
    unit: ho-tich
    duration: 5 working_days
  - action: {vi: Trả kết quả, en: Return the result}
    unit: mot-cua
    duration: 1 working_days
""",
    "keywords": """keywords:
  vi: [nhập hộ khẩu, đăng ký hộ khẩu]   # người dân hay gọi thế
  en: [residence registration]
""",
    "performing_units": "performing_units: [ubnd-xa]\n",
}
BODY = "Người dân có thể nộp trực tuyến trên Cổng Dịch vụ công.\n\nGhi chú của Bộ phận Một cửa.\n"


def staff_edit(path: Path) -> str:
    """What a member of staff does after the first import: completes the ISO parts, translates, writes."""
    text = path.read_text(encoding="utf-8")
    blocks, _ = split_front_matter(text)
    out = []
    for block in blocks:
        if block.key in STAFF_WORK:
            lead = [line for line in block.lines if line.startswith("#")]
            out.append("\n".join(lead) + ("\n" if lead else "") + STAFF_WORK[block.key])
        elif block.key == "title":
            out.append("title:\n  vi: Đăng ký thường trú\n  en: Permanent residence registration\n")
        else:
            out.append("".join(line + "\n" for line in block.lines))
    if "keywords" not in {b.key for b in blocks}:
        out.append(STAFF_WORK["keywords"])
    edited = "---\n" + "".join(out) + "---\n" + BODY
    path.write_text(edited, encoding="utf-8")
    return edited


def test_reimport_keeps_staff_work_and_reports_changes(tmp_path: Path) -> None:
    folder = empty_agency(tmp_path)
    status, report = run_import([RECORD], folder, "vi", dt.date(2026, 12, 1))
    assert status == 0, report
    path = next(folder.rglob("dang-ky-thuong-tru.md"))
    staff_edit(path)
    assert load_catalog(folder).report.problems == []
    before_blocks, _ = split_front_matter(path.read_text(encoding="utf-8"))
    staff_before = {b.key: b.lines for b in before_blocks if b.key in STAFF_WORK}

    newer = json.loads(RECORD.read_text(encoding="utf-8"))
    method = newer["data"]["executionMethods"][0]
    old_fee = method["fees"][0]["value"]
    method["fees"][0]["value"] = old_fee + 5000
    newer["data"]["executionCases"][0]["profileComponents"].append(
        {"name": "- Giấy tờ mới theo quyết định mới", "originalQty": 1, "copyQty": 0, "attachments": []}
    )
    newer["data"]["procedureProposal"]["proposalNumber"] = "2000/QĐ-BCA"
    source = tmp_path / "newer" / "1.004222.json"
    source.parent.mkdir()
    source.write_text(json.dumps(newer, ensure_ascii=False), encoding="utf-8")

    status, report = run_import([source], folder, "vi", dt.date(2026, 12, 20))
    assert status == 0, report
    after = path.read_text(encoding="utf-8")
    after_blocks, rest = split_front_matter(after)
    assert {b.key: b.lines for b in after_blocks if b.key in STAFF_WORK} == staff_before
    assert rest == "---\n" + BODY  # the body, byte for byte
    assert "en: Permanent residence registration" in after  # staff's translation of a national text
    assert f"amount: {old_fee + 5000}" in after and "Giấy tờ mới theo quyết định mới" in after
    assert "(cập nhật, mã 1.004222)" in report
    assert f"fees[0].amount:\n    − {old_fee}\n    + {old_fee + 5000}" in report
    assert "Giấy tờ mới theo quyết định mới" in report and "2000/QĐ-BCA" in report
    assert "- issue: 3\n      date: 2026-12-20" in report  # the next revision entry, proposed
    assert load_catalog(folder).report.problems == []


def test_reimport_of_the_same_record_changes_nothing(tmp_path: Path) -> None:
    folder = empty_agency(tmp_path)
    assert run_import([RECORD], folder, "vi", dt.date(2026, 12, 1))[0] == 0
    path = next(folder.rglob("dang-ky-thuong-tru.md"))
    before = path.read_text(encoding="utf-8")
    status, report = run_import([RECORD], folder, "vi", dt.date(2026, 12, 2))
    assert status == 0 and "không có gì thay đổi" in report
    assert path.read_text(encoding="utf-8") == before
    shutil.rmtree(folder)

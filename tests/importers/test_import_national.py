"""``procsite import`` of the 12 real national records and the real Word export: every file it writes
passes ``check``, and the published pages show what each record states, compared here with the JSON."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
from pathlib import Path

import pytest

from procsite.importers.command import run_import
from procsite.source.canonical import canonical
from procsite.source.loader import load_catalog
from tests.conftest import MINIMAL, build_site

IMPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
RECORDS = sorted((IMPORTS / "national-records").glob("*.json"))
WORD = IMPORTS / "national-word-export" / "ChiTietTTHC_1.004370.doc"
TODAY = dt.date(2026, 12, 1)


def empty_agency(tmp_path: Path) -> Path:
    """The minimal fixture's registers without its procedure: an agency about to import."""
    folder = tmp_path / "procedures"
    shutil.copytree(MINIMAL, folder)
    for path in (folder / "ho-tich").glob("*.md"):
        path.unlink()
    agency = folder / "agency.yml"  # its featured procedure is gone with it
    agency.write_text(re.sub(r"(?ms)^featured:.*?(?=^\S|\Z)", "", agency.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    tmp = tmp_path_factory.mktemp("import")
    folder = empty_agency(tmp)
    status, report = run_import([*RECORDS, WORD], folder, "vi", TODAY)
    assert status == 0, report
    site = tmp / "site"
    assert build_site(folder, site) == 0
    return folder, report, site


def data(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(path.read_text(encoding="utf-8"))["data"]  # type: ignore[no-any-return]


def page_of(folder: Path, site: Path, code: str) -> str:
    catalog = load_catalog(folder)
    slug = next(p.slug for p in catalog.procedures if p.code == code)
    text = (site / "thu-tuc" / slug / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", text, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


def words(text: str) -> str:
    """A source text as the page shows it: in the stored form of ``make fix`` (NFC, Word paste such as the
    U+200E some records carry removed: tested in test_fix), single spaces, no bullet."""
    text = re.sub(r"\s+", " ", canonical(text.replace("\u00a0", " "))).strip()
    return re.sub(r"^(?:[-+*•]\s+)", "", text)


def test_every_record_is_imported_and_checks(imported: tuple[Path, str, Path]) -> None:
    folder, report, _ = imported
    catalog = load_catalog(folder)
    assert catalog.report.problems == []
    assert sorted(p.code for p in catalog.procedures) == sorted(
        [data(r)["code"].strip() for r in RECORDS] + ["1.004370"]
    )
    # the ISO parts are never in a national record: each procedure has them to complete, as notices
    for p in catalog.procedures:
        assert {"iso", "steps"} <= set(p.to_complete), p.code
    assert "to_complete" in report and "Kiểm tra các tệp đã nhập: không có lỗi" in report


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.stem)
def test_the_page_shows_what_the_record_states(imported: tuple[Path, str, Path], record: Path) -> None:
    folder, _, site = imported
    d = data(record)
    page = page_of(folder, site, d["code"].strip())
    name = re.sub(r"^Thủ tục\s+", "", words(d["name"]))
    assert name[0].upper() + name[1:] in page
    assert d["code"].strip() in page
    for method in d["executionMethods"]:
        for fee in method["fees"]:
            if fee["value"]:  # 0 and null are "free" or "being updated": checked in test_to_source
                assert f"{int(fee['value']):,}".replace(",", ".") in page, fee
    for case in d["executionCases"]:
        for component in case["profileComponents"]:
            shown = words(component["name"])
            assert shown[:60] in page or shown.split(":", 1)[-1].strip()[:60] in page, shown
    for law in d.get("legalBasisesDetails") or []:
        number = re.sub(r"^(Thông tư|Nghị định|Nghị quyết|Quyết định|Luật)\s+(số\s+)?", "", law["code"].strip())
        assert number in page, number
    times = {(m["processingTime"], m["processingTimeUnit"]) for m in d["executionMethods"]}
    direct = next((m for m in d["executionMethods"] if m["submissionMethod"] == "DIRECT"), None)
    if direct and direct["processingTimeUnit"] == "WORKING_DAY":
        assert f"{direct['processingTime']} ngày làm việc" in page, times


def test_the_word_export_is_imported_with_its_facts(imported: tuple[Path, str, Path]) -> None:
    folder, _, site = imported
    page = page_of(folder, site, "1.004370")
    for text in (
        "Đăng ký thường trú (thực hiện tại cấp huyện)",
        "15 ngày làm việc",
        "81/2006/QH11",
        "Giấy chuyển hộ khẩu",
    ):
        assert text in page, text

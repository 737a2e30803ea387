"""A value an import could not fill is written ``to_complete``: a notice, never an error; the strict build
publishes the page, which says what is being prepared and shows everything that is known."""

from __future__ import annotations

import html
import re
from pathlib import Path

from procsite.source.loader import load_catalog
from tests.conftest import build_site
from tests.test_cases import apply_case

CASE = Path(__file__).parent / "cases" / "valid" / "to-complete"
CASE_FILES = {"expected.txt", "expected.en.txt", "removed.txt", "untranslated.txt", "untranslated.en.txt"}


def _page_text(site: Path, lang: str) -> str:
    page = site / ("" if lang == "vi" else "en") / "thu-tuc" / "khai-sinh" / "index.html"
    text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", html.unescape(text))


def test_placeholders_are_notices_listed_with_their_lines(procedures: Path) -> None:
    apply_case(CASE, procedures, CASE_FILES)
    catalog = load_catalog(procedures)
    assert catalog.report.problems == []
    source = (procedures / "ho-tich" / "khai-sinh.md").read_text(encoding="utf-8").splitlines()
    noted = {(n.key, n.line) for n in catalog.to_complete()}
    written = {line for line, text in enumerate(source, 1) if "to_complete" in text}
    assert {line for _, line in noted} == written
    assert {key for key, _ in noted} == {
        "iso",
        "performing_units",
        "processing_time.limit",
        "fees[0].amount",
        "steps",
        "legal_basis[0].date",
        "legal_basis[0].issuer",
        "result",
    }
    assert all("to_complete" in n.render("vi") and "còn phải bổ sung" in n.render("vi") for n in catalog.to_complete())


def test_a_form_without_its_file_is_to_complete(procedures: Path) -> None:
    forms = procedures / "forms.yml"
    forms.write_text(forms.read_text(encoding="utf-8") + "mau-moi:\n  title: {vi: Mẫu mới}\n  file: to_complete\n")
    catalog = load_catalog(procedures)
    assert catalog.report.problems == []
    assert [(n.path, n.key) for n in catalog.to_complete()] == [("procedures/forms.yml", "mau-moi.file")]


def test_the_strict_build_publishes_what_is_known_and_says_what_is_being_prepared(
    procedures: Path, tmp_path: Path
) -> None:
    apply_case(CASE, procedures, CASE_FILES)
    site = tmp_path / "site"
    assert build_site(procedures, site) == 0
    vi, en = _page_text(site, "vi"), _page_text(site, "en")
    # What is known is shown as written
    known = ["Bước 1: Người yêu cầu nộp hồ sơ.", "Bước 2: Công chức hộ tịch kiểm tra và ghi vào Sổ.", "Tờ khai"]
    known += ["60/2014/QH13", "Luật Hộ tịch", "163/QĐ-BTP", "Bộ Tư pháp", "Theo Cơ sở dữ liệu quốc gia"]
    for text in known:
        assert text in vi, text
    assert "Step 1: The applicant submits the dossier." in en and "Ministry of Justice" in en
    # What is not is said, in each language, never shown as a made-up value
    assert "đang được xây dựng" in vi and "is being prepared" in en
    assert "Đang cập nhật mức thu" in vi and "Amount being updated" in en
    assert "Miễn phí" not in vi  # an unknown amount is not "free"
    assert "to_complete" not in vi and "to_complete" not in en
    page = (site / "thu-tuc" / "khai-sinh" / "index.html").read_text(encoding="utf-8")
    assert "data-ps-due" not in page  # no due date computed from an unknown time
    assert 'id="steps"' in page and 'id="document-control"' in page and 'id="flow"' in page

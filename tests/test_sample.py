"""The embedded sample: every procedure page, in both languages, shows what a citizen needs."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from procsite.pages.i18n import format_duration, format_processing_time
from procsite.source.loader import load_catalog
from tests.conftest import SAMPLE

CATALOG = load_catalog(SAMPLE)
IDS = [p.slug for p in CATALOG.procedures]


def test_sample_is_valid_fully_translated_and_large_enough() -> None:
    assert CATALOG.report.text() == ""
    assert CATALOG.untranslated == []
    assert len(CATALOG.procedures) >= 15
    assert {p.field for p in CATALOG.procedures} >= {
        "ho-tich",
        "chung-thuc",
        "cu-tru",
        "ho-kinh-doanh",
        "xay-dung",
        "lien-thong",
    }
    assert any(p.status == "superseded" for p in CATALOG.procedures)


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("procedure", CATALOG.procedures, ids=IDS)
def test_every_procedure_page_shows_steps_time_fee_documents_and_legal_basis(
    sample_site: Path, procedure, lang: str
) -> None:
    root = sample_site if lang == "vi" else sample_site / "en"
    page = (root / "thu-tuc" / procedure.slug / "index.html").read_text(encoding="utf-8")
    steps = re.search(r'<table class="ps-steps">.*?<tbody>(.*?)</tbody>', page, re.S)
    assert steps, "no steps table"
    rows = re.findall(r"<tr>(.*?)</tr>", steps.group(1), re.S)
    assert len(rows) == len(procedure.steps)
    for row, step in zip(rows, procedure.steps, strict=True):
        cells = [_text(c) for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
        assert cells[1] == step.action.get(lang)
        assert cells[2] == CATALOG.units[step.unit].name.get(lang)
        assert cells[3].startswith(format_duration(step.duration, lang))
    summary = _text(re.search(r'<section class="ps-summary[^"]*".*?</section>', page, re.S).group(0))
    assert format_processing_time(procedure.processing_time, lang) in summary
    assert ("Phí, lệ phí" if lang == "vi" else "Fees") in summary
    documents = re.search(r'<ul class="ps-checklist[^"]*".*?</ul>', page, re.S).group(0)
    assert documents.count("<li>") == len(procedure.documents)
    for basis in procedure.legal_basis:
        assert f"<td>{basis.number}</td>" in page

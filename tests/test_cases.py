"""Golden cases: each folder under tests/cases/invalid overlays the minimal fixture with broken
files, and expected.txt holds, word for word, the messages staff must see."""

from __future__ import annotations

from pathlib import Path

import pytest

from procsite.loader import load_catalog

CASES = sorted((Path(__file__).parent / "cases" / "invalid").iterdir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_invalid_case_reports_expected_messages(case: Path, procedures: Path) -> None:
    for source in case.rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = procedures / source.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    catalog = load_catalog(procedures)
    assert catalog.report.text() + "\n" == (case / "expected.txt").read_text(encoding="utf-8")


def test_minimal_fixture_is_valid(procedures: Path) -> None:
    catalog = load_catalog(procedures)
    assert catalog.report.text() == ""
    assert [p.code for p in catalog.procedures] == ["1.001193"]
    assert catalog.untranslated == []

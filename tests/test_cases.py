"""Golden cases: each folder under tests/cases/invalid overlays the minimal fixture with broken
files (and removes the fixture files listed in its removed.txt); expected.txt holds, word for
word, the messages staff must see."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from procsite.loader import load_catalog

CASES = sorted((Path(__file__).parent / "cases" / "invalid").iterdir())
CASE_FILES = {"expected.txt", "removed.txt"}
"""Files of a case folder that describe the case rather than overlay the fixture."""


def overlay(case: Path, procedures: Path) -> str:
    """Apply ``case`` to the copy of the minimal fixture in ``procedures``; returns the expected messages."""
    removed = case / "removed.txt"
    for rel in removed.read_text(encoding="utf-8").split() if removed.exists() else []:
        (procedures / rel).unlink()
    for source in case.rglob("*"):
        if source.is_file() and source.name not in CASE_FILES:
            target = procedures / source.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    return (case / "expected.txt").read_text(encoding="utf-8")


def test_the_corpus_covers_at_least_45_cases() -> None:
    assert len(CASES) >= 45
    assert all((case / "expected.txt").is_file() for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_invalid_case_reports_expected_messages(case: Path, procedures: Path) -> None:
    expected = overlay(case, procedures)
    catalog = load_catalog(procedures)
    assert catalog.report.text() + "\n" == expected


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_command_fails_cleanly_on_invalid_case(case: Path, procedures: Path, tmp_path: Path) -> None:
    """The command staff run: exit status 1, the same messages on stderr, nothing on stdout, no traceback."""
    expected = overlay(case, procedures)
    env = {**os.environ, "PROCEDURES": ""}
    result = subprocess.run(
        [sys.executable, "-m", "procsite", "check", "--procedures", str(procedures)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    count = expected.count("\n")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        f"{expected}\n{count} problem{'s' if count != 1 else ''} found; nothing was built. "
        "Fix them and run the command again.\n"
    )


def test_minimal_fixture_is_valid(procedures: Path) -> None:
    catalog = load_catalog(procedures)
    assert catalog.report.text() == ""
    assert [p.code for p in catalog.procedures] == ["1.001193"]
    assert catalog.untranslated == []

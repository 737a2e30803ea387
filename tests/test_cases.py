"""Golden cases: each folder under tests/cases/invalid overlays the minimal fixture with broken
files (and removes the fixture files listed in its removed.txt); expected.txt holds, word for
word, the messages staff see in Vietnamese (the default), expected.en.txt the same in English."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from procsite.source.loader import load_catalog

CASES = sorted((Path(__file__).parent / "cases" / "invalid").iterdir())
CASE_FILES = {"expected.txt", "expected.en.txt", "removed.txt"}
EXPECTED = {"vi": "expected.txt", "en": "expected.en.txt"}
"""The messages of a case in each language."""
"""Files of a case folder that describe the case rather than overlay the fixture."""


def overlay(case: Path, procedures: Path, lang: str = "vi") -> str:
    """Apply ``case`` to the copy of the minimal fixture in ``procedures``; returns the expected messages."""
    apply_case(case, procedures)
    return (case / EXPECTED[lang]).read_text(encoding="utf-8")


def apply_case(case: Path, procedures: Path, ignored: set[str] = CASE_FILES) -> None:
    """Overlay the files of ``case`` on ``procedures`` and delete the fixture files its removed.txt lists."""
    removed = case / "removed.txt"
    for rel in removed.read_text(encoding="utf-8").split() if removed.exists() else []:
        (procedures / rel).unlink()
    for source in case.rglob("*"):
        if source.is_file() and source.name not in ignored:
            target = procedures / source.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())


def test_the_corpus_covers_at_least_90_cases_in_both_languages() -> None:
    assert len(CASES) >= 90
    assert all((case / name).is_file() for case in CASES for name in EXPECTED.values())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_invalid_case_reports_expected_messages(case: Path, procedures: Path) -> None:
    overlay(case, procedures)
    expected = {lang: (case / name).read_text(encoding="utf-8") for lang, name in EXPECTED.items()}
    catalog = load_catalog(procedures)
    assert catalog.report.text("vi") + "\n" == expected["vi"]
    assert catalog.report.text("en") + "\n" == expected["en"]
    assert expected["vi"].count("\n") == expected["en"].count("\n")


SUMMARY = {
    "vi": "Có {count} lỗi; chưa dựng trang nào. Hãy sửa rồi chạy lại lệnh.\n",
    "en": "{count} problem{s} found; nothing was built. Fix them and run the command again.\n",
}


@pytest.mark.parametrize(
    ("case", "lang"), [(c, lang) for c in CASES for lang in EXPECTED], ids=lambda v: getattr(v, "name", v)
)
def test_check_command_fails_cleanly_on_invalid_case(case: Path, lang: str, procedures: Path, tmp_path: Path) -> None:
    """The command staff run: exit status 1, the same messages on stderr, nothing on stdout, no traceback;
    in Vietnamese unless asked for English."""
    expected = overlay(case, procedures, lang)
    env = {**os.environ, "PROCEDURES": ""}
    env.pop("PROCSITE_LANG", None)
    language = ["--lang", "en"] if lang == "en" else []
    result = subprocess.run(
        [sys.executable, "-m", "procsite", "check", "--procedures", str(procedures), *language],
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
    assert result.stderr == f"{expected}\n" + SUMMARY[lang].format(count=count, s="s" if count != 1 else "")


def test_minimal_fixture_is_valid(procedures: Path) -> None:
    catalog = load_catalog(procedures)
    assert catalog.report.text() == ""
    assert [p.code for p in catalog.procedures] == ["1.001193"]
    assert catalog.untranslated == []

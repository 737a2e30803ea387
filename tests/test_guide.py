"""The staff guide is the program: what it quotes and what it says is accepted come from golden cases.

Every message the guide shows is an include (``--8<--``, pymdownx.snippets) of a golden case's
expected file, so it cannot drift from what ``procsite check`` prints; every claim that something
IS accepted is a case under ``tests/cases/valid/`` that loads without a problem, and the guide
shows that case's source lines where it makes the claim. Nothing is built here: the site build
(strict, snippets with ``check_paths``) runs in tests/test_build.py and ``make build``.
"""

from __future__ import annotations

import datetime
import difflib
import re
from pathlib import Path

import pytest

from procsite.cli import COMMANDS, _parser
from procsite.model.catalog import Catalog
from procsite.source.loader import load_catalog
from tests.test_cases import apply_case as overlay_files

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
CASES = ROOT / "tests" / "cases"
VALID = sorted((CASES / "valid").iterdir())
GUIDES = {"vi": ROOT / "docs" / "vi" / "huong-dan" / "index.md", "en": ROOT / "docs" / "en" / "huong-dan" / "index.md"}
SUFFIX = {"vi": ".txt", "en": ".en.txt"}
"""The expected files a guide in each language includes: ``expected.txt`` or ``expected.en.txt``."""
CASE_FILES = {"expected.txt", "expected.en.txt", "removed.txt", "untranslated.txt", "untranslated.en.txt"}
"""Files of a case folder that describe the case rather than overlay the fixture."""

INCLUDE = re.compile(r'^(?P<indent>\s*)--8<-- "(?P<path>[^":]+)(?::(?P<start>\d+):(?P<end>\d+))?"\s*$')
MESSAGE = re.compile(r"procedures/[^\s:`]*:\d+:")
"""What a problem message looks like: ``procedures/…:N:``."""
GOLDEN = re.compile(r"^tests/cases/(?:invalid/[^/]+/expected|valid/[^/]+/untranslated)(?P<suffix>\.en\.txt|\.txt)$")
"""The files of golden cases a guide may quote messages from."""


def includes(lang: str) -> list[tuple[int, str, int | None, int | None]]:
    """The guide's includes: (line number, path, first line, last line)."""
    found = []
    for number, line in enumerate(GUIDES[lang].read_text(encoding="utf-8").splitlines(), 1):
        match = INCLUDE.match(line)
        if match:
            start, end = match["start"], match["end"]
            found.append((number, match["path"], int(start) if start else None, int(end) if end else None))
    return found


def apply_case(case: Path, procedures: Path) -> None:
    """Overlay ``case`` on the copy of the minimal fixture in ``procedures`` (tests/test_cases.py's format)."""
    overlay_files(case, procedures, CASE_FILES)


def changed_lines(case: Path, source: Path) -> set[int]:
    """The lines (from 1) of a case's file that differ from the fixture: what the case is about.

    A file the fixture does not have is compared with the fixture's procedure (or its English body),
    the file staff copy to start a new one."""
    rel = source.relative_to(case)
    base = MINIMAL / rel
    if not base.exists():
        base = MINIMAL / "ho-tich" / ("khai-sinh.en.md" if source.name.endswith(".en.md") else "khai-sinh.md")
    old = base.read_text(encoding="utf-8").splitlines()
    new = source.read_text(encoding="utf-8").splitlines()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return {
        line + 1
        for tag, _, _, j1, j2 in matcher.get_opcodes()
        if tag in ("replace", "insert")
        for line in range(j1, j2)
    }


@pytest.mark.parametrize("lang", GUIDES)
def test_every_message_in_the_guide_is_an_include_of_a_golden_case(lang: str) -> None:
    typed = [
        f"{GUIDES[lang].name}:{number}: {line.strip()}"
        for number, line in enumerate(GUIDES[lang].read_text(encoding="utf-8").splitlines(), 1)
        if MESSAGE.search(line) and not INCLUDE.match(line)
    ]
    assert typed == [], "messages typed by hand: include the golden case's expected file instead"


@pytest.mark.parametrize("lang", GUIDES)
def test_every_included_case_exists_in_the_guides_language_inside_a_text_fence(lang: str) -> None:
    lines = GUIDES[lang].read_text(encoding="utf-8").splitlines()
    for number, path, start, end in includes(lang):
        assert (ROOT / path).is_file(), f"line {number}: {path} does not exist"
        if path.startswith("tests/cases/"):
            case = ROOT.joinpath(*Path(path).parts[:4])
            assert case.is_dir(), f"line {number}: no case {case.name}"
        length = len((ROOT / path).read_text(encoding="utf-8").splitlines())
        if start is not None and end is not None:
            assert 1 <= start <= end <= length, f"line {number}: {path} has {length} lines"
        golden = GOLDEN.match(path)
        if golden or "/invalid/" in path:
            assert golden and golden["suffix"] == SUFFIX[lang], f"line {number}: the {lang} guide quotes {path}"
            assert lines[number - 2].strip() == "```text", f"line {number}: a message goes inside a ```text fence"


def test_both_guides_include_the_same_cases() -> None:
    def cases(lang: str) -> set[str]:
        return {"/".join(Path(path).parts[:4]) for _, path, _, _ in includes(lang) if path.startswith("tests/cases/")}

    assert cases("vi") == cases("en")
    assert cases("vi") >= {f"tests/cases/valid/{case.name}" for case in VALID}


@pytest.mark.parametrize("case", VALID, ids=[c.name for c in VALID])
def test_valid_case_loads_without_a_problem(case: Path, procedures: Path) -> None:
    apply_case(case, procedures)
    catalog = load_catalog(procedures)
    expected = case / "expected.txt"
    assert not expected.exists() or expected.read_text(encoding="utf-8") == ""
    assert catalog.report.text() == ""
    assert catalog.report.warnings_text() == ""
    for lang in SUFFIX:
        listed = case / f"untranslated{SUFFIX[lang]}"
        wanted = listed.read_text(encoding="utf-8") if listed.exists() else ""
        assert "".join(item.render(lang) + "\n" for item in catalog.untranslated) == wanted


@pytest.mark.parametrize(
    ("lang", "case"), [(lang, c) for lang in GUIDES for c in VALID], ids=lambda v: getattr(v, "name", v)
)
def test_guide_shows_the_lines_of_each_valid_case(lang: str, case: Path) -> None:
    """Where the guide says something is accepted, it shows the case's own lines that say it."""
    shown = []
    for _, path, start, end in includes(lang):
        source = ROOT / path
        if source.is_relative_to(case) and source.name not in CASE_FILES:
            changed = changed_lines(case, source)
            lines = set(range(start, end + 1)) if start is not None and end is not None else changed
            shown.append(bool(changed & lines))
    assert any(shown), f"the {lang} guide does not show the lines of {case.name} that differ from the fixture"


def load_valid(name: str, procedures: Path, drop: str = "") -> Catalog:
    """The catalog of a valid case, after removing from its procedure the one text matching ``drop``."""
    apply_case(CASES / "valid" / name, procedures)
    if drop:
        source = procedures / "ho-tich" / "khai-sinh.md"
        text, count = re.subn(drop, "", source.read_text(encoding="utf-8"))
        assert count == 1
        source.write_text(text, encoding="utf-8")
    return load_catalog(procedures)


@pytest.mark.parametrize("name", ["amount-with-dots", "amount-with-comma-in-quotes"])
def test_an_amount_with_a_thousands_separator_is_read_as_8000(name: str, procedures: Path) -> None:
    catalog = load_valid(name, procedures)
    assert [fee.amount for fee in catalog.procedures[0].fees] == [0, 8000]


def test_a_quoted_date_is_read_as_the_date(procedures: Path) -> None:
    catalog = load_valid("date-in-quotes", procedures)
    assert catalog.procedures[0].iso.effective == datetime.date(2025, 7, 1)


@pytest.mark.parametrize(
    ("name", "drop"), [("parallel-step", r"    parallel: true\n"), ("timing-note", r"timing_note:\n(?:  .*\n)+")]
)
def test_the_key_the_guide_names_is_what_makes_the_steps_add_up(name: str, drop: str, procedures: Path) -> None:
    """Without ``parallel: true`` (or ``timing_note``) the same steps are reported: the case tests the claim."""
    assert load_valid(name, procedures).report.text() == ""
    assert "(steps):" in load_valid(name, procedures, drop).report.text("vi")


MAKE_TARGET = re.compile(r"`(?:[A-Z_]+=\S+ )?make (?P<target>[a-z-]+)")
PROCSITE = re.compile(
    r"(?:procsite|python -m procsite) (?P<command>[a-z]+)(?P<options>(?: --?[a-z-]+(?: [^\s`-]\S*)?)*)"
)


@pytest.mark.parametrize("lang", GUIDES)
def test_every_command_the_guide_documents_exists(lang: str) -> None:
    guide = GUIDES[lang].read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.M))
    made = {m["target"] for m in MAKE_TARGET.finditer(guide)}
    assert made and made <= targets, f"make targets not in the Makefile: {sorted(made - targets)}"
    options = {option for action in _parser("en")._actions for option in action.option_strings}
    for match in PROCSITE.finditer(guide):
        assert match["command"] in COMMANDS, match[0]
        assert set(re.findall(r"--?[a-z-]+", match["options"])) <= options, match[0]


def test_every_message_the_readme_quotes_is_a_line_of_a_golden_case() -> None:
    """The README cannot include files: each message it shows must be, word for word, one a case produces."""
    golden = {
        line
        for case in (ROOT / "tests" / "cases" / "invalid").iterdir()
        for name in ("expected.txt", "expected.en.txt")
        for line in (case / name).read_text(encoding="utf-8").splitlines()
    }
    quoted = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if MESSAGE.match(line)]
    assert quoted  # the README shows at least one
    assert [line for line in quoted if line not in golden] == []

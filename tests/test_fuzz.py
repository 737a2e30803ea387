"""The fuzzer (``tests/fuzz/``): its classification and limits, and a short run of a fixed seed.

``make fuzz`` runs thousands of cases; here 60 run in ``make test``. Deselect them with
``pytest -k "not fuzz"``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from tests.fuzz.campaign import run_all, select_builds
from tests.fuzz.cases import materialize
from tests.fuzz.mutators import MINIMAL, ROOT, Mutation
from tests.fuzz.probe import _Budget, _compare, procedure_entries
from tests.fuzz.report import Summary
from tests.fuzz.runner import CaseResult, Run, classify, message_failures, process_failures, run_limited

SEED = 20250701
SUMMARY = "\n\n1 problem found; nothing was built. Fix them and run the command again.\n"


def _run(returncode: int | None, stdout: bytes = b"", stderr: bytes = b"") -> Run:
    return Run(["procsite"], returncode, stdout, stderr, 0.1, 1000)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "procedures"
    root.mkdir()
    (root / "units.yml").write_text("a:\n  name: x\nb:\n")
    return root


def test_fuzz_harness_kills_a_hang_and_what_it_forked() -> None:
    run = run_limited([sys.executable, "-c", "import os, time; os.fork(); time.sleep(60)"], 1.0, 1 << 30)
    assert run.returncode is None
    assert run.seconds < 5
    assert [name for name, _ in process_failures(run)] == ["hang"]


def test_fuzz_harness_bounds_memory() -> None:
    run = run_limited([sys.executable, "-c", "x = bytearray(3 << 30)"], 10.0, 1 << 30)
    assert run.returncode == 1
    assert [name for name, _ in process_failures(run)] == ["crash"]


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        (_run(0, b"Procedures: 1 in x"), []),
        (_run(1, stderr=b"Traceback (most recent call last):\n  ...\nValueError: x\n"), ["traceback"]),
        (_run(2, stderr=b"usage: procsite"), ["traceback"]),
        (_run(-9), ["crash"]),
        (_run(1, stderr=b"MemoryError\n"), ["crash"]),
        (_run(1, stderr=b'procedures/a.yml:1: name: "\x1b[31m"' + SUMMARY.encode()), ["escape-chars"]),
    ],
)
def test_fuzz_classifies_a_process(run: Run, expected: list[str]) -> None:
    assert [name for name, _ in process_failures(run)] == expected


@pytest.mark.parametrize(
    ("stderr", "expected"),
    [
        ("procedures/units.yml:3: b: expected a mapping" + SUMMARY, []),
        ("procedures/units.yml:0: b: expected a mapping" + SUMMARY, ["no-location"]),
        ("procedures/units.yml: expected this register file" + SUMMARY, ["no-location"]),
        ("procedures/units.yml:2: name: expected\na text" + SUMMARY, ["no-location", "no-location"]),
        ("procedures/units.yml:9: b: expected a mapping" + SUMMARY, ["bad-location"]),
        ("procedures/gone.yml:1: expected this register file, but received: no such file" + SUMMARY, []),
        ("procedures/gone.yml:2: b: expected a mapping" + SUMMARY, ["bad-location"]),
        ("procedures/units.yml:1: a: x\nprocedures/units.yml:3: b: y" + SUMMARY, ["no-location"]),
        ("procedures/units.yml:1: a: x\n", ["no-location"]),
    ],
)
def test_fuzz_requires_file_and_line_in_every_message(folder: Path, stderr: str, expected: list[str]) -> None:
    assert [name for name, _ in message_failures(stderr, folder)] == expected


def test_fuzz_finds_a_procedure_check_did_not_count(folder: Path) -> None:
    for name in ("a.md", "B.MD", "README.md", "c.en.md"):
        (folder / name).write_text("---\n")
    (folder / "readme.md").write_text("A note for staff.\n")
    assert procedure_entries(folder) == ["procedures/B.MD", "procedures/README.md", "procedures/a.md"]
    failures, _ = classify(_run(0, b"Procedures: 1 in procedures"), folder)
    assert ("silent-drop", "1 procedures published of 3 files") in failures


@pytest.mark.parametrize(
    ("written", "kept", "drops"),
    [
        ("a: [1, 2]\nb: x\n", {"a": [1, 2], "b": "x"}, 0),
        ("a: [1, 2]\n", {"a": [1]}, 1),
        ("a: x\n", {"a": None}, 1),
        ("a: ~\n", {"a": None}, 0),
        ("a: {b: 1}\n", {"a": {}}, 1),
    ],
)
def test_fuzz_finds_a_value_the_catalog_lost(written: str, kept: object, drops: int) -> None:
    found: list[str] = []
    _compare(yaml.compose(written), kept, "x: ", found, _Budget())
    assert len(found) == drops


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_fuzz_cases_are_reproducible_and_leave_the_corpus_alone(tmp_path: Path) -> None:
    first, again = tmp_path / "first", tmp_path / "again"
    corpus = _tree(MINIMAL)
    mutations = [materialize(SEED, index, first / str(index))[1] for index in range(40)]
    assert len({m.mutator for m in mutations}) >= 8
    for index in (3, 17):
        _, mutation = materialize(SEED, index, again / str(index))
        assert mutation == mutations[index]
        changed = again / str(index) / "procedures" / mutation.path
        if changed.is_file() and not changed.is_symlink():
            assert changed.read_bytes() == (first / str(index) / "procedures" / mutation.path).read_bytes()
    assert _tree(MINIMAL) == corpus


def test_fuzz_builds_one_case_of_each_variant_first() -> None:
    variants = ["a", "a", "a", "b", "c", "c"]
    results = [CaseResult(i, Mutation("m" if v != "c" else "n", v, "x", ""), "ok") for i, v in enumerate(variants)]
    results.append(CaseResult(9, Mutation("m", "d", "x", ""), "refused"))
    assert [r.index for r in select_builds(results, 3)] == [0, 3, 4]
    assert [r.index for r in select_builds(results, 10)] == [0, 1, 2, 3, 4, 5]


@pytest.fixture(scope="module")
def short_run() -> Summary:
    """60 cases of a fixed seed, 4 of the accepted ones built (about a minute)."""
    return run_all(60, SEED, workers=2, builds=4, save=ROOT / "test-output" / "fuzz-test")


def test_fuzz_short_run_covers_every_outcome(short_run: Summary) -> None:
    assert len(short_run.results) == 60
    outcomes = {r.outcome for r in short_run.results}
    assert {"ok", "refused"} <= outcomes
    assert len({r.mutation.mutator for r in short_run.results}) >= 10
    assert short_run.builds


def test_fuzz_short_run_has_no_failure(short_run: Summary) -> None:
    assert short_run.failed() == [], short_run.text()

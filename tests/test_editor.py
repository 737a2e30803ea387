"""The VS Code task puts every problem ``procsite check`` prints into the Problems panel at its line."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.test_cases import CASES, EXPECTED

ROOT = Path(__file__).resolve().parent.parent


def task(label: str) -> dict[str, object]:
    text = (ROOT / ".vscode" / "tasks.json").read_text(encoding="utf-8")
    tasks = json.loads("\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")))
    found: dict[str, object] = next(t for t in tasks["tasks"] if t["label"] == label)
    return found


def test_the_problem_matcher_reads_file_line_and_message_of_every_golden_case() -> None:
    matcher = task("procsite: check")["problemMatcher"]
    assert isinstance(matcher, dict)
    pattern = re.compile(matcher["pattern"]["regexp"])
    lines = [
        line
        for case in CASES
        for name in EXPECTED.values()
        for line in (case / name).read_text(encoding="utf-8").splitlines()
    ]
    assert len(lines) > 200
    for line in lines:
        match = pattern.match(line)
        assert match is not None, line
        file, number, message = match.group(1), int(match.group(2)), match.group(3)
        assert file.startswith("procedures/") and number >= 1 and message, line
        assert ": " not in file, line  # the file is never read as part of the message, nor the reverse


def test_the_task_runs_the_check_as_python_m_procsite_on_every_system() -> None:
    check = task("procsite: check")
    assert check["args"] == ["-m", "procsite", "check"]
    assert str(check["command"]).endswith("/.venv/bin/python")
    assert str(check["windows"]["command"]).endswith("\\.venv\\Scripts\\python.exe")  # type: ignore[index]

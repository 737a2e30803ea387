"""Problems found in source files, reported in the MkDocs core style."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file: where it is, what was expected and received, how to fix it."""

    path: str
    line: int
    key: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        key = f" {self.key}:" if self.key else ""
        text = f"{where}:{key} {self.message}"
        return f"{text} {self.hint}" if self.hint else text


def expected(what: str, received: object) -> str:
    """The 'expected …, but received: …' sentence of a problem."""
    return f"expected {what}, but received: {describe(received)}"


def describe(value: object) -> str:
    """Show a received value the way the author wrote it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 80 else f'"{value[:77]}..."'
    if isinstance(value, dict):
        return "a mapping of " + ", ".join(str(k) for k in value)[:60]
    if isinstance(value, list):
        return f"a list of {len(value)} item" + ("" if len(value) == 1 else "s")
    return str(value)


def closest(word: str, choices: list[str] | tuple[str, ...], what: str = "values") -> str:
    """A 'did you mean' hint with the closest valid word, or the list of valid words."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    if match:
        return f'Did you mean "{match[0]}"?'
    if not choices:
        return ""
    return f"Valid {what}: " + ", ".join(sorted(choices)) + "."


@dataclass
class Report:
    """Problems collected over a whole run, so that one run shows all of them."""

    problems: list[Problem] = field(default_factory=list)
    root: Path | None = None

    def add(self, path: str, line: int, key: str, message: str, hint: str = "") -> None:
        """Record one problem."""
        self.problems.append(Problem(path, line, key, message, hint))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def text(self) -> str:
        """All problems, sorted by file and line, one per line."""
        return "\n".join(str(p) for p in sorted(set(self.problems)))

"""Problems found in source files, reported in the MkDocs core style.

A problem is one line, ``file:line: key: expected …, but received: … how to fix``. Whatever
staff (or an attacker) wrote is shown with its invisible characters escaped, so that a value
cannot print a second, forged problem, colour the terminal or reorder the line.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

_SHOWN_AS_IS = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def printable(text: str) -> str:
    """``text`` with control, format (bidi, zero-width) and separator characters escaped:
    ``\\x1b`` for the control characters, ``U+202E`` for the others."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char.isprintable() or char == " ":
            out.append(char)
        elif char in _SHOWN_AS_IS:
            out.append(_SHOWN_AS_IS[char])
        elif unicodedata.category(char) == "Cc":
            out.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"U+{ord(char):04X}")
        else:
            out.append(f"U+{ord(char):04X}")
    return "".join(out)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file: where it is, what was expected and received, how to fix it."""

    path: str
    line: int
    key: str
    message: str
    hint: str = ""
    code: str = ""
    """A stable code for warnings and notices (``form.unused``); empty for errors."""

    def __str__(self) -> str:
        key = f" {self.key}:" if self.key else ""
        code = f" {self.code}:" if self.code else ""
        where = f"{self.path}:{self.line}" if self.line else self.path  # line 0: a folder
        text = f"{where}:{key}{code} {self.message}"
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


def _problem(path: str, line: int, key: str, message: str, hint: str, code: str = "") -> Problem:
    # Every problem names a line, so that editors jump to it: a problem of a whole file is on its line 1.
    return Problem(printable(path), max(line, 1), printable(key), printable(message), printable(hint), code)


@dataclass
class Report:
    """Problems collected over a whole run, so that one run shows all of them.

    Errors stop a build; warnings (with a stable code) are listed but do not."""

    problems: list[Problem] = field(default_factory=list)
    root: Path | None = None
    warnings: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, key: str, message: str, hint: str = "") -> None:
        """Record one error."""
        self.problems.append(_problem(path, line, key, message, hint))

    def add_folder(self, path: str, message: str, hint: str = "") -> None:
        """Record an error about a whole folder, which has no line."""
        self.problems.append(Problem(printable(path), 0, "", printable(message), printable(hint)))

    def warn(self, code: str, path: str, line: int, key: str, message: str, hint: str = "") -> None:
        """Record one warning: something staff should look at that does not stop the build."""
        self.warnings.append(_problem(path, line, key, message, hint, code))

    def count_for(self, path: str) -> int:
        """How many errors were recorded for one file."""
        return sum(1 for p in self.problems if p.path == printable(path))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def text(self) -> str:
        """All errors, sorted by file and line, one per line."""
        return "\n".join(str(p) for p in sorted(set(self.problems)))

    def warnings_text(self) -> str:
        """All warnings, sorted by file and line, one per line."""
        return "\n".join(str(p) for p in sorted(set(self.warnings)))

"""Problems found in source files, reported in the MkDocs core style, in the staff's language.

A problem is one line, ``file:line: key: expected …, but received: … how to fix``, worded by the
message catalogue (``messages/``) in Vietnamese or English. Whatever staff (or an attacker)
wrote is shown with its invisible characters escaped, so that a value cannot print a second,
forged problem, colour the terminal or reorder the line.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from procsite.messages import DEFAULT_LANGUAGE, Msg, Val
from procsite.messages.keys import key_in_words

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


@dataclass(frozen=True)
class Problem:
    """One problem in one file: where it is, what was expected and received, how to fix it."""

    path: str
    line: int
    key: str
    message: Msg
    hint: Msg | None = None
    code: str = ""
    """A stable code for warnings and notices (``form.unused``); empty for errors."""

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The problem as one line in ``lang``, its values escaped."""
        where = f"{self.path}:{self.line}" if self.line else self.path  # line 0: a folder
        key = f" {key_in_words(self.key, lang)}:" if self.key else ""
        code = f" {self.code}:" if self.code else ""
        text = f"{where}:{key}{code} {self.message.render(lang)}"
        if self.hint is not None:
            text += " " + self.hint.render(lang)
        return printable(text)

    def __str__(self) -> str:
        return self.render()


def expected(what: Msg, received: object) -> Msg:
    """The 'expected …, but received: …' sentence of a problem."""
    return Msg("value.expected", what=what, received=Val.of(received))


def closest(word: str, choices: list[str] | tuple[str, ...], what: str = "values") -> Msg | None:
    """A 'did you mean' hint with the closest valid word, or the list of valid words."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    if match:
        return Msg("closest.match", match=match[0])
    if not choices:
        return None
    return Msg("closest.valid", what=Msg(f"choice.{what}"), choices=", ".join(sorted(choices)))


@dataclass
class Report:
    """Problems collected over a whole run, so that one run shows all of them.

    Errors stop a build; warnings (with a stable code) are listed but do not."""

    problems: list[Problem] = field(default_factory=list)
    root: Path | None = None
    warnings: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, key: str, message: Msg, hint: Msg | None = None) -> None:
        """Record one error; a problem of a whole file is on its line 1, so that editors jump to it."""
        self.problems.append(Problem(printable(path), max(line, 1), printable(key), message, hint))

    def add_folder(self, path: str, message: Msg, hint: Msg | None = None) -> None:
        """Record an error about a whole folder, which has no line."""
        self.problems.append(Problem(printable(path), 0, "", message, hint))

    def warn(self, code: str, path: str, line: int, key: str, message: Msg, hint: Msg | None = None) -> None:
        """Record one warning: something staff should look at that does not stop the build."""
        self.warnings.append(Problem(printable(path), max(line, 1), printable(key), message, hint, code))

    def count_for(self, path: str) -> int:
        """How many errors were recorded for one file."""
        return sum(1 for p in self.problems if p.path == printable(path))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """All errors, sorted by file and line, one per line, in ``lang``."""
        return "\n".join(p.render(lang) for p in sorted(set(self.problems), key=_order))

    def warnings_text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """All warnings, sorted by file and line, one per line, in ``lang``."""
        return "\n".join(p.render(lang) for p in sorted(set(self.warnings), key=_order))


def _order(problem: Problem) -> tuple[str, int, str, str]:
    """By file and line; the English wording orders problems on one line the same in every language."""
    return problem.path, problem.line, problem.key, problem.render("en")

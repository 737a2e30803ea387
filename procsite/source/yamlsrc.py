"""A source file as text, and the located nodes its YAML becomes (the parser is ``yamlparse.py``).

MkDocs turns broken front matter into ``{}`` silently, and PyYAML forgets
where a value came from, so procedure files are read here: every value keeps
its line and the raw text of a scalar is kept, so that ``1.001193`` or ``15:00`` are not
silently turned into numbers. A file not stored in canonical form (``canonical.py``) is
reported at the line and key of each mistake, then read as ``procsite fix`` would write it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from procsite.messages import Count, Msg, Num, Val
from procsite.problems import Report
from procsite.source.canonical import (
    BOM,
    Flaw,
    Unreadable,
    canonical,
    decode,
    find_flaws,
    flaw_problems,
    line_endings,
    to_lf,
)


@dataclass
class Scalar:
    """A YAML scalar: the value YAML gives it, the text as written, and its line."""

    value: object
    raw: str
    line: int
    plain: bool = True
    invalid: str = ""


@dataclass
class Seq:
    """A YAML sequence with its line."""

    items: list[Node]
    line: int


@dataclass
class Map:
    """A YAML mapping; each key keeps its own line."""

    items: dict[str, tuple[int, Node]] = field(default_factory=dict)
    line: int = 0
    unread: set[str] = field(default_factory=set)
    """Top-level keys whose YAML could not be read (a syntax error, already reported): not missing."""


Node = Scalar | Seq | Map


@dataclass
class Source:
    """A source file read as canonical text, with the places where the file itself is not canonical."""

    text: str
    flaws: list[Flaw]
    """Decomposed words and Word-paste characters, for the caller to report under their key."""


MAX_LINE = 10_000
"""Characters on one line: a long paragraph is a few thousand; more is a paste gone wrong, and
a bound on the line bounds the work of every pattern run on it."""


def read_text(data: bytes, rel: str, report: Report) -> Source | None:
    """Decode a source file's bytes; report a BOM, CR LF line endings, a line too long, or why it
    cannot be read at all.

    The text is made canonical (see ``canonical.py``), so that a file with a BOM, CR LF
    endings, decomposed letters, Word-paste or control characters is still checked for everything
    else, and each of these mistakes is reported once, not again by the checks that read its value."""
    text = decode(data)
    if isinstance(text, Unreadable):
        report.add(rel, text.line, "", text.message, text.hint)
        return None
    if text.startswith(BOM):
        report.add(
            rel,
            1,
            "",
            Msg("source.bom"),
            Msg("source.bom.hint"),
        )
        text = text[1:]
    crlf, cr, first = line_endings(text)
    if first:
        received = [Msg("source.crlf", count=Count(crlf, "line"))] if crlf else []
        received += [Msg("source.cr", count=Count(cr, "line"))] if cr else []
        both = Msg("source.and", first=received[0], second=received[1]) if len(received) == 2 else received[0]
        report.add(rel, first, "", Msg("source.line_endings", received=both), Msg("source.line_endings.hint"))
        text = to_lf(text)
    if len(text) > MAX_LINE:
        for number, line in enumerate(text.split("\n"), start=1):
            if len(line) > MAX_LINE:
                report.add(
                    rel,
                    number,
                    "",
                    Msg("source.long_line", limit=Num(MAX_LINE), count=Num(len(line))),
                    Msg("source.long_line.hint"),
                )
                return None
    return Source(canonical(text), find_flaws(text))


def report_flaws(flaws: list[Flaw], rel: str, report: Report, key: str = "") -> None:
    """Report flaws outside YAML values (Markdown body, ``---`` lines): one problem per line and kind."""
    groups: dict[tuple[str, int], list[Flaw]] = {}
    for flaw in flaws:
        groups.setdefault((key, flaw.line), []).append(flaw)
    report_groups(groups, rel, report)


def report_groups(groups: dict[tuple[str, int], list[Flaw]], rel: str, report: Report) -> None:
    """One problem per group of flaws (a value, or a line) and kind, under the group's key."""
    for (key, _), group in groups.items():
        for line, message, hint in flaw_problems(group):
            report.add(rel, line, key, message, hint)


def split_front_matter(text: str, rel: str, report: Report) -> tuple[str, str, int] | None:
    """Split ``---`` front matter from the Markdown body; returns (yaml, body, body_line)."""
    if not text.strip():
        report.add(
            rel,
            1,
            "",
            Msg("source.empty"),
            Msg("source.empty.hint"),
        )
        return None
    lines = text.split("\n")
    if lines[0].strip() != "---":
        report.add(
            rel,
            1,
            "",
            Msg("source.first_line", received=Val.of(lines[0][:40])),
            Msg("source.first_line.hint"),
        )
        return None
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() == "---":
            return "\n".join(lines[1:number]), "\n".join(lines[number + 1 :]), number + 2
    report.add(
        rel,
        1,
        "",
        Msg("source.unclosed"),
        Msg("source.unclosed.hint"),
    )
    return None

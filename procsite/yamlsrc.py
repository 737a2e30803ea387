"""Read a source file into a YAML node tree that remembers line numbers.

MkDocs turns broken front matter into ``{}`` silently, and PyYAML forgets
where a value came from, so procedure files are read here: every value keeps
its line, duplicate keys are caught, and the raw text of a scalar is kept so
that ``1.001193`` or ``15:00`` are not silently turned into numbers. A file not
stored in canonical form (``canonical.py``) is reported at the line and key of
each mistake, then read as ``procsite fix`` would write it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from .canonical import BOM, Flaw, Unreadable, canonical, decode, find_flaws, flaw_problems, line_endings, to_lf
from .problems import Report


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


Node = Scalar | Seq | Map

_CONSTRUCTOR = yaml.SafeLoader("")
# libyaml's parser (shipped in PyYAML's wheels) is ~15 times faster than the pure-Python one;
# it matters at a province's 2,000 procedures.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Source:
    """A source file read as canonical text, with the places where the file itself is not canonical."""

    text: str
    flaws: list[Flaw]
    """Decomposed words and Word-paste characters, for the caller to report under their key."""


def read_text(path: Path, rel: str, report: Report) -> Source | None:
    """Read a source file; report a BOM, CR LF line endings, or why it cannot be read at all.

    The text is made canonical (see ``canonical.py``), so that a file with a BOM, CR LF
    endings, decomposed letters or Word-paste characters is still checked for everything else,
    and each of these mistakes is reported once, not again by the checks that read its value."""
    text = decode(path.read_bytes())
    if isinstance(text, Unreadable):
        report.add(rel, text.line, "", text.message, text.hint)
        return None
    if text.startswith(BOM):
        report.add(
            rel,
            1,
            "",
            "expected UTF-8 text without a byte order mark (BOM), but received: a BOM at the start of the file.",
            'Run "make fix" to remove it, or save the file as "UTF-8" rather than "UTF-8 with BOM".',
        )
        text = text[1:]
    crlf, cr, first = line_endings(text)
    if first:
        received = [f"Windows line endings (CR LF) on {_lines(crlf)}"] if crlf else []
        received += [f"carriage returns (CR) without LF on {_lines(cr)}"] if cr else []
        report.add(
            rel,
            first,
            "",
            f"expected lines ending in LF, but received: {' and '.join(received)}.",
            'Run "make fix" to convert them, or set your editor to LF line endings.',
        )
        text = to_lf(text)
    return Source(canonical(text), find_flaws(text))


def _lines(count: int) -> str:
    return f"{count} line" + ("s" if count != 1 else "")


def report_flaws(flaws: list[Flaw], rel: str, report: Report, key: str = "") -> None:
    """Report flaws outside YAML values (Markdown body, ``---`` lines): one problem per line and kind."""
    groups: dict[tuple[str, int], list[Flaw]] = {}
    for flaw in flaws:
        groups.setdefault((key, flaw.line), []).append(flaw)
    _report_groups(groups, rel, report)


def _report_groups(groups: dict[tuple[str, int], list[Flaw]], rel: str, report: Report) -> None:
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
            'expected YAML front matter between two "---" lines, but received: an empty file.',
            "Start from the annotated example in the staff guide.",
        )
        return None
    lines = text.split("\n")
    if lines[0].strip() != "---":
        report.add(
            rel,
            1,
            "",
            f'expected the first line to be "---", but received: "{lines[0][:40]}".',
            'A procedure file starts with YAML front matter between two "---" lines.',
        )
        return None
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() == "---":
            return "\n".join(lines[1:number]), "\n".join(lines[number + 1 :]), number + 2
    report.add(
        rel,
        1,
        "",
        'expected a closing "---" line after the front matter, but received: none.',
        'Add a line with "---" after the last key.',
    )
    return None


class Span(NamedTuple):
    """Where a key's entry (or a list item) is written, from its start to the end of its last line."""

    start: tuple[int, int]
    end: tuple[int, int]
    key: str
    scalar: bool
    """The entry's value is a text, number or date: its flaws make one problem, wherever they are."""


def parse_yaml(
    text: str, rel: str, report: Report, first_line: int = 1, flaws: list[Flaw] | None = None
) -> Node | None:
    """Parse YAML into a located node tree; ``first_line`` is the file line of the text's first line.

    ``flaws`` (found by ``read_text`` in these lines) are reported under the key they are in."""
    spans: list[Span] | None = [] if flaws else None  # only needed to place flaws, which are rare
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + first_line) if mark else first_line
        what = (error.problem or "invalid YAML").strip()
        bad_line = text.split("\n")[mark.line] if mark and mark.line < text.count("\n") + 1 else ""
        if "\t" in bad_line or "tab" in what:
            what = "a tab character"
            hint = "YAML does not allow tab characters for indentation; indent with spaces."
        else:
            hint = 'Check the indentation and quote values that contain ": " or start with a special character.'
        report.add(rel, line, "", f"expected valid YAML, but received: {what}.", hint)
        report_flaws(flaws or [], rel, report)
        return None
    except yaml.YAMLError as error:
        report.add(rel, first_line, "", f"expected valid YAML, but received: {error}.")
        report_flaws(flaws or [], rel, report)
        return None
    result = Map(line=first_line) if root is None else _convert(root, rel, report, first_line - 1, "", spans)
    groups: dict[tuple[str, int], list[Flaw]] = {}
    for flaw in flaws or []:
        span = _span_at(spans or [], flaw)
        key = span.key if span else ""
        # One problem per value; in a list or mapping's own lines (a comment, "- "), one per line.
        groups.setdefault((key, 0 if span and span.scalar else flaw.line), []).append(flaw)
    _report_groups(groups, rel, report)
    return result


def _span_at(spans: list[Span], flaw: Flaw) -> Span | None:
    """The innermost entry that holds the flaw; None when it is outside every entry."""
    at = (flaw.line, flaw.column)
    inside = [(span.start, i) for i, span in enumerate(spans) if span.start <= at <= span.end]
    return spans[max(inside)[1]] if inside else None


def _span(start: yaml.Node, value: yaml.Node, offset: int, path: str, column: int | None = None) -> Span:
    last = value.end_mark.line
    if value.end_mark.column == 0 and last > value.start_mark.line:
        last -= 1  # a block value ends at the start of the next line
    first = (start.start_mark.line + 1 + offset, start.start_mark.column if column is None else column)
    return Span(first, (last + 1 + offset, sys.maxsize), path, isinstance(value, yaml.ScalarNode))


def _convert(node: yaml.Node, rel: str, report: Report, offset: int, path: str, spans: list[Span] | None) -> Node:
    line = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        result = Map(line=line)
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1 + offset
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            where = f"{path}.{key}" if path else key
            if key in result.items:
                report.add(
                    rel,
                    key_line,
                    where,
                    f'expected each key once, but received: "{key}" again (first on line {result.items[key][0]}).',
                    "Remove one of the two.",
                )
            if spans is not None:
                spans.append(_span(key_node, value_node, offset, where))
            result.items[key] = (key_line, _convert(value_node, rel, report, offset, where, spans))
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            if spans is not None:
                # A block list item starts at its "- ", in the list's column.
                dash = None if node.flow_style else node.start_mark.column
                spans.append(_span(item, item, offset, f"{path}[{i}]", dash))
            items.append(_convert(item, rel, report, offset, f"{path}[{i}]", spans))
        return Seq(items, line)
    assert isinstance(node, yaml.ScalarNode)
    raw = str(node.value)
    plain = not node.style
    try:
        value = _CONSTRUCTOR.construct_object(node, deep=True)
    except (ValueError, yaml.YAMLError) as error:
        return Scalar(raw, raw, line, plain, invalid=str(error))
    return Scalar(value, raw, line, plain)

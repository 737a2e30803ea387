"""YAML read event by event into the located node tree of ``yamlsrc.py``.

Every value keeps its line, duplicate keys are caught, and what staff never write is refused:
anchors and aliases (a 2 KB file of them expands to gigabytes), tags (``!!null x`` turns a value
into nothing), a second document, nesting deeper than the format needs. The work is linear in
the text. After a syntax error, each top-level key is still read on its own, so that one run
shows every problem of the file.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any, NamedTuple

import yaml

from procsite.messages import Msg
from procsite.problems import Report
from procsite.source.canonical import Flaw
from procsite.source.yamlsrc import Map, Node, Scalar, Seq, report_flaws, report_groups

_CONSTRUCTOR = yaml.SafeLoader("")
# libyaml's parser (shipped in PyYAML's wheels) is ~15 times faster than the pure-Python one;
# it matters at a province's 2,000 procedures.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Span(NamedTuple):
    """Where a key's entry (or a list item) is written, from its start to the end of its last line."""

    start: tuple[int, int]
    end: tuple[int, int]
    key: str
    scalar: bool
    """The entry's value is a text, number or date: its flaws make one problem, wherever they are."""


Mark = Any
"""Where an event starts or ends (line and column); libyaml's marks and PyYAML's differ in type only."""

MAX_DEPTH = 12
"""Lists and mappings nested deeper than this are refused: the format needs five levels, and an
attacker's thousands of nested brackets must not exhaust the stack."""


def parse_yaml(
    text: str, rel: str, report: Report, first_line: int = 1, flaws: list[Flaw] | None = None, recover: bool = True
) -> Node | None:
    """Parse YAML into a located node tree; ``first_line`` is the file line of the text's first line.

    The tree is built from the parser's events, one at a time: the work is linear in the text,
    whatever it holds. Anchors, aliases and tags, which staff never need, are refused (an alias
    can make a 2 KB file expand to gigabytes; a tag can turn a value into nothing). ``flaws``
    (found by ``read_text`` in these lines) are reported under the key they are in."""
    spans: list[Span] | None = [] if flaws else None  # only needed to place flaws, which are rare
    builder = _Builder(rel, report, first_line - 1, spans)
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if not builder.feed(event):
                break
    except yaml.MarkedYAMLError as error:
        line = _report_yaml_error(error, text, rel, report, first_line)
        report_flaws(flaws or [], rel, report)
        builder.seen.clear()
        return _read_key_by_key(text, rel, report, first_line, line) if recover else None
    except yaml.YAMLError as error:
        position = getattr(error, "position", None)
        line = first_line + (text.count("\n", 0, position) if isinstance(position, int) else 0)
        reason = getattr(error, "reason", None) or str(error).split("\n")[0]
        report.add(rel, line, "", Msg("yaml.invalid", what=Msg("yaml.problem", text=reason)))
        report_flaws(flaws or [], rel, report)
        return None
    finally:
        builder.flush()
    if builder.refused:
        report_flaws(flaws or [], rel, report)
        return None
    result = builder.root if builder.root is not None else Map(line=first_line)
    groups: dict[tuple[str, int], list[Flaw]] = {}
    for flaw in flaws or []:
        span = _span_at(spans or [], flaw)
        key = span.key if span else ""
        # One problem per value; in a list or mapping's own lines (a comment, "- "), one per line.
        groups.setdefault((key, 0 if span and span.scalar else flaw.line), []).append(flaw)
    report_groups(groups, rel, report)
    return result


_TOP_KEY = re.compile(r"([^\s#\-?:\[{][^:#]*?)\s*:(?:\s|$)")
"""A line that starts a top-level key of a mapping: "title: …", "steps:"."""


def _read_key_by_key(text: str, rel: str, report: Report, first_line: int, error_line: int) -> Map | None:
    """After a syntax error, read each top-level key on its own, so that one broken key does not hide
    the problems of the others, and the file's code is still known to the checks across files.

    A key whose own YAML is broken is left out (``Map.unread``); its first error is reported unless it is
    the one already reported for the whole file. None when the text is not a mapping of top-level keys."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if _TOP_KEY.match(line)]
    if not starts:
        return None
    result = Map(line=first_line)
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        chunk = "\n".join(lines[start:end])
        key = _TOP_KEY.match(lines[start])
        assert key is not None
        scratch = Report()
        # The first key's chunk starts at the text's first line, with any comment before it.
        chunk = chunk if n else "\n".join(lines[:end])
        node = parse_yaml(chunk, rel, scratch, first_line + (start if n else 0), recover=False)
        if not isinstance(node, Map) or scratch.problems:
            result.unread.add(key.group(1))
            # Not again the error already reported: libyaml may place it on the line after the broken key.
            if not first_line + (start if n else 0) <= error_line <= first_line + end:
                report.problems += scratch.problems[:1]
            continue
        for name, entry in node.items.items():
            if name in result.items:
                first = result.items[name][0]
                report.add(
                    rel, entry[0], name, Msg("yaml.duplicate_key", key=name, line=first), Msg("yaml.duplicate_key.hint")
                )
            result.items[name] = entry
    return result


def _report_yaml_error(error: yaml.MarkedYAMLError, text: str, rel: str, report: Report, first_line: int) -> int:
    """Report a YAML syntax error at its line; returns that line."""
    mark = error.problem_mark or error.context_mark
    # At the end of the text libyaml's mark is past its last line: the problem is on that last line.
    last = text.rstrip("\n").count("\n")
    line = (min(mark.line, last) + first_line) if mark else first_line
    what = (error.problem or "invalid YAML").strip()
    bad_line = text.split("\n")[mark.line] if mark and mark.line < text.count("\n") + 1 else ""
    if "\t" in bad_line or "tab" in what:
        report.add(rel, line, "", Msg("yaml.invalid", what=Msg("yaml.tab")), Msg("yaml.tab.hint"))
    else:
        report.add(rel, line, "", Msg("yaml.invalid", what=_problem(what)), Msg("yaml.invalid.hint"))
    return line


_PROBLEMS = {
    "mapping values are not allowed": "colon",
    "did not find expected ',' or ']'": "bracket",
    "did not find expected ',' or '}'": "brace",
    "could not find expected ':'": "no_colon",
    "did not find expected key": "indent",
    "found character that cannot start any token": "token",
    "found unexpected end of stream": "end",
    "did not find expected node content": "no_value",
    "block sequence entries are not allowed": "dash",
    "found unknown escape character": "escape",
}
"""libyaml's words for the syntax errors staff make, and the message that says them in the staff's language."""


def _problem(what: str) -> Msg:
    """The parser's problem in words staff read; the parser's own words, quoted, for a rare one."""
    for start, code in _PROBLEMS.items():
        if what.startswith(start):
            return Msg(f"yaml.problem.{code}")
    return Msg("yaml.problem", text=what)


def _span_at(spans: list[Span], flaw: Flaw) -> Span | None:
    """The innermost entry that holds the flaw; None when it is outside every entry."""
    at = (flaw.line, flaw.column)
    inside = [(span.start, i) for i, span in enumerate(spans) if span.start <= at <= span.end]
    return spans[max(inside)[1]] if inside else None


@dataclass
class _Open:
    """A list or mapping being built: its node, its key path, and for a mapping the key awaiting its value."""

    node: Map | Seq
    path: str
    start: Mark
    flow: bool
    key: tuple[str, int, Mark] | None = None
    in_key: int = 0
    """Depth of a list or mapping used as a key (``? [a, b]``), whose contents are skipped."""


class _Builder:
    """Builds the located node tree from YAML events, refusing what staff never write."""

    def __init__(self, rel: str, report: Report, offset: int, spans: list[Span] | None) -> None:
        self.rel, self.report, self.offset, self.spans = rel, report, offset, spans
        self.stack: list[_Open] = []
        self.root: Node | None = None
        self.refused = False
        self.documents = 0
        self.seen: dict[str, list[Any]] = {}

    def line(self, mark: Mark) -> int:
        return int(mark.line) + 1 + self.offset

    def refuse(self, mark: Mark, key: str, message: Msg, hint: Msg) -> None:
        """Record a construct staff never write, at its line."""
        self.refused = True
        self.report.add(self.rel, self.line(mark), key, message, hint)

    def refuse_each(self, kind: str, mark: Mark, key: str, name: str) -> None:
        """Record an anchor, alias or tag (``kind``); only the first of each kind is reported, with the
        count of the others (``flush``), so that a file of a thousand aliases makes one line."""
        self.refused = True
        if kind in self.seen:
            self.seen[kind][1] += 1
            return
        self.seen[kind] = [(self.line(mark), key, name), 0]

    def flush(self) -> None:
        """Report the first anchor, alias and tag found, with how many more the file has."""
        for kind, ((line, key, name), more) in self.seen.items():
            message = Msg(f"yaml.{kind}", name=name, more=Msg("yaml.more", n=more) if more else "")
            self.report.add(self.rel, line, key, message, Msg(f"yaml.{kind}.hint"))
        self.seen.clear()

    def feed(self, event: yaml.Event) -> bool:
        """Take one event; False when the rest of the text is not to be read."""
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.refuse(
                    event.start_mark,
                    "",
                    Msg("yaml.second_document"),
                    Msg("yaml.second_document.hint"),
                )
                return False
            return True
        if isinstance(event, yaml.AliasEvent):
            self.refuse_each("alias", event.start_mark, self.child_path(), str(event.anchor))
            if not (self.stack and self.stack[-1].in_key):
                self.add(Scalar(None, "", self.line(event.start_mark)), event.start_mark, event.end_mark)
            return True
        if not isinstance(event, (yaml.NodeEvent, yaml.CollectionEndEvent)):
            return True
        if self.stack and self.stack[-1].in_key:
            self.skip_key_contents(event)
            return True
        path = self.child_path()
        if isinstance(event, yaml.CollectionEndEvent):
            done = self.stack.pop()
            self.add(done.node, done.start, event.end_mark, done)
            return True
        if event.anchor is not None:
            self.refuse_each("anchor", event.start_mark, path, str(event.anchor))
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.refuse_each("tag", event.start_mark, path, tag.replace("tag:yaml.org,2002:", "!!"))
        if isinstance(event, yaml.ScalarEvent):
            self.add(self.scalar(event), event.start_mark, event.end_mark)
        elif isinstance(event, yaml.CollectionStartEvent):
            return self.open(event, path)
        return True

    def open(self, event: yaml.CollectionStartEvent, path: str) -> bool:
        parent = self.stack[-1] if self.stack else None
        if parent is not None and isinstance(parent.node, Map) and parent.key is None:
            parent.in_key = 1  # a list or mapping as a key: read past it, reported once it ends
            return True
        if len(self.stack) >= MAX_DEPTH:
            self.refuse(
                event.start_mark,
                path,
                Msg("yaml.too_deep", limit=MAX_DEPTH),
                Msg("yaml.too_deep.hint"),
            )
            return False
        node: Map | Seq = (
            Map(line=self.line(event.start_mark))
            if isinstance(event, yaml.MappingStartEvent)
            else Seq([], self.line(event.start_mark))
        )
        self.stack.append(_Open(node, path, event.start_mark, bool(event.flow_style)))
        return True

    def skip_key_contents(self, event: yaml.Event) -> None:
        """Read past a list or mapping used as a key; once it ends, its mapping awaits the value of "?"."""
        holder = self.stack[-1]
        if isinstance(event, yaml.CollectionStartEvent):
            holder.in_key += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            holder.in_key -= 1
            if holder.in_key == 0:
                holder.key = ("?", self.line(event.start_mark), event.start_mark)

    def child_path(self) -> str:
        """The key path of the node that the next event starts."""
        if not self.stack:
            return ""
        top = self.stack[-1]
        if isinstance(top.node, Seq):
            return f"{top.path}[{len(top.node.items)}]"
        if top.key is None:
            return top.path
        return f"{top.path}.{top.key[0]}" if top.path else top.key[0]

    def scalar(self, event: yaml.ScalarEvent) -> Scalar:
        raw = str(event.value)
        line = self.line(event.start_mark)
        plain = not event.style
        tag = _CONSTRUCTOR.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        start: Mark = event.start_mark
        node = yaml.ScalarNode(tag, event.value, start, start, event.style)
        try:
            value = _CONSTRUCTOR.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError) as error:
            return Scalar(raw, raw, line, plain, invalid=str(error))
        finally:
            # PyYAML keeps each node it built (with its event's marks) until its document ends, and this
            # constructor never ends one: without this, every scalar ever read stayed in memory (two thirds
            # of a build's at 6,000 procedures, and a preview grew with each save).
            _CONSTRUCTOR.constructed_objects.clear()
        return Scalar(value, raw, line, plain)

    def add(self, node: Node, start: Mark, end: Mark, done: _Open | None = None) -> None:
        """Attach a finished node to the list or mapping that holds it."""
        if not self.stack:
            self.root = node
            return
        top = self.stack[-1]
        if isinstance(top.node, Seq):
            if self.spans is not None:
                # A block list item starts at its "- ", in the list's column.
                column = None if top.flow else top.start.column
                self.spans.append(self.span(start, end, f"{top.path}[{len(top.node.items)}]", node, column))
            top.node.items.append(node)
            return
        if top.key is None:
            key = node.raw if isinstance(node, Scalar) else "?"
            top.key = (key, self.line(start), start)
            return
        key, key_line, key_start = top.key
        top.key = None
        where = f"{top.path}.{key}" if top.path else key
        if key in top.node.items:
            self.report.add(
                self.rel,
                key_line,
                where,
                Msg("yaml.duplicate_key", key=key, line=top.node.items[key][0]),
                Msg("yaml.duplicate_key.hint"),
            )
        if self.spans is not None:
            self.spans.append(self.span(key_start, end, where, node))
        top.node.items[key] = (key_line, node)

    def span(self, start: Mark, end: Mark, path: str, node: Node, column: int | None = None) -> Span:
        last = end.line
        if end.column == 0 and last > start.line:
            last -= 1  # a block value ends at the start of the next line
        first = (start.line + 1 + self.offset, start.column if column is None else column)
        return Span(first, (last + 1 + self.offset, sys.maxsize), path, isinstance(node, Scalar))

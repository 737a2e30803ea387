"""The base of the source format's declarations: a ``Spec`` and the ``Context`` it reports to.

Each ``Spec`` turns a located YAML node into a value, recording a problem in
the MkDocs core style when the node is not what staff were asked to write.
The kinds of value are declared in ``scalars.py``, ``texts.py`` and ``schema.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from procsite.messages import Msg, Val
from procsite.problems import Report, expected
from procsite.source.canonical import CONTROL
from procsite.source.references import References
from procsite.source.yamlsrc import Node, Scalar, Seq

MISSING: Any = object()


@dataclass
class Context:
    """Where problems go and where each parsed key was written."""

    rel: str
    report: Report
    lines: dict[str, int] = field(default_factory=dict)
    untranslated: list[tuple[int, str]] = field(default_factory=list)
    to_complete: list[tuple[int, str]] = field(default_factory=list)
    """Keys written ``to_complete`` (an import's placeholder), with their lines: notices, not problems."""
    references: References | None = None
    """The registers' ids, to check a reference where it is written; None while registers are read."""

    def problem(self, node_or_line: Node | int, key: str, message: Msg, hint: Msg | None = None) -> None:
        """Record a problem at a node's line (or a line) under ``key``."""
        line = node_or_line if isinstance(node_or_line, int) else node_or_line.line
        self.report.add(self.rel, line, key, message, hint)


class Spec:
    """A kind of value in the source format; ``what`` is the message code of what staff write."""

    example: str = ""
    what: Msg = Msg("what.value")

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        raise NotImplementedError

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        """The JSON Schema of what ``parse`` accepts, as far as JSON Schema can say it.

        With ``refs`` (the registers of one procedures folder), a reference is one of their ids."""
        raise NotImplementedError


def described(what: Msg) -> str:
    """A JSON Schema description in both languages, Vietnamese first: staff read the first."""
    return f"{what.render('vi')} — {what.render('en')}"


def char_class(chars: Iterable[str]) -> str:
    """A regular expression class of ``chars``, written with ``\\uXXXX`` escapes that both Python and
    ECMA-262 (JSON Schema's dialect) read, so that no invisible character is written into a schema."""
    codes = sorted({ord(c) for c in chars})
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(f"\\u{a:04X}" + (f"-\\u{b:04X}" if b > a else "") for a, b in ranges) + "]"


@cache
def control_class() -> str:
    """``CONTROL`` as a schema pattern (all its characters are in the Basic Multilingual Plane)."""
    return char_class(c for c in map(chr, range(0x10000)) if CONTROL.fullmatch(c))


def text_as_written(pattern: str) -> str:
    """A schema pattern for a text the checker strips and matches whole against ``pattern``."""
    return f"^\\s*(?:{pattern})\\s*$"


def require_scalar(node: Node, ctx: Context, key: str, what: Msg) -> Scalar | None:
    """The node if it is a scalar with a value; otherwise a problem saying ``what`` was expected, and None."""
    if isinstance(node, Scalar) and node.value is not None:
        return node
    ctx.problem(node, key, expected(what, received_value(node)))
    return None


def control_problem(text: str, node: Node, ctx: Context, key: str) -> bool:
    """Report a control character in a value (YAML's "\\e" or "\\x00" in quotes make them); True when found."""
    found = CONTROL.search(text)
    if found is None:
        return False
    code = f"{ord(found.group()):04X}"
    ctx.problem(node, key, Msg("value.control", received=Val.of(text)), Msg("value.control.hint", code=code))
    return True


def received_value(node: Node) -> Any:
    """What a node holds, as a problem shows it after "received": the text as written, a list or a mapping."""
    if isinstance(node, Scalar):
        return node.raw if node.value is not None else None
    return [None] * len(node.items) if isinstance(node, Seq) else dict(node.items)

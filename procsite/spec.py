"""The base of the source format's declarations: a ``Spec`` and the ``Context`` it reports to.

Each ``Spec`` turns a located YAML node into a value, recording a problem in
the MkDocs core style when the node is not what staff were asked to write.
The kinds of value are declared in ``scalars.py``, ``texts.py`` and ``schema.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .canonical import CONTROL
from .messages import Msg, Val
from .problems import Report, expected
from .references import References
from .yamlsrc import Node, Scalar, Seq

MISSING: Any = object()


@dataclass
class Context:
    """Where problems go and where each parsed key was written."""

    rel: str
    report: Report
    lines: dict[str, int] = field(default_factory=dict)
    untranslated: list[tuple[int, str]] = field(default_factory=list)
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

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError


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

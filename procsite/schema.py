"""The source format, declared once: it parses front matter and exports JSON Schema.

Each ``Spec`` turns a located YAML node into a value, recording a problem in
the MkDocs core style when the node is not what staff were asked to write.
This module declares the structures (lists and mappings of keys); the base is
in ``spec.py``, single values in ``scalars.py``, texts and durations in
``texts.py``. Every public name is importable from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .problems import closest, describe, expected
from .scalars import Bool, Date, Enum, Int, Money, Ref, Str
from .spec import MISSING, Context, Spec, received_value
from .texts import DurationSpec, TextSpec
from .yamlsrc import Map, Node, Scalar, Seq


class ListOf(Spec):
    def __init__(self, item: Spec, min_items: int = 0) -> None:
        self.item, self.min_items = item, min_items

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        if not isinstance(node, Seq):
            ctx.problem(node, key, expected('a list (lines starting with "- ")', received_value(node)) + ".")
            return MISSING
        if len(node.items) < self.min_items:
            ctx.problem(node, key, f"expected at least {self.min_items} item, but received: {len(node.items)}.")
        for i, child in enumerate(node.items):
            ctx.lines[f"{key}[{i}]"] = child.line
        values = [self.item.parse(child, ctx, f"{key}[{i}]") for i, child in enumerate(node.items)]
        # A list with a broken item is not used at all, so that later checks (step times, references)
        # do not report the consequences of a problem already reported.
        return MISSING if any(v is MISSING for v in values) else values

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.item.schema(), "minItems": self.min_items}


@dataclass
class Key:
    """One key of a mapping: its kind, whether it must be written, and what it means."""

    spec: Spec
    required: bool = False
    doc: str = ""


class Obj(Spec):
    """A mapping with known keys, made into ``make(**values)``; unknown keys are errors."""

    def __init__(self, make: Callable[..., Any], keys: dict[str, Key], what: str = "a mapping") -> None:
        self.make, self.keys, self.what = make, keys, what

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        if not isinstance(node, Map):
            ctx.problem(node, key, expected(self.what, received_value(node)) + ".")
            return MISSING
        values: dict[str, Any] = {}
        for name, (line, child) in node.items.items():
            where = f"{key}.{name}" if key else name
            if name not in self.keys:
                ctx.problem(
                    line,
                    where,
                    f'expected a known key, but received: "{name}".',
                    closest(name, list(self.keys), "keys"),
                )
                continue
            ctx.lines[where] = child.line
            if isinstance(child, Scalar) and child.value is None:
                if self.keys[name].required:
                    ctx.problem(line, where, f"expected {_what(self.keys[name].spec)}, but received: nothing.")
                continue
            value = self.keys[name].spec.parse(child, ctx, where)
            if value is not MISSING:
                values[name] = value
        failed = False
        for name, spec in self.keys.items():
            if spec.required and name not in node.items:
                ctx.problem(
                    node,
                    f"{key}.{name}" if key else name,
                    f"expected a value ({_what(spec.spec)}), but received: nothing.",
                    f'Add the key "{name}": {spec.doc}'.rstrip(": ") + ".",
                )
            if spec.required and name not in values:
                failed = True
        return MISSING if failed else self.make(**values)

    def schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [k for k, s in self.keys.items() if s.required],
            "properties": {
                k: {**s.spec.schema(), "description": s.doc or s.spec.schema().get("description", "")}
                for k, s in self.keys.items()
            },
        }


def _what(spec: Spec) -> str:
    return str(getattr(spec, "what", "a value"))


__all__ = [
    "MISSING",
    "Bool",
    "Context",
    "Date",
    "DurationSpec",
    "Enum",
    "Int",
    "Key",
    "ListOf",
    "Money",
    "Obj",
    "Ref",
    "Spec",
    "Str",
    "TextSpec",
    "describe",
]

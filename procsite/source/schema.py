"""The source format, declared once: it parses front matter and exports JSON Schema.

Each ``Spec`` turns a located YAML node into a value, recording a problem in
the MkDocs core style when the node is not what staff were asked to write.
This module declares the structures (lists and mappings of keys); the base is
in ``spec.py``, single values in ``scalars.py``, texts and durations in
``texts.py``. What each key means is in the message catalogues (``doc.<object>.<key>``),
so that the staff guide's hints and the schema's descriptions exist in both languages.
Every public name is importable from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from procsite.messages import Count, Msg
from procsite.problems import closest, expected
from procsite.source.references import References
from procsite.source.scalars import Bool, Date, Enum, Int, Money, Ref, Str
from procsite.source.spec import MISSING, Context, Spec, described, received_value
from procsite.source.texts import DurationSpec, TextSpec
from procsite.source.yamlsrc import Map, Node, Scalar, Seq


class ListOf(Spec):
    """A list of values of one kind, with at least ``min_items``."""

    what = Msg("what.list")

    def __init__(self, item: Spec, min_items: int = 0) -> None:
        self.item, self.min_items = item, min_items

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        if not isinstance(node, Seq):
            ctx.problem(node, key, expected(self.what, received_value(node)))
            return MISSING
        if len(node.items) < self.min_items:
            ctx.problem(node, key, Msg("list.too_short", limit=Count(self.min_items, "item"), count=len(node.items)))
        for i, child in enumerate(node.items):
            ctx.lines[f"{key}[{i}]"] = child.line
        values = [self.item.parse(child, ctx, f"{key}[{i}]") for i, child in enumerate(node.items)]
        # A list with a broken item is not used at all, so that later checks (step times, references)
        # do not report the consequences of a problem already reported.
        return MISSING if any(v is MISSING for v in values) else values

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        return {
            "type": "array",
            "items": self.item.schema(refs),
            "minItems": self.min_items,
            "description": described(self.what),
        }


TO_COMPLETE = "to_complete"
"""What an import writes where its source did not have the value: checked as a notice, shown as "being
prepared" on the page, and reported by ``check`` until staff write the value."""


class ToComplete(Spec):
    """``inner``, or ``to_complete``: the value is then ``empty()`` and the key is noted as to complete."""

    def __init__(self, inner: Spec, empty: Callable[[], Any] = lambda: None) -> None:
        self.inner, self.empty, self.what = inner, empty, inner.what

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        if is_to_complete(node):
            ctx.to_complete.append((node.line, key))
            return self.empty()
        return self.inner.parse(node, ctx, key)

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        inner = self.inner.schema(refs)
        placeholder = {"const": TO_COMPLETE, "description": described(Msg("what.to_complete"))}
        # anyOf, not oneOf: a text or a date pattern may accept the word as well
        return {"anyOf": [inner, placeholder], "description": inner.get("description", described(self.what))}


def is_to_complete(node: Node) -> bool:
    """Whether ``node`` is the placeholder ``to_complete``, written plainly or in quotes."""
    return isinstance(node, Scalar) and isinstance(node.value, str) and node.value.strip() == TO_COMPLETE


@dataclass
class Key:
    """One key of a mapping: its kind and whether it must be written (its meaning is ``doc.<object>.<key>``)."""

    spec: Spec
    required: bool = False


class Obj(Spec):
    """A mapping with known keys, made into ``make(**values)``; unknown keys are errors.

    ``name`` names the object in the catalogues: the meaning of its key ``k`` is ``doc.<name>.<k>``."""

    def __init__(self, make: Callable[..., Any], keys: dict[str, Key], name: str, what: str = "mapping") -> None:
        self.make, self.keys, self.name, self.what = make, keys, name, Msg(f"what.{what}")

    def doc(self, key: str) -> Msg:
        """What ``key`` means, from the catalogues."""
        return Msg(f"doc.{self.name}.{key}")

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        if not isinstance(node, Map):
            ctx.problem(node, key, expected(self.what, received_value(node)))
            return MISSING
        values: dict[str, Any] = {}
        for name, (line, child) in node.items.items():
            where = f"{key}.{name}" if key else name
            if name not in self.keys:
                ctx.problem(line, where, Msg("key.unknown", name=name), closest(name, list(self.keys), "keys"))
                continue
            ctx.lines[where] = child.line
            if isinstance(child, Scalar) and child.value is None:
                if self.keys[name].required:
                    ctx.problem(line, where, expected(self.keys[name].spec.what, None))
                continue
            value = self.keys[name].spec.parse(child, ctx, where)
            if value is not MISSING:
                values[name] = value
        failed = False
        for name, spec in self.keys.items():
            if spec.required and name not in node.items and name not in node.unread:
                ctx.problem(
                    node,
                    f"{key}.{name}" if key else name,
                    Msg("key.missing", what=spec.spec.what),
                    Msg("key.add.hint", name=name, doc=self.doc(name)),
                )
            if spec.required and name not in values:
                failed = True
        return MISSING if failed or node.unread else self.make(**values)

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        properties = {}
        for name, key in self.keys.items():
            value = key.spec.schema(refs)
            properties[name] = {
                **(value if key.required else or_nothing(value)),
                "description": described(self.doc(name)),
            }
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [k for k, s in self.keys.items() if s.required],
            "properties": properties,
            "description": described(self.what),
        }


def or_nothing(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema``, or nothing (null): an optional key written without a value is as if not written."""
    out = {k: v for k, v in schema.items() if k != "description"}
    if "enum" in out:
        out["enum"] = [*out["enum"], None]
    if "type" in out:
        out["type"] = [*([out["type"]] if isinstance(out["type"], str) else out["type"]), "null"]
    for choice in ("oneOf", "anyOf"):
        if choice in out:
            out[choice] = [*out[choice], {"type": "null"}]
    return out


__all__ = [
    "MISSING",
    "TO_COMPLETE",
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
    "ToComplete",
    "described",
    "is_to_complete",
]

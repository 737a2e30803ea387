"""The source format, declared once: it parses front matter and exports JSON Schema.

Each ``Spec`` turns a located YAML node into a value, recording a problem in
the MkDocs core style when the node is not what staff were asked to write.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .model import Duration, Text
from .problems import Report, closest, describe, expected
from .yamlsrc import Map, Node, Scalar, Seq

MISSING: Any = object()
LANGS = ("vi", "en")


@dataclass
class Context:
    """Where problems go and where each parsed key was written."""

    rel: str
    report: Report
    lines: dict[str, int] = field(default_factory=dict)
    untranslated: list[tuple[int, str]] = field(default_factory=list)

    def problem(self, node_or_line: Node | int, key: str, message: str, hint: str = "") -> None:
        line = node_or_line if isinstance(node_or_line, int) else node_or_line.line
        self.report.add(self.rel, line, key, message, hint)


class Spec:
    """A kind of value in the source format."""

    example: str = ""

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError


def _scalar(node: Node, ctx: Context, key: str, what: str) -> Scalar | None:
    if isinstance(node, Scalar) and node.value is not None:
        return node
    received = "a list" if isinstance(node, Seq) else "a mapping" if isinstance(node, Map) else "nothing"
    ctx.problem(node, key, f"expected {what}, but received: {received}.")
    return None


class Str(Spec):
    """A single-line string; the text is taken as written, never as a YAML number or time."""

    def __init__(self, what: str = "a text", pattern: str | None = None, example: str = "") -> None:
        self.what, self.pattern, self.example = what, pattern, example

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = _scalar(node, ctx, key, self.what)
        if scalar is None:
            return MISSING
        text = scalar.raw.strip()
        if self.pattern and not re.fullmatch(self.pattern, text):
            hint = f'For example: "{self.example}".' if self.example else ""
            ctx.problem(node, key, expected(self.what, text) + ".", hint)
            return MISSING
        return text

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "description": self.what}
        if self.pattern:
            out["pattern"] = f"^{self.pattern}$"
        return out


class Ref(Str):
    """The id of an entry in a register (units, fields, forms); existence is checked later."""

    def __init__(self, register: str) -> None:
        super().__init__(f"the id of an entry of {register}.yml", r"[a-z0-9][a-z0-9-]*", "mot-cua")
        self.register = register


class Int(Spec):
    def __init__(self, what: str, minimum: int = 0) -> None:
        self.what, self.minimum = what, minimum

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = _scalar(node, ctx, key, self.what)
        if scalar is None:
            return MISSING
        if isinstance(scalar.value, bool) or not isinstance(scalar.value, int) or scalar.value < self.minimum:
            ctx.problem(node, key, expected(self.what, scalar.raw) + ".")
            return MISSING
        return scalar.value

    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum, "description": self.what}


class Money(Spec):
    """An amount in đồng; "8.000" and "8,000" are read the Vietnamese and English way, as 8000."""

    what = "an amount in đồng, 0 when free"

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = _scalar(node, ctx, key, self.what)
        if scalar is None:
            return MISSING
        raw = scalar.raw.strip()
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", raw):
            return int(raw.replace(".", "").replace(",", ""))
        if isinstance(scalar.value, int) and not isinstance(scalar.value, bool) and scalar.value >= 0:
            return scalar.value
        ctx.problem(node, key, expected(self.what, raw) + ".", 'Write digits only, e.g. "8000" or "8.000".')
        return MISSING

    def schema(self) -> dict[str, Any]:
        return {
            "oneOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": r"^\d{1,3}([.,]\d{3})+$"}],
            "description": self.what,
        }


class Bool(Spec):
    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = _scalar(node, ctx, key, "true or false")
        if scalar is None or not isinstance(scalar.value, bool):
            if scalar is not None:
                ctx.problem(node, key, expected("true or false", scalar.raw) + ".")
            return MISSING
        return scalar.value

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class Date(Spec):
    what = "a date written YYYY-MM-DD"

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = _scalar(node, ctx, key, self.what)
        if scalar is None:
            return MISSING
        if isinstance(scalar.value, dt.date) and not isinstance(scalar.value, dt.datetime):
            return scalar.value
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", scalar.raw.strip()):
            try:  # a quoted date is still a date
                return dt.date.fromisoformat(scalar.raw.strip())
            except ValueError:
                pass
        reason = " (no such day)" if scalar.invalid or re.fullmatch(r"\d{4}-\d{2}-\d{2}", scalar.raw.strip()) else ""
        ctx.problem(node, key, expected(self.what, scalar.raw) + reason + ".", "For example: 2025-07-01.")
        return MISSING

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "description": self.what}


class Enum(Spec):
    def __init__(self, *choices: str) -> None:
        self.choices = choices

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        what = "one of " + ", ".join(self.choices)
        scalar = _scalar(node, ctx, key, what)
        if scalar is None:
            return MISSING
        if scalar.raw not in self.choices:
            ctx.problem(node, key, expected(what, scalar.raw) + ".", closest(scalar.raw, self.choices))
            return MISSING
        return scalar.raw

    def schema(self) -> dict[str, Any]:
        return {"enum": list(self.choices)}


# What a browser would read as markup: "<" then a letter, "/", "!" or "?" opens a tag, a closing tag,
# a comment or a declaration (HTML's tokenizer rules), so "< 6 tuổi" or "<6 tuổi" stay plain text.
_MARKUP = re.compile(r"<[A-Za-z/!?](?:[^<>]{0,80}>|[^<>\s]*)")
_SCRIPT_URL = re.compile(r"javascript\s*:", re.I)


def _markup_problem(text: str, node: Node, ctx: Context, key: str) -> bool:
    """Report HTML markup or a script address in a text; True when there was one."""
    found = _MARKUP.search(text) or _SCRIPT_URL.search(text)
    if found is None:
        return False
    what = "HTML markup" if found.re is _MARKUP else "a script address"
    ctx.problem(
        node,
        key,
        f"expected plain text, but received: {what} {describe(found.group(0))}.",
        "Texts are shown exactly as written, never as HTML: remove the markup.",
    )
    return True


class TextSpec(Spec):
    """A text citizens read: ``{vi: …, en: …}``, or a plain string (Vietnamese only, English to come).

    Texts are shown exactly as written: HTML markup or a ``javascript:`` address in one is an error."""

    what = 'a text, or a mapping with "vi" and "en" texts'

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        if isinstance(node, Scalar) and isinstance(node.value, str) and node.value.strip():
            text = node.value.strip()
            if _markup_problem(text, node, ctx, key):
                return MISSING
            ctx.untranslated.append((node.line, key))
            return Text(text)
        if isinstance(node, Map):
            values: dict[str, str] = {}
            marked_up = False
            for lang, (line, child) in node.items.items():
                if lang not in LANGS:
                    hint = closest(lang, LANGS)
                    if " " in lang.strip() or not lang.isascii():  # an unquoted comma cut a text short
                        hint = 'A text with a comma must be in quotes: {vi: "Cha, mẹ", en: "Father, mother"}.'
                    ctx.problem(
                        line, f"{key}.{lang}", f'expected a language "vi" or "en", but received: "{lang}".', hint
                    )
                elif isinstance(child, Scalar) and isinstance(child.value, str) and child.value.strip():
                    text = child.value.strip()
                    if _markup_problem(text, child, ctx, f"{key}.{lang}"):
                        marked_up = True
                    else:
                        values[lang] = text
                elif not (isinstance(child, Scalar) and child.value is None):
                    ctx.problem(child, f"{key}.{lang}", expected("a text", _received(child)) + ".")
            if marked_up:
                return MISSING
            if "vi" not in values:
                if "vi" not in node.items:
                    ctx.problem(
                        node,
                        key,
                        'expected a Vietnamese text under "vi", but received: none.',
                        "Every text is written in Vietnamese first.",
                    )
                return MISSING
            if "en" not in values:
                ctx.untranslated.append((node.line, key))
            return Text(values["vi"], values.get("en"))
        ctx.problem(
            node,
            key,
            expected(self.what, _received(node)) + ".",
            'For example: {vi: "Bộ phận Một cửa", en: "One-stop desk"}.',
        )
        return MISSING

    def schema(self) -> dict[str, Any]:
        return {
            "oneOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["vi"],
                    "properties": {"vi": {"type": "string"}, "en": {"type": "string"}},
                },
            ],
            "description": self.what,
        }


def _received(node: Node) -> Any:
    if isinstance(node, Scalar):
        return node.raw if node.value is not None else None
    return [None] * len(node.items) if isinstance(node, Seq) else dict(node.items)


_DURATION = re.compile(r"(\d+(?:[.,]5)?)\s+(working_days?|working_hours?|days?)")


class DurationSpec(Spec):
    what = 'a number of working days, working hours or days, e.g. "2 working_days"'

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = _scalar(node, ctx, key, self.what)
        if scalar is None:
            return MISSING
        match = _DURATION.fullmatch(scalar.raw.strip())
        if not match:
            ctx.problem(
                node,
                key,
                expected(self.what, scalar.raw) + ".",
                "Write the number, a space and one of: working_days, working_hours, days.",
            )
            return MISSING
        unit = match.group(2) if match.group(2).endswith("s") else match.group(2) + "s"
        return Duration(float(match.group(1).replace(",", ".")), unit)

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^" + _DURATION.pattern + "$", "description": self.what}


class ListOf(Spec):
    def __init__(self, item: Spec, min_items: int = 0) -> None:
        self.item, self.min_items = item, min_items

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        if not isinstance(node, Seq):
            ctx.problem(node, key, expected('a list (lines starting with "- ")', _received(node)) + ".")
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
            ctx.problem(node, key, expected(self.what, _received(node)) + ".")
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
    "Str",
    "TextSpec",
    "describe",
]

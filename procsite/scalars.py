"""Single values of the source format: strings, register ids, numbers, money, true/false, dates, choices."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .messages import Msg, Val
from .problems import closest, expected
from .spec import MISSING, Context, Spec, control_problem, require_scalar
from .yamlsrc import Node


class Str(Spec):
    """A single-line string; the text is taken as written, never as a YAML number or time."""

    def __init__(self, what: str = "text", pattern: str | None = None, example: str = "") -> None:
        self.what, self.pattern, self.example = Msg(f"what.{what}"), pattern, example

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = require_scalar(node, ctx, key, self.what)
        if scalar is None:
            return MISSING
        text = scalar.raw.strip()
        if control_problem(text, node, ctx, key):
            return MISSING
        if self.pattern and not re.fullmatch(self.pattern, text):
            hint = Msg("value.example.hint", example=self.example) if self.example else None
            ctx.problem(node, key, expected(self.what, text), hint)
            return MISSING
        return text

    def matches(self, text: str) -> bool:
        """True when ``text`` is written as this kind of string must be."""
        return self.pattern is None or re.fullmatch(self.pattern, text) is not None

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "description": self.what.render("en")}
        if self.pattern:
            out["pattern"] = f"^{self.pattern}$"
        return out


class Ref(Str):
    """The id of an entry in a register (units, fields, forms); existence is checked later."""

    def __init__(self, register: str) -> None:
        super().__init__("ref", r"[a-z0-9]+(?:-[a-z0-9]+)*", "mot-cua")
        self.what = Msg("what.ref", register=register)
        self.register = register

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        value = super().parse(node, ctx, key)
        refs = ctx.references
        if value is not MISSING and refs is not None and not refs.known(self.register, value):
            message = Msg("ref.unknown", register=self.register, value=value)
            ctx.problem(node, key, message, refs.hint(self.register, value))
        return value


class Int(Spec):
    """A whole number between ``minimum`` and ``maximum``: counts of copies, issue numbers."""

    def __init__(self, what: str, minimum: int = 0, maximum: int = 999) -> None:
        self.what, self.minimum, self.maximum = Msg(f"what.{what}"), minimum, maximum

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = require_scalar(node, ctx, key, self.what)
        if scalar is None:
            return MISSING
        if isinstance(scalar.value, bool) or not isinstance(scalar.value, int) or scalar.value < self.minimum:
            ctx.problem(node, key, expected(self.what, scalar.raw))
            return MISSING
        if scalar.value > self.maximum:
            ctx.problem(
                node, key, Msg("value.at_most", what=self.what, limit=self.maximum, received=Val.of(scalar.raw))
            )
            return MISSING
        return scalar.value

    def schema(self) -> dict[str, Any]:
        return {
            "type": "integer",
            "minimum": self.minimum,
            "maximum": self.maximum,
            "description": self.what.render("en"),
        }


class Money(Spec):
    """An amount in đồng; "8.000" and "8,000" are read the Vietnamese and English way, as 8000."""

    what = Msg("what.money")
    maximum = 10_000_000_000
    """Ten billion đồng: far above any fee or charge, and far below what formatting can mishandle."""

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = require_scalar(node, ctx, key, self.what)
        if scalar is None:
            return MISSING
        raw = scalar.raw.strip()
        amount: int | None = None
        if len(raw) <= 20 and re.fullmatch(r"\d{1,3}([.,]\d{3})+", raw):
            amount = int(raw.replace(".", "").replace(",", ""))
        elif isinstance(scalar.value, int) and not isinstance(scalar.value, bool) and scalar.value >= 0:
            amount = scalar.value
        if amount is None:
            ctx.problem(node, key, expected(self.what, raw), Msg("money.hint"))
            return MISSING
        if amount > self.maximum:
            ctx.problem(node, key, Msg("money.too_big", received=Val.of(raw)), Msg("money.too_big.hint"))
            return MISSING
        return amount

    def schema(self) -> dict[str, Any]:
        return {
            "oneOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": r"^\d{1,3}([.,]\d{3})+$"}],
            "description": self.what.render("en"),
        }


class Bool(Spec):
    """true or false."""

    what = Msg("what.bool")

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = require_scalar(node, ctx, key, self.what)
        if scalar is None or not isinstance(scalar.value, bool):
            if scalar is not None:
                ctx.problem(node, key, expected(self.what, scalar.raw))
            return MISSING
        return scalar.value

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class Date(Spec):
    what = Msg("what.date")

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = require_scalar(node, ctx, key, self.what)
        if scalar is None:
            return MISSING
        if isinstance(scalar.value, dt.date) and not isinstance(scalar.value, dt.datetime):
            return scalar.value
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", scalar.raw.strip()):
            try:  # a quoted date is still a date
                return dt.date.fromisoformat(scalar.raw.strip())
            except ValueError:
                pass
        no_day = scalar.invalid or re.fullmatch(r"\d{4}-\d{2}-\d{2}", scalar.raw.strip())
        message = Msg("value.no_such_day" if no_day else "value.expected", what=self.what, received=Val.of(scalar.raw))
        ctx.problem(node, key, message, Msg("date.hint"))
        return MISSING

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "description": self.what.render("en")}


class Enum(Spec):
    """One of a few words, e.g. in_person, online, post."""

    def __init__(self, *choices: str) -> None:
        self.choices = choices
        self.what = Msg("what.one_of", choices=", ".join(choices))

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = require_scalar(node, ctx, key, self.what)
        if scalar is None:
            return MISSING
        if scalar.raw not in self.choices:
            ctx.problem(node, key, expected(self.what, scalar.raw), closest(scalar.raw, self.choices))
            return MISSING
        return scalar.raw

    def schema(self) -> dict[str, Any]:
        return {"enum": list(self.choices)}

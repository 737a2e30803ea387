"""Single values of the source format: strings, register ids, numbers, money, true/false, dates, choices."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from procsite.messages import Msg, Val
from procsite.problems import closest, expected
from procsite.source.references import References
from procsite.source.spec import (
    MISSING,
    Context,
    Spec,
    control_class,
    control_problem,
    described,
    require_scalar,
    text_as_written,
)
from procsite.source.yamlsrc import Node

UNQUOTED: dict[str, dict[str, Any]] = {
    "what.code": {"type": "number", "not": {"type": "integer"}, "minimum": 0, "exclusiveMaximum": 10},
    "what.cutoff": {"type": "integer", "minimum": 60, "maximum": 23 * 60 + 59},
    "what.iso_code": {"type": "number", "minimum": 0},
    "what.ref": {"type": "integer", "minimum": 0},
}
"""What YAML makes of some unquoted strings, by kind: a code ``1.001193`` is a number, a cutoff ``15:00``
the minutes 900, an id ``2024`` a whole number. The checker reads them as written; JSON sees the numbers,
so the schema accepts these (it cannot see the digits: ``1.00119`` passes it, not the checker)."""


class Str(Spec):
    """A single-line string; the text is taken as written, never as a YAML number or time."""

    def __init__(self, what: str = "text", pattern: str | None = None, example: str = "") -> None:
        self.what, self.pattern, self.example = Msg(f"what.{what}"), pattern, example

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = require_scalar(node, ctx, key, self.what)
        if scalar is None:
            return MISSING
        text = scalar.raw.strip()
        if not text:  # "" or "  ": written, but nothing in it
            ctx.problem(node, key, expected(self.what, None))
            return MISSING
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

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        no_control = {"not": {"type": "string", "pattern": control_class()}}
        if self.pattern is None:  # taken as written: an unquoted number or "yes" is a text too
            written = {"type": ["string", "number", "boolean"], "pattern": r"\S", **no_control}  # not blank
            return {**written, "description": described(self.what)}
        text = {"type": "string", "pattern": text_as_written(self.pattern), **no_control}
        unquoted = UNQUOTED.get(self.what.code)
        return {**({"oneOf": [text, unquoted]} if unquoted else text), "description": described(self.what)}


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

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        broken = refs.broken.get(self.register, set()) if refs else {"*"}
        if refs is None or "*" in broken:  # no register to name the ids of
            return super().schema()
        ids = sorted(i for i in {*refs.names.get(self.register, {}), *broken} if self.matches(i))
        # An id of digits, unquoted, is a number to YAML (and "0123" an octal one: not listed).
        numbers = [int(i) for i in ids if i.isdigit() and str(int(i)) == i]
        return {"enum": [*ids, *numbers], "description": described(self.what)}


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

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        return {
            "type": "integer",
            "minimum": self.minimum,
            "maximum": self.maximum,
            "description": described(self.what),
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
        elif raw.isdigit() and isinstance(scalar.value, int):  # digits as written: not 1_000 or 0x10 (YAML 1.1)
            amount = scalar.value
        if amount is None:
            ctx.problem(node, key, expected(self.what, raw), Msg("money.hint"))
            return MISSING
        if amount > self.maximum:
            ctx.problem(node, key, Msg("money.too_big", received=Val.of(raw)), Msg("money.too_big.hint"))
            return MISSING
        return amount

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 0, "maximum": self.maximum},
                # "8.500" unquoted is YAML's number 8.5: 8,500 đồng written the Vietnamese way (so is "8.5",
                # which the checker refuses; the schema cannot see the digits).
                {"type": "number", "minimum": 0, "exclusiveMaximum": 1000},
                {"type": "string", "pattern": text_as_written(DOTTED_AMOUNT)},
            ],
            "description": described(self.what),
        }


DOTTED_AMOUNT = (
    r"\d{1,3}(?:[.,]\d{3}){1,2}"  # up to 999.999.999
    r"|0{0,2}\d(?:[.,]\d{3}){3}|0?10(?:[.,]000){3}"  # up to 10.000.000.000
    r"|0{1,3}[.,](?:00\d(?:[.,]\d{3}){3}|010(?:[.,]000){3})"  # the same after a group of zeros: 0.010.000.000.000
)
"""An amount in groups of three digits, as ``Money`` reads it, up to its maximum of ten billion
(and so in at most 20 characters)."""


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

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        return {"type": "boolean", "description": described(self.what)}


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

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        # An unquoted date is a string in JSON: the pattern checks it even where "format" is not asserted.
        return {
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": described(self.what),
        }


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

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        return {"enum": list(self.choices), "description": described(self.what)}

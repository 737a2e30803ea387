"""Typed access to a JSON value nothing vouches for: ``Node`` and ``parse_json``.

A national record is read key by key through ``Node``, which knows the JSON path it stands at: a value of
the wrong type is reported there (a ``SourceIssue`` naming the path, with a ``national.*`` code) and read
as empty, so that one bad field costs that field and not the record. ``parse_json`` refuses, with a
message staff can act on, what is not JSON at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from procsite.importers.records import SourceError, SourceIssue, as_found
from procsite.messages import Msg, Num, Param, Val


@dataclass(frozen=True)
class Node:
    """A value of the record with its JSON path; reading it as the wrong type reports it in ``issues``."""

    value: Any
    where: str
    issues: list[SourceIssue]

    def key(self, name: str) -> Node:
        """The value under ``name`` (None when absent or when this is not an object)."""
        value = self.value.get(name) if isinstance(self.value, dict) else None
        return Node(value, f"{self.where}.{name}" if self.where else name, self.issues)

    def obj(self) -> Node:
        """This node when it is an object or null; otherwise reported, and null."""
        if self.value is None or isinstance(self.value, dict):
            return self
        self.report("national.expected_object")
        return Node(None, self.where, self.issues)

    def items(self) -> list[Node]:
        """The items of a list (none for null); anything else is reported."""
        if self.value is None:
            return []
        if not isinstance(self.value, list):
            self.report("national.expected_list")
            return []
        return [Node(value, f"{self.where}[{index}]", self.issues) for index, value in enumerate(self.value)]

    def objects(self) -> list[Node]:
        """The items that are objects; a null item is skipped, another one reported."""
        return [item for item in self.items() if item.obj().value is not None]

    def text(self) -> str:
        """A text as found (trimmed, non-breaking spaces made spaces); an integer in its digits."""
        if self.value is None:
            return ""
        if isinstance(self.value, str):
            return as_found(self.value)
        if isinstance(self.value, int) and not isinstance(self.value, bool):
            return str(self.value)
        self.report("national.expected_text")
        return ""

    def names(self, key: str = "name") -> tuple[str, ...]:
        """The non-empty ``key`` of each object of a list."""
        return tuple(name for item in self.objects() if (name := item.key(key).text()))

    def count(self) -> int | None:
        """A number of copies: a whole number 0-1000, or its digits in a text."""
        value = self.value
        if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 4:
            value = int(value.strip())
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 1000:
            return value
        if value is not None and value != "":
            self.report("national.expected_count")
        return None

    def flag(self) -> bool | None:
        """true or false; null is None and anything else is reported."""
        if self.value is None or isinstance(self.value, bool):
            return self.value
        self.report("national.expected_flag")
        return None

    def report(self, code: str, **params: Param) -> None:
        """Say that this value could not be used, and why (a message code of ``vi_national``)."""
        why = Msg(code, received=Val.of(self.value), **params)
        self.issues.append(SourceIssue(self.where, shown_value(self.value), why))


def shown_value(value: Any) -> str:
    """A received value in a few characters, the way JSON writes it."""
    if isinstance(value, str):
        return value if len(value) <= 200 else value[:197] + "..."
    if isinstance(value, list):
        return f"[…] ({len(value)})"
    if isinstance(value, dict):
        return "{" + ", ".join(str(key) for key in list(value)[:5]) + (", …}" if len(value) > 5 else "}")
    return json.dumps(value) if value is None or isinstance(value, bool) else str(value)[:200]


class _NotANumber(ValueError):
    """NaN and Infinity, which Python's json accepts and JSON does not."""


def _refuse_constant(name: str) -> Any:
    raise _NotANumber(name)


def parse_json(data: bytes, shown: str) -> Any:
    """The JSON value of ``data``, or ``SourceError`` saying why there is none."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = f"{data[error.start]:02X}"
        raise SourceError(shown, "", Msg("national.json_not_utf8", byte=byte, offset=Num(error.start))) from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        why = Msg("national.json_invalid", line=Num(error.lineno), column=Num(error.colno))
        raise SourceError(shown, "", why) from None
    except _NotANumber as error:
        raise SourceError(shown, "", Msg("national.json_not_number", received=Val.of(str(error)))) from None
    except ValueError:  # an integer of more than 4,300 digits (Python's guard against slow parsing)
        raise SourceError(shown, "", Msg("national.json_number_too_long")) from None
    except RecursionError:
        raise SourceError(shown, "", Msg("national.json_too_deep")) from None

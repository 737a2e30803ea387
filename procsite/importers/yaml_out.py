"""Our source format written out: block YAML, two-space indents, Vietnamese as is, every scalar quoted
by PyYAML exactly where YAML needs it (a code such as "1.001193" would otherwise read as a number), a
text of several lines as a literal block. Only what the importers write: mappings, lists, strings,
integers, floats, booleans and dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml


def scalar(value: Any) -> str:
    """One scalar as YAML writes it on a line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    text: str = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_flow_style=True)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def emit(mapping: dict[str, Any], indent: int = 0) -> str:
    """A mapping as block YAML lines (ending with a newline)."""
    return "".join(_pair(key, value, indent) for key, value in mapping.items())


def _pair(key: str, value: Any, indent: int) -> str:
    pad = " " * indent
    if isinstance(value, dict):
        return f"{pad}{key}:\n{emit(value, indent + 2)}" if value else f"{pad}{key}: {{}}\n"
    if isinstance(value, list):
        return f"{pad}{key}:\n{_items(value, indent + 2)}" if value else f"{pad}{key}: []\n"
    if isinstance(value, str) and "\n" in value:
        return f"{pad}{key}: |-\n" + "".join(f"{pad}  {line}\n" if line else "\n" for line in value.split("\n"))
    return f"{pad}{key}: {scalar(value)}\n"


def _items(values: list[Any], indent: int) -> str:
    pad = " " * indent
    out = []
    for value in values:
        if isinstance(value, dict) and value:
            inner = emit(value, indent + 2)
            out.append(f"{pad}- {inner[indent + 2 :]}")
        elif isinstance(value, str) and "\n" in value:
            out.append(f"{pad}- |-\n" + "".join(f"{pad}  {line}\n" if line else "\n" for line in value.split("\n")))
        else:
            out.append(f"{pad}- {scalar(value)}\n")
    return "".join(out)

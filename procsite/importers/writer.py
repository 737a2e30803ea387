"""Procedure files written by an import, and merged on a re-import without touching what staff wrote.

A first import writes the whole file. A re-import of a newer record rewrites only the keys the national
record owns (``NATIONAL_KEYS``), each as one block of lines, with the English texts staff added kept;
every other line of the file (the ISO block, steps, units, keywords, comments, the body) is kept byte
for byte. What changed is listed key by key, value by value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml

from procsite.importers.to_source import KEY_ORDER, NATIONAL_KEYS, Mapped
from procsite.importers.yaml_out import emit, scalar
from procsite.messages import Msg

_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*:(?:\s|$)")


class MergeError(Exception):
    """An existing file the merge cannot read (a message of the catalogue)."""

    def __init__(self, why: Msg) -> None:
        super().__init__(why.code)
        self.why = why


def new_file(mapped: Mapped, source_name: str, today: dt.date) -> str:
    """The text of a new procedure file."""
    keys = ", ".join(NATIONAL_KEYS[:8]) + ",\n" + ", ".join(NATIONAL_KEYS[8:])
    header = Msg("import.file.header", source=source_name, date=today.isoformat(), keys=keys)
    lines = [f"# {line}" for line in header.render("vi").split("\n")]
    body = mapped.body.strip()
    return "---\n" + "\n".join(lines) + "\n" + emit(mapped.front) + "---\n" + (body + "\n" if body else "")


@dataclass
class Block:
    key: str | None  # None: lines before the first key
    lines: list[str]


def split_front_matter(text: str) -> tuple[list[Block], str]:
    """The front matter as blocks of lines, one per top-level key (comments before a key go with it),
    and the rest of the file (the closing ``---`` and the body) as it is."""
    if not text.startswith("---\n"):
        raise MergeError(Msg("import.merge.no_front_matter"))
    end = text.find("\n---\n", 3)
    if end < 0:
        end = text.find("\n---", 3)
        if end < 0 or text[end + 4 :].strip():
            raise MergeError(Msg("import.merge.no_front_matter"))
    lines = text[4 : end + 1].split("\n")[:-1]
    rest = text[end + 1 :]
    blocks: list[Block] = [Block(None, [])]
    waiting: list[str] = []  # comments and blank lines at the margin: they belong to the next key
    for line in lines:
        match = _KEY_LINE.match(line)
        if match:
            blocks.append(Block(match.group(1), [*waiting, line]))
            waiting = []
        elif line.startswith("#") or not line.strip():
            waiting.append(line)
        else:
            blocks[-1].lines += [*waiting, line]
            waiting = []
    blocks[-1].lines += waiting
    return blocks, rest


def merge(old_text: str, mapped: Mapped) -> tuple[str, list[tuple[str, str, str]]]:
    """``old_text`` with the national keys of ``mapped``; and the changes, value by value."""
    return replace_keys(old_text, mapped.front, NATIONAL_KEYS)


def replace_keys(
    old_text: str, front: dict[str, Any], owned: tuple[str, ...]
) -> tuple[str, list[tuple[str, str, str]]]:
    """``old_text`` with the keys ``owned`` taken from ``front`` (English texts of the old values kept,
    keys ``front`` lacks removed), every other line as it was; and the changes, value by value."""
    blocks, rest = split_front_matter(old_text)
    try:
        old = yaml.safe_load("\n".join(line for b in blocks for line in b.lines)) or {}
    except yaml.YAMLError:
        raise MergeError(Msg("import.merge.unreadable")) from None
    if not isinstance(old, dict):
        raise MergeError(Msg("import.merge.unreadable"))
    new = {key: keep_english(value, old.get(key)) for key, value in front.items() if key in owned}
    changes = _changes(old, new, owned)
    present = {b.key for b in blocks}
    out: list[Block] = []
    for block in blocks:
        if block.key in owned:
            if block.key not in new:
                continue  # the newer record no longer states it
            leading = [line for line in block.lines if line.startswith("#") or not line.strip()]
            leading = leading[: _leading_count(block.lines)]
            out.append(Block(block.key, [*leading, *emit({block.key: new[block.key]}).rstrip("\n").split("\n")]))
        else:
            out.append(block)
    for key in (k for k in KEY_ORDER if k in new and k not in present):
        at = _insert_at(out, key)
        out.insert(at, Block(key, emit({key: new[key]}).rstrip("\n").split("\n")))
    text = "---\n" + "".join(line + "\n" for b in out for line in b.lines) + rest
    return text, changes


def _leading_count(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if not (line.startswith("#") or not line.strip()):
            return i
    return len(lines)


def _insert_at(blocks: list[Block], key: str) -> int:
    """Where a key the file lacks goes: after the last key that comes before it in ``KEY_ORDER``."""
    before = set(KEY_ORDER[: KEY_ORDER.index(key)])
    at = 1
    for i, block in enumerate(blocks):
        if block.key in before:
            at = i + 1
    return at


_MATCH_BY = ("number", "name", "title", "label")


def keep_english(new: Any, old: Any) -> Any:
    """``new`` with the English texts of ``old`` where ``new`` has none: staff's translations survive a
    re-import. List items are matched by their number or Vietnamese name, else by position."""
    if isinstance(new, dict) and isinstance(old, dict):
        out = {key: keep_english(value, old.get(key)) for key, value in new.items()}
        if set(new) == {"vi"} and isinstance(old.get("en"), str) and old.get("en"):
            out["en"] = old["en"]
        return out
    if isinstance(new, list) and isinstance(old, list):
        return [keep_english(item, _counterpart(item, i, old)) for i, item in enumerate(new)]
    return new


def _counterpart(item: Any, index: int, old: list[Any]) -> Any:
    if isinstance(item, dict):
        for key in _MATCH_BY:
            if key in item:
                wanted = _vi(item[key])
                for candidate in old:
                    if isinstance(candidate, dict) and _vi(candidate.get(key)) == wanted:
                        return candidate
                return None
    return old[index] if index < len(old) else None


def _vi(value: Any) -> Any:
    return value.get("vi") if isinstance(value, dict) else value


def flatten(value: Any, path: str = "") -> dict[str, str]:
    """Every scalar of ``value`` by its path (``fees[1].amount``), as written; English texts left out."""
    if isinstance(value, dict):
        out: dict[str, str] = {}
        for key, child in value.items():
            if key == "en":
                continue
            out.update(flatten(child, f"{path}.{key}" if path else str(key)))
        return out
    if isinstance(value, list):
        out = {}
        for i, child in enumerate(value):
            out.update(flatten(child, f"{path}[{i}]"))
        return out
    return {path: scalar(value) if not isinstance(value, str) else value}


def _changes(old: dict[str, Any], new: dict[str, Any], owned: tuple[str, ...]) -> list[tuple[str, str, str]]:
    before = {k: v for key in owned if key in old for k, v in flatten(old[key], key).items()}
    after = {k: v for key in owned if key in new for k, v in flatten(new[key], key).items()}
    paths = list(dict.fromkeys([*before, *after]))
    return [(p, before.get(p, ""), after.get(p, "")) for p in paths if before.get(p) != after.get(p)]

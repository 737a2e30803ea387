"""Seeded mutators: each changes one file (or one directory entry) of a copied procedures folder.

A mutator takes a ``random.Random`` and the folder and returns what it did, so that a case is
reproduced from its seed alone (``python -m tests.fuzz --replay N``).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from . import payloads

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
SAMPLE = ROOT / "procedures"
REGISTERS = ("agency.yml", "units.yml", "fields.yml", "forms.yml")


@dataclass(frozen=True)
class Mutation:
    """What a mutator changed: its family, the variant, the file and the text written."""

    mutator: str
    variant: str
    path: str
    change: str

    def __str__(self) -> str:
        return f"{self.mutator}:{self.variant} {self.path}: {self.change}"


class NothingToMutate(Exception):
    """The chosen file has no place this mutator can change; another mutator is used."""


def _shown(text: str | bytes, limit: int = 240) -> str:
    shown = repr(text)
    return shown if len(shown) <= limit else f"{shown[:limit]}… ({len(text)} characters)"


def _files(root: Path, kind: str) -> list[Path]:
    """Regular files of a kind: register, procedure, english, yaml (register or procedure), text, any."""
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        is_english = rel.endswith(".en.md")
        is_procedure = rel.endswith(".md") and not is_english
        wanted = {
            "register": rel in REGISTERS,
            "procedure": is_procedure,
            "english": is_english,
            "yaml": rel in REGISTERS or is_procedure,
            "text": rel in REGISTERS or rel.endswith(".md"),
            "any": True,
        }[kind]
        if wanted:
            found.append(path)
    if not found:
        raise NothingToMutate(kind)
    return found


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


def _yaml_range(lines: list[str], path: Path) -> tuple[int, int]:
    """The indexes [start, end) of the YAML lines: a whole register, or a procedure's front matter."""
    if path.name.endswith(".yml"):
        return 0, len(lines)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), len(lines))
    return 1, end


_BLOCK = re.compile(r"^(\s*(?:-\s+)?[^\s#:'\"{}\[\],!&*-][^:#]*?:[ ]+)(\S.*?)\s*$")
_FLOW_MAP = re.compile(r"([{,]\s*)([\w-]+):[ ]+([^,{}\[\]\n]+?)(?=\s*[,}])")
_FLOW_LIST = re.compile(r"([\[,]\s*)([^,\[\]{}\n:]+?)(?=\s*[,\]])")
_ITEM = re.compile(r"^(\s*-[ ]+)([^\s{\[][^:]*?)\s*$")
_KEY = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?:\s|$)")


def _value_sites(lines: list[str], start: int, end: int) -> list[tuple[int, int, int]]:
    """(line, start, end) of each scalar or flow value written in the YAML lines."""
    sites = []
    for i in range(start, end):
        line = lines[i]
        for pattern, group in ((_BLOCK, 2), (_ITEM, 2)):
            match = pattern.match(line)
            if match:
                sites.append((i, match.start(group), match.end(group)))
        sites += [(i, m.start(3), m.end(3)) for m in _FLOW_MAP.finditer(line)]
        sites += [(i, m.start(2), m.end(2)) for m in _FLOW_LIST.finditer(line) if "[" in line]
    return sites


def _key_lines(lines: list[str], start: int, end: int) -> list[tuple[int, str, str]]:
    """(line, indentation prefix, key) of each block mapping key."""
    return [(i, m.group(1), m.group(2)) for i in range(start, end) if (m := _KEY.match(lines[i]))]


def _yaml_file(rng: random.Random, root: Path) -> tuple[Path, list[str], int, int]:
    path = rng.choice(_files(root, "yaml"))
    lines = _read(path).split("\n")
    start, end = _yaml_range(lines, path)
    return path, lines, start, end


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def lines(rng: random.Random, root: Path) -> Mutation:
    """Delete, duplicate, swap, move or blank lines of a text file."""
    path = rng.choice(_files(root, "text"))
    text = _read(path).split("\n")
    variant = rng.choice(["delete", "duplicate", "swap", "swap-adjacent", "move", "blank", "reverse", "keep-one"])
    i, j = rng.randrange(len(text)), rng.randrange(len(text))
    change = f"line {i + 1}: {_shown(text[i])}"
    if variant == "delete":
        del text[i]
    elif variant == "duplicate":
        text.insert(i, text[i])
    elif variant in ("swap", "swap-adjacent"):
        j = min(i + 1, len(text) - 1) if variant == "swap-adjacent" else j
        text[i], text[j] = text[j], text[i]
        change += f" with line {j + 1}: {_shown(text[i])}"
    elif variant == "move":
        text.insert(j, text.pop(i))
        change += f" to line {j + 1}"
    elif variant == "blank":
        text[i] = ""
    elif variant == "reverse":
        text.reverse()
        change = "all lines"
    else:
        text = [text[i]]
    _write(path, "\n".join(text))
    return Mutation("lines", variant, _rel(path, root), change)


def indent(rng: random.Random, root: Path) -> Mutation:
    """Change the indentation of one YAML line."""
    path, text, start, end = _yaml_file(rng, root)
    candidates = [i for i in range(start, end) if text[i].strip()]
    if not candidates:
        raise NothingToMutate(path)
    i = rng.choice(candidates)
    variant = rng.choice(["+1", "+2", "+4", "-1", "-2", "tab", "tab-for-spaces", "flush-left"])
    line = text[i]
    body = line.lstrip(" ")
    spaces = len(line) - len(body)
    new = {
        "+1": " " + line,
        "+2": "  " + line,
        "+4": "    " + line,
        "-1": line[1:] if spaces else " " + line,
        "-2": line[2:] if spaces >= 2 else "   " + line,
        "tab": "\t" + line,
        "tab-for-spaces": "\t" * max(1, spaces // 2) + body,
        "flush-left": body,
    }[variant]
    text[i] = new
    _write(path, "\n".join(text))
    return Mutation("indent", variant, _rel(path, root), f"line {i + 1}: {_shown(line)} -> {_shown(new)}")


def value(rng: random.Random, root: Path) -> Mutation:
    """Replace one YAML value by a payload of another type, size or content."""
    path, text, start, end = _yaml_file(rng, root)
    sites = _value_sites(text, start, end)
    if not sites:
        raise NothingToMutate(path)
    i, a, b = rng.choice(sites)
    name, payload = rng.choice(payloads.VALUES)
    old = text[i]
    text[i] = old[:a] + payload + old[b:]
    _write(path, "\n".join(text))
    return Mutation("value", name, _rel(path, root), f"line {i + 1}: {_shown(old[a:b])} -> {_shown(payload)}")


def laughs(rng: random.Random, root: Path) -> Mutation:
    """Billion laughs: anchors of lists of aliases, up to 8 levels, used by a value or not at all."""
    path, text, start, end = _yaml_file(rng, root)
    levels = rng.randint(2, 8)
    block = payloads.billion_laughs(levels)
    variant = rng.choice(["defined", "used"])
    sites = [s for s in _value_sites(text, start, end)]
    text[start:start] = block
    change = f"at line {start + 1}: {block[0]} … {_shown(block[-1], 80)}"
    if variant == "used" and sites:
        i, a, b = rng.choice(sites)
        i += len(block)
        text[i] = text[i][:a] + f"*l{levels - 1}" + text[i][b:]
        change += f"; line {i + 1}: {_shown(text[i], 120)}"
    _write(path, "\n".join(text))
    return Mutation("laughs", f"{variant}-{levels}-levels", _rel(path, root), change)


def recursive_alias(rng: random.Random, root: Path) -> Mutation:
    """An anchor whose value refers to itself."""
    path, text, start, end = _yaml_file(rng, root)
    variant, block = rng.choice(
        [
            ("flow-list", ["loop: &r [*r]"]),
            ("flow-map", ["loop: &r {a: *r}"]),
            ("block-map", ["loop: &r", "  a: *r"]),
            ("deep", ["loop: &r [[[{a: [*r]}]]]"]),
            ("mutual", ["one: &p [*q]", "two: &q [*p]"]),
        ]
    )
    at = rng.choice([start, end])
    text[at:at] = block
    _write(path, "\n".join(text))
    return Mutation("recursive-alias", variant, _rel(path, root), f"at line {at + 1}: {_shown(chr(10).join(block))}")


def duplicate_key(rng: random.Random, root: Path) -> Mutation:
    """Write a key twice in the same mapping."""
    path, text, start, end = _yaml_file(rng, root)
    keys = _key_lines(text, start, end)
    flows = [(i, m) for i in range(start, end) for m in _FLOW_MAP.finditer(text[i])]
    if flows and (not keys or rng.random() < 0.3):
        i, match = rng.choice(flows)
        pair = f"{match.group(2)}: {match.group(3)}"
        text[i] = text[i][: match.start(2)] + pair + ", " + text[i][match.start(2) :]
        variant, change = "flow", f"line {i + 1}: {_shown(pair)} twice"
    elif keys:
        i, prefix, _ = rng.choice(keys)
        copy = " " * len(prefix) + text[i][len(prefix) :]
        text.insert(i + 1, copy)
        variant, change = "block", f"line {i + 2}: {_shown(copy)}"
    else:
        raise NothingToMutate(path)
    _write(path, "\n".join(text))
    return Mutation("duplicate-key", variant, _rel(path, root), change)


def unknown_key(rng: random.Random, root: Path) -> Mutation:
    """Add a key no format knows, beside an existing key."""
    path, text, start, end = _yaml_file(rng, root)
    keys = _key_lines(text, start, end)
    if not keys:
        raise NothingToMutate(path)
    i, prefix, _ = rng.choice(keys)
    key = rng.choice(payloads.UNKNOWN_KEYS)
    line = " " * len(prefix) + f"{key}: x"
    text.insert(i + 1, line)
    _write(path, "\n".join(text))
    return Mutation("unknown-key", key[:20], _rel(path, root), f"line {i + 2}: {_shown(line)}")


def body(rng: random.Random, root: Path) -> Mutation:
    """Append a Markdown payload to a procedure's body, or replace its English text by one."""
    path = rng.choice(_files(root, rng.choice(["procedure", "english"])))
    name, payload = rng.choice(payloads.BODIES)
    text = _read(path)
    variant = "replace" if path.name.endswith(".en.md") and rng.random() < 0.5 else "append"
    text = payload + "\n" if variant == "replace" else text.rstrip("\n") + "\n\n" + payload + "\n"
    _write(path, text)
    return Mutation("body", f"{variant}-{name}", _rel(path, root), _shown(payload))

"""Read a source file into a YAML node tree that remembers line numbers.

MkDocs turns broken front matter into ``{}`` silently, and PyYAML forgets
where a value came from, so procedure files are read here: every value keeps
its line, duplicate keys are caught, and the raw text of a scalar is kept so
that ``1.001193`` or ``15:00`` are not silently turned into numbers.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Report


@dataclass
class Scalar:
    """A YAML scalar: the value YAML gives it, the text as written, and its line."""

    value: object
    raw: str
    line: int
    plain: bool = True
    invalid: str = ""


@dataclass
class Seq:
    """A YAML sequence with its line."""

    items: list[Node]
    line: int


@dataclass
class Map:
    """A YAML mapping; each key keeps its own line."""

    items: dict[str, tuple[int, Node]] = field(default_factory=dict)
    line: int = 0


Node = Scalar | Seq | Map

_CONSTRUCTOR = yaml.SafeLoader("")
# libyaml's parser (shipped in PyYAML's wheels) is ~15 times faster than the pure-Python one;
# it matters at a province's 2,000 procedures.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: Path, rel: str, report: Report) -> str | None:
    """Decode a source file as UTF-8 NFC text, or record why it cannot be read."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and b"\x00" in data[:200]):
        report.add(
            rel,
            1,
            "",
            "expected a UTF-8 text file, but received: a UTF-16 file.",
            'Save it again as "UTF-8" in your editor.',
        )
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a BOM is harmless once removed; Windows editors add it
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        report.add(
            rel,
            line,
            "",
            f"expected UTF-8 text, but received: byte 0x{data[error.start]:02x} that is not UTF-8.",
            "The file is probably in a legacy Vietnamese encoding (TCVN3, VNI or Windows-1258); "
            "convert it to Unicode UTF-8, e.g. with Unikey's converter, and save it as UTF-8.",
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def split_front_matter(text: str, rel: str, report: Report) -> tuple[str, str, int] | None:
    """Split ``---`` front matter from the Markdown body; returns (yaml, body, body_line)."""
    if not text.strip():
        report.add(
            rel,
            1,
            "",
            'expected YAML front matter between two "---" lines, but received: an empty file.',
            "Start from the annotated example in the staff guide.",
        )
        return None
    lines = text.split("\n")
    if lines[0].strip() != "---":
        report.add(
            rel,
            1,
            "",
            f'expected the first line to be "---", but received: "{lines[0][:40]}".',
            'A procedure file starts with YAML front matter between two "---" lines.',
        )
        return None
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() == "---":
            return "\n".join(lines[1:number]), "\n".join(lines[number + 1 :]), number + 2
    report.add(
        rel,
        1,
        "",
        'expected a closing "---" line after the front matter, but received: none.',
        'Add a line with "---" after the last key.',
    )
    return None


def parse_yaml(text: str, rel: str, report: Report, first_line: int = 1) -> Node | None:
    """Parse YAML into a located node tree; ``first_line`` is the file line of the text's first line."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + first_line) if mark else first_line
        what = (error.problem or "invalid YAML").strip()
        bad_line = text.split("\n")[mark.line] if mark and mark.line < text.count("\n") + 1 else ""
        if "\t" in bad_line or "tab" in what:
            what = "a tab character"
            hint = "YAML does not allow tab characters for indentation; indent with spaces."
        else:
            hint = 'Check the indentation and quote values that contain ": " or start with a special character.'
        report.add(rel, line, "", f"expected valid YAML, but received: {what}.", hint)
        return None
    except yaml.YAMLError as error:
        report.add(rel, first_line, "", f"expected valid YAML, but received: {error}.")
        return None
    if root is None:
        return Map(line=first_line)
    return _convert(root, rel, report, first_line - 1, "")


def _convert(node: yaml.Node, rel: str, report: Report, offset: int, path: str) -> Node:
    line = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        result = Map(line=line)
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1 + offset
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            where = f"{path}.{key}" if path else key
            if key in result.items:
                report.add(
                    rel,
                    key_line,
                    where,
                    f'expected each key once, but received: "{key}" again (first on line {result.items[key][0]}).',
                    "Remove one of the two.",
                )
            result.items[key] = (key_line, _convert(value_node, rel, report, offset, where))
        return result
    if isinstance(node, yaml.SequenceNode):
        return Seq([_convert(item, rel, report, offset, f"{path}[{i}]") for i, item in enumerate(node.value)], line)
    assert isinstance(node, yaml.ScalarNode)
    raw = str(node.value)
    plain = not node.style
    try:
        value = _CONSTRUCTOR.construct_object(node, deep=True)
    except (ValueError, yaml.YAMLError) as error:
        return Scalar(raw, raw, line, plain, invalid=str(error))
    return Scalar(value, raw, line, plain)

"""Silent drops: what an accepted folder holds that the checked catalog lost.

Run in a subprocess with the same limits as ``procsite check`` (``python -m tests.fuzz.probe DIR``),
after check accepted the folder. It compares the files and the YAML as written (composed, never
expanded) with the catalog the site is built from, and prints JSON: the drops, and the pages the
build must produce.
"""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

import yaml

NODE_BUDGET = 200_000
"""Nodes compared at most; aliases make a small file a huge graph."""


def procedure_entries(root: Path) -> list[str]:
    """Every directory entry that looks like a procedure (any ``*.md`` but English texts and
    READMEs without front matter), relative to the folder's parent, as check's messages write them."""
    found = []
    for folder, dirs, files in os.walk(root):
        if Path(folder) == root:
            dirs[:] = [d for d in dirs if d != "pages"]  # the agency's pages: page_entries
        for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            lower = name.lower()
            if not lower.endswith(".md") or lower.endswith(".en.md"):
                continue
            path = Path(folder, name)
            if lower == "readme.md" and not _starts_with_front_matter(path):
                continue
            found.append(str(Path(root.name) / path.relative_to(root)))
    return sorted(found)


def page_entries(root: Path) -> list[str]:
    """Every ``*.md`` entry of the agency's pages folder (``pages/``), as check's messages write them."""
    return sorted(
        str(Path(root.name) / Path(folder, name).relative_to(root))
        for folder, _, files in os.walk(root / "pages")
        for name in files
        if name.lower().endswith(".md") and name.lower() != "readme.md"
    )


def english_entries(root: Path) -> list[str]:
    """Every directory entry that looks like an English text (``*.en.md`` in any case)."""
    return sorted(
        str(Path(root.name) / Path(folder, name).relative_to(root))
        for folder, _, files in os.walk(root)
        for name in files
        if name.lower().endswith(".en.md")
    )


def _starts_with_front_matter(path: Path) -> bool:
    if not stat.S_ISREG(path.lstat().st_mode):
        return True
    with path.open("rb") as file:
        return file.read(3) == b"---"


class _Budget:
    def __init__(self) -> None:
        self.left = NODE_BUDGET


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | tuple | dict) and not value)


def _compare(node: yaml.Node, value: Any, where: str, drops: list[str], budget: _Budget) -> None:
    """Report, under ``where``, each value written in ``node`` that ``value`` (the model) lost."""
    budget.left -= 1
    if budget.left < 0:
        return
    if isinstance(node, yaml.ScalarNode):
        if node.tag.endswith(":null") or node.value == "":
            return
        if _empty(value):
            drops.append(f"{where}: {node.value[:60]!r} was written but the catalog has {value!r}")
        return
    if _empty(value) and (node.value if isinstance(node, yaml.SequenceNode | yaml.MappingNode) else True):
        drops.append(f"{where}: a {node.id} was written but the catalog has {value!r}")
        return
    if isinstance(node, yaml.SequenceNode) and isinstance(value, list | tuple):
        if len(value) < len(node.value):
            drops.append(f"{where}: {len(node.value)} items were written but the catalog has {len(value)}")
        for i, (item, kept) in enumerate(zip(node.value, value, strict=False)):
            _compare(item, kept, f"{where}[{i}]", drops, budget)
    elif isinstance(node, yaml.MappingNode) and (dataclasses.is_dataclass(value) or isinstance(value, dict)):
        for key_node, child in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            if isinstance(value, dict):
                kept = value.get(key, None)
            elif not hasattr(value, key):
                drops.append(f"{_join(where, key)}: a key the model does not have was accepted")
                continue
            else:
                kept = getattr(value, key)
            if key == "limit" and getattr(value, "same_day", False):
                continue  # "limit: same_day" is a flag, not a duration
            _compare(child, kept, _join(where, key), drops, budget)


def _join(where: str, key: str) -> str:
    return f"{where}{key}" if where.endswith(": ") else f"{where}.{key}"


def _compose(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def probe(root: Path) -> dict[str, Any]:
    """The drops of an accepted folder, and the pages its build must produce."""
    from procsite.source.loader import load_catalog

    catalog = load_catalog(root)
    drops: list[str] = []
    if catalog.report:
        drops.append("check accepted the folder but load_catalog reports: " + catalog.report.text()[:300])
    published = {p.source for p in catalog.procedures}
    drops += [f"{entry}: a procedure file that is neither published nor reported" for entry in procedure_entries(root)]
    drops = [d for d in drops if d.split(": ", 1)[0] not in published]
    shown = {text.source for page in catalog.pages.values() for text in (page.vi, page.en) if text is not None}
    drops += [f"{entry}: an agency page that is neither published nor reported" for entry in page_entries(root)]
    drops = [d for d in drops if d.split(": ", 1)[0] not in shown]
    with_english = {p.source[: -len(".md")] for p in catalog.procedures if p.body.en is not None}
    for entry in english_entries(root):
        path = root.parent / entry
        if entry[: -len(".en.md")] not in with_english and path.is_file() and path.read_bytes().strip():
            drops.append(f"{entry}: an English text that is neither used nor reported")
    budget = _Budget()
    for name in ("agency", "units", "fields", "forms"):
        node = _compose((root / f"{name}.yml").read_text(encoding="utf-8"))
        model = catalog.agency if name == "agency" else getattr(catalog, name)
        if node is not None:
            _compare(node, model, f"{root.name}/{name}.yml: ", drops, budget)
    for procedure in catalog.procedures:
        text = (root.parent / procedure.source).read_text(encoding="utf-8")
        node = _compose(text.split("\n---", 1)[0].removeprefix("---\n"))
        if node is not None:
            _compare(node, procedure, f"{procedure.source}: ", drops, budget)
    # A translation shown as missing is reported, not dropped.
    reported = tuple(f"{u.path}: {u.key}.en:" for u in catalog.untranslated)
    drops = [drop for drop in drops if not drop.startswith(reported)]
    return {
        "drops": drops,
        "procedures": {p.slug: {"vi": p.title.vi, "en": p.title.get("en")} for p in catalog.procedures},
        "units": sorted(catalog.units),
        "fields": sorted(catalog.fields),
    }


if __name__ == "__main__":
    print(json.dumps(probe(Path(sys.argv[1])), ensure_ascii=True))

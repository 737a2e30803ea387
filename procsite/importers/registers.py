"""Units, fields and forms an import names, found in the registers by name or added to them.

A source names a unit ("Công an cấp xã"), a field ("Hộ tịch") or a form ("Mẫu HK02") by its text. The
entry whose Vietnamese name is the same text (compared without case, diacritics and punctuation) is
reused; otherwise a new entry is added at the end of the register file, so that what staff wrote in
it stays byte for byte. A new entry's id is the name's address-safe form, shortened at a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from procsite.folding import fold
from procsite.importers.yaml_out import emit
from procsite.model.catalog import Catalog
from procsite.source.files import RESERVED, suggested_name

MAX_ID = 48
"""Ids are part of addresses (``don-vi/<id>/``): long enough to read, short enough to type."""

REGISTER_FILES = {"units": "units.yml", "fields": "fields.yml", "forms": "forms.yml"}


def name_key(name: str) -> str:
    """A name as compared: folded, no punctuation, single spaces ("Ủy ban  Nhân dân xã." → "uy ban nhan dan xa")."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(name)))


@dataclass
class Registers:
    """The registers of one procedures folder during an import: existing entries by name, and the new ones."""

    names: dict[str, dict[str, str]] = field(default_factory=dict)  # register -> name key -> id
    ids: dict[str, set[str]] = field(default_factory=dict)  # register -> every id in use
    added: dict[str, dict[str, dict[str, object]]] = field(default_factory=dict)  # register -> id -> entry

    @classmethod
    def of(cls, catalog: Catalog) -> Registers:
        registers = cls()
        names: dict[str, dict[str, str]] = {
            "units": {uid: unit.name.vi for uid, unit in catalog.units.items()},
            "fields": {fid: f.name.vi for fid, f in catalog.fields.items()},
            "forms": {fid: form.title.vi for fid, form in catalog.forms.items()},
        }
        for register, by_id in names.items():
            registers.ids[register] = set(by_id)
            registers.added[register] = {}
            registers.names[register] = {}
            for entry_id, name in by_id.items():
                registers.names[register].setdefault(name_key(name), entry_id)
        return registers

    def find(self, register: str, name: str) -> str | None:
        """The id of the entry named ``name``, if there is one."""
        return self.names[register].get(name_key(name))

    def find_or_add(self, register: str, name: str, entry: dict[str, object]) -> tuple[str, bool]:
        """The id of the entry named ``name``, adding ``entry`` under a new id when there is none;
        and whether it was added."""
        found = self.find(register, name)
        if found is not None:
            return found, False
        new_id = self._new_id(register, name)
        self.names[register][name_key(name)] = new_id
        self.ids[register].add(new_id)
        self.added[register][new_id] = entry
        return new_id, True

    def _new_id(self, register: str, name: str) -> str:
        base = suggested_name(name)
        if len(base) > MAX_ID:
            base = base[:MAX_ID].rsplit("-", 1)[0] or base[:MAX_ID]
        candidate, n = base, 2
        while candidate in self.ids[register] or candidate in RESERVED:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def write(self, folder: Path) -> list[str]:
        """Append the new entries to their register files; the files changed."""
        changed = []
        for register, entries in self.added.items():
            if not entries:
                continue
            path = folder / REGISTER_FILES[register]
            text = path.read_text(encoding="utf-8") if path.exists() else ""
            if text and not text.endswith("\n"):
                text += "\n"
            text += emit(dict(entries))
            path.write_text(text, encoding="utf-8")
            changed.append(path.name)
        return changed

"""References to the registers (units, fields, forms), checked where they are written.

A procedure names units, a field and forms by id. Registers are read before procedures, so an
unknown id is reported while the procedure is read, even when another key of it is broken: one run
shows every unknown id. The hint names only ids that are close, with their names; otherwise the
ids there are (the nearest few when there are many); and always how to add the id to its register.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from procsite.folding import fold
from procsite.messages import Msg

SHOWN = 5
"""At most this many ids in a hint: more is a list to read, not a hint."""


@dataclass
class References:
    """The ids of each register with their Vietnamese names, and the ids whose entry is broken."""

    names: dict[str, dict[str, str]] = field(default_factory=dict)
    broken: dict[str, set[str]] = field(default_factory=dict)

    def known(self, register: str, value: str) -> bool:
        """True when ``value`` is an id of ``register``, or its entry failed (already reported)."""
        broken = self.broken.get(register, set())
        return value in self.names.get(register, {}) or value in broken or "*" in broken

    def hint(self, register: str, value: str) -> Msg:
        """What to do about an unknown id: the close ids, or those there are, and how to add it."""
        names = self.names.get(register, {})
        close = difflib.get_close_matches(value, list(names), n=3, cutoff=0.75)
        add = Msg("ref.add", value=value, register=register)
        if close:
            return Msg("ref.hint", first=Msg("ref.did_you_mean", choices=_list(close, names)), add=add)
        if not names:
            return Msg("ref.add.hint", register=register)
        if len(names) <= SHOWN:
            return Msg(
                "ref.hint", first=Msg("ref.valid", register=register, choices=_list(list(names), names)), add=add
            )
        ranked = sorted(names, key=lambda i: -_likeness(value, i, names[i]))[:SHOWN]
        return Msg("ref.hint", first=Msg("ref.nearest", register=register, choices=_list(ranked, names)), add=add)


def _likeness(value: str, entry_id: str, name: str) -> float:
    """How alike a written id is to an entry, by its id or by its name without diacritics."""
    words = fold(name).replace(" ", "-")
    return max(
        difflib.SequenceMatcher(None, value, entry_id).ratio(), difflib.SequenceMatcher(None, value, words).ratio()
    )


def _list(ids: list[str], names: dict[str, str]) -> str:
    return ", ".join(f'"{i}" ({names[i]})' for i in ids)

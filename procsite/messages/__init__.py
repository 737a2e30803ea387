"""Messages for staff, in their language: a stable code with its values, worded by a catalogue.

Code that finds a problem says *what* it found — ``Msg("value.expected", what=Msg("what.date"),
received=Val("2025-13-01"))`` — and never words it. Each language has one catalogue
(``vi.py``, ``en.py``: code → template) that words it; a test fails when a code is missing from
either, so the Vietnamese and English messages cannot drift apart. Values are shown the way the
author wrote them, in quotes, with invisible characters escaped (see ``problems.printable``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from babel.numbers import format_decimal

from procsite.messages import (
    en,
    en_agency,
    en_import,
    en_iso,
    en_national,
    vi,
    vi_agency,
    vi_import,
    vi_iso,
    vi_national,
)

__all__ = ["CATALOGUES", "DEFAULT_LANGUAGE", "LANGUAGES", "Count", "Msg", "Num", "Val", "en", "vi"]

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
"""Staff are Vietnamese speakers: messages are in Vietnamese unless asked otherwise (``--lang en``)."""

CATALOGUES: dict[str, dict[str, str | tuple[str, str]]] = {
    "vi": {**vi.MESSAGES, **vi_national.MESSAGES, **vi_iso.MESSAGES, **vi_import.MESSAGES, **vi_agency.MESSAGES},
    "en": {**en.MESSAGES, **en_national.MESSAGES, **en_iso.MESSAGES, **en_import.MESSAGES, **en_agency.MESSAGES},
}
"""Per language, code → template; a pair of templates is a singular and a plural form. The catalogue of
each language is split by stage (``vi.py`` the sources and the site, ``vi_national.py``/``vi_iso.py``/
``vi_import.py`` the importers, ``vi_agency.py`` the agency's own pages), one dict once merged."""

Param = Union["Msg", "Val", "Num", "Count", str, int]


@dataclass(frozen=True)
class Msg:
    """A message of the catalogue with its values; hashable, so that a problem is reported once."""

    code: str
    params: tuple[tuple[str, Param], ...] = ()

    def __init__(self, code: str, /, **params: Param) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", tuple(sorted(params.items())))

    def render(self, lang: str) -> str:
        """The message worded in ``lang``."""
        template = CATALOGUES[lang][self.code]
        values = {name: render_param(value, lang) for name, value in self.params}
        if isinstance(template, tuple):
            count = next(
                (v.n if isinstance(v, Count) else v for k, v in self.params if isinstance(v, Count) or k == "n"), 1
            )
            template = template[0 if count == 1 else 1]
        return template.format(**values)


@dataclass(frozen=True)
class Val:
    """A value as the author wrote it: a text in quotes, nothing, a list or a mapping."""

    kind: str
    shown: str | int | tuple[str, ...] = ""

    @staticmethod
    def of(value: object) -> Val:
        """The value received, kept in a form that can be worded in any language."""
        if value is None:
            return Val("nothing")
        if isinstance(value, bool):
            return Val("bool", "true" if value else "false")
        if isinstance(value, str):
            return Val("text", value if len(value) <= 80 else value[:77] + "...")
        if isinstance(value, dict):
            return Val("mapping", tuple(str(key) for key in value))
        if isinstance(value, (list, tuple)):
            return Val("list", len(value))
        return Val("other", str(value))


@dataclass(frozen=True)
class Num:
    """A number written the way the language writes numbers: 10.000 or 10,000."""

    n: int | float


@dataclass(frozen=True)
class Count:
    """A number of things, with the noun in the right form: "1 dòng", "3 lines"."""

    n: int
    noun: str


def render_param(value: Param, lang: str) -> str:
    """One value of a message, worded in ``lang``."""
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, Val):
        return describe(value, lang)
    if isinstance(value, Num):
        return format_decimal(value.n, locale=lang)
    if isinstance(value, Count):
        forms = CATALOGUES[lang][f"count.{value.noun}"]
        template = forms if isinstance(forms, str) else forms[0 if value.n == 1 else 1]
        return template.format(n=format_decimal(value.n, locale=lang))
    return str(value)


def describe(value: Val, lang: str) -> str:
    """A received value in ``lang``: "2 giờ" in quotes, "nothing", "a list of 3 items"."""
    if value.kind in ("text", "bool", "other"):
        return f'"{value.shown}"' if value.kind == "text" else str(value.shown)
    if value.kind == "nothing":
        return Msg("received.nothing").render(lang)
    if value.kind == "list":
        assert isinstance(value.shown, int)
        return Msg("received.list", count=Count(value.shown, "item")).render(lang)
    assert isinstance(value.shown, tuple)
    return Msg("received.mapping", keys=", ".join(value.shown)[:60]).render(lang)


def quoted(value: object) -> Val:
    """Shorthand for ``Val.of``: the value received, quoted as written."""
    return Val.of(value)

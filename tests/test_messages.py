"""The message catalogues: every message exists in Vietnamese and English, with the same values.

Code names a message by its code (``Msg("ref.unknown", …)``); a code used in the code and missing
from a catalogue, or a catalogue whose template names other values than the other's, fails here
rather than in front of a member of staff.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from procsite.messages import CATALOGUES, Msg
from procsite.source import format as fmt
from procsite.source.schema import Obj

PACKAGE = Path(__file__).resolve().parent.parent / "procsite"
_CODE = re.compile(r"""Msg\(\s*(f?)"([^"]+)"\s*[,)]""")


VI, EN = CATALOGUES["vi"], CATALOGUES["en"]
"""Each language's catalogue as merged from its parts (``vi.py``, ``vi_national.py``, …)."""


def fields(template: str | tuple[str, str]) -> set[str]:
    """The names of the values a template (or a singular/plural pair) uses."""
    texts = template if isinstance(template, tuple) else (template,)
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}


def used_codes() -> tuple[set[str], set[str]]:
    """The codes written in the package, and the prefixes of codes made at run time (f-strings)."""
    codes, prefixes = set(), set()
    for path in PACKAGE.rglob("*.py"):
        for is_f, code in _CODE.findall(path.read_text(encoding="utf-8")):
            if is_f:
                prefixes.add(code.split("{", 1)[0])
            else:
                codes.add(code)
    return codes, prefixes


def test_both_catalogues_have_the_same_messages() -> None:
    assert set(VI) - set(EN) == set()
    assert set(EN) - set(VI) == set()


@pytest.mark.parametrize("code", sorted(EN))
def test_a_message_names_the_same_values_in_both_languages(code: str) -> None:
    assert fields(VI[code]) == fields(EN[code]), code


def test_every_message_the_code_names_is_in_the_catalogues() -> None:
    codes, prefixes = used_codes()
    assert len(codes) > 100 and len(prefixes) > 5  # the scan itself works
    assert sorted(code for code in codes if code not in EN) == []
    for prefix in prefixes:
        assert any(code.startswith(prefix) for code in EN), prefix


def test_every_key_of_the_source_format_is_described_in_both_languages() -> None:
    processing_time = fmt.PROCEDURE.keys["processing_time"].spec.details  # type: ignore[attr-defined]
    objects: list[Obj] = [*fmt.OBJECTS, processing_time]
    for obj in objects:
        for key, declared in obj.keys.items():
            for lang in CATALOGUES:
                assert obj.doc(key).render(lang), (obj.name, key)
                assert declared.spec.what.render(lang), (obj.name, key)


def test_a_message_is_worded_in_each_language_with_its_values() -> None:
    message = Msg("ref.unknown", register="units", value="ho-tich-xa")
    assert message.render("vi") == 'cần mã của một mục trong units.yml, nhưng nhận được: "ho-tich-xa".'
    assert message.render("en") == 'expected an id of units.yml, but received: "ho-tich-xa".'


def test_vietnamese_messages_are_stored_composed() -> None:
    import unicodedata

    for code, template in VI.items():
        for text in template if isinstance(template, tuple) else (template,):
            assert unicodedata.is_normalized("NFC", text), code

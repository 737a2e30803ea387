"""Queries as citizens really type a procedure's name, made from the name itself.

Used by the browser tests (tests/test_search_typed.py) and by the benchmark (bench/bench.py), so
that both measure the same kinds: Telex and VNI keystrokes typed with the input method off, typos,
words run together, "i" for "y", capitals and punctuation.
"""

from __future__ import annotations

import unicodedata

from procsite.folding import fold

_TELEX_LETTERS = {"â": "aa", "ê": "ee", "ô": "oo", "ă": "aw", "ơ": "ow", "ư": "uw", "đ": "dd"}
_VNI_LETTERS = {"â": "a6", "ê": "e6", "ô": "o6", "ă": "a8", "ơ": "o7", "ư": "u7", "đ": "d9"}
_TONES = {"\u0301": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0323": 4}  # sắc huyền hỏi ngã nặng
_TELEX_TONES = "sfrxj"
_VNI_TONES = "12345"
_LETTER_MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn: part of the letter, not the tone


def _keystrokes(word: str, letters: dict[str, str], tones: str) -> str:
    """One word as typed with the keys of an input method, tone key at the end of the word (as most
    people type), before any punctuation that follows it ("chợ," is "chowj,")."""
    stripped = word.rstrip(",.;:!?)")
    if stripped != word:
        return _keystrokes(stripped, letters, tones) + word[len(stripped) :]
    out, tone = "", ""
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in _TONES:
            tone = tones[_TONES[char]]
        elif char in _LETTER_MARKS and out:
            composed = unicodedata.normalize("NFC", out[-1] + char)
            out = out[:-1] + letters.get(composed, out[-1])
        elif char == "đ":
            out += letters["đ"]
        else:
            out += char
    return out + tone


def telex(name: str) -> str:
    """``name`` typed in Telex with the input method off: "Đăng ký" → "ddawng kys"."""
    return " ".join(_keystrokes(word, _TELEX_LETTERS, _TELEX_TONES) for word in name.split())


def vni(name: str) -> str:
    """``name`` typed in VNI with the input method off: "Đăng ký" → "d9a8ng ky1"."""
    return " ".join(_keystrokes(word, _VNI_LETTERS, _VNI_TONES) for word in name.split())


def _words(name: str) -> list[str]:
    return [w for w in fold(name).replace(",", " ").replace("(", " ").replace(")", " ").split() if w.isalpha()]


def typo(name: str, kind: int) -> str:
    """One letter wrong in the longest word: swapped, missing, doubled or replaced (by ``kind``)."""
    words = _words(name)
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 4:
        return " ".join(words)
    middle = len(word) // 2
    changed = [
        word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :],  # swapped
        word[:middle] + word[middle + 1 :],  # missing
        word[:middle] + word[middle] + word[middle:],  # doubled
        word[:middle] + ("a" if word[middle] != "a" else "e") + word[middle + 1 :],  # replaced
    ][kind % 4]
    return " ".join([*words[:longest], changed, *words[longest + 1 :]])


def run_together(name: str) -> str:
    """Two words of the name typed as one: "dang ky khaisinh"."""
    words = _words(name)
    if len(words) < 2:
        return " ".join(words)
    at = len(words) - 2
    return " ".join([*words[:at], words[at] + words[at + 1]])


def i_for_y(name: str) -> str:
    """ "y" typed as "i" (kí for ký), without diacritics."""
    return " ".join(_words(name)).replace("y", "i")


def shouted(name: str) -> str:
    """In capitals, with punctuation around: "ĐĂNG KÝ KHAI SINH!!!"."""
    return f"{name.upper()}!!!"


KINDS = {
    "telex": lambda name, i: telex(name),
    "vni": lambda name, i: vni(name),
    "typo": typo,
    "run-together": lambda name, i: run_together(name),
    "i-for-y": lambda name, i: i_for_y(name),
    "capitals": lambda name, i: shouted(name),
}
"""Each kind of query, made from a procedure's name and its position (to vary the typo)."""

"""Vietnamese text folding: what citizens type without diacritics matches what staff wrote with them."""

from __future__ import annotations

import re
import unicodedata

TOKEN = re.compile(r"[a-z0-9]+(?:[.\-/][a-z0-9]+)*")
"""A search token of folded text: a word, or a code such as 1.001193, QT-HT-01 or 123/2015/nd-cp.
The browser's engine (search-engine.js) uses the same pattern."""


def fold(text: str) -> str:
    """Lower case without diacritics, "đ" as "d": "Đăng ký khai sinh" → "dang ky khai sinh"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical order as a Vietnamese reader expects: base letters first, then diacritics."""
    return fold(text), text


def tokens(text: str) -> str:
    """The folded tokens of ``text``, space-separated, as the browser's engine would compute them."""
    return " ".join(TOKEN.findall(fold(text)))

"""Vietnamese text folding: what citizens type without diacritics matches what staff wrote with them."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without diacritics, "đ" as "d": "Đăng ký khai sinh" → "dang ky khai sinh"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical order as a Vietnamese reader expects: base letters first, then diacritics."""
    return fold(text), text

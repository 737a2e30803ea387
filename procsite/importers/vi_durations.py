"""Lengths of time as Vietnamese documents write them: "15 Ngày làm việc", "01 giờ làm việc", "0,5 ngày",
"không quá 05 ngày làm việc", "trong ngày", "ba ngày", "Thời gian (01 ngày làm việc)".

Only what is unambiguous is read: a number (digits with a decimal comma or point, or a number word)
followed by a unit. "ngày" alone is a calendar day in the national record but a working day in an ISO
step table, so the caller says which (``day_is_working``). Anything else is ``None``: the caller keeps
the text and leaves the value to complete.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_WORDS = {
    "nửa": 0.5, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười lăm": 15, "hai mươi": 20, "ba mươi": 30, "bốn mươi lăm": 45,
}  # fmt: skip
_NUMBER = r"(\d{1,4}(?:[.,]\d{1,2})?|" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)) + ")"
_UNIT = r"(ngày\s+làm\s+việc|ngày\s+làm\s+viêc|giờ\s+làm\s+việc|ngày\s+làm|ngày\s+lv|ngày|giờ|tiếng|tháng|tuần|phút)"
_PATTERN = re.compile(_NUMBER + r"\s*\(?\s*" + _UNIT + r"(?![a-zà-ỹđ])", re.IGNORECASE)
_SAME_DAY = re.compile(r"\b(trong\s+ngày|ngay\s+trong\s+ngày|trả\s+ngay)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Length:
    amount: float
    unit: str  # "working_days" | "working_hours" | "days" | "months" | "weeks" | "minutes"


def read_length(text: str, *, day_is_working: bool) -> Length | None:
    """The first length of time the text states, or ``None`` when it states none that is clear."""
    folded = unicodedata.normalize("NFC", text).lower()
    match = _PATTERN.search(folded)
    if match is None:
        return None
    raw, unit = match.group(1), re.sub(r"\s+", " ", match.group(2))
    amount = _WORDS[raw] if raw in _WORDS else float(raw.replace(",", "."))
    if unit.startswith("ngày l") or (unit == "ngày" and day_is_working):
        return Length(amount, "working_days")
    if unit == "ngày":
        return Length(amount, "days")
    if unit == "giờ làm việc" or (unit in ("giờ", "tiếng") and day_is_working):
        return Length(amount, "working_hours")
    if unit in ("giờ", "tiếng"):
        return Length(amount, "working_hours")
    return Length(amount, {"tháng": "months", "tuần": "weeks", "phút": "minutes"}[unit])


def is_same_day(text: str) -> bool:
    """Whether the text says the result is given on the day ("trong ngày", "trả ngay")."""
    return _SAME_DAY.search(unicodedata.normalize("NFC", text)) is not None

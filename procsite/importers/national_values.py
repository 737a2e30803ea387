"""The values both interfaces of the national database write in their own ways: dates, lengths of time
and amounts in đồng, read from a ``Node`` and reported there when they are not what they should be."""

from __future__ import annotations

import datetime as dt
import math
import re

from procsite.importers.json_node import Node

VIETNAM = dt.timezone(dt.timedelta(hours=7))
"""``decisionDate`` is a midnight in Vietnam, written in milliseconds since 1970 UTC."""
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def one(node: Node) -> tuple[str, ...]:
    """A fact the record writes as one text, as the tuple of names the record keeps (none when empty)."""
    text = node.text()
    return (text,) if text else ()


def date_of_milliseconds(node: Node) -> dt.date | None:
    """The date in Vietnam of a time in milliseconds since 1970 (a number, or digits in a text)."""
    value = node.value
    if value is None or value == "":
        return None
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,16}", value.strip()):
        value = int(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        try:
            return (_EPOCH + dt.timedelta(milliseconds=value)).astimezone(VIETNAM).date()
        except (OverflowError, ValueError):
            pass
    node.report("national.date_invalid")
    return None


def date_in_text(text: str) -> dt.date | None:
    """A date written dd/mm/yyyy, dd-mm-yyyy or yyyy-mm-dd (a time after it is ignored), if valid."""
    found = re.match(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b", text.strip())
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})\b", text.strip())
    try:
        if found:
            return dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    except ValueError:
        return None
    return None


def amount_of(node: Node) -> float | None:
    """A length of time: a non-negative JSON number or its digits in a text ("7", "0,5"); otherwise
    reported (a text such as "15 ngày" is a time in words, not a number)."""
    value = node.value
    if isinstance(value, str) and re.fullmatch(r"\d{1,6}(?:[.,]\d{1,3})?", value.strip()):
        value = float(value.strip().replace(",", "."))
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        if value >= 0:
            return float(value)
        node.report("national.time_negative")
        return None
    if value is not None and value != "":
        node.report("national.time_not_number")
    return None


def dong_of(amount: Node, currency: Node) -> int | None:
    """A fee's amount in đồng; an amount in another currency is reported on its currency, and unknown."""
    value = money_of(amount)
    if value is not None and currency.text() and not is_dong(currency.text()):
        currency.report("national.fee_currency")
        return None
    return value


def money_of(node: Node) -> int | None:
    """An amount in đồng: a whole non-negative number, or its digits in a text; null is unknown (None)."""
    value = node.value
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 15:
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer() and abs(value) < 10**15:
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**15:
        return value
    if value is not None and value != "":
        node.report("national.fee_not_amount")
    return None


def is_dong(currency: str) -> bool:
    """Whether a currency's name is the Vietnamese đồng ("Việt Nam Đồng", "VNĐ", "đồng")."""
    return "đồng" in currency.lower() or currency.strip().upper() in ("VND", "VNĐ", "Đ")

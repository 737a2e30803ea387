"""Language-dependent formatting with Babel, and the project's own interface strings."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as babel_date
from babel.numbers import format_currency, format_decimal

from procsite.model.procedure import Duration, Fee, ProcessingTime
from procsite.pages.strings import PLURALS, STRINGS


def t(key: str, lang: str, **values: object) -> str:
    """An interface string in ``lang``; ``{name}`` placeholders are filled from ``values``."""
    text = STRINGS[key][0 if lang == "vi" else 1]
    return text.format(**values) if values else text


def strings_for(lang: str) -> dict[str, str]:
    """Every interface string in ``lang``, for templates."""
    return {key: t(key, lang) for key in STRINGS}


@lru_cache(maxsize=4096)  # Babel is slow and a catalogue repeats the same few values
def plural(key: str, count: float, lang: str) -> str:
    """A counted phrase with the plural form Babel's CLDR rules pick for ``lang``."""
    forms = PLURALS[key][lang]
    form = Locale.parse(lang).plural_form(count) if count == int(count) else "other"
    return forms.get(form, forms["other"]).format(n=format_decimal(count, locale=lang))


@lru_cache(maxsize=4096)  # Babel is slow and a catalogue repeats the same few values
def format_date(day: dt.date, lang: str) -> str:
    """A date as citizens read it: "21 tháng 11, 2026" or "21 November 2026"."""
    return babel_date(day, "long", locale="vi") if lang == "vi" else babel_date(day, "d MMMM y", locale="en")


@lru_cache(maxsize=4096)  # Babel is slow and a catalogue repeats the same few values
def format_money(amount: int | None, lang: str) -> str:
    """An amount in đồng: "50.000 ₫" or "VND 50,000"; 0 reads as free of charge, ``None`` (to complete)
    as "being updated"."""
    if amount is None:
        return t("pending.amount", lang)
    if amount == 0:
        return t("fee.free", lang)
    if lang == "vi":
        return format_currency(amount, "VND", locale="vi")
    return format_currency(amount, "VND", format="¤¤ #,##0", locale="en", currency_digits=False)


@lru_cache(maxsize=4096)  # Babel is slow and a catalogue repeats the same few values
def format_duration(duration: Duration, lang: str) -> str:
    """A duration with the right plural: "3 ngày làm việc", "1 working day"."""
    return plural(duration.unit, duration.amount, lang)


def format_processing_time(time: ProcessingTime, lang: str) -> str:
    """The legal processing time in one phrase, with the same-day cut-off hour."""
    if time.same_day:
        if time.cutoff:
            return t("time.same_day_cutoff", lang, cutoff=time.cutoff)
        return t("time.same_day", lang)
    if time.limit is None:
        return t("pending.value", lang)
    return format_duration(time.limit, lang)


def format_processing_time_short(time: ProcessingTime, lang: str) -> str:
    """The processing time for tables: the cut-off hour is on the procedure's page."""
    if time.same_day:
        return t("time.same_day", lang)
    if time.limit is None:
        return t("pending.value", lang)
    return format_duration(time.limit, lang)


def format_fee_range(fees: list[Fee], lang: str) -> str:
    """The fees of a procedure in one short phrase for tables: "Miễn phí – 8.000 ₫"; fees still to
    complete read "being updated", alone or after the known ones."""
    amounts = sorted({fee.amount for fee in fees if fee.amount is not None})
    if not amounts:
        return t("pending.value", lang)
    if any(fee.amount is None for fee in fees):
        return f"{format_money(amounts[0], lang)} – {t('pending.more', lang)}"
    if len(amounts) == 1:
        return format_money(amounts[0], lang)
    return f"{format_money(amounts[0], lang)} – {format_money(amounts[-1], lang)}"

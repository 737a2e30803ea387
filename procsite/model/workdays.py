"""Working days for due dates: Vietnamese public holidays and make-up working days.

The browser computes "submitted on … → result due …" from these facts, written into each
procedure page at build time (``due-date.js``), so that it works offline at the kiosk.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import holidays

from procsite.model.procedure import Procedure

YEARS_AHEAD = 3
"""Holidays are published for this year and the next two: a page built today answers for any
submission day a citizen may ask about."""


def working_calendar(today: dt.date) -> dict[str, list[str]]:
    """Days off on weekdays (holidays, days off moved by the government) and weekend days worked."""
    years = list(range(today.year, today.year + YEARS_AHEAD))
    calendar = holidays.country_holidays("VN", years=years)
    off = sorted(day.isoformat() for day in calendar if day.weekday() < 5)
    work = sorted(day.isoformat() for day in calendar.weekend_workdays if day.year in years)
    return {"off": off, "work": work}


def due_rule(p: Procedure) -> dict[str, Any]:
    """How the due date of ``p`` is counted, for the browser."""
    time = p.processing_time
    rule: dict[str, Any] = {}
    if time.same_day or time.limit is None:
        rule["unit"], rule["amount"] = "same_day", 0
    else:
        rule["unit"], rule["amount"] = time.limit.unit, time.limit.amount
    if time.cutoff:
        rule["cutoff"] = time.cutoff
    if time.verification_limit:
        rule["verification"] = {"unit": time.verification_limit.unit, "amount": time.verification_limit.amount}
    return rule

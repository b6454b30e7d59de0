"""England's working-day calendar: weekends, bank holidays and a partnership's own closure days."""

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _england_bank_holidays(year: int) -> frozenset[date]:
    # The holidays library keeps the UK's bank holidays, including one-off ones, up to date.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: date) -> bool:
    return day in _england_bank_holidays(day.year)


def is_working_day(day: date, closures: Iterable[date] = ()) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day) and day not in set(closures)


def add_working_days(start: date, days: int, closures: Iterable[date] = ()) -> date:
    """The date `days` working days after `start`; day 1 is the first working day after it.

    Statutory timescales ("within 5 working days of becoming aware") count this way.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    closed = frozenset(closures)
    current = start
    counted = 0
    while counted < days:
        current += timedelta(days=1)
        if is_working_day(current, closed):
            counted += 1
    return current


def working_days_between(start: date, end: date, closures: Iterable[date] = ()) -> int:
    """How many working days fall after `start` up to and including `end` (negative if before)."""
    if end < start:
        return -working_days_between(end, start, closures)
    closed = frozenset(closures)
    return sum(
        1
        for offset in range(1, (end - start).days + 1)
        if is_working_day(start + timedelta(days=offset), closed)
    )

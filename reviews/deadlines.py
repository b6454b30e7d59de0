"""Statutory deadlines of a serious incident, counted in working days.

Sources: Working Together to Safeguard Children (2018 ch. 4; 2023 ch. 5) and the Child
Safeguarding Practice Review Panel's guidance: the local authority notifies the Panel within
5 working days of becoming aware of a serious incident; the rapid review is completed within
15 working days of the notification. Day 1 is the first working day after the date.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from core.working_days import add_working_days, is_working_day

NOTIFY_PANEL_WORKING_DAYS = 5
RAPID_REVIEW_WORKING_DAYS = 15
# Regulations 16-17 (SI 2018/789): the report goes to the Panel and the Secretary of State at
# least 7 working days before it is published.
REPORT_NOTICE_WORKING_DAYS = 7


@dataclass(frozen=True)
class StatutoryDeadlines:
    notify_panel_by: date
    rapid_review_by: date


def statutory_deadlines(
    *, aware: date, notified: date | None = None, closures: Iterable[date] = ()
) -> StatutoryDeadlines:
    """Without a notification date the rapid review clock runs from the awareness date."""
    closures = tuple(closures)
    return StatutoryDeadlines(
        notify_panel_by=add_working_days(aware, NOTIFY_PANEL_WORKING_DAYS, closures),
        rapid_review_by=add_working_days(notified or aware, RAPID_REVIEW_WORKING_DAYS, closures),
    )


def subtract_working_days(end: date, days: int, closures: Iterable[date] = ()) -> date:
    """The latest date that is `days` working days before `end` (so `add_working_days` of it reaches `end`)."""
    closed = frozenset(closures)
    current = end
    counted = 0
    while counted < days:
        current -= timedelta(days=1)
        if is_working_day(current, closed):
            counted += 1
    return current


def report_notice_by(publication: date, closures: Iterable[date] = ()) -> date:
    """The last day to send the final report to the Panel and the Secretary of State."""
    return subtract_working_days(publication, REPORT_NOTICE_WORKING_DAYS, closures)

"""Statutory deadlines of a serious incident and of an LCSPR report, in England's working days.

Statutory clocks count weekends and England's bank holidays only: a partnership's own closure
days never move a statutory deadline (they may move its internal ones). Day 1 is the first
working day after the date. Sources: docs/statutory-notes.md.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from core.working_days import add_working_days, is_working_day

NOTIFY_PANEL_WORKING_DAYS = 5
RAPID_REVIEW_WORKING_DAYS = 15
REPORT_NOTICE_WORKING_DAYS = 7


@dataclass(frozen=True)
class StatutoryDeadlines:
    notify_panel_by: date
    rapid_review_by: date


def statutory_deadlines(*, aware: date, notified: date | None = None) -> StatutoryDeadlines:
    """Notify the panel within 5 working days of awareness; rapid review within 15 of notification.

    Source: Working Together 2023 ch. 5 and the Panel's guidance (docs/statutory-notes.md, "Clocks").
    Without a notification date the rapid review clock runs from the awareness date.
    """
    return StatutoryDeadlines(
        notify_panel_by=add_working_days(aware, NOTIFY_PANEL_WORKING_DAYS),
        rapid_review_by=add_working_days(notified or aware, RAPID_REVIEW_WORKING_DAYS),
    )


def subtract_working_days(end: date, days: int) -> date:
    """The latest date that is `days` working days before `end` (so `add_working_days` of it reaches `end`)."""
    current = end
    counted = 0
    while counted < days:
        current -= timedelta(days=1)
        if is_working_day(current):
            counted += 1
    return current


def report_notice_by(publication: date) -> date:
    """The last day to send an LCSPR report to the Panel, the Secretary of State and Ofsted.

    Source: SI 2018/789 reg 16 and Working Together 2023 ch. 5, 7 working days before
    publication (docs/statutory-notes.md, "Clocks").
    """
    return subtract_working_days(publication, REPORT_NOTICE_WORKING_DAYS)


def statutory_notice_applies(*, is_lcspr: bool) -> bool:
    """Only an LCSPR's report carries the 7 working days' notice; a non-statutory review has none.

    Source: SI 2018/789 reg 16 applies to local child safeguarding practice reviews only
    (docs/statutory-notes.md, "Clocks").
    """
    return is_lcspr

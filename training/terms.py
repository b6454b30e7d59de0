"""The booking terms of interagency training as pure rules, each from the partnerships' published
terms (shared/reference/statutory.md, section 7b)."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from core.working_days import working_days_between

FREE = Decimal("0")


def is_late_cancellation(
    *, today: date, event_day: date, notice_working_days: int, closures: Iterable[date] = ()
) -> bool:
    """Cancelling is free up to `notice_working_days` working days before the event, 3 by default
    (Wirral, Northamptonshire, Greenwich, Cambridgeshire terms: "at least 3 working days' notice")."""
    return working_days_between(today, event_day, closures) < notice_working_days


def no_show_charge(
    *, full_day: bool, half_day_charge: Decimal, full_day_charge: Decimal
) -> Decimal:
    """Non-attendance is charged by the length of the event: Wirral's £50 for half a day or less,
    £90 for a full day; partnerships with one rate set both the same."""
    return full_day_charge if full_day else half_day_charge


def fee_for(*, is_partner: bool, organisation_type: str, course_format: str, fees: dict) -> Decimal:
    """What a place costs: free for the partnership's statutory partners, otherwise the fee the
    partnership set for the organisation's type and the course's format, free where it set none
    ("fees by organisation type: partner free, non-partner charged")."""
    if is_partner:
        return FREE
    return fees.get((organisation_type, course_format), FREE)


def booking_refusal(
    *, today: date, event_day: date, opens_on: date | None, closes_on: date | None, cancelled: bool
) -> str:
    """Why an event cannot be booked today, or "" if it can: booking opens on `opens_on` (if set)
    and closes at the end of `closes_on`, by default the day before the event."""
    if cancelled:
        return "This event has been cancelled"
    if opens_on and today < opens_on:
        return f"Booking for this event opens on {opens_on:%-d %B %Y}"
    last_day = closes_on or date.fromordinal(event_day.toordinal() - 1)
    if today > last_day:
        return "Booking for this event has closed"
    return ""

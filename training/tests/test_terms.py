"""The booking terms as pure rules, without a database."""

from datetime import date
from decimal import Decimal

from training import terms


def test_cancelling_three_working_days_before_is_free():
    # Thursday 10 December 2026: the Monday before leaves Tuesday, Wednesday and Thursday.
    assert not terms.is_late_cancellation(
        today=date(2026, 12, 7), event_day=date(2026, 12, 10), notice_working_days=3
    )


def test_cancelling_two_working_days_before_is_late():
    assert terms.is_late_cancellation(
        today=date(2026, 12, 8), event_day=date(2026, 12, 10), notice_working_days=3
    )


def test_bank_holidays_and_closure_days_do_not_count_as_notice():
    # Monday 4 January 2027 for an event on Thursday 31 December 2026 is after; count over Christmas:
    # from Wednesday 23 December, the working days to Tuesday 29 December are 24th and 29th only.
    assert terms.is_late_cancellation(
        today=date(2026, 12, 23), event_day=date(2026, 12, 29), notice_working_days=3
    )
    assert terms.is_late_cancellation(
        today=date(2026, 12, 7),
        event_day=date(2026, 12, 10),
        notice_working_days=3,
        closures=[date(2026, 12, 9)],
    )


def test_not_attending_a_full_day_costs_the_full_day_charge():
    charge = terms.no_show_charge(
        full_day=True, half_day_charge=Decimal("50"), full_day_charge=Decimal("90")
    )
    assert charge == Decimal("90")


def test_partners_train_free_whatever_the_fee_set_for_their_type():
    fees = {("education", "full_day"): Decimal("60")}
    assert terms.fee_for(
        is_partner=True, organisation_type="education", course_format="full_day", fees=fees
    ) == Decimal("0")
    assert terms.fee_for(
        is_partner=False, organisation_type="education", course_format="full_day", fees=fees
    ) == Decimal("60")
    assert terms.fee_for(
        is_partner=False, organisation_type="education", course_format="half_day", fees=fees
    ) == Decimal("0")


def test_booking_closes_the_day_before_unless_set_otherwise():
    event_day = date(2026, 12, 10)
    assert (
        terms.booking_refusal(
            today=date(2026, 12, 9),
            event_day=event_day,
            opens_on=None,
            closes_on=None,
            cancelled=False,
        )
        == ""
    )
    assert (
        terms.booking_refusal(
            today=date(2026, 12, 10),
            event_day=event_day,
            opens_on=None,
            closes_on=None,
            cancelled=False,
        )
        == "Booking for this event has closed"
    )
    assert (
        terms.booking_refusal(
            today=date(2026, 12, 8),
            event_day=event_day,
            opens_on=None,
            closes_on=date(2026, 12, 7),
            cancelled=False,
        )
        == "Booking for this event has closed"
    )


def test_booking_does_not_open_before_its_day():
    assert (
        terms.booking_refusal(
            today=date(2026, 11, 1),
            event_day=date(2026, 12, 10),
            opens_on=date(2026, 11, 2),
            closes_on=None,
            cancelled=False,
        )
        == "Booking for this event opens on 2 November 2026"
    )

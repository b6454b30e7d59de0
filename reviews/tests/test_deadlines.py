"""Statutory deadlines of a serious incident, in England's working days (no database)."""

import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from reviews.deadlines import report_notice_by, statutory_deadlines


def test_the_panel_is_notified_within_5_working_days_of_awareness():
    # Monday 2 March 2026: day 1 is Tuesday 3 March.
    assert statutory_deadlines(aware=date(2026, 3, 2)).notify_panel_by == date(2026, 3, 9)


def test_without_a_notification_date_the_rapid_review_clock_starts_at_awareness():
    assert statutory_deadlines(aware=date(2026, 3, 2)).rapid_review_by == date(2026, 3, 23)


def test_the_rapid_review_is_due_15_working_days_after_notification():
    deadlines = statutory_deadlines(aware=date(2026, 3, 2), notified=date(2026, 3, 4))
    assert deadlines.rapid_review_by == date(2026, 3, 25)


def test_bank_holidays_are_not_working_days():
    # Christmas 2026: Friday 25, Boxing Day (Saturday) substituted on Monday 28 December.
    assert statutory_deadlines(aware=date(2026, 12, 21)).notify_panel_by == date(2026, 12, 30)


def test_a_partnership_closure_day_is_not_a_working_day():
    deadlines = statutory_deadlines(aware=date(2026, 3, 2), closures=[date(2026, 3, 3)])
    assert deadlines.notify_panel_by == date(2026, 3, 10)


def test_the_report_goes_to_the_panel_7_working_days_before_publication():
    assert report_notice_by(date(2026, 3, 11)) == date(2026, 3, 2)


def test_the_command_prints_both_deadlines_as_json(capsys):
    call_command("statutory_deadlines", "--aware", "2026-03-02", "--notified", "2026-03-04")
    assert json.loads(capsys.readouterr().out) == {
        "notify_panel_by": "2026-03-09",
        "rapid_review_by": "2026-03-25",
    }


def test_the_command_refuses_a_date_that_is_not_real():
    with pytest.raises(CommandError, match="'2026-02-30' is not a date"):
        call_command("statutory_deadlines", "--aware", "2026-02-30")

"""Statutory deadlines of a serious incident, in England's working days (no database)."""

import inspect
import json
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command

from reviews.deadlines import report_notice_by, statutory_deadlines, statutory_notice_applies


def test_the_panel_is_notified_within_5_working_days_of_awareness():
    """Working Together 2023 ch. 5: notify the panel within 5 working days."""
    # Monday 2 March 2026: day 1 is Tuesday 3 March.
    assert statutory_deadlines(aware=date(2026, 3, 2)).notify_panel_by == date(2026, 3, 9)


def test_without_a_notification_date_the_rapid_review_clock_starts_at_awareness():
    """The Panel's guidance: 15 working days, from awareness until notified."""
    assert statutory_deadlines(aware=date(2026, 3, 2)).rapid_review_by == date(2026, 3, 23)


def test_the_rapid_review_is_due_15_working_days_after_notification():
    """The Panel's guidance: the rapid review within 15 working days of notification."""
    deadlines = statutory_deadlines(aware=date(2026, 3, 2), notified=date(2026, 3, 4))
    assert deadlines.rapid_review_by == date(2026, 3, 25)


def test_bank_holidays_are_not_working_days():
    """Working Together 2023 ch. 5: working days exclude England's bank holidays."""
    # Christmas 2026: Friday 25, Boxing Day (Saturday) substituted on Monday 28 December.
    assert statutory_deadlines(aware=date(2026, 12, 21)).notify_panel_by == date(2026, 12, 30)


def test_a_partnership_closure_day_never_moves_a_statutory_deadline():
    """Working Together 2023 ch. 5: statutory working days exclude weekends and bank holidays only."""
    assert statutory_deadlines(aware=date(2026, 3, 2)).notify_panel_by == date(2026, 3, 9)
    assert "closures" not in inspect.signature(statutory_deadlines).parameters
    assert "closures" not in inspect.signature(report_notice_by).parameters


def test_the_report_goes_to_the_panel_7_working_days_before_publication():
    """SI 2018/789 reg 16: 7 working days before publication."""
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


def test_only_an_lcspr_report_carries_the_statutory_notice():
    """SI 2018/789 reg 16: the 7 working days' notice applies to LCSPR reports only."""
    assert statutory_notice_applies(is_lcspr=True)
    assert not statutory_notice_applies(is_lcspr=False)


def test_the_notice_before_publication_skips_easter():
    """SI 2018/789 reg 16: 7 working days; Good Friday 3 and Easter Monday 6 April 2026 are not."""
    assert report_notice_by(date(2026, 4, 10)) == date(2026, 3, 30)


@pytest.mark.django_db
def test_the_pages_and_the_command_give_the_same_dates_for_a_year_around_christmas_and_easter(
    cast, client, capsys
):
    """Working Together 2023 ch. 5: 5 and 15 working days, England's bank holidays only; the
    partnership's own closure days (here the days between Christmas and New Year) change nothing."""
    from django.urls import reverse

    from core.models import ClosureDay
    from core.testing import sign_in
    from reviews.tests.factories import notification_for

    for day in (date(2026, 12, 24), date(2026, 12, 29), date(2026, 12, 30), date(2027, 3, 29)):
        ClosureDay.objects.create(partnership=cast.partnership, date=day, reason="Office closed")
    sign_in(client, cast.officer)
    start = date(2026, 11, 1)
    for offset in range(366):
        aware = start + timedelta(days=offset)
        notification = notification_for(cast, aware=aware, notified_date=aware)
        call_command(
            "statutory_deadlines", "--aware", aware.isoformat(), "--notified", aware.isoformat()
        )
        printed = json.loads(capsys.readouterr().out)
        assert printed == {
            "notify_panel_by": notification.notify_panel_by.isoformat(),
            "rapid_review_by": notification.rapid_review_by.isoformat(),
        }, aware
        if offset % 61 == 0:
            page = client.get(reverse("reviews:notification_detail", args=[notification.pk]))
            assert f"{notification.notify_panel_by:%A} {notification.notify_panel_by.day} " in (
                page.content.decode()
            )

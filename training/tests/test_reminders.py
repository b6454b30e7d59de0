"""Reminders of booked training two weeks and five days before, each with a calendar invitation,
sent once by the daily reminder run."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from training.models import Booking
from training.reminders import send_training_reminders
from training.tests.factories import BookingFactory, EventFactory

pytestmark = pytest.mark.django_db

START = datetime(2027, 3, 18, 9, 30, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def booking(cast):
    event = EventFactory(
        course__created_by=cast.manager, starts_at=START, ends_at=START + timedelta(hours=3)
    )
    return BookingFactory(
        event=event, person=cast.practitioner, created_at=START - timedelta(days=40)
    )


def _run(day, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return send_training_reminders(today=day)


def test_two_weeks_before_the_booked_person_is_reminded_with_an_invitation(
    booking, django_capture_on_commit_callbacks
):
    sent = _run(START.date() - timedelta(days=14), django_capture_on_commit_callbacks)
    assert sent["training_reminders_14_days"] == 1
    (message,) = mail.outbox
    assert "in two weeks" in message.body
    (vevent,) = Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")
    assert vevent.decoded("dtstart") == START


def test_each_reminder_is_sent_once(booking, django_capture_on_commit_callbacks):
    _run(START.date() - timedelta(days=14), django_capture_on_commit_callbacks)
    _run(START.date() - timedelta(days=13), django_capture_on_commit_callbacks)
    _run(START.date() - timedelta(days=5), django_capture_on_commit_callbacks)
    _run(START.date() - timedelta(days=4), django_capture_on_commit_callbacks)
    assert ["two weeks" in m.body for m in mail.outbox] == [True, False]
    assert "in five days" in mail.outbox[1].body


def test_nobody_waiting_or_cancelled_is_reminded(booking, django_capture_on_commit_callbacks):
    Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.WAITING)
    _run(START.date() - timedelta(days=5), django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_a_place_booked_inside_the_fortnight_gets_no_two_week_reminder(
    booking, django_capture_on_commit_callbacks
):
    Booking.objects.filter(pk=booking.pk).update(created_at=START - timedelta(days=10))
    sent = _run(START.date() - timedelta(days=9), django_capture_on_commit_callbacks)
    assert sent["training_reminders_14_days"] == 0

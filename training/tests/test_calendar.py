"""Calendar feeds: the partnership's public listing and feed, and each person's private feed, as
valid iCalendar read back with the icalendar library."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from core.testing import sign_in
from training import services
from training.models import Booking
from training.tests.factories import BookingFactory, EventFactory

pytestmark = pytest.mark.django_db


def _events(response) -> list:
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content).walk("VEVENT")


def test_the_public_feed_has_one_event_per_open_event_with_what_calendars_need(client, cast):
    event = EventFactory(course__created_by=cast.manager, course__title="Safe sleep")
    EventFactory(course=event.course, cancelled_at=timezone.now())
    EventFactory(course__created_by=cast.outsider)
    (vevent,) = _events(client.get(reverse("public:training_feed", args=[cast.partnership.slug])))
    assert str(vevent["summary"]) == "Safe sleep"
    assert vevent.decoded("dtstart") == event.starts_at
    assert vevent.decoded("dtend") == event.ends_at
    assert str(vevent["location"]) == event.venue
    assert str(vevent["uid"]).startswith(f"training-event-{event.pk}@")
    assert vevent["sequence"] == 0


def test_an_event_moved_keeps_its_uid_with_a_higher_sequence(client, cast):
    event = EventFactory(
        course__created_by=cast.manager, venue="", online_url="https://meet.example/x"
    )
    url = reverse("public:training_feed", args=[cast.partnership.slug])
    (before,) = _events(client.get(url))
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        _move_by_an_hour(event, by=cast.manager)
    (after,) = _events(client.get(url))
    assert after["uid"] == before["uid"]
    assert after["sequence"] == 1
    assert str(after["url"]) == "https://meet.example/x"
    assert after.decoded("last-modified") > before.decoded("last-modified")


def _move_by_an_hour(event, *, by):
    services.event_update(
        event=event,
        data={
            "starts_at": event.starts_at + timedelta(hours=1),
            "ends_at": event.ends_at + timedelta(hours=1),
            "venue": "",
            "online_url": event.online_url,
            "capacity": event.capacity,
            "trainers": "",
            "booking_opens_on": None,
            "booking_closes_on": None,
        },
        expected_version=event.version,
        by=by,
    )


def test_the_public_listing_shows_upcoming_events_without_their_joining_link(client, cast):
    EventFactory(
        course__created_by=cast.manager,
        course__title="Domestic abuse",
        online_url="https://meet.example/secret",
    )
    page = client.get(reverse("public:training", args=[cast.partnership.slug])).content.decode()
    assert "Domestic abuse" in page
    assert "https://meet.example/secret" not in page


def test_a_persons_private_feed_holds_their_booked_events_until_they_reset_its_address(
    client, cast
):
    booked = BookingFactory(event__course__created_by=cast.manager, person=cast.practitioner)
    BookingFactory(event__course__created_by=cast.manager, person=cast.group_member)
    BookingFactory(
        event__course__created_by=cast.manager,
        person=cast.practitioner,
        status=Booking.Status.WAITING,
    )
    sign_in(client, cast.practitioner)
    client.post(reverse("training:calendar_reset"))
    old = cast.practitioner.training_feed.token
    (vevent,) = _events(client.get(reverse("training:personal_calendar", args=[old])))
    assert str(vevent["uid"]).startswith(f"training-event-{booked.event.pk}@")
    client.post(reverse("training:calendar_reset"))
    assert client.get(reverse("training:personal_calendar", args=[old])).status_code == 404

"""Places are never overbooked however many people book and cancel at once (PostgreSQL: the
event's row is locked and the places counted in the same transaction)."""

import threading

import pytest
from django.db import connection

from partnership.models import Role
from partnership.tests.factories import PersonFactory
from training import services
from training.models import Booking
from training.tests.factories import BookingFactory, EventFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time: row locks are tested on PostgreSQL")


def _practitioners(cast, count):
    return PersonFactory.create_batch(
        count, partnership=cast.partnership, organisation=cast.council, roles=[Role.PRACTITIONER]
    )


def _all_at_once(calls) -> list[Exception]:
    """Runs each call in its own thread with its own database connection, all released together."""
    start = threading.Barrier(len(calls))
    errors: list[Exception] = []

    def run(call):
        try:
            start.wait()
            call()
        except Exception as error:  # every error, of any kind, fails the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def _statuses(event) -> dict[str, int]:
    statuses = list(event.bookings.values_list("status", flat=True))
    return {status: statuses.count(status) for status in set(statuses)}


def test_fifty_people_booking_twenty_places_at_once_leaves_twenty_booked_and_thirty_waiting(cast):
    event = EventFactory(course__created_by=cast.manager, capacity=20)
    people = _practitioners(cast, 50)
    errors = _all_at_once(
        [
            lambda person=person: services.booking_make(event=event, person=person)
            for person in people
        ]
    )
    assert errors == []
    assert _statuses(event) == {Booking.Status.BOOKED: 20, Booking.Status.WAITING: 30}


def test_cancellations_among_bookings_never_overbook_and_freed_places_go_to_those_waiting(cast):
    event = EventFactory(course__created_by=cast.manager, capacity=20)
    early = [BookingFactory(event=event, person=person) for person in _practitioners(cast, 10)]
    newcomers = _practitioners(cast, 40)
    calls = [
        lambda person=person: services.booking_make(event=event, person=person)
        for person in newcomers
    ]
    calls += [
        lambda booking=booking: services.booking_cancel(booking=booking, by=booking.person)
        for booking in early
    ]
    errors = _all_at_once(calls)
    assert errors == []
    assert event.bookings.holding_places().count() <= 20
    services.offer_places(event_id=event.pk)
    statuses = _statuses(event)
    assert statuses[Booking.Status.CANCELLED] == 10
    assert statuses.get(Booking.Status.BOOKED, 0) + statuses.get(Booking.Status.OFFERED, 0) == 20
    assert statuses[Booking.Status.WAITING] == 20

"""Browser journey on a phone: a practitioner finds a full course, joins the waiting list, is
offered a freed place by the worker (the task run for real) and confirms it. Each step is a
function, so that later steps (attending, evaluating) extend the same journey."""

import pytest
from django.core import mail
from django.core.management import call_command

from core.testing import assert_accessible, browser_sign_in
from training import services
from training.tests.factories import BookingFactory, EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 667}


def full_event(cast):
    """A course with one date whose only place the officer holds."""
    event = EventFactory(
        course__created_by=cast.manager, course__title="Seeing the child", capacity=1
    )
    BookingFactory(event=event, person=cast.officer)
    return event


def join_waiting_list(page, live_server_url, person) -> str:
    """Signs in on a phone, finds the course and joins its waiting list; the booking's address."""
    page.set_viewport_size(PHONE)
    browser_sign_in(page, live_server_url, person)
    page.goto(f"{live_server_url}/training/")
    page.get_by_role("heading", name="Training", exact=True).wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Seeing the child").click()
    page.get_by_role("heading", name="Dates").wait_for()
    assert_accessible(page)
    page.get_by_role("heading", level=3).get_by_role("link").first.click()
    page.get_by_text("All 1 places are taken").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Join the waiting list").click()
    page.get_by_text("You are on the waiting list").wait_for()
    assert_accessible(page)
    return page.url


def run_worker() -> None:
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0, reload=False)


def promoted_and_confirmed(page, booking_url: str, person) -> None:
    """The worker has offered the freed place: the person is emailed and confirms it."""
    assert any(
        message.to == [person.email] and "A place is free" in message.subject
        for message in mail.outbox
    )
    page.goto(booking_url)
    page.get_by_text("Place offered: confirm it").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Confirm my place").click()
    page.get_by_text("Your place is booked").wait_for()
    assert_accessible(page)


def test_a_practitioner_on_a_phone_waits_for_a_place_and_is_offered_it(live_server, page, cast):
    event = full_event(cast)
    booking_url = join_waiting_list(page, live_server.url, cast.practitioner)
    services.booking_cancel(booking=event.bookings.get(person=cast.officer), by=cast.officer)
    run_worker()
    promoted_and_confirmed(page, booking_url, cast.practitioner)

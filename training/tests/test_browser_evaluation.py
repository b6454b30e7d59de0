"""Browser journey on a phone-sized screen, after booking: the practitioner rates their confidence
before the course, the trainer takes the register on the day, the practitioner evaluates the course
and downloads the certificate. axe-core on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.testing import assert_accessible, browser_sign_in
from training.models import Event, EventTrainer
from training.tests.evaluation_factories import event_for, place_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}


def _rate(page, outcome: str, label: str) -> None:
    page.get_by_role("group", name=f"How confident are you to: {outcome}?").get_by_label(
        label
    ).check()


def test_a_practitioner_evaluates_a_course_on_a_phone_and_downloads_the_certificate(
    live_server, page, cast
):
    page.set_viewport_size(PHONE)
    event = event_for(cast, days_from_now=2, title="Neglect: seeing the child")
    place_for(cast.practitioner, event)
    EventTrainer.objects.create(event=event, person=cast.contributor)

    browser_sign_in(page, live_server.url, cast.practitioner)
    page.goto(f"{live_server.url}/training/your-training/")
    page.get_by_role("heading", name="Your training").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="give it by").first.click()
    page.get_by_role("button", name="Send evaluation").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert_accessible(page)
    _rate(page, "Spot the signs of neglect", "2: a little confident")
    _rate(page, "Escalate a concern", "3: fairly confident")
    page.get_by_role("button", name="Send evaluation").click()
    page.get_by_text("Thank you: your evaluation is saved").wait_for()
    assert_accessible(page)

    # The day of the course comes.
    starts_at = timezone.now() - timedelta(hours=1)
    Event.objects.filter(pk=event.pk).update(
        starts_at=starts_at, ends_at=starts_at + timedelta(hours=3)
    )
    page.context.clear_cookies()
    browser_sign_in(page, live_server.url, cast.contributor)
    page.goto(f"{live_server.url}/training/events/{event.pk}/register/")
    assert_accessible(page)
    page.get_by_role("group", name="Practitioner Testperson").get_by_label("Attended").check()
    page.get_by_role("button", name="Save register").click()
    page.get_by_text("Register saved").wait_for()
    assert_accessible(page)

    page.context.clear_cookies()
    browser_sign_in(page, live_server.url, cast.practitioner)
    page.goto(f"{live_server.url}/training/your-training/")
    page.get_by_role("link", name="give it by").first.click()
    assert_accessible(page)
    _rate(page, "Spot the signs of neglect", "4: confident")
    _rate(page, "Escalate a concern", "5: very confident")
    page.get_by_role("group", name="How would you rate the course overall?").get_by_label(
        "4: very good"
    ).check()
    page.get_by_label("What was most useful?").fill("Talking with the police and health visitors")
    page.get_by_role("button", name="Send evaluation").click()
    page.get_by_text("Thank you: your evaluation is saved. Your certificate is ready").wait_for()
    assert_accessible(page)

    certificate = page.get_by_role("link", name="Download your certificate (PDF)")
    response = page.request.get(live_server.url + certificate.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")

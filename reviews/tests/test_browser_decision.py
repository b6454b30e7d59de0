"""Browser journey of the rapid review decision page: the statutory considerations, the local
review policy, and a decision against the policy recorded as a departure. Axe-core checks each page."""

import pytest
from django.urls import reverse

from core.testing import assert_accessible, browser_sign_in
from reviews.models import LocalReviewPolicy, RapidReview
from reviews.tests.factories import REGULATION_11_ANSWERED, notification_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_partners_decide_against_the_local_policy_and_the_page_shows_the_departure(
    live_server, page, cast
):
    """SI 2018/789 reg 11 and s16F Children Act 2004: the partners take (a) to (d) into account and
    decide; the local review policy (configuration) advises, and a departure is recorded."""
    LocalReviewPolicy.objects.create(
        partnership=cast.partnership, always_review_death_in_custody=True
    )
    rapid_review = notification_for(cast).rapid_review
    RapidReview.objects.filter(pk=rapid_review.pk).update(
        abuse_or_neglect="not_suspected",
        interagency_concerns="unknown",
        child_died=True,
        death_in_custody="secure_training_centre",
        institutional_setting=True,
        **REGULATION_11_ANSWERED,
    )
    browser_sign_in(page, live_server.url, cast.officer)
    page.get_by_role("heading", name="Your dashboard").wait_for()
    page.goto(live_server.url + reverse("reviews:rapid_review_decision", args=[rapid_review.pk]))
    page.get_by_role("heading", name="Statutory considerations").wait_for()
    page.get_by_text("Yes: (a) improvements needed").wait_for()
    page.get_by_text("The case involves an institutional setting").wait_for()
    page.get_by_text("A listed circumstance applies").wait_for()
    assert_accessible(page)

    page.get_by_label("Do not hold an LCSPR").check()
    page.get_by_label("Rationale").fill("Learning is being taken forward nationally.")
    page.get_by_role("textbox", name="Alternative learning activity").fill(
        "A practitioner learning event."
    )
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("There is a problem").wait_for()
    assert_accessible(page)

    page.get_by_label("Why the partners depart from the local review policy").fill(
        "The national panel is reviewing deaths in secure training centres."
    )
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("Decision recorded; each").wait_for()
    warning = page.locator(".govuk-warning-text")
    warning.get_by_text("Departure from local policy").wait_for()
    assert "reviewing deaths in secure training centres" in warning.inner_text()
    assert_accessible(page)

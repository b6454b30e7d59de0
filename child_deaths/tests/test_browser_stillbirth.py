"""Browser journey: a suspected stillbirth at home is notified, the Joint Agency Response is
triggered, it is later confirmed a stillbirth and leaves the review. Every page is checked with axe."""

from datetime import timedelta

import pytest
from django.utils import timezone

from child_deaths.tests.test_browser_child_death import _fill_date, _sign_in_as
from core.testing import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_suspected_stillbirth_triggers_the_joint_agency_response_then_leaves_the_review(
    live_server, page, cast
):
    born = timezone.localdate() - timedelta(days=3)
    _sign_in_as(page, live_server, cast.officer)
    page.goto(f"{live_server.url}/child-deaths/notify/")
    page.get_by_role("heading", name="Notify a child's death").wait_for()
    assert_accessible(page)

    page.get_by_label(
        "A suspected stillbirth at home, or a birth with no healthcare professional present"
    ).check()
    page.get_by_label("In an area of the partnership").check()
    page.get_by_label("Area where the child normally lived").select_option(
        label="Redcar & Cleveland (Test Tees Safeguarding Children Partnership)"
    )
    page.get_by_label("Child's first names").fill("Baby")
    page.get_by_label("Child's last name").fill("Example")
    _fill_date(page, "date_of_birth", born)
    page.get_by_label("NHS number not currently available").check()
    page.get_by_label("Home address").fill("1 Example Street, Testtown")
    page.get_by_label("Postcode").fill("TS1 1AA")
    _fill_date(page, "date_of_death", born)
    page.get_by_label("Usual residence").check()
    page.get_by_label("Unexpected", exact=True).check()
    page.get_by_label("Female", exact=True).check()
    page.get_by_label("Ethnicity").select_option(label="Irish")
    page.get_by_label("Circumstances of the death").fill(
        "Born at home before the midwife arrived; no signs of life (fictional)."
    )
    page.get_by_role("button", name="Send notification").click()

    page.get_by_role("heading", name="TTSCP-CD-").wait_for()
    assert page.get_by_text("Stillbirth with no healthcare professional in attendance").is_visible()
    assert page.get_by_text("Needed, not yet started").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Confirm a stillbirth").click()
    page.get_by_role("heading", name="Confirm a stillbirth").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert page.get_by_text("Enter the date the stillbirth was confirmed").first.is_visible()
    assert_accessible(page)
    _fill_date(page, "confirmed_on", timezone.localdate())
    page.get_by_label("Completed weeks of pregnancy at delivery").fill("38")
    page.get_by_label("And extra days").fill("2")
    page.get_by_role("button", name="Save").click()

    page.get_by_text("confirmed a stillbirth: it has left the review").wait_for()
    assert page.get_by_text("Confirmed stillbirth: left the review").first.is_visible()
    assert page.get_by_text("at 38+2 weeks").is_visible()
    assert page.get_by_role("link", name="Record the panel's analysis").count() == 0
    assert_accessible(page)

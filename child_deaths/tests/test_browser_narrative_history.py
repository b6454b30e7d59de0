"""Browser journey: the business unit manager finds an earlier version of panel minutes in the
history of written text and erases it with a reason. axe-core checks each page."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from child_deaths import services
from child_deaths.tests.factories import PanelMeetingFactory
from core.testing import assert_accessible, browser_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_manager_erases_earlier_minutes_from_the_text_history(live_server, page, cast):
    meeting = PanelMeetingFactory(panel__partnership=cast.partnership)
    for minutes in ("Tess Example's mother attended.", "The mother attended."):
        meeting.refresh_from_db()
        services.panel_meeting_record(
            meeting=meeting,
            attendees="Chair",
            apologies="",
            minutes=minutes,
            expected_version=meeting.version,
            by=cast.officer,
        )
    TOTPDevice.objects.filter(user=cast.manager).update(last_t=-1)
    browser_sign_in(page, live_server.url, cast.manager)
    page.goto(live_server.url + reverse("core:audit_trail"))
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="see, correct or erase the history of written text").click()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Correct or erase").nth(1).click()
    assert_accessible(page)
    page.get_by_label("Erase the text").check()
    page.get_by_label("Reason (for example, the request you are acting on)").fill(
        "Erasure request from the family"
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    assert_accessible(page)
    assert "Tess Example" not in page.content()
    assert page.get_by_text("Erasure request from the family").count() == 1

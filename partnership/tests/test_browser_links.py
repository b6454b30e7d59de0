"""Browser journey: one business unit asks to link, the other sees the request on its dashboard and
accepts, and then a panel of the first serves the second."""

import pytest

from core.testing import assert_accessible, browser_sign_in
from partnership.models import Group

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in_as(page, server_url, person) -> None:
    page.context.clear_cookies()
    browser_sign_in(page, server_url, person)
    page.get_by_role("heading", name="Your dashboard").wait_for()
    assert_accessible(page)


def test_a_link_is_asked_for_accepted_and_then_a_panel_serves_both(server_url, page, cast):
    _sign_in_as(page, server_url, cast.outsider)
    page.goto(f"{server_url}/partnership/")
    page.get_by_role("link", name="Links with other partnerships").click()
    page.get_by_role("heading", name="Links with other partnerships").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Ask for a link").click()
    page.get_by_role("button", name="Send the request").click()
    page.locator(".govuk-error-summary").wait_for()
    assert "Select a partnership to ask for a link with" in page.content()
    assert_accessible(page)
    page.get_by_label("Partnership").select_option(label=cast.partnership.name)
    page.get_by_label("What the link is for").fill("Our panel reviews your deaths too")
    page.get_by_role("button", name="Send the request").click()
    page.get_by_role("heading", name="Waiting for their answer").wait_for()
    assert_accessible(page)

    _sign_in_as(page, server_url, cast.manager)
    assert f"to link with yours: {cast.other_partnership.name}" in page.content()
    page.get_by_role("link", name="Answer link requests").click()
    page.get_by_role("button", name=f"Accept the link with {cast.other_partnership.name}").click()
    page.get_by_text("Link accepted").wait_for()
    assert_accessible(page)

    _sign_in_as(page, server_url, cast.outsider)
    page.goto(f"{server_url}/partnership/groups/new/")
    page.get_by_label("Name").fill("Shared panel")
    page.get_by_label("Child death overview panel").check()
    page.get_by_label(cast.partnership.name).check()
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Shared panel").wait_for()
    assert_accessible(page)
    assert list(Group.objects.get(name="Shared panel").serves.all()) == [cast.partnership]

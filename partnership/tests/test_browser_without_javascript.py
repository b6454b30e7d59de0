"""Every page works without JavaScript: sign in, two-factor code, and a form with an error and a fix.

(axe-core needs JavaScript, so accessibility is checked by the other browser journeys.)"""

import pytest

from core.testing import browser_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    context.set_default_timeout(15000)
    yield context.new_page()
    context.close()


def test_a_business_unit_officer_adds_an_area_with_javascript_turned_off(
    live_server, page_without_javascript, cast
):
    page = page_without_javascript
    browser_sign_in(page, live_server.url, cast.officer, check_accessibility=False)
    page.goto(f"{live_server.url}/partnership/areas/new/")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    page.get_by_label("Name").fill("Example New Town")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Example New Town").wait_for()
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("heading", name="Sign in to Learning Hub").wait_for()

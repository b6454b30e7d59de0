"""Browser: a password-only session tries the set-up page and a child's identifying details, and
is held at the code page each time."""

from urllib.parse import urlsplit

import pytest

from child_deaths.tests.factories import ChildDeathFactory
from core.testing import TEST_PASSWORD, assert_accessible, confirmed_device

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_password_only_session_is_held_at_the_code_page(server_url, page, cast):
    death = ChildDeathFactory(area=cast.middlesbrough)
    confirmed_device(cast.manager)
    page.goto(f"{server_url}/sign-in/")
    assert_accessible(page)
    page.get_by_label("Email address").fill(cast.manager.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Enter your security code").wait_for()
    assert_accessible(page)

    for tried in ("/account/two-factor/", f"/child-deaths/{death.pk}/identifying-details/"):
        page.goto(f"{server_url}{tried}")
        page.get_by_role("heading", name="Enter your security code").wait_for()
        assert urlsplit(page.url).path == "/sign-in/code/"
        assert "Testchild" not in page.content()
        assert "Set up two-factor authentication" not in page.content()
        assert_accessible(page)

    page.get_by_label("Security code").fill("000000")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert page.get_by_text("Security code is not right or has expired").first.is_visible()
    assert_accessible(page)

"""Browser journey: sign in with two factors, see the dashboard, manage an organisation.

`make prod-smoke` runs it against gunicorn with production settings (`--production-server`).
"""

import pytest

from core.testing import assert_accessible, browser_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_business_unit_manager_signs_in_and_manages_an_organisation(server_url, page, cast):
    browser_sign_in(page, server_url, cast.manager)
    page.get_by_role("heading", name="Your dashboard").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Partnership", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Organisations").click()
    assert_accessible(page)
    page.get_by_role("link", name="Add organisation").click()
    assert_accessible(page)

    page.get_by_role("button", name="Save").click()  # nothing filled in
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert page.title().startswith("Error:")
    assert_accessible(page)

    page.get_by_label("Name").fill("Example Youth Service")
    page.get_by_label("Type").select_option(label="Youth justice")
    page.get_by_label("Relevant agency").check()
    page.get_by_label("Middlesbrough").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Example Youth Service").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Change").click()
    page.get_by_label("Name").fill("Example Youth Justice Service")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Example Youth Justice Service").wait_for()
    assert page.get_by_text("Organisation Example Youth Justice Service updated").is_visible()

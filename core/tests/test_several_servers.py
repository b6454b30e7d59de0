"""Any number of web servers give the same answers: nothing a request needs lives in one process.

Two gunicorn servers with production settings share one PostgreSQL database and one Redis cache,
as two hosts behind a load balancer would.
"""

import pytest

from core.testing import assert_accessible, browser_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_change_made_through_one_server_is_seen_through_the_other_at_once(
    production_servers, page, cast
):
    first, second = production_servers(2)
    browser_sign_in(page, first, cast.manager)

    page.goto(f"{second}/partnership/organisations/{cast.council.pk}/")
    page.get_by_role("heading", name="Test Borough Council").wait_for()

    page.goto(f"{first}/partnership/organisations/{cast.council.pk}/edit/")
    page.get_by_label("Name").fill("Test Borough Council Children's Services")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Test Borough Council Children's Services").wait_for()

    page.goto(f"{second}/partnership/organisations/{cast.council.pk}/")
    page.get_by_role("heading", name="Test Borough Council Children's Services").wait_for()
    assert_accessible(page)


def test_signing_out_through_one_server_signs_out_of_every_server(production_servers, page, cast):
    first, second = production_servers(2)
    browser_sign_in(page, first, cast.manager)
    page.goto(f"{second}/")
    page.get_by_role("heading", name="Your dashboard").wait_for()

    page.goto(f"{first}/")
    page.get_by_role("button", name="Sign out").click()

    page.goto(f"{second}/")
    page.get_by_role("heading", name="Sign in").wait_for()

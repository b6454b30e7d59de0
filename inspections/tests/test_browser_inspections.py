"""Browser journey: record an ILACS with judgements and a priority action, add its action in the
spine, see the 70-working-day plan deadline on the dashboard, read the progress report."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from core.testing import assert_accessible, browser_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_the_business_unit_records_an_ilacs_and_follows_its_action_plan(
    live_server, page, cast, board
):
    browser_sign_in(page, live_server.url, cast.manager)
    page.get_by_role("link", name="Inspections", exact=True).click()
    page.get_by_role("heading", name="Inspections", exact=True).wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Add an inspection").click()
    page.get_by_role("button", name="Save inspection").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert page.get_by_role("link", name="Select the kind of inspection").is_visible()
    assert_accessible(page)

    page.get_by_label("ILACS standard inspection").check()
    page.get_by_label("Inspectorate").select_option(label="Ofsted")
    page.get_by_label("Local authority area").select_option(label="Middlesbrough")
    page.get_by_label("Body inspected").fill("Test Borough Council children's services")
    _fill_date(page, "First day on site", date(2026, 1, 19))
    _fill_date(page, "Last day on site", date(2026, 1, 30))
    _fill_date(page, "Date the final report or letter was received", date(2026, 3, 2))
    page.get_by_label("Report received: action plan in preparation").check()
    page.get_by_role("button", name="Save inspection").click()
    page.get_by_text("12 June 2026").wait_for()
    assert_accessible(page)
    inspection_url = page.url

    page.get_by_role("link", name="Record judgements").click()
    assert_accessible(page)
    page.get_by_label("Overall effectiveness").select_option(
        label="Requires improvement to be good"
    )
    page.get_by_label(
        "The experiences and progress of children who need help and protection"
    ).select_option(label="Inadequate")
    page.get_by_role("button", name="Save judgements").click()
    page.get_by_text("Judgements saved").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Add what the report says").click()
    page.get_by_label("Area for priority action").check()
    page.get_by_label("Short title").fill("Timeliness of the front door")
    page.get_by_label("The words of the report").fill("Contacts must be screened within a day.")
    page.get_by_label("Group that oversees the actions").select_option(label=board.name)
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_role(
        "heading", name="Area for priority action: Timeliness of the front door"
    ).wait_for()

    page.get_by_role("link", name="Add an action").click()
    assert_accessible(page)
    page.get_by_label("Action", exact=True).fill("Daily screening huddle with police and health")
    page.get_by_label("Owner organisation").select_option(label="Test Police")
    _fill_date(page, "Due date", timezone.localdate() + timedelta(days=90))
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(inspection_url)
    assert page.get_by_text("Daily screening huddle with police and health").first.is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Dashboard", exact=True).click()
    page.get_by_role("link", name="TTSCP-IN-001: action plan to the inspectorate").wait_for()
    assert page.get_by_role("cell", name="12 June 2026").is_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/inspections/progress/")
    page.get_by_role(
        "heading", name="Area for priority action: Timeliness of the front door"
    ).wait_for()
    assert page.get_by_text("Daily screening huddle with police and health").is_visible()
    assert page.get_by_text("Amber", exact=True).is_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/inspections/judgements/")
    assert page.get_by_role("cell", name="Requires improvement to be good").is_visible()
    assert_accessible(page)

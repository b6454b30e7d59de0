"""Browser journey of a section 11 round: the business unit opens it, the hospital's contributor
completes its self-assessment, the challenge session records the partnership's view, and the heat
map shows it and exports it; axe-core on every page."""

import csv

import pytest

from audits.assurance import SECTION_11_STANDARDS
from audits.tests.factories_assurance import scrutiny_group
from core.testing import assert_accessible, browser_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_out(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()


def test_a_section_11_round_from_opening_to_the_heat_map(live_server, page, cast):
    group = scrutiny_group(cast)
    browser_sign_in(page, live_server.url, cast.manager)
    page.get_by_role("link", name="Assurance", exact=True).click()
    page.get_by_role("heading", name="Section 11 and section 175 assurance").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Open a round").click()
    page.get_by_label("Section 11 self-assessment (Children Act 2004)").check()
    page.get_by_label("Year of the round").fill("2026")
    due = page.get_by_role("group", name="Due date")
    due.get_by_label("Day").fill("30")
    due.get_by_label("Month").fill("9")
    due.get_by_label("Year").fill("2026")
    page.get_by_label("Sub-group that scrutinises the returns").select_option(label=group.name)
    assert_accessible(page)
    page.get_by_role("button", name="Open and send to agencies").click()
    page.get_by_text("Section 11 self-assessment 2026 sent to 3 agencies").wait_for()
    assert_accessible(page)
    _sign_out(page)

    browser_sign_in(page, live_server.url, cast.contributor)
    page.get_by_role("link", name="Assurance", exact=True).click()
    page.get_by_role("link", name="Test Hospitals Trust").click()
    assert_accessible(page)
    page.get_by_role("link", name="Complete the self-assessment").click()
    page.get_by_role("button", name="Send to the partnership").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert page.get_by_role(
        "link", name="Select a rating for training: red, amber or green"
    ).is_visible()
    assert_accessible(page)
    for title, _ in SECTION_11_STANDARDS:
        rating = "Amber: partly met" if title == "Supervision" else "Green: fully met"
        page.get_by_role("group", name=f"{title}: your rating").get_by_label(rating).check()
        page.get_by_label(f"{title}: evidence").fill(f"Our evidence of {title.lower()}")
    page.get_by_label("Supervision: your agency's actions").fill("Monthly reflective supervision")
    page.get_by_role("button", name="Send to the partnership").click()
    page.get_by_text("Self-assessment sent to the partnership").wait_for()
    assert_accessible(page)
    assessment_url = page.url
    _sign_out(page)

    browser_sign_in(page, live_server.url, cast.officer)
    page.goto(assessment_url)
    page.get_by_role("link", name="Record the challenge session").click()
    held = page.get_by_role("group", name="Date of the challenge session")
    held.get_by_label("Day").fill("2")
    held.get_by_label("Month").fill("11")
    held.get_by_label("Year").fill("2026")
    page.get_by_label("Summary of the session").fill("Met the named nurse for safeguarding.")
    page.get_by_role("group", name="Training: the partnership's rating").get_by_label(
        "Red: not met"
    ).check()
    page.get_by_label("Training: the partnership's comment").fill("Level 3 uptake was 40%.")
    assert_accessible(page)
    page.get_by_role("button", name="Save the challenge session").click()
    page.get_by_text("Challenge session recorded").wait_for()
    assert page.get_by_text("Level 3 uptake was 40%.").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Back to Section 11 self-assessment 2026").click()
    page.get_by_role("link", name="Heat map of agencies and standards").click()
    row = page.get_by_role("row", name="Test Hospitals Trust")
    assert row.get_by_text("Agency said green").is_visible()
    assert row.get_by_text("Red", exact=True).is_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    with open(download.value.path(), newline="") as exported:
        rows = {line[0]: line for line in csv.reader(exported)}
    assert "Red (agency: Green)" in rows["Test Hospitals Trust"]
    assert rows["Test Police"][-1] == "Not rated"

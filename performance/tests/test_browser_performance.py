"""Browser journey: download the template, upload it, preview, apply, read the report, scrutinise, propose an audit."""

import pytest

from core.testing import assert_accessible, browser_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_business_unit_imports_a_quarter_and_the_group_proposes_an_audit(
    live_server, page, cast, catalogue, tmp_path
):
    browser_sign_in(page, live_server.url, cast.manager)
    page.get_by_role("link", name="Performance", exact=True).click()
    page.get_by_role("heading", name="Quarterly performance report").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Import quarterly values").first.click()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the template (XLSX spreadsheet)").click()
    template = tmp_path / "quarterly-values.xlsx"
    download.value.save_as(template)

    page.get_by_role("button", name="Upload and check").click()  # no file chosen
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert_accessible(page)

    page.get_by_label("File of quarterly values").set_input_files(template)
    page.get_by_role("button", name="Upload and check").click()
    page.get_by_role("heading", name="Check what will change").wait_for()
    assert_accessible(page)

    page.get_by_role("button", name="Apply these changes").click()
    page.get_by_role("heading", name="Values imported").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="See the quarterly report").click()
    page.get_by_role("heading", name="Comparison between areas").wait_for()
    assert page.get_by_role("cell", name="35%").first.is_visible()
    assert_accessible(page)
    report_url = page.url

    page.goto(live_server.url + catalogue["percentage"].get_absolute_url())
    page.get_by_role("heading", name="2025-26 Q1 by area").wait_for()
    assert_accessible(page)
    page.goto(report_url)

    page.get_by_role("link", name="Record the group's scrutiny of this quarter").click()
    assert_accessible(page)
    page.get_by_label("Indicator").select_option(label=str(catalogue["percentage"]))
    page.get_by_label("Question the group asked").fill(
        "Why are re-referrals above target in Middlesbrough?"
    )
    page.get_by_label("Agency asked").select_option(label="Test Borough Council")
    page.get_by_label("The agency's answer").fill("Cases closed without a step-down plan.")
    page.get_by_label("A proposal for a multi-agency audit").check()
    page.get_by_role("button", name="Save scrutiny").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert_accessible(page)

    page.get_by_label("Proposed audit").fill("Step-down from children's social care")
    page.get_by_label("What the audit should look at, and why").fill(
        "Re-referrals within 12 months."
    )
    page.get_by_role("button", name="Save scrutiny").click()
    page.get_by_role("heading", name="Proposed multi-agency audit").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Back to the report").click()
    page.get_by_role("link", name="Audit proposals").click()
    page.get_by_role("link", name="Step-down from children's social care").wait_for()
    assert_accessible(page)


def test_the_business_unit_adds_an_indicator_and_sees_a_files_errors(
    live_server, page, cast, tmp_path
):
    browser_sign_in(page, live_server.url, cast.officer)
    page.goto(f"{live_server.url}/performance/indicators/")
    assert_accessible(page)
    page.get_by_role("link", name="Add indicator").click()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert_accessible(page)

    page.get_by_label("Code").fill("WF01")
    page.get_by_label("Title").fill("Social worker vacancy rate")
    page.get_by_label("Percentage").check()
    page.get_by_label("Lower is better").check()
    page.get_by_label("Target").fill("10")
    page.get_by_label("Tolerance").fill("3")
    page.get_by_label("Workforce").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="WF01 Social worker vacancy rate").wait_for()
    assert_accessible(page)

    bad = tmp_path / "values.csv"
    bad.write_text(
        "indicator,area,period,value,numerator,denominator\nWF01,Gotham,2025-26 Q1,,30,20\n"
    )
    page.goto(f"{live_server.url}/performance/imports/")
    page.get_by_label("File of quarterly values").set_input_files(bad)
    page.get_by_role("button", name="Upload and check").click()
    page.get_by_role("heading", name="The file has errors").wait_for()
    assert page.get_by_text("Row 2, column area: unknown area 'Gotham'").is_visible()
    assert_accessible(page)

"""Browser journey: notify a death (a stillbirth refused), an agency returns its reporting form, the
panel meets and records its analysis with modifiable factors, and the trends page shows it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from child_deaths.tests.factories import PanelFactory, reporting_form
from core.testing import assert_accessible, browser_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, name: str, day) -> None:
    for index, part in enumerate((day.day, day.month, day.year)):
        page.locator(f"#id_{name}_{index}").fill(str(part))


def _sign_in_as(page, live_server, person) -> None:
    page.context.clear_cookies()
    browser_sign_in(page, live_server.url, person)
    page.get_by_role("heading", name="Your dashboard").wait_for()
    assert_accessible(page)


def _notify(page, kind: str) -> None:
    today = timezone.localdate()
    page.get_by_label(kind).check()
    page.get_by_label("In an area of the partnership").check()
    page.get_by_label("Area where the child normally lived").select_option(
        label="Redcar & Cleveland (Test Tees Safeguarding Children Partnership)"
    )
    page.get_by_label("Child's first names").fill("Testchild")
    page.get_by_label("Child's last name").fill("Example")
    _fill_date(page, "date_of_birth", today - timedelta(days=300))
    page.get_by_label("NHS number not currently available").check()
    page.get_by_label("Home address").fill("1 Example Street, Testtown")
    page.get_by_label("Postcode").fill("TS1 1AA")
    _fill_date(page, "date_of_death", today - timedelta(days=1))
    page.get_by_label("Usual residence").check()
    page.get_by_label("Unexpected", exact=True).check()
    page.get_by_label("Female", exact=True).check()
    page.get_by_label("Ethnicity").select_option(label="Not stated")
    page.get_by_label("Circumstances of the death").fill(
        "Found unresponsive in the morning (fictional)."
    )
    page.get_by_label("The death was sudden with no immediately apparent cause").check()
    page.get_by_role("button", name="Send notification").click()


def test_a_death_goes_from_notification_to_the_panel_and_into_the_trends(live_server, page, cast):
    panel = PanelFactory(partnership=cast.partnership, name="Test Child Death Overview Panel")
    panel.serves.set([cast.partnership])
    reporting_form()  # offered on the request page even after an earlier test emptied the database

    _sign_in_as(page, live_server, cast.officer)
    page.get_by_role("link", name="Child deaths", exact=True).click()
    page.get_by_role("heading", name="Child deaths", exact=True).wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Notify a child's death").click()
    page.get_by_role("heading", name="Notify a child's death").wait_for()
    assert_accessible(page)
    _notify(page, "A stillbirth with a healthcare professional present")
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert page.get_by_text(
        "Stillbirths with a healthcare professional present are not reviewed"
    ).first.is_visible()
    assert_accessible(page)
    _notify(page, "The death of a child (born alive, under 18)")
    page.get_by_role("heading", name="TTSCP-CD-").wait_for()
    assert page.get_by_text("Sudden, with no immediately apparent cause").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="See the child's identifying details").click()
    page.get_by_text("Testchild Example").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Back to").click()
    page.get_by_role("heading", name="Agency reporting forms").wait_for()
    page.get_by_role("link", name="Request a reporting form").click()
    page.get_by_role("heading", name="Request a reporting form").wait_for()
    assert_accessible(page)
    page.get_by_label("Agency").select_option(label="Test Hospitals Trust")
    page.get_by_label("Reporting form", exact=True).select_option(
        label="Child death reporting form (version 2, April 2022)"
    )
    _fill_date(page, "due_date", timezone.localdate() + timedelta(days=14))
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Awaited").wait_for()
    assert_accessible(page)

    _sign_in_as(page, live_server, cast.contributor)
    page.get_by_role("link", name="Child death reporting form for TTSCP-CD-").first.click()
    page.get_by_role("button", name="Return the form").wait_for()
    assert_accessible(page)
    for textarea in page.locator("textarea").all():
        textarea.fill("Fictional answer from the hospital")
    for name in ("poverty", "bereavement_support"):
        page.locator(f"input[name={name}][value=No]").check()
    page.get_by_role("button", name="Return the form").click()
    page.get_by_text("Returned", exact=False).first.wait_for()
    assert_accessible(page)

    _sign_in_as(page, live_server, cast.cdop_member)
    page.get_by_role("link", name="Child deaths", exact=True).click()
    page.get_by_role("link", name="TTSCP-CD-").first.click()
    page.get_by_role("button", name="Ready for the panel").click()
    page.get_by_text("is ready for the panel").wait_for()
    assert_accessible(page)
    page.goto(f"{live_server.url}/child-deaths/panel-meetings/")
    assert_accessible(page)
    page.get_by_role("link", name="Arrange a panel meeting").click()
    page.get_by_role("heading", name="Arrange a panel meeting").wait_for()
    assert_accessible(page)
    _fill_date(page, "held_on", timezone.localdate())
    page.get_by_label("TTSCP-CD-").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Panel meeting on").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Record the analysis").click()
    page.get_by_role("heading", name="Child death analysis").wait_for()
    assert_accessible(page)
    page.get_by_label("Panel meeting").select_option(index=1)
    page.get_by_label("10. Sudden unexpected, unexplained death").check()
    for domain, grade in (("child", 1), ("family", 2), ("environment", 2), ("service", 1)):
        page.locator(f"input[name={domain}_grade][value='{grade}']").check()
    page.locator("#id_family_factors").fill("Unsafe sleeping arrangement (fictional)")
    page.get_by_label("Modifiable factors identified", exact=True).check()
    page.locator("#id_learning").fill(
        "Safer sleep advice was not repeated after discharge (fictional)"
    )
    page.locator("#id_recommendation").fill(
        "Repeat safer sleep advice at every health visitor contact"
    )
    page.get_by_label("Group that owns the recommendation").select_option(
        label="Test Child Death Overview Panel"
    )
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Analysis of TTSCP-CD-").wait_for()
    assert page.get_by_text("Modifiable factors identified").is_visible()
    learning = page.get_by_role("region", name="Learning")
    assert learning.get_by_text(
        "Repeat safer sleep advice at every health visitor contact"
    ).is_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/child-deaths/trends/")
    section = page.get_by_role("region", name="Modifiable factors")
    row = section.get_by_role("row", name=re.compile("^Modifiable factors identified"))
    assert row.get_by_role("cell").inner_text() == "fewer than 5"
    assert_accessible(page)

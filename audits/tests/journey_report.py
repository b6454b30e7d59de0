"""Steps of the audit journey after the agencies' returns, each checking the pages it visits with
axe-core: moderation (a changed grade needs its reason), an action agreed, the report with what the
audit found (HTML and PDF), a finding followed into the spine, and the re-audit planned and read."""

import re
from datetime import timedelta

from django.utils import timezone

from audits.tests.journey import fill_date
from core.testing import assert_accessible


def moderated(page, *, agency: str, to: str, reason: str) -> None:
    """From the audit's page: the meeting recorded, the first case moderated with `agency`'s grade
    changed to `to` (refused at first without a reason), and moderation ended."""
    page.get_by_role("link", name="Record a moderation meeting").click()
    assert_accessible(page)
    fill_date(page, "Date of the meeting", timezone.localdate())
    page.get_by_label("Others who attended (optional)").fill("A designated nurse, Test Health")
    page.get_by_role("button", name="Record the meeting").click()
    page.get_by_role("heading", name=re.compile("^Moderation meeting of")).wait_for()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("^Moderate")).first.click()
    page.get_by_label("What the meeting said of the case").fill("Police shared late.")
    page.get_by_label("Moderated overall grade").select_option(label="Requires improvement")
    page.get_by_label(f"Moderated grade: {agency}").select_option(label=to)
    page.get_by_role("button", name="Save the moderation").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    message = f"Enter the reason the moderated grade for {agency} differs from its own grade"
    assert page.get_by_role("link", name=message).is_visible()
    assert_accessible(page)
    page.get_by_label(f"Reason for changing the grade for {agency}").fill(reason)
    page.get_by_role("button", name="Save the moderation").click()
    page.get_by_text(reason).wait_for()
    assert_accessible(page)


def action_agreed(page, *, agency: str, action: str) -> None:
    page.get_by_role("link", name="Record an action agreed").click()
    page.get_by_label("What must change").fill("Strategy discussions wait for police checks")
    page.get_by_label("Action agreed").fill(action)
    page.get_by_label("Agency that owns the action").select_option(label=agency)
    fill_date(page, "Due date", timezone.localdate() + timedelta(days=90))
    assert_accessible(page)
    page.get_by_role("button", name="Save the action").click()
    page.get_by_text(action).wait_for()
    page.get_by_role("button", name="Moderation is over: write the report").click()
    page.get_by_role("heading", name=re.compile("^Report of")).wait_for()
    assert_accessible(page)


def reported(page, server_url: str, audit, *, finding: str, voice: str) -> None:
    """The report's summary and an area for development with the child's voice, its charts and
    tables read, its PDF fetched, the finding followed into the spine, and the report completed."""
    page.get_by_role("link", name="Write the summary").click()
    page.get_by_label("Summary of what the audit found").fill("Plans missed the baby's day.")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Add what the audit found").click()
    page.get_by_label("Area for development").check()
    page.get_by_label("Short title").fill(finding)
    page.get_by_label("Describe what the audit found").fill("Plans listed services only.")
    page.get_by_label("The child's voice (optional)").fill(voice)
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_text(voice).wait_for()
    assert page.get_by_role("img", name="Grades by agency").is_visible()
    assert page.get_by_role("table", name=re.compile("^Grades by agency")).is_visible()
    assert_accessible(page)

    pdf = page.request.get(f"{server_url}/audits/{audit.pk}/report.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")

    page.get_by_role("link", name=re.compile(re.escape(finding))).click()
    page.get_by_role("heading", name=finding).wait_for()
    assert_accessible(page)
    page.go_back()
    page.get_by_role("button", name="The report is complete").click()
    page.get_by_text("Report complete: the re-audit is due").wait_for()
    assert_accessible(page)


def re_audit_planned(page) -> None:
    page.get_by_role("link", name="Plan the re-audit").click()
    page.get_by_label("Quarter 4 (January to March)").check()
    assert_accessible(page)
    page.get_by_role("button", name="Plan the re-audit").click()
    page.get_by_text(re.compile("^Re-audit .* planned$")).wait_for()
    assert_accessible(page)


def re_audit_compared(page, server_url: str, later, earlier) -> None:
    """The re-audit's report shows the change since the audit it re-audits."""
    page.goto(f"{server_url}/audits/{later.pk}/report/")
    caption = re.compile(f"^Change since {earlier.learning_reference}")
    page.get_by_role("table", name=caption).first.wait_for()
    assert page.get_by_role("cell", name="Improved").first.is_visible()
    assert_accessible(page)

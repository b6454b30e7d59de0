"""Steps of the audit journey in a browser, each checking the pages it visits with axe-core, for
browser tests to string together (planning, case selection and agencies' returns here; moderation
and the report follow on from `a_return_sent`)."""

from datetime import date

from core.testing import assert_accessible, browser_sign_in


def sign_in_as(page, server_url: str, person) -> None:
    page.context.clear_cookies()
    browser_sign_in(page, server_url, person)
    page.get_by_role("heading", name="Your dashboard").wait_for()


def fill_date(page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def programme_opened(page, year_label: str) -> None:
    """The business unit opens this year's programme from the navigation."""
    page.get_by_role("link", name="Audits", exact=True).click()
    page.get_by_role("heading", name="Multi-agency case audits").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Open an audit programme").click()
    assert_accessible(page)
    page.get_by_label(year_label).check()
    page.get_by_role("button", name="Open the programme").click()
    page.get_by_role("heading", name=f"Audit programme {year_label}").wait_for()
    assert_accessible(page)


def audit_planned(page, *, title: str, owner: str) -> None:
    """An audit planned in the open programme with the standard tool, first refused unanswered."""
    page.get_by_role("link", name="Plan an audit").click()
    page.get_by_role("button", name="Plan the audit").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert_accessible(page)
    page.get_by_label("Standard multi-agency audit tool").check()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Quarter 2 (July to September)").check()
    page.get_by_label("Practice focus").fill("Babies under one on plans for neglect.")
    page.get_by_label("Sub-group that owns the audit").select_option(label=owner)
    page.get_by_label("Why this audit was chosen").fill("Neglect recurs in rapid reviews.")
    page.get_by_label("Something else").check()
    page.get_by_role("button", name="Plan the audit").click()
    page.get_by_role("heading", name=title).wait_for()
    page.get_by_role("heading", name="Similar work").wait_for()
    assert_accessible(page)


def standard_tool_read(page) -> None:
    page.get_by_role("link", name="Standard multi-agency audit tool").click()
    page.get_by_role("heading", name="The voice and lived experience of the child").wait_for()
    assert_accessible(page)
    page.go_back()


def cases_selected(page, candidates: list[str], count: int) -> None:
    page.get_by_role("link", name="Select cases at random").click()
    assert_accessible(page)
    page.get_by_label("Cases to select from").fill("\n".join(candidates))
    page.get_by_label("How many to select").select_option(str(count))
    page.get_by_role("button", name="Select at random").click()
    page.get_by_text(f"{count} cases selected at random").wait_for()
    assert_accessible(page)


def agencies_asked(page, case_reference: str, agencies: list[str], due: date) -> None:
    page.get_by_role("link", name=case_reference).click()
    assert_accessible(page)
    page.get_by_role("link", name="Ask agencies about this case").click()
    for agency in agencies:
        page.get_by_label(agency).check()
    fill_date(page, "Date the returns are due", due)
    assert_accessible(page)
    page.get_by_role("button", name="Send the requests").click()
    page.get_by_text(f"{len(agencies)} agencies asked about {case_reference}").wait_for()
    assert_accessible(page)


def request_opened(page, case_reference: str) -> None:
    page.get_by_role("link", name="Audit requests", exact=True).click()
    page.get_by_role("heading", name="Audit requests").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name=case_reference).click()
    page.get_by_role("heading", name="1. Recognition").wait_for()
    assert_accessible(page)


def a_return_sent(page) -> None:
    """Every question of the standard tool answered on the request's page, and the return sent:
    first refused with nothing answered."""
    page.get_by_role("button", name="Send the return").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert_accessible(page)
    for group in page.locator("fieldset").all():
        options = group.get_by_role("radio")
        if options.count():
            options.nth(1).check()
    for box in page.locator("textarea[name^='question_']").all():
        box.fill("The baby was seen weekly and safer at home.")
    page.get_by_role("button", name="Send the return").click()
    page.get_by_text("Return sent").wait_for()
    assert_accessible(page)


def workbook_returned(page, tmp_path) -> None:
    """The tool downloaded as a workbook, completed offline and uploaded: a wrong file first."""
    from openpyxl import load_workbook

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the tool as a workbook (XLSX)").click()
    path = tmp_path / "return.xlsx"
    download.value.save_as(path)
    book = load_workbook(path)
    sheet = book.active
    for row in sheet.iter_rows(min_row=2):
        row[4].value = {"Text": "Seen and heard."}.get(row[3].value, "Yes")
        if row[0].value == "GRADE" or row[3].value.startswith("Outstanding"):
            row[4].value = "Good"
    book.save(path)
    wrong = tmp_path / "wrong.xlsx"
    sheet["E1"] = "Reply"
    book.save(wrong)

    page.get_by_role("link", name="Upload the completed workbook").click()
    assert_accessible(page)
    page.get_by_label("Completed workbook").set_input_files(wrong)
    page.get_by_role("button", name="Upload").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert page.get_by_text("Row 1, column 'Answer'").first.is_visible()
    assert_accessible(page)
    page.get_by_label("Completed workbook").set_input_files(path)
    page.get_by_role("button", name="Upload").click()
    page.get_by_text("Answers taken from the workbook").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Send the return").click()
    page.get_by_text("Return sent").wait_for()

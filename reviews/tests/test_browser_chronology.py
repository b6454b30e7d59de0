"""Browser journey: an agency contributor imports a chronology: a file in the wrong encoding is
refused on the form, a large file is imported by the real worker while the page shows its
progress, and once the request is returned nothing more can be added. Every page checked by axe."""

import pytest
from django.core.management import call_command

from core import tables
from core.testing import assert_accessible, browser_sign_in
from reviews.tests.factories import chronology_request_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_contributor_imports_a_large_chronology_and_returns_it(live_server, page, cast, tmp_path):
    request = chronology_request_for(cast)
    wrong = tmp_path / "wrong-encoding.csv"
    wrong.write_bytes("date,event\n2026-01-05,Seen at the caf\xe9\n".encode("latin-1"))
    large = tmp_path / "hospital-chronology.csv"
    rows = tables.BACKGROUND_ROWS + 100
    large.write_text("date,event\n" + "2026-01-05,Seen at the emergency department\n" * rows)

    browser_sign_in(page, live_server.url, cast.contributor)
    page.goto(f"{live_server.url}{request.get_absolute_url()}")
    assert_accessible(page)

    page.get_by_label("Chronology file").set_input_files(wrong)
    page.get_by_role("button", name="Import chronology").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert page.get_by_text("is not a CSV saved as UTF-8").first.is_visible()
    assert_accessible(page)

    page.get_by_label("Chronology file").set_input_files(large)
    page.get_by_role("button", name="Import chronology").click()
    page.get_by_text("Chronology file received").wait_for()
    assert page.get_by_text("hospital-chronology.csv is being imported").is_visible()
    assert_accessible(page)

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0, reload=False)
    page.reload()
    page.get_by_text(f"Last file imported: hospital-chronology.csv, {rows:,} entries").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Next page").click()
    page.get_by_text("Page 2 of").wait_for()
    assert_accessible(page)

    page.get_by_role("button", name="Return to the business unit").click()
    page.get_by_text("Returned to the business unit").wait_for()
    assert page.get_by_role("button", name="Import chronology").count() == 0
    assert_accessible(page)


def test_the_business_unit_sees_deadlines_no_one_would_be_reminded_of(live_server, page, cast):
    from datetime import date

    from core import services

    services.deadline_set(
        subject=cast.council,
        partnership=cast.partnership,
        title="Action LA-7: update the neglect toolkit",
        due_date=date(2026, 3, 11),
    )
    browser_sign_in(page, live_server.url, cast.officer)
    page.get_by_role("heading", name="Deadlines with no one to remind").wait_for()
    assert page.get_by_role("link", name="Action LA-7: update the neglect toolkit").count() == 0
    assert page.get_by_text("No one to remind, no one to tell once overdue").is_visible()
    assert_accessible(page)

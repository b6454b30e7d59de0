"""Agencies' chronology files: hostile files answered on the form, large files by the real worker,
and nothing added once the request is returned, however the request is crafted."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core import tables
from core.testing import sign_in
from core.tests import hostile_files
from reviews import services, services_reviews
from reviews.models import AgencyRequest, ChronologyEntry, ChronologyImport
from reviews.tests.factories import chronology_request_for, notification_for

GOOD_ROW = "2026-01-05,Seen at the emergency department"


def _csv(rows: int, row: str = GOOD_ROW) -> bytes:
    return ("date,event\n" + f"{row}\n" * rows).encode()


def _import(client, request, content: bytes, name="chronology.csv"):
    return client.post(
        reverse("reviews:chronology_import", args=[request.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )


def _run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0, reload=False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "hostile",
    [*hostile_files.REFUSED_ANY_TABLE, lambda: hostile_files.zip_bomb(2 * 1024 * 1024)],
    ids=lambda build: getattr(build, "__name__", "zip_bomb"),
)
def test_a_hostile_file_gets_a_form_error_and_adds_nothing(client, cast, settings, hostile):
    settings.UPLOAD_MAX_UNCOMPRESSED_BYTES = 1024 * 1024
    request = chronology_request_for(cast)
    name, content, refusal = hostile()
    sign_in(client, cast.contributor)
    response = _import(client, request, content, name)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert refusal in page
    assert not ChronologyEntry.objects.exists()


@pytest.mark.django_db
def test_a_file_over_the_upload_limit_gets_a_form_error(client, cast, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    request = chronology_request_for(cast)
    sign_in(client, cast.contributor)
    response = _import(client, request, _csv(30_000))
    assert "The selected file must be smaller than 1 MB" in response.content.decode()
    assert not ChronologyImport.objects.exists()


@pytest.mark.django_db
def test_posting_no_file_asks_for_one(client, cast):
    request = chronology_request_for(cast)
    sign_in(client, cast.contributor)
    response = client.post(reverse("reviews:chronology_import", args=[request.pk]))
    assert "Select a CSV or XLSX file" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_large_file_is_imported_by_the_background_worker_and_its_progress_shown(client, cast):
    request = chronology_request_for(cast)
    rows = tables.BACKGROUND_ROWS + 500
    sign_in(client, cast.contributor)
    response = _import(client, request, _csv(rows))
    assert response.status_code == 302
    page = client.get(request.get_absolute_url()).content.decode()
    assert "Chronology file received: it is being imported" in page
    assert f"of about {rows:,} rows read" in page
    assert ">Check progress</a>" in page
    assert not ChronologyEntry.objects.exists()

    _run_worker()

    assert ChronologyEntry.objects.filter(request=request).count() == rows
    page = client.get(request.get_absolute_url()).content.decode()
    assert f"Last file imported: chronology.csv, {rows:,} entries" in page
    assert "Check progress" not in page


@pytest.mark.django_db(transaction=True)
def test_a_large_file_with_one_bad_row_adds_nothing_and_the_page_names_the_row(client, cast):
    request = chronology_request_for(cast)
    content = _csv(tables.BACKGROUND_ROWS + 10) + b"soon,Telephone call\n"
    sign_in(client, cast.contributor)
    _import(client, request, content)
    _run_worker()
    assert not ChronologyEntry.objects.exists()
    page = client.get(request.get_absolute_url()).content.decode()
    assert "chronology.csv was not imported: nothing from it was added" in page
    assert f"Row {tables.BACKGROUND_ROWS + 12}, column &#x27;date&#x27;: soon is not a date" in page


def _returned(cast):
    request = chronology_request_for(cast)
    services.agency_request_return(request=request, response="", by=cast.contributor)
    return request


@pytest.mark.django_db
def test_no_entry_can_be_added_after_the_request_is_returned_even_by_a_crafted_post(client, cast):
    request = _returned(cast)
    sign_in(client, cast.contributor)
    page = client.get(request.get_absolute_url()).content.decode()
    assert "Add an entry" not in page and "Import chronology" not in page
    response = client.post(
        reverse("reviews:chronology_entry_add", args=[request.pk]),
        {"date_0": "5", "date_1": "1", "date_2": "2026", "event": "Added after the return"},
        follow=True,
    )
    assert "nothing more can be added to it" in response.content.decode()
    assert not ChronologyEntry.objects.exists()


@pytest.mark.django_db
def test_no_file_can_be_imported_after_the_request_is_returned_even_by_a_crafted_post(client, cast):
    request = _returned(cast)
    sign_in(client, cast.contributor)
    response = _import(client, request, _csv(3))
    assert response.status_code == 200
    assert "nothing more can be added to it" in response.content.decode()
    assert not ChronologyEntry.objects.exists()
    assert not ChronologyImport.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_request_cannot_be_returned_while_its_file_is_being_imported(client, cast):
    request = chronology_request_for(cast)
    sign_in(client, cast.contributor)
    _import(client, request, _csv(tables.BACKGROUND_ROWS + 1))
    response = client.post(
        reverse("reviews:request_return", args=[request.pk]), {"response": ""}, follow=True
    )
    assert "still being imported" in response.content.decode()
    request.refresh_from_db()
    assert request.status == AgencyRequest.Status.REQUESTED
    _run_worker()
    client.post(reverse("reviews:request_return", args=[request.pk]), {"response": ""})
    request.refresh_from_db()
    assert request.status == AgencyRequest.Status.RETURNED


@pytest.mark.django_db(transaction=True)
def test_a_queued_file_adds_nothing_if_the_request_was_returned_before_the_worker_ran(client, cast):
    request = chronology_request_for(cast)
    sign_in(client, cast.contributor)
    _import(client, request, _csv(tables.BACKGROUND_ROWS + 1))
    # Returned by another route before the worker reached the file (the page refuses it).
    AgencyRequest.objects.filter(pk=request.pk).update(status=AgencyRequest.Status.RETURNED)
    _run_worker()
    chronology_import = ChronologyImport.objects.get()
    assert chronology_import.status == ChronologyImport.Status.INVALID
    assert "returned to the business unit" in chronology_import.errors[0]
    assert not ChronologyEntry.objects.exists()


@pytest.mark.django_db
def test_a_crafted_post_of_entries_to_a_request_that_is_not_a_chronology_is_refused(client, cast):
    notification = notification_for(cast)
    summary_request = services.agency_request_send(
        rapid_review=notification.rapid_review,
        organisation=cast.hospital,
        kind=AgencyRequest.Kind.AGENCY_SUMMARY,
        due_date=timezone.localdate() + timedelta(days=5),
        details="Your agency's summary.",
        by=cast.officer,
    )
    sign_in(client, cast.contributor)
    response = client.post(
        reverse("reviews:chronology_entry_add", args=[summary_request.pk]),
        {"date_0": "5", "date_1": "1", "date_2": "2026", "event": "Not a chronology"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Only a request for a chronology takes chronology entries" in response.content.decode()
    assert _import(client, summary_request, _csv(1)).status_code == 200
    assert not ChronologyEntry.objects.exists()


@pytest.mark.django_db
def test_the_service_refuses_an_entry_after_the_return_whoever_calls_it(cast):
    request = _returned(cast)
    with pytest.raises(services.RefusedError, match="returned to the business unit"):
        services_reviews.chronology_entry_add(
            review=request.review,
            organisation=request.organisation,
            request=request,
            date=timezone.localdate(),
            event="Added after the return",
            by=cast.contributor,
        )

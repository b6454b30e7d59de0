"""The import pages: template, upload, preview, apply; large files through the background worker."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from core import tables
from core.testing import sign_in
from core.tests import hostile_files
from performance.models import Observation, PerformanceImport

pytestmark = pytest.mark.django_db
GOOD = b"indicator,area,period,value,numerator,denominator,note\nCP01,Middlesbrough,2025-26 Q1,315,,,\n"


def _upload(client, content=GOOD, name="values.csv"):
    return client.post(
        reverse("performance:import_start"), {"file": SimpleUploadedFile(name, content)}
    )


def test_the_template_downloads_as_a_spreadsheet(client, cast):
    sign_in(client, cast.officer)
    response = client.get(reverse("performance:import_template", args=["xlsx"]))
    assert (
        response["Content-Disposition"] == 'attachment; filename="quarterly-values-template.xlsx"'
    )
    assert response.content.startswith(b"PK")


def test_an_upload_is_previewed_and_nothing_is_written_until_applied(client, cast, catalogue):
    sign_in(client, cast.officer)
    response = _upload(client)
    performance_import = PerformanceImport.objects.get()
    assert response.url == reverse("performance:import_detail", args=[performance_import.pk])
    assert performance_import.status == PerformanceImport.Status.PREVIEWED
    assert performance_import.summary == {
        "rows": 1,
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "replaced": [],
    }
    assert not Observation.objects.exists()

    client.post(reverse("performance:import_apply", args=[performance_import.pk]))
    performance_import.refresh_from_db()
    assert performance_import.status == PerformanceImport.Status.APPLIED
    assert Observation.objects.count() == 1


def test_a_file_with_errors_lists_them_and_cannot_be_applied(client, cast, catalogue):
    sign_in(client, cast.officer)
    _upload(client, GOOD.replace(b"Middlesbrough", b"Gotham"))
    performance_import = PerformanceImport.objects.get()
    page = client.get(reverse("performance:import_detail", args=[performance_import.pk]))
    assert "Row 2, column area: unknown area &#x27;Gotham&#x27;" in page.content.decode()
    client.post(reverse("performance:import_apply", args=[performance_import.pk]))
    assert not Observation.objects.exists()


def test_a_file_that_is_not_csv_or_xlsx_is_refused_on_the_form(client, cast):
    sign_in(client, cast.officer)
    response = _upload(client, b"%PDF-1.4", name="values.pdf")
    assert response.context["form"].errors["file"] == [
        "The selected file must be a CSV or an XLSX spreadsheet"
    ]


@pytest.mark.parametrize(
    "hostile",
    [*hostile_files.REFUSED_ANY_TABLE, lambda: hostile_files.zip_bomb(2 * 1024 * 1024)],
    ids=lambda build: getattr(build, "__name__", "zip_bomb"),
)
def test_a_hostile_file_is_answered_with_a_message_and_writes_nothing(
    client, cast, catalogue, settings, hostile
):
    settings.UPLOAD_MAX_UNCOMPRESSED_BYTES = 1024 * 1024
    name, content, refusal = hostile()
    sign_in(client, cast.officer)
    response = _upload(client, content, name=name)
    if response.status_code == 302:  # refused when its rows were read: the import says why
        response = client.get(response.url)
    assert response.status_code == 200
    assert refusal in response.content.decode()
    assert not Observation.objects.exists()


def _run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0, reload=False)


@pytest.mark.django_db(transaction=True)
def test_a_large_file_is_checked_and_applied_by_the_background_worker(
    client, cast, catalogue, monkeypatch
):
    monkeypatch.setattr(tables, "BACKGROUND_ROWS", 0)  # every file counts as large
    sign_in(client, cast.officer)
    _upload(client)
    performance_import = PerformanceImport.objects.get()
    assert performance_import.status == PerformanceImport.Status.CHECKING
    _run_worker()
    performance_import.refresh_from_db()
    assert performance_import.status == PerformanceImport.Status.PREVIEWED
    client.post(reverse("performance:import_apply", args=[performance_import.pk]))
    assert not Observation.objects.exists()
    _run_worker()
    performance_import.refresh_from_db()
    assert performance_import.status == PerformanceImport.Status.APPLIED
    assert Observation.objects.count() == 1


def test_the_progress_page_shows_progress_and_offers_a_check_without_refreshing_itself(
    client, cast, catalogue, settings, monkeypatch
):
    monkeypatch.setattr(tables, "BACKGROUND_ROWS", 0)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    sign_in(client, cast.officer)
    _upload(client)
    performance_import = PerformanceImport.objects.get()
    page = client.get(reverse("performance:import_detail", args=[performance_import.pk]))
    content = page.content.decode()
    assert performance_import.status == PerformanceImport.Status.CHECKING
    # A page that reloads itself is a WCAG failure (2.2.1, axe's meta-refresh): the person asks.
    assert 'http-equiv="refresh"' not in content
    assert ">Check progress</a>" in content
    assert '<progress class="app-progress" max="100" value="0"' in content


def test_the_preview_shows_the_values_a_reimport_will_replace(client, cast, catalogue):
    sign_in(client, cast.officer)
    _upload(client)
    client.post(reverse("performance:import_apply", args=[PerformanceImport.objects.get().pk]))
    _upload(client, GOOD.replace(b"315", b"320"))
    preview = PerformanceImport.objects.first()
    assert preview.summary["replaced"] == [
        {
            "indicator": "CP01",
            "area": "Middlesbrough",
            "period": "2025-26 Q1",
            "before": "315.00",
            "after": "320.00",
        }
    ]
    page = client.get(reverse("performance:import_detail", args=[preview.pk])).content.decode()
    assert "Values that will be replaced" in page

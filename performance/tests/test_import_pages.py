"""The import pages: template, upload, preview, apply; large files through the background worker."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from core import tables
from core.testing import sign_in
from core.tests import hostile_files
from performance import importing
from performance.models import Observation, PerformanceImport
from performance.periods import Quarter

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


def test_a_performance_import_is_checked_and_applied_from_the_object_store(
    object_store, client, cast, catalogue
):
    sign_in(client, cast.officer)
    _upload(client)
    performance_import = PerformanceImport.objects.get()
    assert performance_import.status == PerformanceImport.Status.PREVIEWED
    assert performance_import.rows == 1

    client.post(reverse("performance:import_apply", args=[performance_import.pk]))
    assert Observation.objects.get().value == 315
    assert [item.key for item in object_store.objects.all()] == [
        f"documents/{performance_import.file.name}"
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


def _large_file(catalogue, cast, quarters: int) -> bytes:
    """Every indicator of the catalogue in both areas for `quarters` quarters to 2025-26 Q4."""
    lines = ["indicator,area,period,value,numerator,denominator,note"]
    last = Quarter(2025, 4).index
    for indicator in catalogue.values():
        for area in (cast.middlesbrough, cast.redcar):
            for index in range(last - quarters + 1, last + 1):
                label = Quarter.from_index(index)
                if indicator.has_fraction:
                    lines.append(f"{indicator.code},{area.name},{label},,{index % 90},100,")
                else:
                    lines.append(f"{indicator.code},{area.name},{label},{index % 500},,,")
    return ("\n".join(lines) + "\n").encode()


# The worker closes its database connection between tasks, as in production: no test transaction.
@pytest.mark.django_db(transaction=True)
def test_a_large_import_is_checked_and_applied_by_the_database_task_worker(
    client, cast, catalogue, django_capture_on_commit_callbacks
):
    content = _large_file(catalogue, cast, quarters=600)
    assert content.count(b"\n") - 1 > tables.BACKGROUND_ROWS
    sign_in(client, cast.officer)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, content)
    performance_import = PerformanceImport.objects.get()
    assert performance_import.status == PerformanceImport.Status.CHECKING

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0, reload=False)
    performance_import.refresh_from_db()
    assert performance_import.status == PerformanceImport.Status.PREVIEWED
    assert performance_import.summary["created"] == 3600

    client.post(reverse("performance:import_apply", args=[performance_import.pk]))
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0, reload=False)
    performance_import.refresh_from_db()
    assert performance_import.status == PerformanceImport.Status.APPLIED
    assert performance_import.rows_done == performance_import.rows == 3600
    assert Observation.objects.filter(partnership=cast.partnership).count() == 3600


def test_progress_is_reported_while_the_figures_are_written(cast, catalogue):
    key_count = 25_000
    indicators = [indicator.pk for indicator in catalogue.values()]
    plan = importing.Plan(
        rows=key_count,
        creates={
            (indicators[n % 3], cast.middlesbrough.pk, n): (Decimal(n % 90), None, None, "")
            for n in range(key_count)
        },
    )
    seen = []
    importing.write(partnership=cast.partnership, plan=plan, progress=seen.append)
    assert seen == [10_000, 20_000]
    assert Observation.objects.count() == key_count

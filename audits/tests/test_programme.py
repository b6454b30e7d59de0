"""The audit programme through its pages: opening a year, its quarters."""

import pytest
from django.urls import reverse
from django.utils import timezone

from audits import periods
from audits.models import AuditProgramme
from audits.tests.factories import ProgrammeFactory
from core.models import AuditEvent
from core.testing import sign_in

pytestmark = pytest.mark.django_db


def this_year() -> int:
    return periods.year_containing(timezone.localdate())


def test_the_business_unit_opens_the_programme_of_a_financial_year(client, cast):
    sign_in(client, cast.officer)
    response = client.post(
        reverse("audits:programme_create"), {"year": this_year(), "summary": "Neglect first."}
    )
    programme = AuditProgramme.objects.get()
    assert response.status_code == 302
    assert programme.partnership == cast.partnership
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.CREATED, subject_id=str(programme.pk)
    ).exists()
    page = client.get(programme.get_absolute_url()).content.decode()
    assert f"Audit programme {this_year()} to {this_year() + 1}" in page
    assert "Quarter 4 (January to March)" in page


def test_a_year_that_has_a_programme_is_not_offered_again(client, cast):
    ProgrammeFactory(created_by=cast.manager, year=this_year())
    sign_in(client, cast.officer)
    response = client.post(reverse("audits:programme_create"), {"year": this_year()})
    assert AuditProgramme.objects.count() == 1
    assert "Select the financial year of the programme" in response.content.decode()


def test_another_partnerships_programme_is_not_listed(client, cast):
    ProgrammeFactory(created_by=cast.outsider, year=2025)
    sign_in(client, cast.partner_lead)
    page = client.get(reverse("audits:programme_list")).content.decode()
    assert "2025 to 2026" not in page
    assert "No audit programme yet." in page

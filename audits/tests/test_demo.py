"""The demo: South Tees' audit programme for this year, with a quarter's audit at agency returns."""

import pytest
from django.core.management import call_command

from audits.models import Audit, AuditProgramme, AuditRequest, AuditTool
from partnership.models import Partnership

pytestmark = pytest.mark.django_db


def test_the_demo_gives_south_tees_a_programme_with_an_audit_at_agency_returns(demo_allowed):
    call_command("load_demo", stdout=None)
    south_tees = Partnership.objects.get(slug="south-tees")
    programme = AuditProgramme.objects.get(partnership=south_tees)
    assert sorted(programme.audits.values_list("quarter", flat=True)) == [1, 2, 3, 4]
    first = programme.audits.get(quarter=1)
    assert first.status == Audit.Status.AGENCY_RETURNS
    assert first.audit_proposal is not None
    assert (
        AuditRequest.objects.filter(
            case__audit=first, organisation__name="South Tees Hospitals NHS Foundation Trust"
        ).count()
        == 3
    )
    assert AuditTool.objects.filter(is_standard=True).count() == Partnership.objects.count()


def test_loading_the_demo_again_adds_nothing(demo_allowed):
    call_command("load_demo", stdout=None)
    before = (Audit.objects.count(), AuditRequest.objects.count(), AuditTool.objects.count())
    call_command("load_demo", stdout=None)
    assert (
        Audit.objects.count(),
        AuditRequest.objects.count(),
        AuditTool.objects.count(),
    ) == before

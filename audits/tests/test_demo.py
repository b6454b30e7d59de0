"""The demo: South Tees' audit programme for this year, with a quarter's audit at agency returns."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from audits import periods
from audits.models import Audit, AuditProgramme, AuditRequest, AuditTool, ModeratedGrade
from learning.models import Finding
from partnership.models import Partnership

pytestmark = pytest.mark.django_db


def test_the_demo_gives_south_tees_a_programme_with_an_audit_at_agency_returns(demo_allowed):
    call_command("load_demo", stdout=None)
    south_tees = Partnership.objects.get(slug="south-tees")
    programme = AuditProgramme.objects.get(
        partnership=south_tees, year=periods.year_containing(timezone.localdate())
    )
    planned = programme.audits.filter(re_audit_of__isnull=True)
    assert sorted(planned.values_list("quarter", flat=True)) == [1, 2, 3, 4]
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


def test_the_demo_has_a_completed_audit_with_its_re_audit_planned(demo_allowed):
    call_command("load_demo", stdout=None)
    completed_audit = Audit.objects.get(status=Audit.Status.RE_AUDIT_DUE)
    assert completed_audit.report.completed_at
    assert ModeratedGrade.objects.filter(discussion__meeting__audit=completed_audit).exists()
    assert Finding.objects.filter(
        source_type__model="audit", source_id=completed_audit.pk, voice_of_the_child__gt=""
    ).exists()
    assert completed_audit.re_audits.get().status == Audit.Status.PLANNED

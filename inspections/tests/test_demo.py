"""The demo: South Tees' last ILACS inspections with judgements, and a JTAI with its action plan in progress."""

import pytest
from django.core.management import call_command

from core.models import Deadline
from inspections import services
from inspections.models import Inspection, InspectionPoint, Judgement
from partnership.models import Partnership

pytestmark = pytest.mark.django_db


def test_the_demo_gives_south_tees_judged_ilacs_inspections_and_a_jtai_in_progress(demo_allowed):
    call_command("load_demo", stdout=None)
    south_tees = Partnership.objects.get(slug="south-tees")
    inspections = Inspection.objects.filter(partnership=south_tees)
    assert inspections.filter(kind__in=Inspection.JUDGED_KINDS).count() == 3
    assert (
        Judgement.objects.filter(inspection__partnership=south_tees, aspect="overall").count() == 3
    )
    jtai = inspections.get(kind=Inspection.Kind.JTAI)
    assert "fictional" in jtai.inspected_body
    improvement = jtai.points.filter(kind=InspectionPoint.Kind.AREA_FOR_IMPROVEMENT)
    assert improvement.count() == 2
    assert all(point.recommendation.actions.exists() for point in improvement)
    assert Deadline.objects.filter(
        subject_id=jtai.pk,
        title=services.action_plan_deadline_title(jtai),
        completed_at__isnull=True,
    ).exists()


def test_loading_the_demo_again_adds_nothing(demo_allowed):
    call_command("load_demo", stdout=None)
    before = Inspection.objects.count()
    call_command("load_demo", stdout=None)
    assert Inspection.objects.count() == before

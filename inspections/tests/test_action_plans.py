"""From what a report says to the spine, and the partnership's progress report on the action plans."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.testing import assert_queries_do_not_grow, sign_in
from inspections import services
from inspections.models import Inspection, InspectionPoint
from inspections.tests.factories import InspectionFactory
from learning import services as learning
from learning.models import Finding, Recommendation
from performance.tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


def _priority_action(
    cast, board, inspection=None, *, title="Strategic oversight of the front door"
):
    inspection = inspection or InspectionFactory(recorded_by=cast.manager)
    point = services.point_record(
        inspection=inspection,
        kind=InspectionPoint.Kind.PRIORITY_ACTION,
        title=title,
        text="Leaders should ensure that contacts are screened within a day.",
        owning_group=board,
        by=cast.manager,
    )
    return inspection, point


def _action(cast, point, *, owner=None, due=None, description="Daily screening huddle"):
    return learning.action_create(
        recommendation=point.recommendation,
        description=description,
        owner_organisation=owner or cast.police,
        due_date=due or timezone.localdate() + timedelta(days=60),
        by=cast.manager,
    )


def test_an_area_for_priority_action_becomes_a_finding_and_a_recommendation_in_the_spine(
    client, cast, board
):
    inspection = InspectionFactory(recorded_by=cast.manager)
    sign_in(client, cast.officer)
    response = client.post(
        reverse("inspections:point_add", args=[inspection.pk]),
        {
            "kind": "priority_action",
            "title": "Strategic oversight of the front door",
            "text": "Leaders should ensure that contacts are screened within a day.",
            "owning_group": board.pk,
        },
    )
    assert response.status_code == 302
    finding = Finding.objects.get()
    assert (finding.source, finding.aim) == (inspection, Finding.Aim.MUST_IMPROVE)
    recommendation = Recommendation.objects.get()
    assert (recommendation.source, recommendation.owning_group) == (inspection, board)
    page = client.get(inspection.get_absolute_url()).content.decode()
    assert "Area for priority action: Strategic oversight of the front door" in page
    assert (
        f'Add an action<span class="govuk-visually-hidden"> to recommendation {recommendation.reference}'
        in page
    )


def test_a_strength_is_a_finding_that_works_well_without_a_recommendation(client, cast):
    inspection = InspectionFactory(recorded_by=cast.manager, kind="jtai", jtai_theme="front_door")
    sign_in(client, cast.officer)
    client.post(
        reverse("inspections:point_add", args=[inspection.pk]),
        {
            "kind": "strength",
            "title": "Strong multi-agency safeguarding hub",
            "text": "Timely checks.",
        },
    )
    assert Finding.objects.get().aim == Finding.Aim.WORKS_WELL
    assert not Recommendation.objects.exists()


def test_an_area_for_improvement_needs_the_group_that_oversees_it(client, cast):
    inspection = InspectionFactory(recorded_by=cast.manager)
    sign_in(client, cast.officer)
    page = client.post(
        reverse("inspections:point_add", args=[inspection.pk]),
        {
            "kind": "area_for_improvement",
            "title": "Supervision",
            "text": "Supervision is irregular.",
        },
    ).content.decode()
    assert "Select the group that oversees the actions" in page
    assert not Finding.objects.exists()


def test_a_priority_action_after_a_focused_visit_starts_the_20_working_day_clock(cast, board):
    inspection = InspectionFactory(
        recorded_by=cast.manager, kind="focused_visit", report_received=date(2026, 3, 25)
    )
    services.inspection_update(
        inspection=inspection,
        data={"status": Inspection.Status.REPORT_RECEIVED},
        expected_version=inspection.version,
        by=cast.manager,
    )
    assert inspection.action_plan_clock(70).due is None
    _priority_action(cast, board, inspection)
    inspection.refresh_from_db()
    assert inspection.priority_actions
    assert inspection.action_plan_clock(70).due == date(2026, 4, 24)


def test_the_progress_report_shows_each_priority_actions_rag_progress_evidence_and_indicators(
    client, cast, board
):
    _, point = _priority_action(cast, board)
    point.indicators.set(
        [
            IndicatorFactory(
                partnership=cast.partnership, code="FD01", title="Contacts screened within a day"
            )
        ]
    )
    on_track = _action(cast, point)
    learning.action_update_progress(
        action=on_track, status="on_track", note="Huddles run every weekday", by=cast.partner_lead
    )
    _action(
        cast,
        point,
        description="Audit of screening decisions",
        due=timezone.localdate() - timedelta(days=1),
    )
    sign_in(client, cast.group_member)
    page = client.get(reverse("inspections:progress_report")).content.decode()
    assert "Area for priority action: Strategic oversight of the front door" in page
    assert "Huddles run every weekday" in page
    assert "FD01 Contacts screened within a day" in page
    assert ">Green<" in page and ">Red<" in page
    assert "1 red, 0 amber, 1 green, 0 complete" in page


def test_the_progress_report_shows_evidence_of_impact_of_a_closed_action(client, cast, board):
    _, point = _priority_action(cast, board)
    action = _action(cast, point)
    learning.action_close(
        action=action,
        what_changed="Contacts screened within a day rose to 94%",
        method="performance_indicator",
        how_known="Quarterly figures",
        by=cast.manager,
    )
    sign_in(client, cast.manager)
    page = client.get(reverse("inspections:progress_report")).content.decode()
    assert "Evidence of impact: Contacts screened within a day rose to 94%" in page
    assert ">Complete<" in page


def test_the_progress_report_is_a_pdf_too(client, cast, board):
    _, point = _priority_action(cast, board)
    _action(cast, point)
    sign_in(client, cast.manager)
    response = client.get(reverse("inspections:progress_report_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_progress_reports_queries_do_not_grow_with_actions(client, cast, board):
    sign_in(client, cast.manager)
    _, point = _priority_action(cast, board)
    _action(cast, point)

    def more():
        _, extra = _priority_action(cast, board, title="Another priority")
        for _ in range(3):
            _action(cast, extra)

    assert_queries_do_not_grow(lambda: client.get(reverse("inspections:progress_report")), more)


def test_the_inspection_pages_queries_do_not_grow_with_points(client, cast, board):
    sign_in(client, cast.manager)
    inspection, point = _priority_action(cast, board)
    _action(cast, point)

    def more():
        for number in range(3):
            _, extra = _priority_action(cast, board, inspection, title=f"Priority {number}")
            _action(cast, extra)

    assert_queries_do_not_grow(lambda: client.get(inspection.get_absolute_url()), more)


def test_the_register_shows_fifty_inspections_a_page(client, cast):
    for number in range(51):
        InspectionFactory(recorded_by=cast.manager, inspected_body=f"Body {number:02d}")
    sign_in(client, cast.manager)
    first = client.get(reverse("inspections:inspection_list")).content.decode()
    second = client.get(reverse("inspections:inspection_list") + "?page=2").content.decode()
    assert "Page 1 of 2" in first
    assert first.count("govuk-table__row") - 1 == 50
    assert second.count("govuk-table__row") - 1 == 1


def test_the_registers_queries_do_not_grow_with_inspections(client, cast):
    sign_in(client, cast.manager)
    InspectionFactory(recorded_by=cast.manager)

    def more():
        for _ in range(3):
            InspectionFactory(recorded_by=cast.manager, kind="jtai", jtai_theme="domestic_abuse")

    assert_queries_do_not_grow(lambda: client.get(reverse("inspections:inspection_list")), more)
    assert_queries_do_not_grow(lambda: client.get(reverse("inspections:judgement_history")), more)

"""The audit report: grades as moderated by agency, section and case, what it found in the spine,
its PDF, completion, and the re-audit's change against the audit it re-audits."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from audits import selectors_report, services_report
from audits.models import Audit, AuditRequest, Grade, ReportPoint
from audits.tests.factories import audit_for, case_of, request_to
from audits.tests.moderated import (
    at_stage,
    audit_with_returns,
    moderated,
    reported,
    returned,
    section_graded,
)
from core.testing import assert_queries_do_not_grow, sign_in
from learning import citations
from learning.models import DisseminationPlan, Finding, Recommendation
from learning.tests.factories import ThemeFactory
from partnership.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_an_audit_has_its_dissemination_plan_from_the_day_it_is_planned(cast):
    audit = audit_for(cast)
    assert DisseminationPlan.objects.filter(
        source_id=audit.pk, partnership=cast.partnership
    ).exists()


def _spread(spreads, key):
    return next(spread for spread in spreads if spread.key == key)


def test_the_report_counts_the_moderated_grade_where_the_meeting_changed_one(cast):
    audit = audit_with_returns(cast, {cast.police: Grade.GOOD, cast.hospital: Grade.GOOD})
    moderated(cast, audit, {cast.police: Grade.INADEQUATE})
    agencies = _spread(selectors_report.grade_spreads(audit, None), "agency").rows
    assert [(row.label, row.counts) for row in agencies] == [
        ("Test Hospitals Trust", (0, 1, 0, 0)),
        ("Test Police", (0, 0, 0, 1)),
    ]


def test_grades_by_section_come_from_the_agencies_graded_answers(cast):
    audit = audit_with_returns(cast, {cast.police: Grade.GOOD})
    request = AuditRequest.objects.get()
    section_graded(request, 0, Grade.OUTSTANDING)
    section_graded(request, 1, Grade.INADEQUATE)
    sections = _spread(selectors_report.grade_spreads(audit, None), "section").rows
    assert [row.counts for row in sections] == [(1, 0, 0, 0), (0, 0, 0, 1)]


def test_what_the_report_found_goes_into_the_spine_with_its_themes_and_the_childs_voice(cast):
    neglect = ThemeFactory(partnership=cast.partnership, name="Neglect")
    audit = audit_with_returns(cast, {cast.police: Grade.GOOD})
    moderated(cast, audit)
    report = reported(cast, audit, complete=False)
    good = services_report.report_point_record(
        report=report,
        kind=ReportPoint.Kind.GOOD_PRACTICE,
        title="Health visitors saw babies at home",
        text="Every baby was seen at home.",
        themes=[neglect],
        by=cast.manager,
    )
    assert good.finding.aim == Finding.Aim.WORKS_WELL and good.recommendation is None
    assert list(good.finding.themes.all()) == [neglect]
    area = ReportPoint.objects.get(kind=ReportPoint.Kind.AREA_FOR_DEVELOPMENT)
    assert area.finding.source == audit
    assert area.finding.voice_of_the_child == "Children said nobody asked them what they wanted."
    assert Recommendation.objects.get().owning_group == audit.owner_group


def test_completing_the_report_makes_the_re_audit_due_and_needs_what_the_audit_found(cast):
    audit = audit_with_returns(cast, {cast.police: Grade.GOOD})
    moderated(cast, audit)
    report = services_report.report_write(
        audit=audit, summary="S", re_audit_due_on=None, expected_version=None, by=cast.manager
    )
    with pytest.raises(ValidationError, match="good practice and areas for development"):
        services_report.report_complete(report=report, by=cast.manager)
    services_report.report_point_record(
        report=report,
        kind=ReportPoint.Kind.GOOD_PRACTICE,
        title="Babies were seen at home",
        text="Every baby was seen at home.",
        by=cast.manager,
    )
    services_report.report_complete(report=report, by=cast.manager)
    audit.refresh_from_db()
    assert audit.status == Audit.Status.RE_AUDIT_DUE


def test_the_report_page_shows_charts_with_their_tables_and_the_childs_voice(client, cast):
    audit = audit_with_returns(cast, {cast.police: Grade.GOOD})
    moderated(cast, audit)
    reported(cast, audit)
    sign_in(client, cast.partner_lead)
    page = client.get(reverse("audits:report", args=[audit.pk])).content.decode()
    assert 'role="img"' in page and "Grades by agency: number of grades (share)" in page
    assert "Children said nobody asked them what they wanted." in page
    assert "Plans do not reflect the child&#x27;s wishes" in page


def test_the_report_downloads_as_a_pdf(client, cast):
    audit = audit_with_returns(cast, {cast.police: Grade.GOOD})
    moderated(cast, audit)
    reported(cast, audit)
    sign_in(client, cast.officer)
    response = client.get(reverse("audits:report_pdf", args=[audit.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def _re_audit(cast, earlier, grade):
    later = audit_with_returns(
        cast, {cast.police: grade}, case_number="LA-300400", re_audit_of=earlier
    )
    request = AuditRequest.objects.get(case__audit=later)
    section_graded(request, 0, grade)
    moderated(cast, later, overall=grade)
    return later


def test_a_re_audit_shows_the_change_in_grades_per_section(client, cast):
    earlier = audit_with_returns(cast, {cast.police: Grade.REQUIRES_IMPROVEMENT})
    section_graded(AuditRequest.objects.get(case__audit=earlier), 0, Grade.INADEQUATE)
    moderated(cast, earlier, overall=Grade.REQUIRES_IMPROVEMENT)
    reported(cast, earlier)
    later = _re_audit(cast, earlier, Grade.GOOD)
    assert selectors_report.previous_audit(later) == earlier
    sections = _spread(selectors_report.grade_spreads(later, earlier), "section")
    assert [(change.points, change.direction) for change in sections.changes] == [(100, "improved")]
    sign_in(client, cast.officer)
    page = client.get(reverse("audits:report", args=[later.pk])).content.decode()
    assert f"Change since {earlier.learning_reference}" in page
    assert "+100" in page and "Improved" in page


def test_the_re_audit_is_planned_from_the_report_with_the_same_practice_and_tool(client, cast):
    earlier = audit_with_returns(cast, {cast.police: Grade.GOOD})
    moderated(cast, earlier)
    reported(cast, earlier)
    sign_in(client, cast.officer)
    response = client.post(
        reverse("audits:re_audit_schedule", args=[earlier.pk]),
        {"programme": earlier.programme_id, "quarter": "3"},
    )
    later = Audit.objects.get(re_audit_of=earlier)
    assert response.url == later.get_absolute_url()
    assert (later.practice_focus, later.owner_group, later.quarter) == (
        earlier.practice_focus,
        earlier.owner_group,
        3,
    )
    assert later.tool_version.tool == earlier.tool_version.tool
    assert (
        later.learning_reference
        in client.get(reverse("audits:report", args=[earlier.pk])).content.decode()
    )


def test_no_re_audit_is_planned_before_the_report_is_complete(client, cast):
    earlier = audit_with_returns(cast, {cast.police: Grade.GOOD})
    sign_in(client, cast.officer)
    client.post(
        reverse("audits:re_audit_schedule", args=[earlier.pk]),
        {"programme": earlier.programme_id, "quarter": "3"},
    )
    assert not Audit.objects.filter(re_audit_of=earlier).exists()


def test_a_completed_re_audit_is_offered_as_evidence_for_the_audits_actions(cast):
    earlier = audit_with_returns(cast, {cast.police: Grade.REQUIRES_IMPROVEMENT})
    moderated(cast, earlier, overall=Grade.REQUIRES_IMPROVEMENT)
    reported(cast, earlier)
    recommendation = Recommendation.objects.get()
    action = recommendation.actions.create(
        partnership=cast.partnership,
        description="Plans record the child's wishes",
        owner_organisation=cast.police,
        due_date=timezone.localdate(),
    )
    assert citations.citable_for(action) == []
    later = _re_audit(cast, earlier, Grade.GOOD)
    reported(cast, later)
    (offered,) = citations.citable_for(action)
    assert offered.record == later
    assert offered.summary == (
        f"Cases graded good or better overall: 0% at {earlier.learning_reference}, "
        "100% at the re-audit"
    )


def test_the_report_reads_the_same_number_of_queries_whatever_the_cases_and_agencies(client, cast):
    audit = audit_with_returns(cast, {cast.police: Grade.GOOD})
    earlier = audit_with_returns(cast, {cast.police: Grade.GOOD}, case_number="LA-1")
    at_stage(earlier, Audit.Status.RE_AUDIT_DUE)
    Audit.objects.filter(pk=audit.pk).update(re_audit_of=earlier)
    sign_in(client, cast.officer)

    def more():
        for number in range(3):
            case = case_of(audit, f"LA-9{number}")
            for agency in (
                cast.police,
                cast.hospital,
                OrganisationFactory(partnership=cast.partnership),
            ):
                returned(request_to(case, agency), Grade.GOOD)

    assert_queries_do_not_grow(lambda: client.get(reverse("audits:report", args=[audit.pk])), more)

"""Audits at moderation and report, built with the least data a test needs (helpers, not tests)."""

from django.utils import timezone

from audits import services_moderation, services_report
from audits.models import Answer, Audit, AuditRequest, ReportPoint, ToolQuestion
from audits.tests.factories import audit_for, case_of, request_to


def at_stage(audit: Audit, status: str) -> Audit:
    Audit.objects.filter(pk=audit.pk).update(status=status)
    audit.refresh_from_db()
    return audit


def returned(request: AuditRequest, grade: int | None) -> AuditRequest:
    """The agency's return sent, with its own grade of its involvement."""
    AuditRequest.objects.filter(pk=request.pk).update(
        grade=grade, status=AuditRequest.Status.RETURNED, returned_at=timezone.now()
    )
    request.refresh_from_db()
    return request


def section_graded(request: AuditRequest, position: int, grade: int) -> Answer:
    """The agency's grade for the graded question of the tool's `position`-th graded section."""
    question = ToolQuestion.objects.filter(
        section__version=request.case.audit.tool_version, kind=ToolQuestion.Kind.GRADE
    ).order_by("section__position", "position")[position]
    return Answer.objects.create(request=request, question=question, grade=grade)


def audit_with_returns(cast, grades: dict, *, case_number: str = "LA-100200", **changes) -> Audit:
    """An audit of one case whose agencies (organisation: own grade) have made their returns."""
    audit = at_stage(audit_for(cast, **changes), Audit.Status.AGENCY_RETURNS)
    case = case_of(audit, case_number)
    for organisation, grade in grades.items():
        returned(request_to(case, organisation), grade)
    return audit


def meeting_of(cast, audit: Audit):
    return services_moderation.meeting_record(
        audit=audit,
        held_on=timezone.localdate(),
        attendees=[cast.manager],
        other_attendees="A designated nurse, Test Health",
        by=cast.manager,
    )


def moderated(cast, audit: Audit, grades: dict | None = None, overall: int = 3):
    """Every case of the audit discussed at one meeting, each agency's grade moderated to the one
    in `grades` (organisation: grade) or kept; moderation then concluded."""
    meeting = meeting_of(cast, audit)
    grades = grades or {}
    for case in audit.cases.all():
        services_moderation.case_moderate(
            meeting=meeting,
            case=case,
            summary="Discussed.",
            overall_grade=overall,
            overall_reason="Agreed at moderation",
            grades={
                request.pk: (
                    grades.get(request.organisation, request.grade),
                    "Agreed at moderation",
                )
                for request in case.requests.all()
            },
            by=cast.manager,
        )
    services_moderation.moderation_conclude(audit=audit, by=cast.manager)
    return meeting


def reported(cast, audit: Audit, *, complete: bool = True):
    """The audit's report with one area for development, completed."""
    audit.refresh_from_db()
    report = services_report.report_write(
        audit=audit,
        summary="What we found.",
        re_audit_due_on=None,
        expected_version=None,
        by=cast.manager,
    )
    services_report.report_point_record(
        report=report,
        kind=ReportPoint.Kind.AREA_FOR_DEVELOPMENT,
        title="Plans do not reflect the child's wishes",
        text="In most cases the plan did not say what the child wanted.",
        voice_of_the_child="Children said nobody asked them what they wanted.",
        owning_group=audit.owner_group,
        by=cast.manager,
    )
    if complete:
        services_report.report_complete(report=report, by=cast.manager)
    return report

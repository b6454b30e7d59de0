"""Reads of multi-agency case audits. Each reads a bounded number of queries."""

from django.db.models import Count, Prefetch, Q, QuerySet

from audits import periods, returns
from audits.models import (
    Answer,
    Audit,
    AuditCase,
    AuditProgramme,
    AuditRequest,
    AuditTool,
    ToolQuestion,
    ToolSection,
    ToolVersion,
)
from learning.models import Finding, Recommendation
from learning.selectors import similar_work
from partnership.models import Partnership
from performance import selectors as performance


def programmes(partnership: Partnership) -> QuerySet[AuditProgramme]:
    """The partnership's programmes, latest year first, with how many audits each plans."""
    return AuditProgramme.objects.filter(partnership=partnership).annotate(
        audit_count=Count("audits")
    )


def free_years(partnership: Partnership, this_year: int) -> list[int]:
    """The financial years around this one that have no programme yet, to open one for."""
    taken = set(
        AuditProgramme.objects.filter(partnership=partnership).values_list("year", flat=True)
    )
    return [year for year in (this_year - 1, this_year, this_year + 1) if year not in taken]


def quarters(programme: AuditProgramme) -> list[tuple[str, list[Audit]]]:
    """The programme's audits by quarter of the year, every quarter shown even when empty."""
    planned = list(
        programme.audits.select_related("theme", "owner_group", "partnership").order_by(
            "quarter", "number"
        )
    )
    return [
        (periods.quarter_label(number), [audit for audit in planned if audit.quarter == number])
        for number in periods.QUARTERS
    ]


# Tools


def tools(partnership: Partnership) -> QuerySet[AuditTool]:
    return AuditTool.objects.filter(partnership=partnership, archived_at__isnull=True)


def latest_version(tool: AuditTool) -> ToolVersion:
    return tool.versions.order_by("-number").first()


def version_with_questions(version: ToolVersion) -> list[ToolSection]:
    """A version's sections, each with its questions, for one page."""
    return list(
        version.sections.prefetch_related(
            Prefetch("questions", queryset=ToolQuestion.objects.order_by("position"))
        )
    )


def layout(version: ToolVersion) -> returns.Layout:
    """A tool version numbered as its form and workbook show it: sections 1, 2, ...; questions
    1.1, 1.2, ... in each (positions may have gaps where questions were removed)."""
    return returns.Layout(
        sections=tuple(
            returns.Section(
                id=section.pk,
                number=number,
                title=section.title,
                questions=tuple(
                    returns.Question(
                        id=question.pk,
                        kind=question.kind,
                        reference=f"{number}.{place}",
                        text=question.text,
                    )
                    for place, question in enumerate(section.questions.all(), start=1)
                ),
            )
            for number, section in enumerate(version_with_questions(version), start=1)
        )
    )


# Planning


def proposals_to_plan(partnership: Partnership):
    """Audit proposals from performance scrutiny not yet taken into the programme."""
    return performance.audit_proposals_to_plan(partnership=partnership)


def review_recommendations(partnership: Partnership) -> QuerySet[Recommendation]:
    """Recommendations of the partnership's reviews, that an audit may test."""
    return Recommendation.objects.filter(
        partnership=partnership, source_type__app_label="reviews"
    ).order_by("-recorded_at")


def inspection_findings(partnership: Partnership) -> QuerySet[Finding]:
    return Finding.objects.filter(
        partnership=partnership, source_type__app_label="inspections"
    ).order_by("-recorded_at")


def similar_to_audit(planned: Audit, user) -> list:
    """Work like the audit's focus, so that it is not done twice (shown while it is planned)."""
    return similar_work(
        partnership=planned.partnership,
        text=f"{planned.title}\n{planned.practice_focus}\n{planned.rationale}",
        themes=[planned.theme] if planned.theme_id else [],
        user=user,
        exclude=[planned, planned.audit_proposal],
    )


# Cases and requests


def cases_of(planned: Audit, user) -> QuerySet[AuditCase]:
    """The audit's cases the person sees, with the agencies asked about each."""
    return (
        AuditCase.objects.visible_to(user)
        .filter(audit=planned)
        .prefetch_related(
            Prefetch("requests", queryset=AuditRequest.objects.select_related("organisation"))
        )
    )


def requests_for(user, partnership: Partnership) -> QuerySet[AuditRequest]:
    """The requests the person sees in the partnership: all for the business unit, their own
    agency's for a contributor."""
    return (
        AuditRequest.objects.visible_to(user)
        .filter(partnership=partnership)
        .select_related("case__audit", "organisation")
        .annotate(answered=Count("answers"))
    )


def return_of(request: AuditRequest) -> returns.Return:
    """What the agency has answered so far."""
    answered = returns.Return(grade=request.grade)
    for answer in Answer.objects.filter(request=request).select_related("question"):
        answered.answers[answer.question_id] = {
            returns.YES_PARTLY_NO: answer.choice,
            returns.GRADE: answer.grade,
            returns.TEXT: answer.text,
        }[answer.question.kind]
    for section in request.section_returns.all():
        answered.sections[section.section_id] = {
            name: getattr(section, name) for name in returns.SECTION_FIELDS
        }
    return answered


def open_requests_count(planned: Audit) -> int:
    return AuditRequest.objects.filter(
        Q(case__audit=planned), ~Q(status=AuditRequest.Status.RETURNED)
    ).count()

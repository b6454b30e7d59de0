"""Reads for moderation and the audit report: grades as moderated, their spread by agency, by
section and overall, and the change since the previous audit on the theme. Each reads a bounded
number of queries whatever the number of cases and agencies."""

from dataclasses import dataclass

from django.db.models import Prefetch

from audits import grading
from audits.models import (
    Answer,
    Audit,
    AuditCase,
    AuditReport,
    AuditRequest,
    CaseDiscussion,
    Grade,
    ModeratedGrade,
    ModerationAction,
    ModerationMeeting,
    ReportPoint,
    ToolQuestion,
)
from core.charts import stacked_bar_chart

# Each grade's colour in the charts, best first, with whether its count is written in white.
GRADE_SERIES = [
    (Grade.OUTSTANDING.label, "#00703c", True),
    (Grade.GOOD.label, "#1d70b8", True),
    (Grade.REQUIRES_IMPROVEMENT.label, "#ffdd00", False),
    (Grade.INADEQUATE.label, "#d4351c", True),
]
GRADE_LABELS = [label for label, _, _ in GRADE_SERIES]


def final_grade(own: int | None, moderated: int | None) -> int | None:
    """The grade the report counts: the moderated one where the meeting gave one, else the own."""
    return own if moderated is None else moderated


@dataclass(frozen=True)
class Spread:
    """One table of grade distributions with its chart, and the change since the previous audit."""

    key: str
    title: str
    rows: list[grading.Distribution]
    changes: list[grading.Change]

    @property
    def chart(self) -> dict:
        return stacked_bar_chart(
            [(row.label, row.counts) for row in self.rows], series=GRADE_SERIES
        )

    @property
    def graded(self) -> bool:
        return any(row.total for row in self.rows)


def _agency_grades(audit_id: int) -> list[tuple[str, int]]:
    rows = AuditRequest.objects.filter(case__audit_id=audit_id).values_list(
        "organisation__name", "grade", "moderated_grade__grade"
    )
    graded = [(name, final_grade(own, moderated)) for name, own, moderated in rows]
    return sorted((name, grade) for name, grade in graded if grade is not None)


def _section_grades(audit_id: int) -> list[tuple[str, int]]:
    return list(
        Answer.objects.filter(
            request__case__audit_id=audit_id,
            question__kind=ToolQuestion.Kind.GRADE,
            grade__isnull=False,
        )
        .order_by("question__section__position")
        .values_list("question__section__title", "grade")
    )


def _overall_grades(audit_id: int) -> list[int]:
    rows = AuditCase.objects.filter(audit_id=audit_id).values_list(
        "overall_grade", "discussion__overall_grade"
    )
    graded = (final_grade(own, moderated) for own, moderated in rows)
    return [grade for grade in graded if grade is not None]


def overall_good_or_better(audit_ids: list[int]) -> dict[int, int | None]:
    """Each audit's share of cases graded good or better overall, as moderated (one query)."""
    grades: dict[int, list[int]] = {audit_id: [] for audit_id in audit_ids}
    rows = AuditCase.objects.filter(audit_id__in=audit_ids).values_list(
        "audit_id", "overall_grade", "discussion__overall_grade"
    )
    for audit_id, own, moderated in rows:
        grade = final_grade(own, moderated)
        if grade is not None:
            grades[audit_id].append(grade)
    return {
        audit_id: grading.distribution("", graded, Grade.values).good_or_better_percent
        for audit_id, graded in grades.items()
    }


def _spreads(audit_id: int) -> dict[str, list[grading.Distribution]]:
    scale = Grade.values
    return {
        "agency": grading.distributions_by(_agency_grades(audit_id), scale),
        "section": grading.distributions_by(_section_grades(audit_id), scale),
        "overall": [grading.distribution("All cases", _overall_grades(audit_id), scale)],
    }


def previous_audit(audit: Audit) -> Audit | None:
    """The audit this one is compared with: the one it re-audits, else the latest earlier audit on
    the same theme whose report is complete."""
    if audit.re_audit_of_id:
        return Audit.objects.select_related("partnership").get(pk=audit.re_audit_of_id)
    if audit.theme_id is None:
        return None
    return (
        Audit.objects.filter(
            partnership_id=audit.partnership_id,
            theme_id=audit.theme_id,
            number__lt=audit.number,
            report__completed_at__isnull=False,
        )
        .select_related("partnership")
        .order_by("-number")
        .first()
    )


TITLES = {
    "overall": "Overall grade of each case",
    "agency": "Grades by agency",
    "section": "Grades by section of the audit tool",
}


def grade_spreads(audit: Audit, previous: Audit | None) -> list[Spread]:
    """The grades by case overall, by agency and by section, each with its change since `previous`."""
    now = _spreads(audit.pk)
    before = _spreads(previous.pk) if previous else None
    return [
        Spread(
            key=key,
            title=TITLES[key],
            rows=now[key],
            changes=grading.compare(before[key], now[key]) if before else [],
        )
        for key in ("overall", "agency", "section")
    ]


@dataclass(frozen=True)
class ReportPoints:
    good_practice: list[ReportPoint]
    areas_for_development: list[ReportPoint]
    voice_of_the_child: list[ReportPoint]


def report_points(report: AuditReport | None) -> ReportPoints:
    points = (
        list(
            report.points.select_related(
                "finding", "recommendation__owning_group"
            ).prefetch_related("finding__themes")
        )
        if report
        else []
    )
    return ReportPoints(
        good_practice=[point for point in points if point.kind == ReportPoint.Kind.GOOD_PRACTICE],
        areas_for_development=[
            point for point in points if point.kind == ReportPoint.Kind.AREA_FOR_DEVELOPMENT
        ],
        voice_of_the_child=[point for point in points if point.finding.voice_of_the_child],
    )


def report_of(audit: Audit) -> AuditReport | None:
    return AuditReport.objects.filter(audit=audit).first()


def moderation_changes(audit: Audit) -> tuple[int, int]:
    """How many agency grades the moderation meetings changed, of how many they moderated."""
    moderated = list(
        ModeratedGrade.objects.filter(discussion__meeting__audit=audit).values_list(
            "agency_grade", "grade"
        )
    )
    changed = sum(1 for own, grade in moderated if own is not None and own != grade)
    return changed, len(moderated)


def meetings_of(audit: Audit) -> list[ModerationMeeting]:
    return list(audit.moderation_meetings.prefetch_related("attendees__organisation"))


def meeting_cases(meeting: ModerationMeeting) -> list[AuditCase]:
    """Every case of the meeting's audit with its agencies' requests (own and moderated grades) and
    what any meeting said of it."""
    return list(
        meeting.audit.cases.select_related("discussion__meeting").prefetch_related(
            Prefetch(
                "requests",
                queryset=AuditRequest.objects.select_related(
                    "organisation", "moderated_grade"
                ).order_by("organisation__name"),
            )
        )
    )


def meeting_actions(meeting: ModerationMeeting) -> list[ModerationAction]:
    return list(
        meeting.actions_agreed.select_related(
            "action__owner_organisation", "action__owner_person", "action__recommendation"
        )
    )


def discussion_of(case: AuditCase) -> CaseDiscussion | None:
    return CaseDiscussion.objects.filter(case=case).prefetch_related("grades").first()


def re_audits_of(audit: Audit) -> list[Audit]:
    return list(audit.re_audits.select_related("partnership", "programme"))

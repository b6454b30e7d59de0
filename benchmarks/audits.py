"""Multi-agency case audits at scale: in the first partnership an audit of 30 cases with returns
from 6 agencies on each, graded by section, moderated and reported with its findings in the spine,
and its re-audit of the same size. Measures the re-audit's report, which compares the two."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from audits import services
from audits.models import (
    Answer,
    Audit,
    AuditCase,
    AuditProgramme,
    AuditReport,
    AuditRequest,
    CaseDiscussion,
    Grade,
    ModeratedGrade,
    ModerationMeeting,
    ReportPoint,
    ToolQuestion,
)
from learning.models import Finding, Recommendation
from partnership.models import Group, Organisation, Partnership, Role

CASES = 30
AGENCIES = 6
POINTS = 6


def _audit(world, partnership, programme, tool, number, manager, group, re_audit_of=None) -> Audit:
    """One audit past its report, with every case returned by every agency and moderated."""
    audit = Audit.objects.create(
        partnership=partnership,
        programme=programme,
        number=number,
        title=f"Benchmark audit {number}: neglect of babies",
        quarter=number % 4 + 1,
        practice_focus="Neglect of babies under one.",
        owner_group=group,
        rationale="Benchmark.",
        prompt=Audit.Prompt.OTHER,
        tool_version=tool.versions.order_by("-number").first(),
        re_audit_of=re_audit_of,
        status=Audit.Status.RE_AUDIT_DUE,
        created_by=manager,
    )
    agencies = list(Organisation.objects.filter(partnership=partnership).order_by("pk")[:AGENCIES])
    questions = list(
        ToolQuestion.objects.filter(
            section__version=audit.tool_version, kind=ToolQuestion.Kind.GRADE
        )
    )
    cases = AuditCase.objects.bulk_create(
        AuditCase(
            audit=audit,
            reference=f"{audit.learning_reference}-C{n + 1:02d}",
            selection=AuditCase.Selection.RANDOM,
            overall_grade=world.rng.choice(Grade.values),
            selected_by=manager,
        )
        for n in range(CASES)
    )
    requests = AuditRequest.objects.bulk_create(
        AuditRequest(
            partnership=partnership,
            case=case,
            organisation=agency,
            due_date=world.today,
            status=AuditRequest.Status.RETURNED,
            grade=world.rng.choice(Grade.values),
            requested_by=manager,
            returned_by=manager,
            returned_at=timezone.now(),
        )
        for case in cases
        for agency in agencies
    )
    Answer.objects.bulk_create(
        Answer(request=request, question=question, grade=world.rng.choice(Grade.values))
        for request in requests
        for question in questions
    )
    meeting = ModerationMeeting.objects.create(
        audit=audit, held_on=world.today, recorded_by=manager
    )
    discussions = CaseDiscussion.objects.bulk_create(
        CaseDiscussion(
            meeting=meeting,
            case=case,
            summary="Discussed.",
            overall_grade=world.rng.choice(Grade.values),
            overall_reason="Agreed.",
            recorded_by=manager,
        )
        for case in cases
    )
    by_case = {discussion.case_id: discussion for discussion in discussions}
    ModeratedGrade.objects.bulk_create(
        ModeratedGrade(
            discussion=by_case[request.case_id],
            request=request,
            agency_grade=request.grade,
            grade=world.rng.choice(Grade.values),
            reason="Agreed at moderation.",
        )
        for request in requests
    )
    report = AuditReport.objects.create(
        audit=audit,
        summary="What the audit found.",
        written_by=manager,
        completed_at=timezone.now(),
    )
    _points(report, manager, group)
    return audit


def _points(report, manager, group) -> None:
    audit = report.audit
    source = {"source_type": ContentType.objects.get_for_model(Audit), "source_id": audit.pk}
    kinds = [ReportPoint.Kind.GOOD_PRACTICE, ReportPoint.Kind.AREA_FOR_DEVELOPMENT] * (POINTS // 2)
    findings = Finding.objects.bulk_create(
        Finding(
            partnership=audit.partnership,
            title=f"Point {n} of {audit.title}",
            description="What the audit found about the plans.",
            voice_of_the_child="Children said nobody asked them." if n % 2 else "",
            aim=Finding.Aim.WORKS_WELL
            if kind == ReportPoint.Kind.GOOD_PRACTICE
            else Finding.Aim.MUST_IMPROVE,
            recorded_by=manager,
            **source,
        )
        for n, kind in enumerate(kinds)
    )
    for kind, finding in zip(kinds, findings, strict=True):
        recommendation = None
        if kind == ReportPoint.Kind.AREA_FOR_DEVELOPMENT:
            recommendation = Recommendation.objects.create(
                partnership=audit.partnership,
                text=finding.title,
                owning_group=group,
                recorded_by=manager,
                **source,
            )
        ReportPoint.objects.create(
            report=report, kind=kind, finding=finding, recommendation=recommendation
        )


def seed(world) -> None:
    partnership = world.partnerships[0]
    manager = world.person(partnership, Role.BUSINESS_UNIT_MANAGER)
    group = Group.objects.filter(partnership=partnership).first()
    programme = AuditProgramme.objects.create(
        partnership=partnership, year=world.today.year - 1, created_by=manager
    )
    tool = services.standard_tool_seed(partnership=partnership)
    first = _audit(world, partnership, programme, tool, 1, manager, group)
    _audit(world, partnership, programme, tool, 2, manager, group, re_audit_of=first)


def measure(bench) -> None:
    partnership = Partnership.objects.order_by("pk").first()
    manager = partnership.role_assignments.get(role=Role.BUSINESS_UNIT_MANAGER).person
    re_audit = Audit.objects.filter(partnership=partnership, re_audit_of__isnull=False).first()
    bench.page(
        f"Audit report with its re-audit comparison ({CASES} cases x {AGENCIES} agencies)",
        reverse("audits:report", args=[re_audit.pk]),
        manager,
    )

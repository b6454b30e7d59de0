"""The report of an audit: its summary, what it found put into the learning spine, and its
completion, after which the audit waits for its re-audit."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audits.models import Audit, AuditProgramme, AuditReport, ReportPoint
from audits.services import audit_plan
from audits.services_moderation import status_move
from core import audit as trail
from core.concurrency import EditConflict, save_if_unchanged
from core.models import AuditEvent
from learning import services as learning
from learning.models import Finding
from partnership.models import Group, User

REPORT_FIELDS = ["summary", "re_audit_due_on"]


def _being_reported(audit: Audit) -> None:
    if audit.status != Audit.Status.REPORT:
        raise ValidationError("The report is written once moderation is over, until it is complete")


@transaction.atomic
def report_write(
    *,
    audit: Audit,
    summary: str,
    re_audit_due_on: date | None,
    expected_version: int | None,
    by: User,
) -> AuditReport:
    """Write or change the report's summary; `expected_version` is the version the form was
    loaded at (None when there was no report yet)."""
    _being_reported(audit)
    report, created = AuditReport.objects.get_or_create(
        audit=audit,
        defaults={"summary": summary, "re_audit_due_on": re_audit_due_on, "written_by": by},
    )
    if created:
        trail.record(
            event=AuditEvent.Event.CREATED, actor=by, subject=audit, details={"report": "written"}
        )
        return report
    if expected_version is None:
        raise EditConflict(EditConflict.message)
    before = trail.snapshot(report, REPORT_FIELDS)
    report.summary, report.re_audit_due_on = summary, re_audit_due_on
    save_if_unchanged(report, expected_version=expected_version, fields=REPORT_FIELDS)
    trail.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=audit,
        details={"report": trail.changes(before, trail.snapshot(report, REPORT_FIELDS))},
    )
    return report


@transaction.atomic
def report_point_record(
    *,
    report: AuditReport,
    kind: str,
    title: str,
    text: str,
    voice_of_the_child: str = "",
    themes=(),
    owning_group: Group | None = None,
    by: User,
) -> ReportPoint:
    """Put what the report says into the spine, like any source: good practice becomes a finding
    that works well; an area for development a finding that must improve and a recommendation
    overseen by `owning_group`, to which actions with owners are added."""
    audit = report.audit
    _being_reported(audit)
    if kind not in ReportPoint.Kind.values:
        raise ValidationError("Select good practice or an area for development")
    good = kind == ReportPoint.Kind.GOOD_PRACTICE
    if not good and owning_group is None:
        raise ValidationError("Select the group that oversees the actions")
    finding = learning.finding_record(
        source=audit,
        title=title,
        description=text,
        aim=Finding.Aim.WORKS_WELL if good else Finding.Aim.MUST_IMPROVE,
        themes=themes,
        voice_of_the_child=voice_of_the_child,
        by=by,
    )
    recommendation = None
    if not good:
        recommendation = learning.recommendation_record(
            source=audit, findings=[finding], text=text, owning_group=owning_group, by=by
        )
    point = ReportPoint.objects.create(
        report=report, kind=kind, finding=finding, recommendation=recommendation
    )
    trail.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=audit,
        details={"report point": kind, "finding": finding.reference},
    )
    return point


@transaction.atomic
def report_complete(*, report: AuditReport, by: User) -> AuditReport:
    """The report is complete once it names what the audit found; the re-audit is due next."""
    audit = report.audit
    _being_reported(audit)
    if not report.points.exists():
        raise ValidationError("Add the good practice and areas for development the audit found")
    report.completed_at = timezone.now()
    save_if_unchanged(report, expected_version=report.version, fields=["completed_at"])
    status_move(audit, Audit.Status.RE_AUDIT_DUE)
    trail.record(
        event=AuditEvent.Event.DECIDED, actor=by, subject=audit, details={"report": "complete"}
    )
    return report


@transaction.atomic
def re_audit_schedule(*, audit: Audit, programme: AuditProgramme, quarter: int, by: User) -> Audit:
    """Plan the re-audit of an audit whose report is complete: the same practice, theme and owner,
    with the latest version of the same tool, in a quarter of a programme of the partnership."""
    if audit.status != Audit.Status.RE_AUDIT_DUE:
        raise ValidationError("An audit is re-audited once its report is complete")
    if programme.partnership_id != audit.partnership_id:
        raise ValidationError("The programme must be one of the partnership's")
    return audit_plan(
        programme=programme,
        tool=audit.tool_version.tool,
        data={
            "title": f"Re-audit: {audit.title}",
            "quarter": quarter,
            "theme": audit.theme,
            "practice_focus": audit.practice_focus,
            "scope": audit.scope,
            "owner_group": audit.owner_group,
            "rationale": f"To see whether practice changed since {audit.learning_reference}.",
            "prompt": Audit.Prompt.OTHER,
            "re_audit_of": audit,
        },
        by=by,
    )

"""The moderation meeting of an audit: attendance, each case discussed with the moderated grades
beside the agencies' own, and the actions agreed (kept in the learning spine)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from audits import grading
from audits.models import (
    Audit,
    AuditCase,
    AuditRequest,
    CaseDiscussion,
    Grade,
    ModeratedGrade,
    ModerationAction,
    ModerationMeeting,
)
from core import audit as trail
from core.concurrency import save_if_unchanged
from core.models import AuditEvent
from learning import services as learning
from learning.models import Action, Finding
from partnership.models import Group, Organisation, User


def status_move(audit: Audit, to: str) -> None:
    """Move the audit on to `to`, refused if someone changed the audit since it was read."""
    audit.status = to
    save_if_unchanged(audit, expected_version=audit.version, fields=["status"])


@transaction.atomic
def meeting_record(
    *,
    audit: Audit,
    held_on: date,
    attendees,
    other_attendees: str = "",
    notes: str = "",
    by: User,
) -> ModerationMeeting:
    """Record a moderation meeting with who attended; the audit moves on to moderation."""
    if audit.status not in (Audit.Status.AGENCY_RETURNS, Audit.Status.MODERATION):
        raise ValidationError("A moderation meeting follows the agencies' returns")
    attendees = list(attendees)
    known = User.objects.filter(
        pk__in=[person.pk for person in attendees],
        role_assignments__partnership_id=audit.partnership_id,
    )
    if known.distinct().count() != len({person.pk for person in attendees}):
        raise ValidationError("Attendees must be people of the partnership")
    meeting = ModerationMeeting.objects.create(
        audit=audit,
        held_on=held_on,
        other_attendees=other_attendees,
        notes=notes,
        recorded_by=by,
    )
    meeting.attendees.set(attendees)
    if audit.status != Audit.Status.MODERATION:
        status_move(audit, Audit.Status.MODERATION)
    trail.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=audit,
        details={
            "moderation meeting": held_on.isoformat(),
            "attendees": [str(person) for person in attendees],
        },
    )
    return meeting


def _check_grade(agency_grade: int | None, grade: int, reason: str, what: str) -> None:
    refusal = grading.moderation_refusal(
        agency_grade=agency_grade, moderated_grade=grade, reason=reason, scale=Grade.values
    )
    if refusal:
        raise ValidationError(f"{what}: {refusal[0].lower()}{refusal[1:]}")


@transaction.atomic
def case_moderate(
    *,
    meeting: ModerationMeeting,
    case: AuditCase,
    summary: str,
    overall_grade: int,
    overall_reason: str = "",
    grades: dict[int, tuple[int, str]],
    by: User,
) -> CaseDiscussion:
    """Record what the meeting said of a case, its moderated overall grade and, for each agency's
    request (by id), the moderated grade and the reason for any change from the agency's own.

    Discussing a case again replaces what was recorded; the agency's own grade is kept beside it.
    """
    audit = meeting.audit
    if audit.status != Audit.Status.MODERATION:
        raise ValidationError("This audit is not being moderated")
    if case.audit_id != audit.pk:
        raise ValidationError("The case must be one of this audit's")
    requests = {request.pk: request for request in case.requests.all()}
    if set(grades) - set(requests):
        raise ValidationError("Grade only the agencies asked about this case")
    _check_grade(case.overall_grade, overall_grade, overall_reason, "Overall grade")
    for request_id, (grade, reason) in grades.items():
        _check_grade(
            requests[request_id].grade, grade, reason, str(requests[request_id].organisation)
        )
    discussion, created = CaseDiscussion.objects.update_or_create(
        case=case,
        defaults={
            "meeting": meeting,
            "summary": summary,
            "overall_grade": overall_grade,
            "overall_reason": overall_reason.strip(),
            "recorded_by": by,
        },
    )
    before = {} if created else {str(item.request): item.grade for item in discussion.grades.all()}
    discussion.grades.all().delete()
    moderated = ModeratedGrade.objects.bulk_create(
        ModeratedGrade(
            discussion=discussion,
            request=requests[request_id],
            agency_grade=requests[request_id].grade,
            grade=grade,
            reason=reason.strip(),
        )
        for request_id, (grade, reason) in grades.items()
    )
    trail.record(
        event=AuditEvent.Event.CREATED if created else AuditEvent.Event.CHANGED,
        actor=by,
        subject=audit,
        details={
            "case moderated": case.reference,
            "overall grade": {"auditor": case.overall_grade, "moderated": overall_grade},
            "grades": {
                str(item.request.organisation): {
                    "agency": item.agency_grade,
                    "moderated": item.grade,
                    "before": before.get(str(item.request)),
                }
                for item in moderated
            },
        },
    )
    return discussion


@transaction.atomic
def action_agree(
    *,
    meeting: ModerationMeeting,
    what_must_change: str,
    description: str,
    owner_organisation: Organisation,
    owner_person: User | None = None,
    due_date: date,
    owning_group: Group,
    themes=(),
    by: User,
) -> Action:
    """An action the meeting agreed: a finding that must improve and its recommendation in the
    spine, with the action owned by an agency."""
    audit = meeting.audit
    finding = learning.finding_record(
        source=audit,
        title=what_must_change,
        description=f"Agreed at the {meeting}: {what_must_change}",
        aim=Finding.Aim.MUST_IMPROVE,
        themes=themes,
        by=by,
    )
    recommendation = learning.recommendation_record(
        source=audit, findings=[finding], text=what_must_change, owning_group=owning_group, by=by
    )
    action = learning.action_create(
        recommendation=recommendation,
        description=description,
        owner_organisation=owner_organisation,
        owner_person=owner_person,
        due_date=due_date,
        by=by,
    )
    ModerationAction.objects.create(meeting=meeting, action=action)
    return action


def undiscussed_cases(audit: Audit) -> list[str]:
    """The references of the cases with an agency's return that no meeting has discussed yet."""
    return list(
        audit.cases.filter(requests__status=AuditRequest.Status.RETURNED, discussion__isnull=True)
        .distinct()
        .values_list("reference", flat=True)
    )


@transaction.atomic
def moderation_conclude(*, audit: Audit, by: User) -> Audit:
    """Moderation is over once every returned case is discussed: the report is written next."""
    if audit.status != Audit.Status.MODERATION:
        raise ValidationError("This audit is not being moderated")
    waiting = undiscussed_cases(audit)
    if waiting:
        raise ValidationError(f"Discuss every returned case first: {', '.join(waiting)}")
    status_move(audit, Audit.Status.REPORT)
    trail.record(
        event=AuditEvent.Event.DECIDED, actor=by, subject=audit, details={"moderation": "over"}
    )
    return audit

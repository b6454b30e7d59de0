"""Every change to single-agency assurance (section 11 and section 175). Each writes its audit row in
its own transaction; the rules a change must keep are in `audits/assurance.py`."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from audits import assurance, selectors_assurance
from audits.models_assurance import (
    AgencyAuditSummary,
    AssuranceRound,
    AssuranceStandard,
    SelfAssessment,
    StandardRating,
)
from core import audit
from core.concurrency import save_if_unchanged
from core.models import AuditEvent
from core.services import deadline_complete, deadline_set
from partnership.models import Group, Organisation, Partnership, Role, User
from partnership.selectors import people_of


def _email_on_commit(*, to: list[str], subject: str, body: str) -> None:
    if to:
        message = EmailMessage(f"Learning Hub: {subject}", body, to=sorted(set(to)))
        transaction.on_commit(lambda: message.send(fail_silently=True))


@transaction.atomic
def standards_seed(*, partnership: Partnership, kind: str) -> int:
    """Give the partnership the usual standards of `kind` it does not have yet (safe to run again:
    a standard the business unit archived stays archived); returns how many were added."""
    held = set(
        AssuranceStandard.objects.filter(partnership=partnership, kind=kind).values_list(
            "title", flat=True
        )
    )
    added = [
        AssuranceStandard(
            partnership=partnership,
            kind=kind,
            position=position,
            title=title,
            description=description,
        )
        for position, (title, description) in enumerate(assurance.DEFAULT_STANDARDS[kind], 1)
        if title not in held
    ]
    AssuranceStandard.objects.bulk_create(added)
    if added:
        audit.record(
            event=AuditEvent.Event.CREATED,
            partnership=partnership,
            details={"assurance_standards": [standard.title for standard in added]},
        )
    return len(added)


@transaction.atomic
def standard_add(
    *,
    partnership: Partnership,
    kind: str,
    title: str,
    description: str,
    evidence_required: bool,
    by: User,
) -> AssuranceStandard:
    if AssuranceStandard.objects.filter(partnership=partnership, kind=kind, title=title).exists():
        raise ValidationError("The partnership already has a standard with this title")
    last = AssuranceStandard.objects.filter(partnership=partnership, kind=kind).count()
    standard = AssuranceStandard.objects.create(
        partnership=partnership,
        kind=kind,
        position=last + 1,
        title=title,
        description=description,
        evidence_required=evidence_required,
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=standard,
        details={"kind": kind, "title": title, "evidence_required": evidence_required},
    )
    return standard


@transaction.atomic
def standard_archive(*, standard: AssuranceStandard, by: User) -> None:
    """Rounds opened later leave it out; earlier ratings of it stay."""
    standard.archived_at = timezone.now()
    save_if_unchanged(standard, expected_version=standard.version, fields=["archived_at"])
    audit.record(
        event=AuditEvent.Event.CHANGED, actor=by, subject=standard, details={"archived": True}
    )


def deadline_title(assessment: SelfAssessment) -> str:
    return f"{assessment.round} for {assessment.organisation}"


@transaction.atomic
def round_open(
    *,
    partnership: Partnership,
    kind: str,
    year: int,
    due_date: date,
    overseeing_group: Group,
    agencies: list[Organisation],
    by: User,
) -> AssuranceRound:
    """Open a year's round and send it to each agency, with its due date on the dashboard of the
    agency's contributor (escalated to whoever opened the round once overdue)."""
    if kind not in assurance.KINDS:
        raise ValidationError("Select section 11 or section 175")
    if overseeing_group.partnership_id != partnership.pk:
        raise ValidationError("The sub-group must be one of the partnership's")
    if not agencies or any(
        agency.partnership_id != partnership.pk
        or assurance.kind_for(agency.organisation_type) != kind
        for agency in agencies
    ):
        raise ValidationError("Select the agencies to ask from the list")
    if AssuranceRound.objects.filter(partnership=partnership, kind=kind, year=year).exists():
        raise ValidationError(f"A round for {year} is already open")
    standards_seed(partnership=partnership, kind=kind)
    opened = AssuranceRound.objects.create(
        partnership=partnership,
        kind=kind,
        year=year,
        due_date=due_date,
        overseeing_group=overseeing_group,
        opened_by=by,
    )
    contributors: dict[int, list[User]] = {}
    for person in people_of(
        partnership=partnership, role=Role.AGENCY_CONTRIBUTOR, include_inactive=False
    ):
        contributors.setdefault(person.organisation_id, []).append(person)
    for agency in agencies:
        assessment = SelfAssessment.objects.create(round=opened, organisation=agency)
        asked = contributors.get(agency.pk, [])
        deadline_set(
            subject=assessment,
            partnership=partnership,
            title=deadline_title(assessment),
            due_date=due_date,
            responsible=asked[0] if asked else None,
            watchers=asked[1:],
            escalate_to=by,
            link=assessment.get_absolute_url(),
        )
        _email_on_commit(
            to=[person.email for person in asked],
            subject=f"{opened} requested from {agency}",
            body=f"{agency} is asked for its {opened} by {due_date:%d %B %Y}: a rating of each "
            f"standard with evidence, and your agency's actions.\n\n"
            f"{settings.SITE_URL}{assessment.get_absolute_url()}\n",
        )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=opened,
        details={
            "due_date": due_date,
            "overseeing_group": str(overseeing_group),
            "agencies": sorted(agency.name for agency in agencies),
        },
    )
    return opened


@dataclass(frozen=True)
class Answer:
    rating: str
    evidence: str = ""
    actions: str = ""


@transaction.atomic
def self_assessment_submit(
    *,
    assessment: SelfAssessment,
    answers: dict[int, Answer],
    expected_version: int,
    by: User,
) -> SelfAssessment:
    """The agency's rating, evidence and actions for every standard; may be sent again until the
    challenge session, which then reads what was sent last."""
    if assessment.status == SelfAssessment.Status.CHALLENGED:
        raise ValidationError("The challenge session has been held: the self-assessment is closed")
    standards = list(selectors_assurance.standards_asked(assessment))
    if set(answers) != {standard.pk for standard in standards}:
        raise ValidationError("Rate every standard")
    for standard in standards:
        answer = answers[standard.pk]
        if assurance.rating_problems(
            rating=answer.rating,
            evidence=answer.evidence,
            actions=answer.actions,
            evidence_required=standard.evidence_required,
            label=standard.title,
        ):
            raise ValidationError(f"The answer for {standard.title} is not complete")
    assessment.status = SelfAssessment.Status.SUBMITTED
    assessment.submitted_by = by
    assessment.submitted_at = timezone.now()
    save_if_unchanged(
        assessment,
        expected_version=expected_version,
        fields=["status", "submitted_by", "submitted_at"],
    )
    held = {rating.standard_id: rating for rating in assessment.ratings.all()}
    before = {pk: rating.rating for pk, rating in held.items()}
    for standard in standards:
        answer = answers[standard.pk]
        StandardRating.objects.update_or_create(
            assessment=assessment,
            standard=standard,
            defaults={
                "rating": answer.rating,
                "evidence": answer.evidence,
                "actions": answer.actions,
            },
        )
    deadline_complete(subject=assessment, title=deadline_title(assessment))
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=assessment,
        details={
            "submitted": True,
            "ratings": {
                standard.title: {
                    "before": before.get(standard.pk),
                    "after": answers[standard.pk].rating,
                }
                for standard in standards
            },
        },
    )
    return assessment


@dataclass(frozen=True)
class View:
    rating: str
    comment: str = ""


@transaction.atomic
def challenge_record(
    *,
    assessment: SelfAssessment,
    held_on: date,
    summary: str,
    views: dict[int, View],
    expected_version: int,
    by: User,
) -> SelfAssessment:
    """The challenge session: the partnership's rating and comment beside the agency's, per standard."""
    if assessment.status == SelfAssessment.Status.REQUESTED:
        raise ValidationError("The agency has not sent its self-assessment yet")
    ratings = list(assessment.ratings.select_related("standard"))
    if set(views) != {rating.standard_id for rating in ratings}:
        raise ValidationError("Give the partnership's view of every standard")
    for rating in ratings:
        view = views[rating.standard_id]
        if assurance.challenge_problems(
            self_rating=rating.rating,
            partnership_rating=view.rating,
            comment=view.comment,
            label=rating.standard.title,
        ):
            raise ValidationError(f"The view of {rating.standard.title} is not complete")
    assessment.status = SelfAssessment.Status.CHALLENGED
    assessment.challenged_on = held_on
    assessment.challenge_summary = summary
    save_if_unchanged(
        assessment,
        expected_version=expected_version,
        fields=["status", "challenged_on", "challenge_summary"],
    )
    for rating in ratings:
        view = views[rating.standard_id]
        rating.partnership_rating = view.rating
        rating.partnership_comment = view.comment
    StandardRating.objects.bulk_update(ratings, ["partnership_rating", "partnership_comment"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=assessment,
        details={
            "challenge_session": held_on,
            "partnership_ratings": {
                rating.standard.title: rating.partnership_rating for rating in ratings
            },
        },
    )
    return assessment


AGENCY_AUDIT_FIELDS = [
    "title",
    "audited_on",
    "cases",
    "headline_findings",
    *(name for name, _ in assurance.GRADES),
]


@transaction.atomic
def agency_audit_submit(
    *, partnership: Partnership, organisation: Organisation, data: dict, by: User
) -> AgencyAuditSummary:
    """A summary of an audit the agency ran itself, graded on the four-point scale."""
    if organisation.partnership_id != partnership.pk:
        raise ValidationError("The agency must be one of the partnership's")
    if assurance.grade_distribution_problems(
        cases=data["cases"], grades={name: data[name] for name, _ in assurance.GRADES}
    ):
        raise ValidationError("The grades do not match the cases audited")
    summary = AgencyAuditSummary.objects.create(
        partnership=partnership, organisation=organisation, submitted_by=by, **data
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=summary,
        details={"values": audit.snapshot(summary, ["organisation", *data])},
    )
    return summary

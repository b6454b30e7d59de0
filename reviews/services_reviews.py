"""Changes to LCSPRs and non-statutory case reviews, from opening to publication."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from core import audit, tables
from core.models import AuditEvent
from core.references import next_reference
from core.services import deadline_complete, deadline_set, table_import_keep
from learning.services import dissemination_plan_open
from learning.services_similar import similar_work_changed
from partnership.models import Organisation, Partnership, User
from reviews import chronology, policy, selectors
from reviews.independence import Candidate, conflicts_of_interest
from reviews.models import (
    AgencyRequest,
    ChronologyEntry,
    ChronologyImport,
    ConflictOfInterestDeclaration,
    LearningEvent,
    LearningEventInvitation,
    LearningReferral,
    Milestone,
    RapidReview,
    Review,
    ReviewerAssignment,
    TermsOfReference,
)
from reviews.services import RefusedError

# Not in statute: the Panel's commonly stated expectation; a partnership may move the milestone.
LCSPR_EXPECTED_MONTHS = 6


@transaction.atomic
def review_open(
    *,
    partnership: Partnership,
    review_type: str,
    title: str,
    by: User,
    rapid_review: RapidReview | None = None,
    referral: LearningReferral | None = None,
) -> Review:
    """Open an LCSPR or case review, with its first milestones and its dissemination plan."""
    if review_type == Review.Type.LCSPR and (
        rapid_review is None or rapid_review.decision != RapidReview.Decision.LCSPR
    ):
        raise RefusedError("An LCSPR is opened from a rapid review whose decision is to hold one")
    today = timezone.localdate()
    review = Review.objects.create(
        partnership=partnership,
        reference=next_reference(partnership_id=partnership.pk, model=Review, year=today.year),
        review_type=review_type,
        title=title,
        rapid_review=rapid_review,
        referral=referral,
        opened_by=by,
    )
    if review.is_lcspr:
        milestone_add(
            review=review,
            title="Final report completed",
            due_date=today + timedelta(days=round(LCSPR_EXPECTED_MONTHS * 30.44)),
            basis="Panel guidance: LCSPRs are expected to complete within about 6 months of the decision",
            by=by,
        )
    # Framework: how learning is disseminated is considered from the earliest point.
    dissemination_plan_open(source=review, by=by)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=review,
        details={"type": review_type, "title": title},
    )
    similar_work_changed(source=review)
    return review


@transaction.atomic
def milestone_add(
    *,
    review: Review,
    title: str,
    due_date: date,
    by: User,
    basis: str = "",
    is_statutory: bool = False,
) -> Milestone:
    milestone = Milestone.objects.create(
        review=review, title=title, due_date=due_date, basis=basis, is_statutory=is_statutory
    )
    deadline_set(
        subject=milestone,
        partnership=review.partnership,
        title=f"{review.reference}: {title}",
        due_date=due_date,
        responsible=by,
        is_statutory=is_statutory,
        basis=basis,
        link=review.get_absolute_url(),
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=milestone,
        partnership=review.partnership,
        details={"review": review.reference, "title": title, "due_date": due_date},
    )
    return milestone


@transaction.atomic
def milestone_complete(*, milestone: Milestone, completed_on: date, by: User) -> Milestone:
    milestone.completed_on = completed_on
    milestone.save(update_fields=["completed_on"])
    deadline_complete(subject=milestone, title=f"{milestone.review.reference}: {milestone.title}")
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=milestone,
        partnership=milestone.review.partnership,
        details={"completed_on": completed_on},
    )
    return milestone


@transaction.atomic
def terms_of_reference_draft(
    *, review: Review, text: str, key_lines_of_enquiry: str, by: User
) -> TermsOfReference:
    latest = review.terms_of_reference.first()
    terms = TermsOfReference.objects.create(
        review=review,
        version=(latest.version + 1) if latest else 1,
        text=text,
        key_lines_of_enquiry=key_lines_of_enquiry,
        drafted_by=by,
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=terms,
        partnership=review.partnership,
        details={"review": review.reference, "version": terms.version},
    )
    similar_work_changed(source=review)
    return terms


@transaction.atomic
def terms_of_reference_approve(*, terms: TermsOfReference, by: User) -> TermsOfReference:
    review = terms.review
    if not policy.can_approve_terms(by, review):
        raise RefusedError(
            "Terms of reference are approved by a partner lead or the business unit manager"
        )
    if terms.approved_at:
        raise RefusedError("This version is already approved")
    if review.terms_of_reference.first() != terms:
        raise RefusedError("Only the latest version can be approved")
    terms.approved_by = by
    terms.approved_at = timezone.now()
    terms.save(update_fields=["approved_by", "approved_at"])
    audit.record(
        event=AuditEvent.Event.DECIDED,
        actor=by,
        subject=terms,
        partnership=review.partnership,
        details={"review": review.reference, "approved_version": terms.version},
    )
    return terms


def _candidate(
    person: User, involved_with: list[Organisation], involved_in_case: bool
) -> Candidate:
    return Candidate(
        name=str(person),
        employer_id=person.organisation_id,
        involved_with_ids=[organisation.pk for organisation in involved_with],
        involved_in_case=involved_in_case,
    )


@transaction.atomic
def reviewer_assign(
    *,
    review: Review,
    person: User,
    role: str,
    involved_with: list[Organisation],
    involved_in_case: bool,
    statement: str,
    partners_weighing: str = "",
    by: User,
) -> ReviewerAssignment:
    """Assign a reviewer with their conflict of interest declaration. A conflict is the partners'
    to weigh (SI 2018/789 regs 12-13): it needs their recorded weighing, not a refusal."""
    if review.is_lcspr and role != ReviewerAssignment.Role.INDEPENDENT_REVIEWER:
        raise RefusedError("An LCSPR is led by an independent reviewer")
    if not policy.may_be_independent_reviewer(person, review):
        raise RefusedError(f"{person} does not hold the reviewer role in this partnership")
    under_review = {
        organisation.pk: organisation.name
        for organisation in review.organisations_under_review.all()
    }
    conflicts = conflicts_of_interest(
        candidate=_candidate(person, involved_with, involved_in_case),
        is_lcspr=review.is_lcspr,
        under_review=under_review,
        employer_rule=selectors.local_review_policy(
            review.partnership
        ).reviewer_not_employed_by_agency_under_review,
    )
    if conflicts and not partners_weighing.strip():
        raise RefusedError(
            " ".join(conflicts)
            + " Record how the partners weighed this conflict of interest, or choose another reviewer."
        )
    if review.reviewer_assignments.filter(person=person, removed_at__isnull=True).exists():
        raise RefusedError(f"{person} is already assigned to this review")
    assignment = ReviewerAssignment.objects.create(
        review=review, person=person, role=role, assigned_by=by
    )
    declaration = declaration_record(
        review=review,
        person=person,
        involved_with=involved_with,
        involved_in_case=involved_in_case,
        statement=statement,
        by=by,
    )
    if conflicts:
        declaration.conflicts = "\n".join(conflicts)
        declaration.partners_weighing = partners_weighing
        declaration.save(update_fields=["conflicts", "partners_weighing"])
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=assignment,
        partnership=review.partnership,
        details={
            "review": review.reference,
            "person": person,
            "role": role,
            "conflicts": conflicts,
            "partners_weighing": partners_weighing if conflicts else "",
        },
    )
    return assignment


@transaction.atomic
def reviewer_remove(*, assignment: ReviewerAssignment, by: User) -> ReviewerAssignment:
    assignment.removed_at = timezone.now()
    assignment.save(update_fields=["removed_at"])
    audit.record(
        event=AuditEvent.Event.ARCHIVED,
        actor=by,
        subject=assignment,
        partnership=assignment.review.partnership,
        details={"review": assignment.review.reference, "person": assignment.person},
    )
    return assignment


@transaction.atomic
def declaration_record(
    *,
    review: Review,
    person: User,
    involved_with: list[Organisation],
    involved_in_case: bool,
    statement: str,
    by: User,
) -> ConflictOfInterestDeclaration:
    if not statement.strip():
        raise RefusedError("Write the declaration statement")
    declaration = ConflictOfInterestDeclaration.objects.create(
        review=review,
        person=person,
        involved_in_case=involved_in_case,
        statement=statement,
        recorded_by=by,
    )
    declaration.involved_with.set(involved_with)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=declaration,
        partnership=review.partnership,
        details={
            "review": review.reference,
            "involved_with": involved_with,
            "involved_in_case": involved_in_case,
        },
    )
    return declaration


def _open_chronology_request(request: AgencyRequest) -> AgencyRequest:
    """The request, locked until the transaction ends, if its agency may still add to its chronology.

    The lock orders an import or a new entry against the request being returned at the same time.
    """
    locked = AgencyRequest.objects.select_for_update().get(pk=request.pk)
    if locked.kind != AgencyRequest.Kind.CHRONOLOGY:
        raise RefusedError("Only a request for a chronology takes chronology entries")
    if locked.status == AgencyRequest.Status.RETURNED:
        raise RefusedError(
            "This chronology has been returned to the business unit, so nothing more can be "
            "added to it. Ask the business unit if something is missing"
        )
    return locked


@transaction.atomic
def chronology_entry_add(
    *,
    review: Review,
    organisation: Organisation,
    date: date,
    event: str,
    by: User,
    request: AgencyRequest | None = None,
) -> ChronologyEntry:
    if request is not None:
        _open_chronology_request(request)
    entry = ChronologyEntry.objects.create(
        review=review,
        organisation=organisation,
        request=request,
        date=date,
        event=event,
        entered_by=by,
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=entry,
        partnership=review.partnership,
        details={"review": review.reference, "organisation": organisation, "date": date},
    )
    return entry


def chronology_upload(*, request: AgencyRequest, upload, by: User) -> ChronologyImport:
    """Keep an agency's chronology file and import it: at once when small, by the worker when large.

    A large file comes back still importing; its progress and outcome show on the request's page.
    """
    from reviews import tasks

    with transaction.atomic():
        _open_chronology_request(request)
        chronology_import, size = table_import_keep(
            model=ChronologyImport, upload=upload, by=by, request=request
        )
    if size.is_large:
        transaction.on_commit(lambda: tasks.import_chronology.enqueue(chronology_import.pk))
        return chronology_import
    return chronology_import_run(chronology_import=chronology_import)


def chronology_import_run(*, chronology_import: ChronologyImport) -> ChronologyImport:
    """Check every row of a kept file, then add them all; none if any row is wrong or the request
    was returned meanwhile. Reading happens outside the transaction, so progress shows as it goes."""
    try:
        rows, problems = chronology.read_chronology(
            chronology_import.read_rows(), progress=chronology_import.report_progress
        )
    except tables.UnreadableTable as unreadable:
        return _import_refused(chronology_import, [str(unreadable)])
    if problems:
        return _import_refused(chronology_import, [str(problem) for problem in problems])
    request = chronology_import.request
    try:
        with transaction.atomic():
            _open_chronology_request(request)
            ChronologyEntry.objects.bulk_create(
                [
                    ChronologyEntry(
                        review=request.review,
                        organisation=request.organisation,
                        request=request,
                        date=row.date,
                        event=row.event,
                        source_row=row.row,
                        entered_by=chronology_import.uploaded_by,
                    )
                    for row in rows
                ],
                batch_size=2000,
            )
            audit.record(
                event=AuditEvent.Event.CREATED,
                actor=chronology_import.uploaded_by,
                subject=request,
                details={"imported_entries": len(rows), "file": chronology_import.original_name},
            )
            chronology_import.status = ChronologyImport.Status.IMPORTED
            chronology_import.entries_added = len(rows)
            _import_finished(chronology_import)
    except RefusedError as refused:
        return _import_refused(chronology_import, [str(refused)])
    return chronology_import


def _import_refused(chronology_import: ChronologyImport, errors: list[str]) -> ChronologyImport:
    chronology_import.status = ChronologyImport.Status.INVALID
    chronology_import.errors = errors
    _import_finished(chronology_import)
    return chronology_import


def _import_finished(chronology_import: ChronologyImport) -> None:
    chronology_import.rows_done = chronology_import.rows
    chronology_import.finished_at = timezone.now()
    chronology_import.save(
        update_fields=["status", "errors", "entries_added", "rows_done", "finished_at"]
    )


@transaction.atomic
def learning_event_add(
    *, review: Review, title: str, date: date, venue: str, invited: list[User], by: User
) -> LearningEvent:
    event = LearningEvent.objects.create(review=review, title=title, date=date, venue=venue)
    LearningEventInvitation.objects.bulk_create(
        [LearningEventInvitation(event=event, person=person) for person in invited]
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=event,
        partnership=review.partnership,
        details={"review": review.reference, "invited": invited},
    )
    return event


@transaction.atomic
def learning_event_record(
    *,
    event: LearningEvent,
    attended: list[User],
    what_practitioners_said: str,
    why_it_happened: str,
    by: User,
) -> LearningEvent:
    attended_ids = {person.pk for person in attended}
    for invitation in event.invitations.all():
        invitation.attended = invitation.person_id in attended_ids
        invitation.save(update_fields=["attended"])
    event.what_practitioners_said = what_practitioners_said
    event.why_it_happened = why_it_happened
    event.save(update_fields=["what_practitioners_said", "why_it_happened"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=event,
        partnership=event.review.partnership,
        details={"attended": len(attended_ids)},
    )
    return event

"""Changes to LCSPRs and non-statutory case reviews, from opening to publication."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from core import audit
from core.models import AuditEvent
from core.selectors import closure_dates
from core.services import deadline_complete, deadline_set
from core.working_days import add_working_days, working_days_between
from learning.models import Publication
from learning.publication import Subjects
from learning.selectors import dissemination_blockers
from learning.services import dissemination_plan_open, publication_publish
from partnership import access
from partnership.models import Organisation, Partnership, Role, User
from reviews import chronology
from reviews.deadlines import REPORT_NOTICE_WORKING_DAYS, report_notice_by
from reviews.independence import Candidate, independence_problems
from reviews.models import (
    AgencyRequest,
    ChronologyEntry,
    ConflictOfInterestDeclaration,
    LearningEvent,
    LearningEventInvitation,
    LearningReferral,
    Milestone,
    NotifiedChild,
    RapidReview,
    ReportComment,
    ReportDraft,
    Review,
    ReviewerAssignment,
    ReviewTask,
    TermsOfReference,
)
from reviews.references import next_reference
from reviews.services import RefusedError, outstanding_partner_leads

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
        reference=next_reference(partnership=partnership, model=Review, year=today.year),
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
    return terms


@transaction.atomic
def terms_of_reference_approve(*, terms: TermsOfReference, by: User) -> TermsOfReference:
    review = terms.review
    if not access.has_role(by, review.partnership, {Role.PARTNER_LEAD, Role.BUSINESS_UNIT_MANAGER}):
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
    by: User,
) -> ReviewerAssignment:
    """Assign a reviewer with their conflict of interest declaration; refuse one who is not independent."""
    if review.is_lcspr and role != ReviewerAssignment.Role.INDEPENDENT_REVIEWER:
        raise RefusedError("An LCSPR is led by an independent reviewer")
    if not access.has_role(person, review.partnership, {Role.INDEPENDENT_REVIEWER}):
        raise RefusedError(f"{person} does not hold the reviewer role in this partnership")
    under_review = {
        organisation.pk: organisation.name
        for organisation in review.organisations_under_review.all()
    }
    problems = independence_problems(
        candidate=_candidate(person, involved_with, involved_in_case),
        is_lcspr=review.is_lcspr,
        under_review=under_review,
    )
    if problems:
        raise RefusedError(" ".join(problems))
    if review.reviewer_assignments.filter(person=person, removed_at__isnull=True).exists():
        raise RefusedError(f"{person} is already assigned to this review")
    assignment = ReviewerAssignment.objects.create(
        review=review, person=person, role=role, assigned_by=by
    )
    declaration_record(
        review=review,
        person=person,
        involved_with=involved_with,
        involved_in_case=involved_in_case,
        statement=statement,
        by=by,
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=assignment,
        partnership=review.partnership,
        details={"review": review.reference, "person": person, "role": role},
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


def declaration_problems(review: Review, declaration: ConflictOfInterestDeclaration) -> list[str]:
    """What a recorded declaration means for the reviewer's independence."""
    return independence_problems(
        candidate=_candidate(
            declaration.person, list(declaration.involved_with.all()), declaration.involved_in_case
        ),
        is_lcspr=review.is_lcspr,
        under_review={
            organisation.pk: organisation.name
            for organisation in review.organisations_under_review.all()
        },
    )


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


class ChronologyImportError(Exception):
    def __init__(self, problems: list[chronology.ImportProblem]):
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


@transaction.atomic
def chronology_import(*, request: AgencyRequest, upload, by: User) -> list[ChronologyEntry]:
    """Import an agency's chronology file: every row, or none when any row is wrong."""
    rows, problems = chronology.read_chronology(upload)
    if problems:
        raise ChronologyImportError(problems)
    entries = ChronologyEntry.objects.bulk_create(
        [
            ChronologyEntry(
                review=request.review,
                organisation=request.organisation,
                request=request,
                date=row.date,
                event=row.event,
                source_row=row.row,
                entered_by=by,
            )
            for row in rows
        ]
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=request,
        details={"imported_entries": len(entries), "file": upload.name},
    )
    return entries


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


def _may_write_report(user: User, review: Review) -> bool:
    return (
        access.is_business_unit(user, review.partnership)
        or review.reviewer_assignments.filter(person=user, removed_at__isnull=True).exists()
    )


@transaction.atomic
def report_draft_add(*, review: Review, summary: str, body: str, by: User) -> ReportDraft:
    if not _may_write_report(by, review):
        raise RefusedError("Only the review's reviewers and the business unit write report drafts")
    latest = review.report_drafts.first()
    draft = ReportDraft.objects.create(
        review=review,
        version=(latest.version + 1) if latest else 1,
        summary=summary,
        body=body,
        written_by=by,
    )
    if review.status in (Review.Status.SCOPING, Review.Status.IN_PROGRESS):
        review.status = Review.Status.DRAFT_REPORT
        review.save(update_fields=["status"])
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=draft,
        partnership=review.partnership,
        details={"review": review.reference, "version": draft.version},
    )
    return draft


@transaction.atomic
def report_comment_add(*, draft: ReportDraft, text: str, by: User) -> ReportComment:
    comment = ReportComment.objects.create(draft=draft, author=by, text=text)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=comment,
        partnership=draft.review.partnership,
        details={"review": draft.review.reference, "version": draft.version},
    )
    return comment


def final_blockers(review: Review) -> list[str]:
    """Why the review cannot yet move to an agreed final report."""
    blockers = []
    if review.is_lcspr and not review.family_not_involved_reason.strip():
        if not review.family_involvement.strip():
            blockers.append("Record how the family was involved, or the reason they were not")
        if not review.child_voice.strip():
            blockers.append("Record the child's voice, or the reason it could not be heard")
    draft = review.report_drafts.first()
    if draft is None:
        blockers.append("Add a draft report")
    else:
        sign_offs = list(draft.sign_offs.all())
        missing = outstanding_partner_leads(review.partnership, sign_offs)
        if missing:
            blockers.append(
                f"Every partner lead must sign off draft version {draft.version}; waiting for "
                + ", ".join(str(lead) for lead in missing)
            )
        if any(not sign_off.agrees for sign_off in sign_offs):
            blockers.append("A partner lead does not agree with the draft report")
    return blockers


@transaction.atomic
def review_agree_final(*, review: Review, by: User) -> Review:
    blockers = final_blockers(review)
    if blockers:
        raise RefusedError(". ".join(blockers))
    review.status = Review.Status.FINAL
    review.save(update_fields=["status"])
    audit.record(
        event=AuditEvent.Event.DECIDED, actor=by, subject=review, details={"status": review.status}
    )
    return review


@transaction.atomic
def review_plan_publication(*, review: Review, publication_date: date, by: User) -> ReviewTask:
    """Set the publication date; the report must reach the Panel and the Secretary of State 7
    working days before it (Regulations 16-17, SI 2018/789): a tracked, statutory task."""
    if review.status != Review.Status.FINAL:
        raise RefusedError("Agree the final report before planning its publication")
    notice_by = report_notice_by(publication_date, closure_dates(review.partnership_id))
    if notice_by < timezone.localdate():
        raise RefusedError(
            f"Publication must be at least {REPORT_NOTICE_WORKING_DAYS} working days after the report is sent to the panel; "
            f"the earliest date from today is {add_working_days(timezone.localdate(), REPORT_NOTICE_WORKING_DAYS, closure_dates(review.partnership_id)):%d %B %Y}"
        )
    review.planned_publication_date = publication_date
    review.save(update_fields=["planned_publication_date"])
    task = _task_set(
        review=review,
        kind=ReviewTask.Kind.SEND_TO_PANEL,
        due_date=notice_by,
        by=by,
        is_statutory=True,
    )
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=review,
        details={"planned_publication_date": publication_date, "send_to_panel_by": notice_by},
    )
    return task


def _task_set(
    *, review: Review, kind: str, due_date: date, by: User, is_statutory: bool
) -> ReviewTask:
    task, _ = ReviewTask.objects.update_or_create(
        review=review, kind=kind, defaults={"due_date": due_date}
    )
    deadline_set(
        subject=task,
        partnership=review.partnership,
        title=f"{review.reference}: {task.get_kind_display()}",
        due_date=due_date,
        responsible=by,
        is_statutory=is_statutory,
        link=review.get_absolute_url(),
    )
    return task


@transaction.atomic
def review_task_done(*, task: ReviewTask, done_on: date, by: User) -> ReviewTask:
    task.done_on = done_on
    task.done_by = by
    task.save(update_fields=["done_on", "done_by"])
    deadline_complete(subject=task, title=f"{task.review.reference}: {task.get_kind_display()}")
    audit.record(
        event=AuditEvent.Event.SENT,
        actor=by,
        subject=task,
        partnership=task.review.partnership,
        details={"review": task.review.reference, "done_on": done_on},
    )
    return task


def publication_blockers(review: Review, on: date) -> list[str]:
    """Why the review's report cannot be published on `on`."""
    if review.status != Review.Status.FINAL:
        return ["Agree the final report first"]
    task = review.tasks.filter(kind=ReviewTask.Kind.SEND_TO_PANEL).first()
    if task is None or task.done_on is None:
        return ["Send the final report to the national panel and the Secretary of State first"]
    waited = working_days_between(task.done_on, on, closure_dates(review.partnership_id))
    if waited < REPORT_NOTICE_WORKING_DAYS:
        return [
            f"The report was sent to the panel {waited} working days ago; publication needs "
            f"{REPORT_NOTICE_WORKING_DAYS}"
        ]
    return []


# Not statutory: the partnership's own timescale for sending the report to the repository.
NATIONAL_REPOSITORY_WORKING_DAYS = 10


def identifying_subjects(review: Review) -> Subjects:
    """The identifying details of the review's children, for the publication check."""
    children = (
        NotifiedChild.objects.filter(notification__rapid_review=review.rapid_review)
        if review.rapid_review_id
        else NotifiedChild.objects.none()
    )
    return Subjects(
        names=[child.full_name for child in children if child.full_name],
        dates_of_birth=[child.date_of_birth for child in children if child.date_of_birth],
        addresses=[child.address for child in children if child.address],
        nhs_numbers=[child.nhs_number for child in children if child.nhs_number],
    )


@transaction.atomic
def review_publish(*, review: Review, by: User) -> Publication:
    """Publish the agreed final report on the public site, once the notice period has passed and
    the text is clear of the children's identifying details (checked by the learning spine)."""
    today = timezone.localdate()
    blockers = publication_blockers(review, today)
    if blockers:
        raise RefusedError(". ".join(blockers))
    draft = review.report_drafts.first()
    publication = publication_publish(
        source=review,
        title=f"{review.get_review_type_display()}: {review.title}",
        summary=draft.summary,
        body=draft.body,
        kind=Publication.Kind.REVIEW_REPORT,
        subjects=identifying_subjects(review),
        by=by,
    )
    review.status = Review.Status.PUBLISHED
    review.published_at = timezone.now()
    review.save(update_fields=["status", "published_at"])
    _task_set(
        review=review,
        kind=ReviewTask.Kind.NATIONAL_REPOSITORY,
        due_date=add_working_days(
            today, NATIONAL_REPOSITORY_WORKING_DAYS, closure_dates(review.partnership_id)
        ),
        by=by,
        is_statutory=False,
    )
    audit.record(
        event=AuditEvent.Event.PUBLISHED,
        actor=by,
        subject=review,
        details={"publication": publication.pk, "draft_version": draft.version},
    )
    return publication


def close_blockers(review: Review) -> list[str]:
    """Why the review cannot be closed: its report, its tasks and the spine's dissemination plan."""
    blockers = []
    if review.is_lcspr and review.status != Review.Status.PUBLISHED:
        blockers.append("An LCSPR's final report must be published first")
    if not review.is_lcspr and review.status not in (Review.Status.FINAL, Review.Status.PUBLISHED):
        blockers.append("Agree the final report first")
    blockers += [f"{task} is not done" for task in review.tasks.filter(done_on__isnull=True)]
    return blockers + dissemination_blockers(review)


@transaction.atomic
def review_close(*, review: Review, by: User) -> Review:
    blockers = close_blockers(review)
    if blockers:
        raise RefusedError(". ".join(blockers))
    review.status = Review.Status.CLOSED
    review.save(update_fields=["status"])
    audit.record(
        event=AuditEvent.Event.DECIDED, actor=by, subject=review, details={"status": review.status}
    )
    return review

"""Changes to a review's final report: drafts, comments, sign-off, publication and closing."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from core import audit
from core.models import AuditEvent
from core.selectors import closure_dates
from core.services import deadline_complete, deadline_set
from core.working_days import add_working_days, working_days_between
from learning.models import Publication
from learning.selectors import dissemination_blockers
from learning.services_publication import publication_publish
from learning.services_similar import similar_work_changed
from partnership.models import User
from reviews import policy
from reviews.deadlines import (
    REPORT_NOTICE_WORKING_DAYS,
    report_notice_by,
    statutory_notice_applies,
)
from reviews.models import (
    ReportComment,
    ReportDraft,
    Review,
    ReviewTask,
)
from reviews.services import RefusedError, partner_sign_off_blockers


@transaction.atomic
def report_draft_add(*, review: Review, summary: str, body: str, by: User) -> ReportDraft:
    if not policy.can_write_report(by, review):
        raise RefusedError("Only the review's reviewers and the business unit write report drafts")
    latest = review.report_drafts.first()
    draft = ReportDraft.objects.create(
        review=review,
        version=(latest.version + 1) if latest else 1,
        summary=summary,
        body=body,
        written_by=by,
    )
    # A draft after the agreed one must be agreed (and sent) again before anything is published.
    if review.status in (Review.Status.SCOPING, Review.Status.IN_PROGRESS, Review.Status.FINAL):
        review.status = Review.Status.DRAFT_REPORT
        review.save(update_fields=["status"])
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=draft,
        partnership=review.partnership,
        details={"review": review.reference, "version": draft.version},
    )
    similar_work_changed(source=review)
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
        blockers += [
            f"Draft version {draft.version} needs every statutory partner's sign-off. {blocker}"
            for blocker in partner_sign_off_blockers(review.partnership, draft.sign_offs.all())
        ]
    return blockers


@transaction.atomic
def review_agree_final(*, review: Review, by: User) -> Review:
    blockers = final_blockers(review)
    if blockers:
        raise RefusedError(". ".join(blockers))
    draft = review.report_drafts.first()
    draft.agreed_at, draft.agreed_by = timezone.now(), by
    draft.save(update_fields=["agreed_at", "agreed_by"])
    review.status = Review.Status.FINAL
    review.save(update_fields=["status"])
    audit.record(
        event=AuditEvent.Event.DECIDED,
        actor=by,
        subject=review,
        details={"status": review.status, "agreed_draft_version": draft.version},
    )
    similar_work_changed(source=review)
    return review


def agreed_draft(review: Review) -> ReportDraft | None:
    """The agreed final report, frozen: None when there is none, or a later draft replaced it."""
    draft = review.report_drafts.first()
    return draft if draft is not None and draft.agreed_at else None


@transaction.atomic
def review_plan_publication(
    *,
    review: Review,
    publication_date: date,
    improvements_only: bool = False,
    improvements_only_reason: str = "",
    by: User,
) -> ReviewTask | None:
    """Set the publication date and what is published. An LCSPR's report, or the information
    about improvements, must reach the Panel, the Secretary of State and Ofsted 7 working days
    before it: a tracked, statutory task (SI 2018/789 reg 16; see `reviews.deadlines`)."""
    if review.status != Review.Status.FINAL:
        raise RefusedError("Agree the final report before planning its publication")
    if improvements_only and not improvements_only_reason.strip():
        raise RefusedError(
            "Enter why the partners consider the full report not appropriate to publish"
        )
    details = {
        "planned_publication_date": publication_date,
        "improvements_only": improvements_only,
    }
    task = None
    # A report agreed again after it was sent must be sent again.
    review.tasks.filter(kind=ReviewTask.Kind.SEND_TO_PANEL).exclude(
        report_draft=agreed_draft(review)
    ).update(done_on=None, done_by=None, report_draft=None)
    if statutory_notice_applies(is_lcspr=review.is_lcspr):
        today = timezone.localdate()
        # Counted as publication counts it: on a weekend or bank holiday the notice starts on
        # the next working day, so the last day to send may be today though it is after Friday.
        notice_by = max(report_notice_by(publication_date), today)
        if working_days_between(today, publication_date) < REPORT_NOTICE_WORKING_DAYS:
            earliest = add_working_days(today, REPORT_NOTICE_WORKING_DAYS)
            raise RefusedError(
                f"Publication must be at least {REPORT_NOTICE_WORKING_DAYS} working days after the report is sent to the panel; "
                f"the earliest date from today is {earliest:%d %B %Y}"
            )
        task = _task_set(
            review=review,
            kind=ReviewTask.Kind.SEND_TO_PANEL,
            due_date=notice_by,
            by=by,
            is_statutory=True,
        )
        details["send_to_panel_by"] = notice_by
    review.planned_publication_date = publication_date
    review.improvements_only = improvements_only
    review.improvements_only_reason = improvements_only_reason if improvements_only else ""
    review.save(
        update_fields=["planned_publication_date", "improvements_only", "improvements_only_reason"]
    )
    audit.record(event=AuditEvent.Event.CHANGED, actor=by, subject=review, details=details)
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
    if task.kind == ReviewTask.Kind.SEND_TO_PANEL:
        # What was sent is the agreed draft, frozen; publication checks it is still the one.
        task.report_draft = agreed_draft(task.review)
        if task.report_draft is None:
            raise RefusedError("Agree the final report before sending it")
    task.done_on = done_on
    task.done_by = by
    task.save(update_fields=["done_on", "done_by", "report_draft"])
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
    draft = agreed_draft(review)
    if review.status != Review.Status.FINAL or draft is None:
        return ["Agree the final report first"]
    if not statutory_notice_applies(is_lcspr=review.is_lcspr):
        return []
    task = review.tasks.filter(kind=ReviewTask.Kind.SEND_TO_PANEL).first()
    if task is None or task.done_on is None or task.report_draft_id != draft.pk:
        return [
            f"Send the agreed final report (version {draft.version}) to the national panel, the "
            "Secretary of State and Ofsted first"
        ]
    waited = working_days_between(task.done_on, on)
    if waited < REPORT_NOTICE_WORKING_DAYS:
        return [
            f"The report was sent to the panel {waited} working days ago; publication needs "
            f"{REPORT_NOTICE_WORKING_DAYS}"
        ]
    return []


# Not statutory: the partnership's own timescale for sending the report to the repository.
NATIONAL_REPOSITORY_WORKING_DAYS = 10


@transaction.atomic
def review_publish(*, review: Review, by: User) -> Publication:
    """Publish the agreed final report on the public site, once the notice period has passed and
    the text is clear of the children's identifying details (checked by the learning spine)."""
    today = timezone.localdate()
    blockers = publication_blockers(review, today)
    if blockers:
        raise RefusedError(". ".join(blockers))
    draft = agreed_draft(review)
    # Information about improvements goes through the same gate as the full report.
    title = f"{review.get_review_type_display()}: {review.title}"
    publication = publication_publish(
        source=review,
        title=f"{title}: information about improvements" if review.improvements_only else title,
        summary=draft.summary,
        body=draft.summary if review.improvements_only else draft.body,
        kind=Publication.Kind.REVIEW_REPORT,
        version_label=f"Final report version {draft.version}, agreed "
        f"{timezone.localtime(draft.agreed_at):%d %B %Y}",
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
        details={
            "publication": publication.pk,
            "draft_version": draft.version,
            "improvements_only": review.improvements_only,
        },
    )
    similar_work_changed(source=review)
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
    similar_work_changed(source=review)
    return review

"""Writes of attendance and evaluation: the register, the three stages of evaluation with their
deadlines, and e-learning completions imported from the learning platform."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core import audit, tables
from core.models import AuditEvent, Deadline
from core.services import deadline_complete, deadline_set
from core.tables import RowProblem
from training import evaluation, policy
from training.completions import key, read_completions
from training.models import (
    Attendance,
    Booking,
    Completion,
    ConfidenceRating,
    Course,
    Evaluation,
    Event,
    EventTrainer,
    LearningOutcome,
)
from training.services import no_show_record

# The baseline is asked for two weeks before the course, with the partnership's booking reminder.
BEFORE_COURSE_NOTICE = timedelta(weeks=2)
STAGE_DEADLINES = {
    Evaluation.Stage.BEFORE: "Training evaluation before the course",
    Evaluation.Stage.AFTER: "Training evaluation after the course",
    Evaluation.Stage.FOLLOW_UP: "Training evaluation in practice",
}


def _days(event: Event):
    return timezone.localdate(event.starts_at), timezone.localdate(event.ends_at)


def _stage_deadline(booking: Booking, stage: str, due_date, remind_days_before: int) -> None:
    deadline_set(
        subject=booking,
        partnership=booking.partnership,
        title=STAGE_DEADLINES[stage],
        due_date=due_date,
        responsible=booking.person,
        link=reverse("training:evaluation_give", args=[booking.pk, stage]),
        remind_days_before=remind_days_before,
    )


@transaction.atomic
def evaluation_before_deadlines(today: date | None = None) -> dict[str, int]:
    """The baseline's deadline for everyone with a place on an event in the next two weeks who has
    not given it (on their dashboard, reminded 5 days before the event by the deadline run), and
    its end for anyone whose place went or whose event was cancelled. Part of the daily run."""
    today = today or timezone.localdate()
    title = STAGE_DEADLINES[Evaluation.Stage.BEFORE]
    booking_type = ContentType.objects.get_for_model(Booking)
    open_ids = set(
        Deadline.objects.open()
        .filter(subject_type=booking_type, title=title)
        .values_list("subject_id", flat=True)
    )
    due = (
        Booking.objects.filter(
            status=Booking.Status.BOOKED,
            event__cancelled_at__isnull=True,
            event__starts_at__date__gt=today,
            event__starts_at__date__lte=today + BEFORE_COURSE_NOTICE,
        )
        .exclude(evaluations__stage=Evaluation.Stage.BEFORE)
        .exclude(pk__in=open_ids)
        .select_related("event", "person", "partnership")
    )
    set_count = 0
    for booking in due:
        _stage_deadline(
            booking, Evaluation.Stage.BEFORE, timezone.localdate(booking.event.starts_at), 5
        )
        set_count += 1
    gone = Booking.objects.filter(pk__in=open_ids).exclude(
        status=Booking.Status.BOOKED, event__cancelled_at__isnull=True
    )
    ended = (
        Deadline.objects.open()
        .filter(
            subject_type=booking_type,
            title=title,
            subject_id__in=list(gone.values_list("pk", flat=True)),
        )
        .update(completed_at=timezone.now())
    )
    return {"training_evaluations_asked": set_count, "training_evaluations_withdrawn": ended}


# The register


@transaction.atomic
def event_trainer_add(*, event: Event, person, by) -> EventTrainer:
    if person.partnership_id != event.partnership_id:
        raise ValidationError("Choose someone who works in the partnership")
    link, _ = EventTrainer.objects.get_or_create(event=event, person=person)
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=event,
        details={"trainer added": str(person)},
    )
    return link


@transaction.atomic
def register_take(*, event: Event, marks: Mapping[int, str], by) -> list[Attendance]:
    """Records attended, late or did not attend for the people with places (booking id to mark);
    a mark once recorded stands. A no-show carries the charge the partnership's terms set
    (`training.services.no_show_record`); attending sets the deadlines of the two later stages."""
    starts_on, ends_on = _days(event)
    if not evaluation.register_is_open(starts_on=starts_on, today=timezone.localdate()):
        raise ValidationError("The register opens on the day the event starts")
    if not policy.can_take_register(by, event):
        raise ValidationError("Only the event's trainers and the business unit take its register")
    bookings = {
        booking.pk: booking
        for booking in event.bookings.filter(
            pk__in=list(marks), status=Booking.Status.BOOKED, attendance__isnull=True
        ).select_related("person", "partnership", "event")
    }
    dates = evaluation.evaluation_dates(starts_on=starts_on, ends_on=ends_on)
    recorded = []
    for booking_id, mark in marks.items():
        booking = bookings.get(booking_id)
        if booking is None:
            continue
        recorded.append(
            Attendance.objects.create(
                partnership=event.partnership, booking=booking, mark=mark, recorded_by=by
            )
        )
        deadline_complete(subject=booking, title=STAGE_DEADLINES[Evaluation.Stage.BEFORE])
        if mark == Attendance.Mark.NO_SHOW:
            no_show_record(booking=booking, by=by)
            continue
        _stage_deadline(booking, Evaluation.Stage.AFTER, dates.after_due, 7)
        # Reminded at 6 weeks, when the follow-up opens; due at 8.
        _stage_deadline(booking, Evaluation.Stage.FOLLOW_UP, dates.follow_up_due, 14)
    if recorded:
        audit.record(
            event=AuditEvent.Event.CHANGED,
            actor=by,
            subject=event,
            details={
                "register": {
                    label: sum(1 for row in recorded if row.mark == value)
                    for value, label in Attendance.Mark.choices
                }
            },
        )
    return recorded


# Evaluation


def stages_given(booking: Booking) -> set[str]:
    return set(booking.evaluations.values_list("stage", flat=True))


def evaluation_refusal(*, booking: Booking, stage: str) -> str:
    if booking.status != Booking.Status.BOOKED:
        return "You can evaluate only a course you have a place on"
    attendance = Attendance.objects.filter(booking=booking).first()
    starts_on, ends_on = _days(booking.event)
    return evaluation.stage_refusal(
        stage=stage,
        given=stages_given(booking),
        attended=attendance.attended if attendance else None,
        starts_on=starts_on,
        ends_on=ends_on,
        today=timezone.localdate(),
    )


@dataclass(frozen=True)
class Answers:
    confidence: Mapping[int, int]  # learning outcome id to 1..5; none at the follow-up
    overall: int | None = None
    most_useful: str = ""
    improve: str = ""
    practice_change: str = ""
    example: str = ""
    line_manager: str = ""


@transaction.atomic
def evaluation_give(*, booking: Booking, stage: str, answers: Answers, by) -> Evaluation:
    """One stage of a person's evaluation of an event they booked, given by them."""
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("event", "partnership")
        .get(pk=booking.pk)
    )
    if not policy.can_evaluate(by, booking):
        raise ValidationError("Only the person who booked can give their evaluation")
    refusal = evaluation_refusal(booking=booking, stage=stage)
    if refusal:
        raise ValidationError(refusal)
    outcomes = set(
        LearningOutcome.objects.filter(course=booking.event.course_id).values_list("pk", flat=True)
    )
    if stage != Evaluation.Stage.FOLLOW_UP and set(answers.confidence) != outcomes:
        raise ValidationError("Rate your confidence in each learning outcome")
    if any(value not in range(1, 6) for value in answers.confidence.values()):
        raise ValidationError("Confidence is rated from 1 to 5")
    given = Evaluation.objects.create(
        partnership=booking.partnership,
        booking=booking,
        stage=stage,
        overall=answers.overall,
        most_useful=answers.most_useful,
        improve=answers.improve,
        practice_change=answers.practice_change,
        example=answers.example,
        line_manager=answers.line_manager,
    )
    ConfidenceRating.objects.bulk_create(
        ConfidenceRating(evaluation=given, outcome_id=outcome_id, confidence=value)
        for outcome_id, value in answers.confidence.items()
    )
    deadline_complete(subject=booking, title=STAGE_DEADLINES[stage])
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=given,
        details={"stage": given.get_stage_display()},
    )
    return given


# E-learning completions


class CompletionsRefused(Exception):
    """The file has problems; nothing was written."""

    def __init__(self, problems: list[RowProblem]):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


@transaction.atomic
def completions_import(*, partnership, upload, by) -> dict[str, int]:
    """E-learning completions from the learning platform's file, all or nothing: people matched by
    email among those working in the partnership, courses by title among its e-learning courses."""
    from partnership.models import User

    people = {
        key(person.email): person
        for person in User.objects.filter(
            role_assignments__partnership=partnership, is_active=True
        ).distinct()
    }
    courses = {
        key(course.title): course
        for course in Course.objects.filter(
            partnership=partnership,
            course_format=Course.Format.E_LEARNING,
            archived_at__isnull=True,
        )
    }
    recorded = set(
        Completion.objects.filter(partnership=partnership).values_list("person_id", "course_id")
    )
    try:
        read = read_completions(
            tables.read_table(upload, upload.name),
            people=people,
            courses=courses,
            recorded=recorded,
            today=timezone.localdate(),
        )
    except tables.UnreadableTable as unreadable:
        raise CompletionsRefused([RowProblem(1, "file", str(unreadable))]) from None
    if read.problems:
        raise CompletionsRefused(read.problems)
    Completion.objects.bulk_create(
        Completion(
            partnership=partnership,
            course=row.course,
            person=row.person,
            completed_on=row.completed_on,
            imported_by=by,
        )
        for row in read.completions
    )
    counts = {"imported": len(read.completions), "already recorded": read.already_recorded}
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        partnership=partnership,
        details={"e-learning completions": counts},
    )
    return counts

"""Demo attendance and evaluations for the past events of the demo term: registers taken, no-shows
charged, the three stages of evaluation given by most of those who came. Every answer is fictional.

Written as rows, not through the services: the services keep each stage to its time (a baseline
only before the course), and these events are already over. Safe to run twice: an event with a
register taken is left as it is.
"""

from django.db import transaction
from django.utils import timezone

from training import evaluation
from training.models import (
    Attendance,
    Booking,
    ConfidenceRating,
    Evaluation,
    Event,
    EventTrainer,
)
from training.selectors import terms_of
from training.terms import no_show_charge

PRACTICE_CHANGES = (
    (
        "I now ask about the home conditions at every visit and record what I see, not only what "
        "the parents tell me.",
        "At a home visit I noticed there was no food in the house and talked it through with the "
        "family and the school the same day.",
    ),
    (
        "I escalate sooner when another agency has not replied, using the partnership's "
        "escalation procedure.",
        "I escalated a referral that had no response after two days and had a strategy "
        "discussion the next morning.",
    ),
    (
        "I record the child's own words in my notes and what they told me about daily life.",
        "A young person's description of their evening routine went into my assessment word "
        "for word.",
    ),
)
MOST_USEFUL = (
    "The case study and the time to talk with colleagues from other agencies.",
    "Learning how the other agencies' thresholds work.",
    "The practical tools I can use on my next visit.",
)


def _mark(index: int) -> str:
    # About one in ten does not come and one in twelve is late.
    if index % 10 == 9:
        return Attendance.Mark.NO_SHOW
    if index % 12 == 5:
        return Attendance.Mark.LATE
    return Attendance.Mark.ATTENDED


@transaction.atomic
def load_attendance_and_evaluations(partnership, *, trainer) -> int:
    """Registers and evaluations for the partnership's past events; returns how many registers."""
    now = timezone.now()
    today = timezone.localdate()
    terms = terms_of(partnership)
    events = list(
        Event.objects.filter(partnership=partnership, ends_at__lt=now, cancelled_at__isnull=True)
        .exclude(bookings__attendance__isnull=False)
        .select_related("course")
        .prefetch_related("course__outcomes")
    )
    for event in events:
        EventTrainer.objects.get_or_create(event=event, person=trainer)
        outcomes = list(event.course.outcomes.all())
        ends_on = timezone.localdate(event.ends_at)
        bookings = list(event.bookings.filter(status=Booking.Status.BOOKED).order_by("id"))
        marks = [
            Attendance(
                partnership=partnership,
                booking=booking,
                mark=_mark(booking.pk),
                recorded_by=trainer,
                recorded_at=event.starts_at,
            )
            for booking in bookings
        ]
        Attendance.objects.bulk_create(marks)
        absent = [mark.booking_id for mark in marks if mark.mark == Attendance.Mark.NO_SHOW]
        Booking.objects.filter(pk__in=absent).update(
            charge_reason=Booking.Charge.NO_SHOW,
            charge=no_show_charge(
                full_day=event.course.is_full_day,
                half_day_charge=terms.no_show_charge_half_day,
                full_day_charge=terms.no_show_charge_full_day,
            ),
        )
        for index, booking in enumerate(bookings):
            if booking.pk in absent or index % 7 == 6:  # a few give no evaluation at all
                continue
            stages = [Evaluation.Stage.BEFORE, Evaluation.Stage.AFTER]
            if evaluation.follow_up_is_open(ends_on=ends_on, today=today) and index % 3 != 2:
                stages.append(Evaluation.Stage.FOLLOW_UP)
            for stage in stages:
                change, example = PRACTICE_CHANGES[index % len(PRACTICE_CHANGES)]
                given = Evaluation.objects.create(
                    partnership=partnership,
                    booking=booking,
                    stage=stage,
                    overall=4 + index % 2 if stage == Evaluation.Stage.AFTER else None,
                    most_useful=MOST_USEFUL[index % len(MOST_USEFUL)]
                    if stage == Evaluation.Stage.AFTER
                    else "",
                    practice_change=change if stage == Evaluation.Stage.FOLLOW_UP else "",
                    example=example if stage == Evaluation.Stage.FOLLOW_UP else "",
                    line_manager="Team manager (demo)"
                    if stage == Evaluation.Stage.FOLLOW_UP
                    else "",
                    submitted_at=event.ends_at,
                )
                if stage == Evaluation.Stage.FOLLOW_UP:
                    continue
                ConfidenceRating.objects.bulk_create(
                    ConfidenceRating(
                        evaluation=given,
                        outcome=outcome,
                        # Before: 2 or 3; after: a point or two higher, never above 5.
                        confidence=min(
                            5,
                            2
                            + (index + position) % 2
                            + (
                                1 + (index + position) % 2 if stage == Evaluation.Stage.AFTER else 0
                            ),
                        ),
                    )
                    for position, outcome in enumerate(outcomes)
                )
    return len(events)

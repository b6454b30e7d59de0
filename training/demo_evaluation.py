"""Demo attendance and evaluations for the dates of the demo term already held, and two dates of
last term whose follow-ups in practice are in: registers taken by a demo trainer, no-shows charged,
the three stages of evaluation given by most of those who came. Every person and answer is
fictional.

Written as rows, not through the services: the services keep each stage to its time (a baseline
only before the course), and these dates are already over. Called from `training.demo.load`, once.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from partnership.demo import DEMO_PASSWORD, SOUTH_TEES
from partnership.models import Role, RoleAssignment, User
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


# Dates of last term, held 9 and 7 weeks ago, so that their follow-ups in practice are in:
# (course, weeks ago, booked).
LAST_TERM = ((2, 9, 14), (0, 7, 10))


def _mark(index: int) -> str:
    # About one in ten does not come and one in twelve is late.
    if index % 10 == 9:
        return Attendance.Mark.NO_SHOW
    if index % 12 == 5:
        return Attendance.Mark.LATE
    return Attendance.Mark.ATTENDED


def _trainer(partnership, organisation) -> User:
    trainer, _ = User.objects.get_or_create(
        email=f"trainer.sam@{SOUTH_TEES.email_domain}",
        defaults={
            "full_name": "Sam Demo-Trainer",
            "job_title": "Safeguarding trainer (fictional)",
            "partnership": partnership,
            "organisation": organisation,
            "password": make_password(DEMO_PASSWORD),
        },
    )
    RoleAssignment.objects.get_or_create(
        person=trainer, partnership=partnership, role=Role.PRACTITIONER
    )
    return trainer


def _last_term(partnership, *, courses, learners, practitioner, by) -> None:
    today = timezone.localdate()
    bookings = []
    for course_index, weeks_ago, booked in LAST_TERM:
        day = today - timedelta(weeks=weeks_ago)
        starts = datetime.combine(day, time(9, 30), tzinfo=timezone.get_current_timezone())
        course = courses[course_index]
        event = Event.objects.create(
            partnership=partnership,
            course=course,
            starts_at=starts,
            ends_at=starts + timedelta(hours=7 if course.is_full_day else 3),
            venue="Demo Training Centre, Room 1",
            capacity=16,
            trainers="Sam Demo-Trainer",
            created_by=by,
        )
        people = learners[:booked] + ([practitioner] if weeks_ago == 9 else [])
        bookings += [
            Booking(
                partnership=partnership,
                event=event,
                person=person,
                organisation=person.organisation,
                status=Booking.Status.BOOKED,
                created_at=starts - timedelta(days=30),
            )
            for person in people
        ]
    Booking.objects.bulk_create(bookings)


def _confidence(index: int, position: int, stage: str) -> int:
    """Before: 2 or 3; after: a point or two higher, never above 5."""
    before = 2 + (index + position) % 2
    return min(5, before + (1 + (index + position) % 2 if stage == Evaluation.Stage.AFTER else 0))


@transaction.atomic
def load(partnership, *, courses, learners, practitioner, by) -> int:
    """Last term's dates, and registers and evaluations for every date already held; the demo
    practitioner attended one, evaluated it before and after (their certificate is ready) and has
    the follow-up in practice to give. Returns how many registers were taken."""
    _last_term(partnership, courses=courses, learners=learners, practitioner=practitioner, by=by)
    trainer = _trainer(partnership, learners[0].organisation)
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
                mark=Attendance.Mark.ATTENDED if booking.person == practitioner else _mark(index),
                recorded_by=trainer,
                recorded_at=event.starts_at,
            )
            for index, booking in enumerate(bookings)
        ]
        Attendance.objects.bulk_create(marks)
        absent = {mark.booking_id for mark in marks if mark.mark == Attendance.Mark.NO_SHOW}
        Booking.objects.filter(pk__in=absent).update(
            charge_reason=Booking.Charge.NO_SHOW,
            charge=no_show_charge(
                full_day=event.course.is_full_day,
                half_day_charge=terms.no_show_charge_half_day,
                full_day_charge=terms.no_show_charge_full_day,
            ),
        )
        follow_up_open = evaluation.follow_up_is_open(ends_on=ends_on, today=today)
        for index, booking in enumerate(bookings):
            if booking.pk in absent or index % 7 == 6:  # a few give no evaluation at all
                continue
            stages = [Evaluation.Stage.BEFORE, Evaluation.Stage.AFTER]
            if follow_up_open and index % 3 != 2 and booking.person != practitioner:
                stages.append(Evaluation.Stage.FOLLOW_UP)
            change, example = PRACTICE_CHANGES[index % len(PRACTICE_CHANGES)]
            for stage in stages:
                after = stage == Evaluation.Stage.AFTER
                follow_up = stage == Evaluation.Stage.FOLLOW_UP
                given = Evaluation.objects.create(
                    partnership=partnership,
                    booking=booking,
                    stage=stage,
                    overall=4 + index % 2 if after else None,
                    most_useful=MOST_USEFUL[index % len(MOST_USEFUL)] if after else "",
                    practice_change=change if follow_up else "",
                    example=example if follow_up else "",
                    line_manager="Team manager (fictional)" if follow_up else "",
                    submitted_at=event.ends_at + timedelta(weeks=7 if follow_up else 0),
                )
                if not follow_up:
                    ConfidenceRating.objects.bulk_create(
                        ConfidenceRating(
                            evaluation=given,
                            outcome=outcome,
                            confidence=_confidence(index, position, stage),
                        )
                        for position, outcome in enumerate(outcomes)
                    )
    return len(events)

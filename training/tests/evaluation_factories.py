"""Events with places for the evaluation tests: the least data each needs. Names are fictional."""

from datetime import timedelta

from django.utils import timezone

from training.models import Attendance, Booking, LearningOutcome
from training.tests.factories import BookingFactory, EventFactory

OUTCOMES = ("Spot the signs of neglect", "Escalate a concern")


def event_for(cast, *, days_from_now: int = -1, outcomes=OUTCOMES, **course):
    """An event of the cast's partnership, starting `days_from_now` (past when negative) at 9:30."""
    starts_at = (timezone.now() + timedelta(days=days_from_now)).replace(
        hour=9, minute=30, second=0, microsecond=0
    )
    event = EventFactory(
        course__created_by=cast.manager,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=3),
        **{f"course__{name}": value for name, value in course.items()},
    )
    LearningOutcome.objects.bulk_create(
        LearningOutcome(course=event.course, text=text, position=index)
        for index, text in enumerate(outcomes)
    )
    return event


def place_for(person, event) -> Booking:
    return BookingFactory(event=event, person=person)


def marked(booking: Booking, mark=Attendance.Mark.ATTENDED, by=None) -> Attendance:
    return Attendance.objects.create(
        partnership=booking.partnership,
        booking=booking,
        mark=mark,
        recorded_by=by or booking.event.created_by,
    )


def ratings(event, *values) -> dict[str, int]:
    """The form's answers rating each learning outcome of the event's course in turn."""
    return {
        f"outcome_{outcome.pk}": value
        for outcome, value in zip(event.course.outcomes.all(), values, strict=True)
    }

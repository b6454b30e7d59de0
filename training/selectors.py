"""Reads of the training programme: courses, events and their places, bookings, charges."""

from datetime import timedelta

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from training.models import Booking, Course, Event, TrainingTerms

# How far back a person's calendar feed reaches.
FEED_DAYS_BACK = 90
HELD = Q(bookings__status__in=Booking.HOLDS_PLACE)
WAITING = Q(bookings__status=Booking.Status.WAITING)


def courses(partnership) -> QuerySet[Course]:
    """The partnership's courses in use, each with its next event's start and how many are to come."""
    upcoming = Q(events__starts_at__gte=timezone.now(), events__cancelled_at__isnull=True)
    return (
        Course.objects.filter(partnership=partnership, archived_at__isnull=True)
        .annotate(
            next_starts_at=Min("events__starts_at", filter=upcoming),
            upcoming_events=Count("events", filter=upcoming),
        )
        .order_by("title", "id")
    )


def with_places(events: QuerySet[Event]) -> QuerySet[Event]:
    """Events with the places taken (`taken`) and the length of the waiting list (`waiting`)."""
    return events.annotate(
        taken=Count("bookings", filter=HELD), waiting=Count("bookings", filter=WAITING)
    )


def upcoming_events(course: Course) -> QuerySet[Event]:
    return with_places(course.events.upcoming()).select_related("course")


def public_events(partnership) -> QuerySet[Event]:
    """The partnership's events still to come, for its public site and calendar feed."""
    return with_places(
        Event.objects.filter(partnership=partnership).upcoming().select_related("course")
    )


def places_taken(event) -> int:
    return Booking.objects.filter(event=event).holding_places().count()


def own_booking(event, person) -> Booking | None:
    """The person's active booking of the event, if any."""
    return event.bookings.filter(person=person, status__in=Booking.ACTIVE).first()


def bookings_of_event(event) -> QuerySet[Booking]:
    return event.bookings.select_related("person", "organisation").order_by(
        "status", "created_at", "id"
    )


def bookings_of(person) -> QuerySet[Booking]:
    """A person's own bookings, soonest event first."""
    return (
        Booking.objects.filter(person=person)
        .select_related("event__course")
        .order_by("-event__starts_at", "-id")
    )


def calendar_bookings(person) -> QuerySet[Event]:
    """The events a person has a place on (and those cancelled under them, for calendars to
    drop), for their private calendar feed."""
    return Event.objects.filter(
        bookings__person=person,
        bookings__status__in=[Booking.Status.BOOKED, Booking.Status.EVENT_CANCELLED],
        starts_at__gte=timezone.now() - timedelta(days=FEED_DAYS_BACK),
    ).select_related("course")


def charges(partnership) -> QuerySet[Booking]:
    """Bookings that cost an organisation money (a fee, or a late cancellation or non-attendance
    charge), by organisation, for invoicing."""
    return (
        Booking.objects.filter(partnership=partnership)
        .filter(Q(charge__gt=0) | Q(fee__gt=0, status=Booking.Status.BOOKED))
        .select_related("organisation", "person", "event__course")
        .order_by("organisation__name", "event__starts_at", "id")
    )


def terms_of(partnership) -> TrainingTerms:
    """The partnership's booking terms, or the usual ones until it sets its own."""
    return TrainingTerms.objects.filter(partnership=partnership).first() or TrainingTerms(
        partnership=partnership
    )

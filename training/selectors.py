"""Reads of the training programme: courses, events and their places, bookings."""

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from training.models import Booking, Course


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


def places_taken(event) -> int:
    return Booking.objects.filter(event=event).holding_places().count()

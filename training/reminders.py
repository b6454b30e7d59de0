"""Reminders of booked training two weeks and five days before (statutory.md 7b: "reminders 2 weeks
and 5 days before"), each with the event as an .ics attachment; sent by the daily reminder run."""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from training import services
from training.models import Booking

# (days before the event, the field recording that the reminder went, its opening line)
REMINDERS = (
    (14, "reminded_two_weeks_at", "Your training is in two weeks."),
    (5, "reminded_five_days_at", "Your training is in five days."),
)


def _due(today: date, days: int, field: str):
    """Booked places whose event starts within `days` days, not yet reminded, and booked at least
    that long before (a later booking had its confirmation instead)."""
    return Booking.objects.filter(
        status=Booking.Status.BOOKED,
        event__cancelled_at__isnull=True,
        event__starts_at__date__gt=today,
        event__starts_at__date__lte=today + timedelta(days=days),
        created_at__lte=F("event__starts_at") - timedelta(days=days),
        **{f"{field}__isnull": True},
    )


@transaction.atomic
def send_training_reminders(today: date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    sent = {}
    now = timezone.now()
    for days, field, opening in REMINDERS:
        bookings = list(
            _due(today, days, field)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("person", "event__course")
        )
        for booking in bookings:
            services.remind(booking=booking, opening=opening)
        Booking.objects.filter(pk__in=[booking.pk for booking in bookings]).update(**{field: now})
        sent[f"training_reminders_{days}_days"] = len(bookings)
    return sent

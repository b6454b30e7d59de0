"""The demo: a term of South Tees training with bookings, a waiting list and a late cancellation."""

import pytest
from django.core.management import call_command

from partnership.models import Partnership
from training.models import Booking, Course, Event

pytestmark = pytest.mark.django_db


def test_the_demo_gives_south_tees_a_term_of_training_with_a_waiting_list(demo_allowed):
    call_command("load_demo", stdout=None)
    call_command("load_demo", stdout=None)
    south_tees = Partnership.objects.get(slug="south-tees")
    assert Course.objects.filter(partnership=south_tees).count() == 6
    assert Course.objects.filter(partnership=south_tees, findings__isnull=False).exists()
    assert Event.objects.filter(partnership=south_tees).count() == 12  # 2 of last term
    bookings = Booking.objects.filter(partnership=south_tees)
    assert bookings.filter(status=Booking.Status.WAITING).count() == 4
    assert bookings.filter(charge_reason=Booking.Charge.LATE_CANCELLATION).count() == 1
    full = Event.objects.filter(bookings__status=Booking.Status.WAITING).distinct().get()
    assert full.bookings.filter(status=Booking.Status.BOOKED).count() == full.capacity

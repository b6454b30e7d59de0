"""Factories for the training programme. Every name is plainly fictional."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from training.models import Booking, Course, Event


class CourseFactory(DjangoModelFactory):
    class Meta:
        model = Course

    partnership = factory.SelfAttribute("created_by.partnership")
    title = factory.Sequence(lambda n: f"Test course {n}: working together to safeguard children")
    description = "A test course on multi-agency safeguarding practice."
    level = Course.Level.GROUP_A
    course_format = Course.Format.HALF_DAY


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    course = factory.SubFactory(CourseFactory)
    partnership = factory.SelfAttribute("course.partnership")
    created_by = factory.SelfAttribute("course.created_by")
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=30)).replace(
            hour=9, minute=30, second=0, microsecond=0
        )
    )
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=3))
    venue = "Test Community Centre, Room 2"
    capacity = 20
    trainers = "Trainer Testperson"


class BookingFactory(DjangoModelFactory):
    class Meta:
        model = Booking

    event = factory.SubFactory(EventFactory)
    partnership = factory.SelfAttribute("event.partnership")
    organisation = factory.SelfAttribute("person.organisation")
    status = Booking.Status.BOOKED

"""Attacks through HTTP: another practitioner's booking, another partnership's events, options the
forms do not offer."""

import pytest
from django.urls import reverse

from core.testing import sign_in
from learning.tests.factories import ThemeFactory
from training.models import Booking, Course
from training.tests.factories import BookingFactory, CourseFactory, EventFactory

pytestmark = pytest.mark.django_db


def test_a_practitioner_cannot_cancel_another_practitioners_booking_by_a_crafted_post(client, cast):
    booking = BookingFactory(event__course__created_by=cast.manager, person=cast.group_member)
    sign_in(client, cast.practitioner)
    response = client.post(reverse("training:booking_cancel", args=[booking.pk]))
    booking.refresh_from_db()
    assert response.status_code == 404
    assert booking.status == Booking.Status.BOOKED


def test_a_practitioner_sees_only_their_own_bookings(client, cast):
    event = EventFactory(course__created_by=cast.manager)
    own = BookingFactory(event=event, person=cast.practitioner)
    other = BookingFactory(event=event, person=cast.group_member)
    sign_in(client, cast.practitioner)
    assert client.get(reverse("training:booking_detail", args=[other.pk])).status_code == 404
    page = client.get(reverse("training:my_bookings")).content.decode()
    assert own.get_absolute_url() in page
    assert other.get_absolute_url() not in page
    event_page = client.get(event.get_absolute_url()).content.decode()
    assert cast.group_member.full_name not in event_page


def test_the_business_unit_of_another_partnership_cannot_cancel_a_booking_here(client, cast):
    booking = BookingFactory(event__course__created_by=cast.manager, person=cast.practitioner)
    sign_in(client, cast.outsider)
    response = client.post(reverse("training:booking_cancel", args=[booking.pk]))
    booking.refresh_from_db()
    assert response.status_code == 404
    assert booking.status == Booking.Status.BOOKED


def test_nobody_books_an_event_of_another_partnership(client, cast):
    event = EventFactory(course__created_by=cast.outsider)
    sign_in(client, cast.practitioner)
    response = client.post(reverse("training:event_book", args=[event.pk]))
    assert response.status_code == 404
    assert not Booking.objects.exists()


def test_another_partnerships_event_is_not_shown(client, cast):
    event = EventFactory(course__created_by=cast.outsider, course__title="Elsewhere only")
    sign_in(client, cast.practitioner)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert "Elsewhere only" not in client.get(reverse("training:course_list")).content.decode()


def test_a_theme_of_another_partnership_is_refused_on_a_course(client, cast):
    foreign = ThemeFactory(partnership=cast.other_partnership, name="Elsewhere theme")
    sign_in(client, cast.officer)
    response = client.post(
        reverse("training:course_create"),
        {
            "title": "Neglect",
            "description": "Seeing the child",
            "level": "group_a",
            "course_format": "half_day",
            "outcomes": "Recognise neglect",
            "themes": [foreign.pk],
        },
    )
    assert "Select themes from the list" in response.content.decode()
    assert not Course.objects.exists()


def test_a_practitioner_cannot_confirm_an_offer_made_to_someone_else(client, cast):
    course = CourseFactory(created_by=cast.manager)
    offered = BookingFactory(
        event__course=course, person=cast.group_member, status=Booking.Status.OFFERED
    )
    sign_in(client, cast.practitioner)
    response = client.post(reverse("training:offer_confirm", args=[offered.pk]))
    offered.refresh_from_db()
    assert response.status_code == 404
    assert offered.status == Booking.Status.OFFERED

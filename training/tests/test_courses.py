"""The course list: the partnership's courses with their next date."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.testing import sign_in
from training.tests.factories import CourseFactory, EventFactory

pytestmark = pytest.mark.django_db


def test_a_practitioner_sees_the_courses_of_their_partnership_with_the_next_date(client, cast):
    event = EventFactory(course__created_by=cast.manager, course__title="Neglect: seeing the child")
    EventFactory(course=event.course, starts_at=event.starts_at + timedelta(days=7))
    CourseFactory(created_by=cast.outsider, title="Elsewhere's course")
    sign_in(client, cast.practitioner)
    page = client.get(reverse("training:course_list")).content.decode()
    assert "Neglect: seeing the child" in page
    assert f"{timezone.localtime(event.starts_at):%-d %B %Y}" in page
    assert "and 1 more" in page
    assert "Elsewhere&#x27;s course" not in page


def test_a_cancelled_or_past_event_is_not_a_next_date(client, cast):
    course = CourseFactory(created_by=cast.manager, title="Online harm")
    EventFactory(course=course, cancelled_at=timezone.now())
    EventFactory(
        course=course,
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2, hours=-3),
    )
    sign_in(client, cast.practitioner)
    assert "No dates yet" in client.get(reverse("training:course_list")).content.decode()

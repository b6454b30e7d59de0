"""The business unit runs the programme: courses (from a finding), their dates, cancelling a date."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.testing import sign_in
from learning.tests.factories import FindingFactory, ThemeFactory
from training.models import Course, Event
from training.tests.factories import CourseFactory

pytestmark = pytest.mark.django_db


def _course_post(**changes):
    return {
        "title": "Neglect: seeing the child",
        "description": "Recognising and responding to neglect.",
        "level": "group_b",
        "prerequisites": "",
        "course_format": "full_day",
        "outcomes": "Recognise the signs of neglect\n\nUse the graded care profile\n",
        **changes,
    }


def test_a_course_is_created_from_a_finding_with_its_title_themes_and_the_finding(client, cast):
    theme = ThemeFactory(partnership=cast.partnership, name="Neglect")
    finding = FindingFactory(source__partnership=cast.partnership, title="Neglect went unseen")
    finding.themes.add(theme)
    sign_in(client, cast.officer)
    form = client.get(f"{reverse('training:course_create')}?finding={finding.pk}").content.decode()
    assert 'value="Neglect went unseen"' in form
    client.post(
        reverse("training:course_create"),
        _course_post(findings=[finding.pk], themes=[theme.pk]),
    )
    course = Course.objects.get()
    assert list(course.findings.all()) == [finding]
    assert list(course.themes.all()) == [theme]
    assert [outcome.text for outcome in course.outcomes.all()] == [
        "Recognise the signs of neglect",
        "Use the graded care profile",
    ]


def test_a_course_without_outcomes_is_refused_in_govuk_words(client, cast):
    sign_in(client, cast.officer)
    response = client.post(reverse("training:course_create"), _course_post(outcomes="", title=""))
    page = response.content.decode()
    assert "Enter at least one learning outcome" in page
    assert "Enter the course title" in page
    assert "This field is required" not in page
    assert not Course.objects.exists()


def test_a_date_is_added_with_its_times_in_local_time(client, cast):
    course = CourseFactory(created_by=cast.manager)
    sign_in(client, cast.officer)
    client.post(
        reverse("training:event_create", args=[course.pk]),
        {
            "day_0": "10",
            "day_1": "6",
            "day_2": "2027",
            "start": "09:30",
            "end": "12:30",
            "venue": "Test Community Centre",
            "capacity": "24",
        },
    )
    event = Event.objects.get()
    assert f"{timezone.localtime(event.starts_at):%Y-%m-%d %H:%M}" == "2027-06-10 09:30"
    assert event.capacity == 24


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"start": "25:00"}, "Start time must be a real time, for example 09:30"),
        ({"end": "09:00"}, "The end time must be after the start time"),
        ({"venue": ""}, "Enter a venue or an online joining link"),
        ({"capacity": "many"}, "Enter the number of places as a whole number, like 20"),
        ({"capacity": "0"}, "The number of places must be 1 or more"),
    ],
)
def test_a_date_with_a_mistake_is_refused_in_govuk_words(client, cast, changes, message):
    course = CourseFactory(created_by=cast.manager)
    sign_in(client, cast.officer)
    data = {
        "day_0": "10",
        "day_1": "6",
        "day_2": "2027",
        "start": "09:30",
        "end": "12:30",
        "venue": "Test Community Centre",
        "capacity": "24",
        **changes,
    }
    response = client.post(reverse("training:event_create", args=[course.pk]), data)
    assert message in response.content.decode()
    assert not Event.objects.exists()

"""The results reports (attendance, confidence change, practice changes), training needs and
citing a course's results as evidence of impact."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.testing import assert_queries_do_not_grow, sign_in
from learning import citations
from learning.services_recurring import recurring_lessons_rebuild
from learning.tests.factories import ActionFactory, FindingFactory, OtherSourceFactory, ThemeFactory
from training import selectors_evaluation
from training.models import Evaluation
from training.tests.evaluation_factories import event_for, marked, place_for

pytestmark = pytest.mark.django_db


def _evaluation(booking, stage, *values, **answers) -> Evaluation:
    given = Evaluation.objects.create(
        partnership=booking.partnership, booking=booking, stage=stage, **answers
    )
    outcomes = booking.event.course.outcomes.all() if values else []
    for outcome, value in zip(outcomes, values, strict=True):
        given.ratings.create(outcome=outcome, confidence=value)
    return given


def _evaluated_course(cast):
    event = event_for(cast, title="Neglect: seeing the child")
    for person, before, after in (
        (cast.practitioner, (2, 3), (4, 4)),
        (cast.contributor, (3, 3), (4, 5)),
    ):
        booking = place_for(person, event)
        marked(booking)
        _evaluation(booking, "before", *before)
        _evaluation(booking, "after", *after, overall=4)
    absent = place_for(cast.group_member, event)
    marked(absent, mark="no_show")
    return event


def test_the_results_show_attendance_by_agency_and_role_and_confidence_change(client, cast):
    _evaluated_course(cast)
    sign_in(client, cast.officer)
    page = client.get(reverse("training:results")).content.decode()
    assert "2 attended (0 late), 1 did not attend: a no-show rate of 33.3%" in page
    assert "Attendance by agency" in page and "Test Hospitals Trust" in page
    assert "Attendance by role" in page
    assert "Spot the signs of neglect" in page and "+1.5" in page  # 2.5 before, 4.0 after
    assert 'role="img"' in page and "<caption" in page


def test_a_courses_results_list_the_practice_changes_reported_at_follow_up(client, cast):
    event = _evaluated_course(cast)
    booking = event.bookings.get(person=cast.practitioner)
    _evaluation(
        booking,
        "follow_up",
        practice_change="I ask about neglect at every visit",
        example="Missed appointments followed up",
        line_manager="Team Manager Testperson",
    )
    sign_in(client, cast.manager)
    page = client.get(reverse("training:course_results", args=[event.course.pk])).content.decode()
    assert "I ask about neglect at every visit" in page
    assert "Practitioner Testperson" not in page


@pytest.mark.parametrize("persona", ["practitioner", "partner_lead"])
def test_the_results_are_the_business_units_only(client, cast, persona):
    event = _evaluated_course(cast)
    sign_in(client, getattr(cast, persona))
    assert client.get(reverse("training:results")).status_code == 403
    assert client.get(reverse("training:course_results", args=[event.course.pk])).status_code == 403


def test_another_partnership_sees_none_of_the_results(client, cast):
    event = _evaluated_course(cast)
    sign_in(client, cast.outsider)
    assert (
        "Neglect: seeing the child" not in client.get(reverse("training:results")).content.decode()
    )
    assert client.get(reverse("training:course_results", args=[event.course.pk])).status_code == 404


def _recurring(cast, name):
    theme = ThemeFactory(partnership=cast.partnership, name=name)
    for _ in range(2):
        FindingFactory(source=OtherSourceFactory(partnership=cast.partnership)).themes.add(theme)
    recurring_lessons_rebuild(partnership=cast.partnership)
    return theme


def test_a_recurring_theme_without_training_in_twelve_months_is_a_training_need(client, cast):
    _recurring(cast, "Safe sleep")
    trained = _recurring(cast, "Neglect")
    event_for(cast).course.themes.add(trained)
    lapsed = _recurring(cast, "Online harm")
    old = event_for(cast, days_from_now=-400)
    old.course.themes.add(lapsed)
    type(old.course).objects.filter(pk=old.course.pk).update(
        created_at=timezone.now() - timedelta(days=500)
    )
    sign_in(client, cast.officer)
    page = client.get(reverse("training:training_needs")).content.decode()
    assert "Safe sleep" in page and "Online harm" in page
    assert "Neglect" not in page


def test_a_courses_results_are_offered_as_evidence_for_the_action_behind_its_findings(cast):
    event = _evaluated_course(cast)
    finding = FindingFactory(source=OtherSourceFactory(partnership=cast.partnership))
    event.course.findings.add(finding)
    action = ActionFactory(recommendation__source=finding.source)
    action.recommendation.findings.set([finding])
    other_action = ActionFactory(recommendation__source=finding.source)

    (offered,) = citations.citable_for(action)

    assert offered.record == event.course
    assert offered.title == "Training results: Neglect: seeing the child"
    assert "Spot the signs of neglect: confidence 2.5 to 4.0 (2 people)" in offered.summary
    assert citations.citable_for(other_action) == []
    assert selectors_evaluation.citable_results(other_action) == []


def test_the_results_page_makes_as_many_queries_however_many_courses_are_evaluated(client, cast):
    _evaluated_course(cast)
    sign_in(client, cast.officer)

    def another_course():
        event = event_for(cast, title="Online harm: a second course")
        booking = place_for(cast.practitioner, event)
        marked(booking)
        _evaluation(booking, "before", 1, 2)
        _evaluation(booking, "after", 3, 4, overall=5)

    assert_queries_do_not_grow(lambda: client.get(reverse("training:results")), another_course)

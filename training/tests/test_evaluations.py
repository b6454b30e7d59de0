"""The three stages of evaluation and the certificate, through HTTP: a practitioner gives only their
own, each at its time, with confidence rated from 1 to 5."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEvent, Deadline
from core.testing import sign_in
from training import services_evaluation
from training.models import Evaluation
from training.tests.evaluation_factories import event_for, marked, place_for, ratings

pytestmark = pytest.mark.django_db


def _url(booking, stage):
    return reverse("training:evaluation_give", args=[booking.pk, stage])


def test_a_practitioner_rates_their_confidence_in_each_outcome_before_the_course(client, cast):
    event = event_for(cast, days_from_now=10)
    booking = place_for(cast.practitioner, event)
    services_evaluation.evaluation_before_deadlines()
    sign_in(client, cast.practitioner)
    page = client.get(_url(booking, "before")).content.decode()
    assert "How confident are you to: Spot the signs of neglect?" in page

    response = client.post(_url(booking, "before"), ratings(event, 2, 3))

    assert response.status_code == 302
    given = Evaluation.objects.get(booking=booking, stage="before")
    assert [rating.confidence for rating in given.ratings.all()] == [2, 3]
    assert not Deadline.objects.open().filter(responsible=cast.practitioner).exists()
    assert AuditEvent.objects.filter(subject_id=str(given.pk), actor=cast.practitioner).exists()


def test_the_daily_run_asks_for_the_baseline_two_weeks_ahead_and_withdraws_it_with_the_place(
    cast,
):
    soon = place_for(cast.practitioner, event_for(cast, days_from_now=10))
    place_for(cast.practitioner, event_for(cast, days_from_now=20))

    counts = services_evaluation.evaluation_before_deadlines()

    (deadline,) = Deadline.objects.open().filter(responsible=cast.practitioner)
    assert (deadline.subject_id, deadline.due_date, deadline.remind_days_before) == (
        soon.pk,
        timezone.localdate(soon.event.starts_at),
        5,
    )
    assert deadline.link == _url(soon, "before")
    assert counts["training_evaluations_asked"] == 1
    assert services_evaluation.evaluation_before_deadlines()["training_evaluations_asked"] == 0

    type(soon).objects.filter(pk=soon.pk).update(status="cancelled")
    assert services_evaluation.evaluation_before_deadlines()["training_evaluations_withdrawn"] == 1
    assert not Deadline.objects.open().exists()


def test_confidence_outside_one_to_five_is_refused_with_a_govuk_message(client, cast):
    event = event_for(cast, days_from_now=10)
    booking = place_for(cast.practitioner, event)
    sign_in(client, cast.practitioner)
    first, _ = event.course.outcomes.all()

    response = client.post(_url(booking, "before"), {f"outcome_{first.pk}": 7})

    page = response.content.decode()
    assert "Select a number from 1 to 5 for how confident you are" in page
    assert "Select how confident you are to escalate a concern" in page
    assert "There is a problem" in page
    assert not Evaluation.objects.exists()


def test_the_evaluation_after_the_course_waits_for_the_register_to_show_attendance(client, cast):
    event = event_for(cast)
    booking = place_for(cast.practitioner, event)
    sign_in(client, cast.practitioner)

    response = client.post(_url(booking, "after"), {**ratings(event, 4, 4), "overall": 5})

    assert "once the register shows you attended the course" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_the_certificate_is_downloadable_only_after_the_evaluation_after_the_course(client, cast):
    event = event_for(cast)
    booking = place_for(cast.practitioner, event)
    marked(booking)
    sign_in(client, cast.practitioner)
    certificate = reverse("training:certificate", args=[booking.pk])
    record = reverse("training:training_record")
    assert client.get(certificate).status_code == 403
    assert "Download your certificate" not in client.get(record).content.decode()

    client.post(_url(booking, "after"), {**ratings(event, 4, 5), "overall": 4})

    response = client.get(certificate)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "Download your certificate" in client.get(record).content.decode()


def test_a_practitioner_sees_and_gives_only_their_own_evaluations_and_certificate(client, cast):
    event = event_for(cast)
    theirs = place_for(cast.practitioner, event)
    marked(theirs)
    services_evaluation.evaluation_give(
        booking=theirs,
        stage="after",
        answers=services_evaluation.Answers(
            confidence={outcome.pk: 4 for outcome in event.course.outcomes.all()}, overall=4
        ),
        by=cast.practitioner,
    )
    sign_in(client, cast.contributor)
    assert client.get(_url(theirs, "after")).status_code == 404
    assert client.post(_url(theirs, "follow_up"), {"practice_change": "x"}).status_code == 404
    assert client.get(reverse("training:certificate", args=[theirs.pk])).status_code == 404
    assert (
        event.course.title not in client.get(reverse("training:training_record")).content.decode()
    )


def test_the_business_unit_neither_gives_a_practitioners_evaluation_nor_takes_their_certificate(
    client, cast
):
    event = event_for(cast)
    booking = place_for(cast.practitioner, event)
    marked(booking)
    sign_in(client, cast.officer)
    assert client.post(_url(booking, "after"), ratings(event, 1, 1)).status_code == 403
    assert client.get(reverse("training:certificate", args=[booking.pk])).status_code == 403
    assert not Evaluation.objects.exists()


def test_another_partnership_sees_no_evaluation_or_certificate(client, cast):
    event = event_for(cast)
    booking = place_for(cast.practitioner, event)
    marked(booking)
    sign_in(client, cast.outsider)
    assert client.get(_url(booking, "after")).status_code == 404
    assert client.get(reverse("training:certificate", args=[booking.pk])).status_code == 404


def test_the_follow_up_in_practice_opens_six_weeks_after_and_records_what_changed(client, cast):
    event = event_for(cast)
    booking = place_for(cast.practitioner, event)
    marked(booking)
    sign_in(client, cast.practitioner)
    answers = {
        "practice_change": "I now ask about neglect at every home visit",
        "example": "A family's missed appointments were followed up the same week",
        "line_manager": "Team Manager Testperson",
    }
    assert "opens on" in client.post(_url(booking, "follow_up"), answers).content.decode()

    with time_machine.travel(timezone.now() + timedelta(weeks=6)):
        sign_in(client, cast.practitioner)
        blank = client.post(_url(booking, "follow_up"), {}).content.decode()
        assert "Enter what has changed in your practice" in blank
        client.post(_url(booking, "follow_up"), answers)

    given = Evaluation.objects.get(booking=booking, stage="follow_up")
    assert given.line_manager == "Team Manager Testperson"
    assert not given.ratings.exists()


def test_a_cancelled_place_gives_no_evaluation(client, cast):
    event = event_for(cast, days_from_now=10)
    booking = place_for(cast.practitioner, event)
    type(booking).objects.filter(pk=booking.pk).update(status="cancelled")
    sign_in(client, cast.practitioner)
    response = client.post(_url(booking, "before"), ratings(event, 2, 3))
    assert "You can evaluate only a course you have a place on" in response.content.decode()
    assert not Evaluation.objects.exists()

"""The attendance register, through HTTP: taken on the day by the event's trainers and the business
unit; a no-show carries the partnership's charge; attending sets the later stages' deadlines."""

from decimal import Decimal

import pytest
from django.urls import reverse

from core.models import Deadline
from core.testing import assert_queries_do_not_grow, sign_in
from partnership.tests.factories import PersonFactory
from training.models import Attendance, Booking, EventTrainer
from training.tests.evaluation_factories import event_for, place_for

pytestmark = pytest.mark.django_db


def _register(event):
    return reverse("training:event_register", args=[event.pk])


def _trainer(cast, event):
    trainer = PersonFactory(
        partnership=cast.partnership, full_name="Trainer Testperson", roles=["practitioner"]
    )
    EventTrainer.objects.create(event=event, person=trainer)
    return trainer


def test_a_trainer_marks_attended_late_and_did_not_attend_on_the_day(client, cast):
    event = event_for(cast, days_from_now=0, course_format="full_day")
    on_time = place_for(cast.practitioner, event)
    late = place_for(cast.contributor, event)
    absent = place_for(cast.group_member, event)
    sign_in(client, _trainer(cast, event))
    assert "Practitioner Testperson" in client.get(_register(event)).content.decode()

    client.post(
        _register(event),
        {
            f"booking_{on_time.pk}": "attended",
            f"booking_{late.pk}": "late",
            f"booking_{absent.pk}": "no_show",
        },
    )

    marks = dict(Attendance.objects.values_list("booking_id", "mark"))
    assert marks == {on_time.pk: "attended", late.pk: "late", absent.pk: "no_show"}
    absent.refresh_from_db()
    assert (absent.charge_reason, absent.charge) == (Booking.Charge.NO_SHOW, Decimal("90"))
    titles = set(
        Deadline.objects.open()
        .filter(responsible=cast.practitioner)
        .values_list("title", flat=True)
    )
    assert titles == {"Training evaluation after the course", "Training evaluation in practice"}
    assert not Deadline.objects.filter(responsible=cast.group_member).exists()


def test_a_mark_once_recorded_stands(client, cast):
    event = event_for(cast, days_from_now=0)
    booking = place_for(cast.practitioner, event)
    sign_in(client, cast.officer)
    client.post(_register(event), {f"booking_{booking.pk}": "attended"})
    client.post(_register(event), {f"booking_{booking.pk}": "no_show"})
    assert Attendance.objects.get().mark == "attended"


def test_a_crafted_mark_is_refused_with_a_govuk_message(client, cast):
    event = event_for(cast, days_from_now=0)
    booking = place_for(cast.practitioner, event)
    sign_in(client, cast.officer)
    response = client.post(_register(event), {f"booking_{booking.pk}": "excused"})
    assert (
        "Select attended, arrived late or did not attend for Practitioner Testperson"
        in response.content.decode()
    )
    assert not Attendance.objects.exists()


def test_the_register_opens_on_the_day_the_event_starts(client, cast):
    event = event_for(cast, days_from_now=3)
    booking = place_for(cast.practitioner, event)
    sign_in(client, cast.officer)
    assert "The register opens on" in client.get(_register(event)).content.decode()
    client.post(_register(event), {f"booking_{booking.pk}": "attended"})
    assert not Attendance.objects.exists()


def test_someone_who_does_not_run_the_event_sees_no_register(client, cast):
    event = event_for(cast, days_from_now=0)
    place_for(cast.practitioner, event)
    _trainer(cast, event)
    sign_in(client, cast.contributor)
    response = client.get(_register(event))
    assert response.status_code == 403
    assert "Practitioner Testperson" not in response.content.decode()


def test_a_trainer_sees_only_the_registers_of_the_events_they_run(client, cast):
    theirs, other = event_for(cast, days_from_now=0), event_for(cast, days_from_now=0)
    sign_in(client, _trainer(cast, theirs))
    assert client.get(_register(theirs)).status_code == 200
    assert client.get(_register(other)).status_code == 403


def test_a_trainer_finds_the_registers_of_the_events_they_run_on_their_training_page(client, cast):
    theirs, other = event_for(cast, days_from_now=0), event_for(cast, days_from_now=0)
    sign_in(client, _trainer(cast, theirs))
    page = client.get(reverse("training:training_record")).content.decode()
    assert _register(theirs) in page
    assert _register(other) not in page


def test_another_partnership_finds_no_register(client, cast):
    event = event_for(cast, days_from_now=0)
    sign_in(client, cast.outsider)
    assert client.get(_register(event)).status_code == 404


def test_the_business_unit_names_a_trainer_who_then_takes_the_register(client, cast):
    event = event_for(cast, days_from_now=0)
    sign_in(client, cast.officer)
    client.post(
        reverse("training:event_trainer_add", args=[event.pk]), {"person": cast.practitioner.pk}
    )
    assert EventTrainer.objects.filter(event=event, person=cast.practitioner).exists()
    sign_in(client, cast.practitioner)
    assert client.get(_register(event)).status_code == 200


def test_a_trainer_from_another_partnership_cannot_be_named(client, cast):
    event = event_for(cast, days_from_now=0)
    sign_in(client, cast.officer)
    client.post(
        reverse("training:event_trainer_add", args=[event.pk]), {"person": cast.outsider.pk}
    )
    assert not EventTrainer.objects.exists()


def test_the_register_makes_as_many_queries_however_many_have_places(client, cast):
    event = event_for(cast, days_from_now=0)
    marked_booking = place_for(cast.practitioner, event)
    sign_in(client, cast.officer)
    client.post(_register(event), {f"booking_{marked_booking.pk}": "late"})
    place_for(cast.contributor, event)

    def more_places():
        for person in (cast.group_member, cast.partner_lead):
            place_for(person, event)

    assert_queries_do_not_grow(lambda: client.get(_register(event)), more_places)

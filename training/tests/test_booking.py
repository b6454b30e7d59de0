"""Booking a place, the waiting list, offers, cancellations and their charges, through the pages
and the services."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEvent
from core.testing import sign_in
from partnership.models import Organisation
from partnership.tests.factories import OrganisationFactory
from training import services
from training.models import Booking, Fee, TrainingTerms
from training.tests.factories import BookingFactory, EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(cast):
    return EventFactory(course__created_by=cast.manager, capacity=2)


def _book(client, event, **data):
    return client.post(reverse("training:event_book", args=[event.pk]), data)


def test_a_practitioner_books_a_place_and_is_emailed_it_with_a_calendar_invitation(
    client, cast, event, django_capture_on_commit_callbacks
):
    sign_in(client, cast.practitioner)
    with django_capture_on_commit_callbacks(execute=True):
        response = _book(client, event)
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert (booking.person, booking.status) == (cast.practitioner, Booking.Status.BOOKED)
    assert AuditEvent.objects.filter(subject_id=str(booking.pk), actor=cast.practitioner).exists()
    (message,) = mail.outbox
    assert message.to == [cast.practitioner.email]
    assert message.attachments[0][2] == "text/calendar"


def test_when_the_places_have_gone_the_booking_goes_on_the_waiting_list(client, cast, event):
    BookingFactory(event=event, person=cast.officer)
    BookingFactory(event=event, person=cast.group_member)
    sign_in(client, cast.practitioner)
    _book(client, event)
    assert Booking.objects.get(person=cast.practitioner).status == Booking.Status.WAITING


def test_booking_twice_is_refused_with_a_clear_message_and_nothing_written(client, cast, event):
    BookingFactory(event=event, person=cast.practitioner)
    sign_in(client, cast.practitioner)
    response = _book(client, event)
    assert response.status_code == 400
    assert "You have already booked a place on this event" in response.content.decode()
    assert Booking.objects.count() == 1


def test_booking_after_the_window_closed_is_refused_and_nothing_written(client, cast):
    event = EventFactory(
        course__created_by=cast.manager, booking_closes_on=timezone.localdate() - timedelta(days=1)
    )
    sign_in(client, cast.practitioner)
    response = _book(client, event)
    assert "Booking for this event has closed" in response.content.decode()
    assert not Booking.objects.exists()


def test_a_cancelled_event_cannot_be_booked(client, cast):
    event = EventFactory(course__created_by=cast.manager, cancelled_at=timezone.now())
    sign_in(client, cast.practitioner)
    response = _book(client, event)
    assert response.status_code == 400
    assert not Booking.objects.exists()


def test_a_course_needing_approval_asks_for_the_line_managers_email(client, cast):
    event = EventFactory(course__created_by=cast.manager, course__needs_manager_approval=True)
    sign_in(client, cast.practitioner)
    response = _book(client, event)
    assert "Enter your line manager&#x27;s email address" in response.content.decode()
    assert not Booking.objects.exists()


def test_the_line_manager_approves_by_the_signed_link_in_their_email(
    client, cast, django_capture_on_commit_callbacks
):
    event = EventFactory(course__created_by=cast.manager, course__needs_manager_approval=True)
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.booking_make(
            event=event, person=cast.practitioner, line_manager_email="boss@test.example"
        )
    approval = next(message for message in mail.outbox if message.to == ["boss@test.example"])
    link = next(word for word in approval.body.split() if "/training/approve/" in word)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.post(f"/{path}", {"decision": "approve"})
    booking.refresh_from_db()
    assert response.status_code == 302
    assert booking.approval == Booking.Approval.APPROVED


def test_a_tampered_approval_link_finds_nothing(client, cast):
    booking = BookingFactory(
        event__course__created_by=cast.manager,
        person=cast.practitioner,
        approval=Booking.Approval.AWAITING,
        line_manager_email="boss@test.example",
    )
    token = services.approval_token(booking)
    response = client.post(
        reverse("training:booking_approval", args=[token[:-2] + "xx"]), {"decision": "approve"}
    )
    booking.refresh_from_db()
    assert response.status_code == 404
    assert booking.approval == Booking.Approval.AWAITING


def test_the_line_manager_declining_frees_the_place(cast, event):
    booking = BookingFactory(
        event=event,
        person=cast.practitioner,
        approval=Booking.Approval.AWAITING,
        line_manager_email="boss@test.example",
    )
    services.booking_decide(booking=booking, approve=False)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.DECLINED


def test_a_cancelled_place_is_offered_to_the_first_person_waiting(
    cast, event, django_capture_on_commit_callbacks
):
    booked = BookingFactory(event=event, person=cast.practitioner)
    BookingFactory(event=event, person=cast.officer)
    first = BookingFactory(event=event, person=cast.group_member, status=Booking.Status.WAITING)
    second = BookingFactory(event=event, person=cast.partner_lead, status=Booking.Status.WAITING)
    services.booking_cancel(booking=booked, by=cast.practitioner)
    with django_capture_on_commit_callbacks(execute=True):
        services.offer_places(event_id=event.pk)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Booking.Status.OFFERED
    assert first.offer_expires_at == first.offered_at + timedelta(hours=48)
    assert second.status == Booking.Status.WAITING
    assert any("A place is free" in message.subject for message in mail.outbox)


def test_someone_new_does_not_jump_the_waiting_list_for_a_freed_place(cast, event):
    booked = BookingFactory(event=event, person=cast.officer)
    BookingFactory(event=event, person=cast.manager)
    BookingFactory(event=event, person=cast.group_member, status=Booking.Status.WAITING)
    services.booking_cancel(booking=booked, by=cast.officer)
    newcomer = services.booking_make(event=event, person=cast.practitioner)
    assert newcomer.status == Booking.Status.WAITING


def test_an_offer_not_confirmed_in_time_passes_to_the_next_person(cast, event):
    BookingFactory(event=event, person=cast.officer)
    offered = BookingFactory(
        event=event,
        person=cast.group_member,
        status=Booking.Status.OFFERED,
        offered_at=timezone.now() - timedelta(hours=49),
        offer_expires_at=timezone.now() - timedelta(hours=1),
    )
    next_in_line = BookingFactory(
        event=event, person=cast.partner_lead, status=Booking.Status.WAITING
    )
    services.offer_lapse(booking_id=offered.pk)
    services.offer_places(event_id=event.pk)
    offered.refresh_from_db()
    next_in_line.refresh_from_db()
    assert offered.status == Booking.Status.LAPSED
    assert next_in_line.status == Booking.Status.OFFERED


def test_an_offer_confirmed_in_time_is_a_booked_place(client, cast, event):
    offered = BookingFactory(
        event=event,
        person=cast.practitioner,
        status=Booking.Status.OFFERED,
        offered_at=timezone.now(),
        offer_expires_at=timezone.now() + timedelta(hours=48),
    )
    sign_in(client, cast.practitioner)
    client.post(reverse("training:offer_confirm", args=[offered.pk]))
    offered.refresh_from_db()
    assert offered.status == Booking.Status.BOOKED


def test_an_expired_offer_cannot_be_confirmed(client, cast, event):
    offered = BookingFactory(
        event=event,
        person=cast.practitioner,
        status=Booking.Status.OFFERED,
        offered_at=timezone.now() - timedelta(hours=49),
        offer_expires_at=timezone.now() - timedelta(hours=1),
    )
    sign_in(client, cast.practitioner)
    response = client.post(reverse("training:offer_confirm", args=[offered.pk]))
    offered.refresh_from_db()
    assert "The time to confirm this place has passed" in response.content.decode()
    assert offered.status == Booking.Status.OFFERED


def test_cancelling_with_less_notice_than_the_terms_is_charged(client, cast):
    TrainingTerms.objects.create(
        partnership=cast.partnership, cancellation_working_days=5, late_cancellation_charge=40
    )
    soon = timezone.now() + timedelta(days=2)
    event = EventFactory(
        course__created_by=cast.manager, starts_at=soon, ends_at=soon + timedelta(hours=3)
    )
    booking = BookingFactory(event=event, person=cast.practitioner)
    sign_in(client, cast.practitioner)
    client.post(reverse("training:booking_cancel", args=[booking.pk]))
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert (booking.charge_reason, booking.charge) == (Booking.Charge.LATE_CANCELLATION, 40)


def test_cancelling_in_good_time_is_free(cast, event):
    booking = BookingFactory(event=event, person=cast.practitioner)
    services.booking_cancel(booking=booking, by=cast.practitioner)
    booking.refresh_from_db()
    assert booking.charge == 0


def test_not_attending_a_full_day_is_charged_the_full_day_rate(cast):
    event = EventFactory(course__created_by=cast.manager, course__course_format="full_day")
    booking = BookingFactory(event=event, person=cast.practitioner)
    services.no_show_record(booking=booking, by=cast.officer)
    booking.refresh_from_db()
    assert (booking.charge_reason, booking.charge) == (Booking.Charge.NO_SHOW, Decimal("90"))


def test_a_non_partner_pays_the_fee_set_for_its_type_and_a_partner_nothing(cast, event):
    nursery = OrganisationFactory(
        partnership=cast.partnership,
        name="Test Nursery",
        organisation_type=Organisation.Type.EDUCATION,
        standing=Organisation.Standing.RELEVANT_AGENCY,
    )
    Fee.objects.create(
        partnership=cast.partnership,
        organisation_type=Organisation.Type.EDUCATION,
        course_format=event.course.course_format,
        amount=Decimal("35"),
    )
    cast.group_member.organisation = nursery
    charged = services.booking_make(event=event, person=cast.group_member)
    free = services.booking_make(event=event, person=cast.practitioner)
    assert charged.fee == Decimal("35")
    assert free.fee == Decimal("0")


def test_cancelling_an_event_emails_everyone_booked_and_waiting(
    cast, event, django_capture_on_commit_callbacks
):
    BookingFactory(event=event, person=cast.practitioner)
    BookingFactory(event=event, person=cast.group_member, status=Booking.Status.WAITING)
    BookingFactory(event=event, person=cast.officer, status=Booking.Status.CANCELLED)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event, reason="The trainer is ill", by=cast.manager)
    (message,) = mail.outbox
    assert sorted(message.to) == sorted([cast.practitioner.email, cast.group_member.email])
    assert "The trainer is ill" in message.body
    assert set(event.bookings.values_list("status", flat=True)) == {
        Booking.Status.EVENT_CANCELLED,
        Booking.Status.CANCELLED,
    }


def test_moving_an_event_raises_its_calendar_sequence(cast, event):
    services.event_update(
        event=event,
        data={
            "starts_at": event.starts_at + timedelta(days=1),
            "ends_at": event.ends_at + timedelta(days=1),
            "venue": event.venue,
            "online_url": "",
            "capacity": event.capacity,
            "trainers": event.trainers,
            "booking_opens_on": None,
            "booking_closes_on": None,
        },
        expected_version=event.version,
        by=cast.manager,
    )
    event.refresh_from_db()
    assert event.sequence == 1


def test_the_charges_csv_lists_charges_and_fees_by_organisation_for_invoicing(client, cast, event):
    BookingFactory(
        event=event,
        person=cast.practitioner,
        status=Booking.Status.CANCELLED,
        charge_reason=Booking.Charge.LATE_CANCELLATION,
        charge=Decimal("40"),
    )
    BookingFactory(event=event, person=cast.group_member, fee=Decimal("35"))
    BookingFactory(event=event, person=cast.officer)
    sign_in(client, cast.manager)
    response = client.get(reverse("training:charges_csv"))
    rows = [line.split(",") for line in response.content.decode().splitlines()]
    assert rows[0][0] == "Organisation"
    assert [(row[0], row[5], row[6], row[7]) for row in rows[1:]] == [
        ("Test Borough Council", "0.00", "40.00", "Late cancellation"),
        ("Test Hospitals Trust", "35.00", "0.00", ""),
    ]

"""Every change to the training programme and its bookings. Each writes its audit row in its own
transaction and sends its email (and queues its tasks) only once that transaction has committed.

Places: every change that takes or frees a place locks the event's row first (`_locked_event`)
and counts in the same transaction, so however many people book at once an event never holds more
than its capacity; places that free up go to the waiting list in order, through `offer_places`.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core import audit
from core.concurrency import save_if_unchanged
from core.models import AuditEvent
from core.selectors import closure_dates
from partnership.models import Organisation, Partnership
from training import calendar, policy, selectors, terms
from training.models import (
    Booking,
    CalendarFeed,
    Course,
    Event,
    Fee,
    LearningOutcome,
    TrainingTerms,
    new_feed_token,
)

APPROVAL_SALT = "training.booking-approval"
APPROVAL_DAYS = 30


class BookingRefused(ValidationError):
    """A booking, cancellation or offer that the terms do not allow, with the reason to show."""


# Emails


def _send(to: list[str], subject: str, body: str, *, invitation: Event | None = None) -> None:
    """Email once the transaction commits; an event goes with it as an .ics attachment."""
    message = EmailMessage(f"Learning Hub: {subject}", body, to=sorted(set(to)))
    if invitation is not None:
        message.attach(
            "training.ics",
            calendar.calendar_of([invitation], name=invitation.course.title),
            "text/calendar",
        )
    transaction.on_commit(lambda: message.send(fail_silently=False))


def _when(event: Event) -> str:
    start = timezone.localtime(event.starts_at)
    end = timezone.localtime(event.ends_at)
    place = event.venue or event.online_url or "to be confirmed"
    return f"{start:%A %-d %B %Y}, {start:%-I:%M%p} to {end:%-I:%M%p}\nWhere: {place}".replace(
        "AM", "am"
    ).replace("PM", "pm")


def _link(url: str) -> str:
    return f"{settings.SITE_URL}{url}"


# Courses and events

COURSE_FIELDS = [
    "title",
    "description",
    "level",
    "prerequisites",
    "course_format",
    "needs_manager_approval",
]
COURSE_LINKS = ["themes", "findings", "training_changes"]


def _check_links(partnership: Partnership, data: dict[str, Any]) -> None:
    for name in COURSE_LINKS:
        if any(item.partnership_id != partnership.pk for item in data.get(name, ())):
            raise ValidationError(f"The {name.replace('_', ' ')} must be the partnership's own")


def _set_outcomes(course: Course, outcomes: list[str]) -> None:
    course.outcomes.all().delete()
    LearningOutcome.objects.bulk_create(
        LearningOutcome(course=course, text=text, position=position)
        for position, text in enumerate(outcomes, start=1)
    )


@transaction.atomic
def course_create(
    *, partnership: Partnership, data: dict[str, Any], outcomes: list[str], by
) -> Course:
    _check_links(partnership, data)
    course = Course.objects.create(
        partnership=partnership,
        created_by=by,
        **{name: data[name] for name in COURSE_FIELDS if name in data},
    )
    for name in COURSE_LINKS:
        getattr(course, name).set(data.get(name, ()))
    _set_outcomes(course, outcomes)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=course,
        details={"outcomes": outcomes, "findings": [f.pk for f in data.get("findings", ())]},
    )
    return course


@transaction.atomic
def course_update(
    *, course: Course, data: dict[str, Any], outcomes: list[str], expected_version: int, by
) -> Course:
    _check_links(course.partnership, data)
    before = audit.snapshot(course, COURSE_FIELDS)
    for name in COURSE_FIELDS:
        if name in data:
            setattr(course, name, data[name])
    save_if_unchanged(course, expected_version=expected_version, fields=COURSE_FIELDS)
    for name in COURSE_LINKS:
        if name in data:
            getattr(course, name).set(data[name])
    _set_outcomes(course, outcomes)
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=course,
        details={
            **audit.changes(before, audit.snapshot(course, COURSE_FIELDS)),
            "outcomes": outcomes,
        },
    )
    return course


EVENT_FIELDS = [
    "starts_at",
    "ends_at",
    "venue",
    "online_url",
    "capacity",
    "trainers",
    "booking_opens_on",
    "booking_closes_on",
]
# A change to any of these moves the event in people's calendars.
CALENDAR_FIELDS = {"starts_at", "ends_at", "venue", "online_url"}


def _check_event(data: dict[str, Any]) -> None:
    if data["ends_at"] <= data["starts_at"]:
        raise ValidationError("The end must be after the start")
    if not (data.get("venue") or data.get("online_url")):
        raise ValidationError("Enter a venue or an online joining link")


@transaction.atomic
def event_create(*, course: Course, data: dict[str, Any], by) -> Event:
    _check_event(data)
    event = Event.objects.create(
        partnership=course.partnership,
        course=course,
        created_by=by,
        **{name: data[name] for name in EVENT_FIELDS if name in data},
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=event,
        details=audit.snapshot(event, EVENT_FIELDS),
    )
    return event


@transaction.atomic
def event_update(*, event: Event, data: dict[str, Any], expected_version: int, by) -> Event:
    _check_event(data)
    event = _locked_event(event.pk)
    held = selectors.places_taken(event)
    if data["capacity"] < held:
        raise ValidationError(
            f"The number of places must be at least {held}, the places already taken"
        )
    before = audit.snapshot(event, EVENT_FIELDS)
    for name in EVENT_FIELDS:
        setattr(event, name, data[name])
    changed = audit.changes(before, audit.snapshot(event, EVENT_FIELDS))
    fields = list(EVENT_FIELDS)
    if CALENDAR_FIELDS & set(changed):
        event.sequence += 1
        event.updated_at = timezone.now()
        fields += ["sequence", "updated_at"]
    save_if_unchanged(event, expected_version=expected_version, fields=fields)
    audit.record(event=AuditEvent.Event.CHANGED, actor=by, subject=event, details=changed)
    if event.capacity > held:
        transaction.on_commit(lambda: _queue_offers(event.pk))
    return event


@transaction.atomic
def event_cancel(*, event: Event, reason: str, by) -> Event:
    """Cancels an event and tells everyone booked on it or waiting for a place."""
    event = _locked_event(event.pk)
    if event.is_cancelled:
        raise BookingRefused("This event has already been cancelled")
    now = timezone.now()
    event.cancelled_at = now
    event.cancellation_reason = reason
    event.sequence += 1
    event.updated_at = now
    event.save(update_fields=["cancelled_at", "cancellation_reason", "sequence", "updated_at"])
    bookings = list(event.bookings.filter(status__in=Booking.ACTIVE).select_related("person"))
    Booking.objects.filter(pk__in=[b.pk for b in bookings]).update(
        status=Booking.Status.EVENT_CANCELLED, cancelled_at=now
    )
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=event,
        details={"cancelled": True, "reason": audit.NarrativeText(reason), "told": len(bookings)},
    )
    if bookings:
        _send(
            [booking.person.email for booking in bookings],
            f"Cancelled: {event.course.title}",
            f"We are sorry: this training event has been cancelled.\n\n{event.course.title}\n"
            f"{_when(event)}\n\nReason: {reason}\n\nYour booking or place on the waiting list has "
            f"been cancelled and there is no charge. Other dates of this course:\n"
            f"{_link(event.course.get_absolute_url())}\n",
            invitation=event,
        )
    return event


# Bookings


def _locked_event(pk: int) -> Event:
    """The event's row, locked until the transaction ends: every change to its places waits here."""
    return (
        Event.objects.select_for_update(of=("self",))
        .select_related("course", "partnership")
        .get(pk=pk)
    )


def _fee(event: Event, organisation: Organisation | None) -> Decimal:
    fees = {
        (fee.organisation_type, fee.course_format): fee.amount
        for fee in event.partnership.training_fees.all()
    }
    return terms.fee_for(
        is_partner=bool(organisation and organisation.is_statutory_partner),
        organisation_type=organisation.organisation_type if organisation else "other",
        course_format=event.course.course_format,
        fees=fees,
    )


def approval_token(booking: Booking) -> str:
    return signing.dumps(
        {"booking": booking.pk, "manager": booking.line_manager_email.lower()}, salt=APPROVAL_SALT
    )


def booking_for_approval(token: str) -> Booking | None:
    """The booking an approval link is for, while the link is valid and the decision still open."""
    try:
        data = signing.loads(token, salt=APPROVAL_SALT, max_age=timedelta(days=APPROVAL_DAYS))
    except signing.BadSignature:
        return None
    return (
        Booking.objects.select_related("event__course", "person", "organisation")
        .filter(pk=data.get("booking"), line_manager_email__iexact=data.get("manager", ""))
        .first()
    )


@transaction.atomic
def booking_make(*, event: Event, person, line_manager_email: str = "") -> Booking:
    """Books `person` a place on `event` for themself, or a place on its waiting list when the
    places have gone or others are already waiting (they come first)."""
    event = _locked_event(event.pk)
    if not policy.can_book(person, event):
        raise BookingRefused("You can only book training of a partnership you work in")
    refusal = terms.booking_refusal(
        today=timezone.localdate(),
        event_day=timezone.localtime(event.starts_at).date(),
        opens_on=event.booking_opens_on,
        closes_on=event.booking_closes_on,
        cancelled=event.is_cancelled,
    )
    if refusal:
        raise BookingRefused(refusal)
    existing = event.bookings.filter(person=person, status__in=Booking.ACTIVE).first()
    if existing:
        raise BookingRefused(
            "You are already on the waiting list for this event"
            if existing.status == Booking.Status.WAITING
            else "You have already booked a place on this event"
        )
    needs_approval = event.course.needs_manager_approval
    line_manager_email = line_manager_email.strip()
    if needs_approval and not line_manager_email:
        raise BookingRefused("Enter your line manager's email address")
    if needs_approval and line_manager_email.lower() == person.email.lower():
        raise BookingRefused("Enter your line manager's email address, not your own")
    place_free = (
        selectors.places_taken(event) < event.capacity
        and not event.bookings.filter(status=Booking.Status.WAITING).exists()
    )
    booking = Booking.objects.create(
        partnership=event.partnership,
        event=event,
        person=person,
        organisation=person.organisation,
        status=Booking.Status.BOOKED if place_free else Booking.Status.WAITING,
        approval=Booking.Approval.AWAITING if needs_approval else Booking.Approval.NOT_NEEDED,
        line_manager_email=line_manager_email if needs_approval else "",
        fee=_fee(event, person.organisation),
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=person,
        subject=booking,
        details={"status": booking.status, "fee": booking.fee},
    )
    _tell_booked(booking)
    if needs_approval:
        _ask_approval(booking)
    return booking


def _tell_booked(booking: Booking) -> None:
    event = booking.event
    if booking.status == Booking.Status.WAITING:
        opening = (
            "The places on this event have been taken, so you are on the waiting list. "
            "If a place comes free we will email you, and you will have a set time to confirm it."
        )
    elif booking.approval == Booking.Approval.AWAITING:
        opening = "Your place is held while your line manager approves the booking."
    else:
        opening = "Your place is booked."
    _send(
        [booking.person.email],
        f"{booking.get_status_display()}: {event.course.title}",
        f"{opening}\n\n{event.course.title}\n{_when(event)}\n\n"
        f"See or cancel your booking: {_link(booking.get_absolute_url())}\n",
        invitation=event if booking.status == Booking.Status.BOOKED else None,
    )


def remind(*, booking: Booking, opening: str) -> None:
    """A reminder of a booked place, with the event for the person's calendar."""
    event = booking.event
    _send(
        [booking.person.email],
        f"Reminder: {event.course.title}",
        f"{opening}\n\n{event.course.title}\n{_when(event)}\n"
        f"{'Joining link: ' + event.online_url if event.online_url else ''}\n\n"
        f"If you can no longer go, cancel so that someone waiting can have your place: "
        f"{_link(booking.get_absolute_url())}\n",
        invitation=event,
    )


def _ask_approval(booking: Booking) -> None:
    event = booking.event
    _send(
        [booking.line_manager_email],
        f"Approve training for {booking.person}",
        f"{booking.person} has asked to attend this training and named you as their line "
        f"manager.\n\n{event.course.title}\n{_when(event)}\n\nApprove or decline it (the link "
        f"works for {APPROVAL_DAYS} days): "
        f"{_link(reverse('training:booking_approval', args=[approval_token(booking)]))}\n",
    )


@transaction.atomic
def booking_decide(*, booking: Booking, approve: bool) -> Booking:
    """The line manager's answer, given through the signed link emailed to them. Declining frees
    the place for the waiting list."""
    event = _locked_event(booking.event_id)
    booking = (
        Booking.objects.select_for_update(of=("self",)).select_related("person").get(pk=booking.pk)
    )
    if booking.approval != Booking.Approval.AWAITING or not booking.is_active:
        raise BookingRefused("This booking has already been decided or cancelled")
    frees_place = False
    if approve:
        booking.approval = Booking.Approval.APPROVED
        booking.approved_at = timezone.now()
        booking.save(update_fields=["approval", "approved_at"])
    else:
        frees_place = booking.holds_place
        booking.status = Booking.Status.DECLINED
        booking.cancelled_at = timezone.now()
        booking.save(update_fields=["status", "cancelled_at"])
    audit.record(
        event=AuditEvent.Event.DECIDED,
        actor_label=booking.line_manager_email,
        subject=booking,
        partnership=booking.partnership,
        details={"approved": approve},
    )
    _send(
        [booking.person.email],
        f"{'Approved' if approve else 'Not approved'}: {event.course.title}",
        f"Your line manager has {'approved' if approve else 'not approved'} your booking.\n\n"
        f"{event.course.title}\n{_when(event)}\n\n{_link(booking.get_absolute_url())}\n",
    )
    if frees_place:
        transaction.on_commit(lambda: _queue_offers(event.pk))
    return booking


@transaction.atomic
def booking_cancel(*, booking: Booking, by, today: date | None = None) -> Booking:
    """Cancels a booking or a place on the waiting list. A booked place cancelled with less notice
    than the partnership's terms give is charged; the freed place goes to the waiting list."""
    event = _locked_event(booking.event_id)
    booking = (
        Booking.objects.select_for_update(of=("self",)).select_related("person").get(pk=booking.pk)
    )
    if not booking.is_active:
        raise BookingRefused("This booking has already been cancelled")
    if event.starts_at <= timezone.now():
        raise BookingRefused("This event has started, so the booking can no longer be cancelled")
    freed = booking.holds_place
    if booking.status == Booking.Status.BOOKED:
        booking_terms = selectors.terms_of(event.partnership)
        if terms.is_late_cancellation(
            today=today or timezone.localdate(),
            event_day=timezone.localtime(event.starts_at).date(),
            notice_working_days=booking_terms.cancellation_working_days,
            closures=closure_dates(event.partnership_id),
        ):
            booking.charge_reason = Booking.Charge.LATE_CANCELLATION
            booking.charge = booking_terms.late_cancellation_charge
    booking.status = Booking.Status.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.save(update_fields=["status", "cancelled_at", "charge_reason", "charge"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=booking,
        details={"status": booking.status, "charge": booking.charge},
    )
    charged = (
        f"\n\nThis is less notice than the partnership's terms ask for, so a charge of "
        f"£{booking.charge} will be made to your organisation."
        if booking.charge
        else ""
    )
    _send(
        [booking.person.email],
        f"Booking cancelled: {event.course.title}",
        f"Your booking has been cancelled.{charged}\n\n{event.course.title}\n{_when(event)}\n",
    )
    if freed:
        transaction.on_commit(lambda: _queue_offers(event.pk))
    return booking


def _queue_offers(event_id: int) -> None:
    from training import tasks

    tasks.offer_places.enqueue(event_id)


@transaction.atomic
def offer_places(*, event_id: int) -> list[Booking]:
    """Offers each free place to the next person waiting, who has the partnership's set time
    (never past the start) to confirm it before it passes on."""
    event = _locked_event(event_id)
    now = timezone.now()
    if event.is_cancelled or event.starts_at <= now:
        return []
    free = event.capacity - selectors.places_taken(event)
    if free <= 0:
        return []
    expires = min(
        now + timedelta(hours=selectors.terms_of(event.partnership).offer_hours), event.starts_at
    )
    offered = list(event.bookings.waiting().select_related("person")[:free])
    for booking in offered:
        booking.status = Booking.Status.OFFERED
        booking.offered_at = now
        booking.offer_expires_at = expires
        booking.save(update_fields=["status", "offered_at", "offer_expires_at"])
        audit.record(
            event=AuditEvent.Event.CHANGED,
            actor_label="system",
            subject=booking,
            partnership=event.partnership,
            details={"status": booking.status, "expires": expires},
        )
        _send(
            [booking.person.email],
            f"A place is free: {event.course.title}",
            f"A place has come free on this event and it is yours if you confirm it by "
            f"{timezone.localtime(expires):%-I:%M%p on %A %-d %B %Y}. After that it passes to the next "
            f"person waiting.\n\n{event.course.title}\n{_when(event)}\n\n"
            f"Confirm your place: {_link(booking.get_absolute_url())}\n",
        )
        transaction.on_commit(lambda pk=booking.pk: _queue_lapse(pk, expires))
    return offered


def _queue_lapse(booking_id: int, expires: datetime) -> None:
    from training import tasks

    tasks.offer_lapse.using(run_after=expires).enqueue(booking_id)


@transaction.atomic
def offer_confirm(*, booking: Booking, by) -> Booking:
    _locked_event(booking.event_id)
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("person", "event__course")
        .get(pk=booking.pk)
    )
    if booking.status != Booking.Status.OFFERED:
        raise BookingRefused("There is no place offered to confirm on this booking")
    if booking.offer_expires_at <= timezone.now():
        raise BookingRefused("The time to confirm this place has passed")
    booking.status = Booking.Status.BOOKED
    booking.save(update_fields=["status"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=booking,
        details={"status": booking.status},
    )
    _tell_booked(booking)
    return booking


@transaction.atomic
def offer_lapse(*, booking_id: int) -> Booking:
    """An offer not confirmed in time passes to the next person waiting."""
    booking = Booking.objects.get(pk=booking_id)
    _locked_event(booking.event_id)
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("person", "event__course")
        .get(pk=booking_id)
    )
    if booking.status != Booking.Status.OFFERED or booking.offer_expires_at > timezone.now():
        return booking
    booking.status = Booking.Status.LAPSED
    booking.save(update_fields=["status"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor_label="system",
        subject=booking,
        partnership=booking.partnership,
        details={"status": booking.status},
    )
    _send(
        [booking.person.email],
        f"Offer passed on: {booking.event.course.title}",
        "The place offered to you was not confirmed in time and has passed to the next person "
        f"waiting.\n\n{booking.event.course.title}\n{_when(booking.event)}\n",
    )
    transaction.on_commit(lambda: _queue_offers(booking.event_id))
    return booking


@transaction.atomic
def no_show_record(*, booking: Booking, by) -> Booking:
    """Records that a booked person did not attend, with the charge the partnership's terms set
    (for the attendance register)."""
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("event__course")
        .get(pk=booking.pk)
    )
    if booking.status != Booking.Status.BOOKED:
        raise BookingRefused("Only a booked place can be marked as not attended")
    booking_terms = selectors.terms_of(booking.partnership)
    booking.charge_reason = Booking.Charge.NO_SHOW
    booking.charge = terms.no_show_charge(
        full_day=booking.event.course.is_full_day,
        half_day_charge=booking_terms.no_show_charge_half_day,
        full_day_charge=booking_terms.no_show_charge_full_day,
    )
    booking.save(update_fields=["charge_reason", "charge"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=booking,
        details={"charge_reason": booking.charge_reason, "charge": booking.charge},
    )
    return booking


# A person's calendar feed


@transaction.atomic
def calendar_feed_reset(*, person) -> CalendarFeed:
    """A new secret address for the person's calendar of bookings; the old one stops working."""
    feed, created = CalendarFeed.objects.select_for_update(of=("self",)).get_or_create(
        person=person
    )
    if not created:
        feed.token = new_feed_token()
        feed.created_at = timezone.now()
        feed.save(update_fields=["token", "created_at"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=person,
        subject=feed,
        partnership=person.partnership,
        details={"calendar_address": "reset" if not created else "created"},
    )
    return feed


# The partnership's terms and fees

TERMS_FIELDS = [
    "cancellation_working_days",
    "late_cancellation_charge",
    "no_show_charge_half_day",
    "no_show_charge_full_day",
    "offer_hours",
]


@transaction.atomic
def terms_update(*, partnership: Partnership, data: dict[str, Any], by) -> TrainingTerms:
    booking_terms, _ = TrainingTerms.objects.select_for_update().get_or_create(
        partnership=partnership
    )
    before = audit.snapshot(booking_terms, TERMS_FIELDS)
    for name in TERMS_FIELDS:
        setattr(booking_terms, name, data[name])
    booking_terms.save(update_fields=TERMS_FIELDS)
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=booking_terms,
        details=audit.changes(before, audit.snapshot(booking_terms, TERMS_FIELDS)),
    )
    return booking_terms


@transaction.atomic
def fee_set(
    *, partnership: Partnership, organisation_type: str, course_format: str, amount: Decimal, by
) -> None:
    """Sets what organisations of a type pay for a course format; nothing (0) makes it free."""
    if amount:
        Fee.objects.update_or_create(
            partnership=partnership,
            organisation_type=organisation_type,
            course_format=course_format,
            defaults={"amount": amount},
        )
    else:
        Fee.objects.filter(
            partnership=partnership,
            organisation_type=organisation_type,
            course_format=course_format,
        ).delete()
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        partnership=partnership,
        subject=partnership,
        details={
            "training_fee": {
                "organisation_type": organisation_type,
                "course_format": course_format,
                "amount": amount,
            }
        },
    )

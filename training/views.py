"""The training programme's pages: courses and their events for the business unit; booking,
cancelling and confirming offered places for everyone with a role in the partnership."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from core.concurrency import saved_without_conflict
from core.exports import csv_response
from core.forms import posted
from learning.models import Finding
from partnership import access
from training import calendar, policy, selectors, services
from training.forms import (
    ApprovalForm,
    BookingForm,
    CourseForm,
    EventCancelForm,
    EventForm,
    FeeForm,
    TermsForm,
)
from training.models import Booking, CalendarFeed, Course, Event

COURSE_PAGE = 50
EVENT_PAGE = 20


def _form_page(request, form, title: str, back: str, **extra):
    return render(
        request, "training/form.html", {"form": form, "title": title, "back": back, **extra}
    )


def _refused(form, refusal: ValidationError) -> None:
    for message in refusal.messages:
        form.add_error(None, message)


def _refusal(refusal: ValidationError) -> forms.Form:
    """A form holding only the refusal, for the error summary of a page whose action was a button."""
    form = forms.Form(data={})
    form.is_valid()
    _refused(form, refusal)
    return form


@login_required
def course_list(request):
    partnership = policy.require_reader(request)
    page = Paginator(selectors.courses(partnership), COURSE_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "training/course_list.html",
        {
            "courses": page,
            "page": page,
            "can_manage": policy.can_manage_training(request.user, partnership),
        },
    )


@login_required
def course_detail(request, pk):
    course = access.get_for_user(request.user, Course.objects.all(), pk)
    events = Paginator(selectors.upcoming_events(course), EVENT_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "training/course_detail.html",
        {
            "course": course,
            "outcomes": course.outcomes.all(),
            "themes": course.themes.all(),
            "findings": course.findings.all(),
            "events": events,
            "page": events,
            "can_manage": policy.can_manage_training(request.user, course),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def course_create(request):
    partnership = policy.require_manager(request)
    initial = {}
    finding = request.GET.get("finding")
    if finding:
        finding = access.get_for_user(request.user, Finding.objects.all(), finding)
        initial = {
            "title": finding.title,
            "findings": [finding.pk],
            "themes": list(finding.themes.values_list("pk", flat=True)),
        }
    form = CourseForm(posted(request), initial=initial, partnership=partnership)
    if form.is_valid():
        course = services.course_create(
            partnership=partnership,
            data=form.changed_values(),
            outcomes=form.cleaned_data["outcomes"],
            by=request.user,
        )
        messages.success(request, f"{course.title} added")
        return redirect(course)
    return _form_page(
        request, form, "Add a course", reverse("training:course_list"), button="Save course"
    )


@login_required
@require_http_methods(["GET", "POST"])
def course_edit(request, pk):
    course = access.get_for_user(request.user, Course.objects.all(), pk, write=True)
    form = CourseForm(posted(request), instance=course, partnership=course.partnership)
    if form.is_valid() and saved_without_conflict(
        form,
        lambda: services.course_update(
            course=course,
            data=form.changed_values(),
            outcomes=form.cleaned_data["outcomes"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
    ):
        messages.success(request, "Course saved")
        return redirect(course)
    return _form_page(request, form, f"Change {course.title}", course.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request, pk):
    course = access.get_for_user(request.user, Course.objects.all(), pk, write=True)
    form = EventForm(posted(request))
    if form.is_valid():
        try:
            event = services.event_create(course=course, data=form.event_values(), by=request.user)
        except ValidationError as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, "Event added")
            return redirect(event)
    return _form_page(
        request,
        form,
        f"Add a date for {course.title}",
        course.get_absolute_url(),
        button="Save event",
    )


def _event(request, pk, *, write=False) -> Event:
    return access.get_for_user(
        request.user, Event.objects.select_related("course", "partnership"), pk, write=write
    )


def _event_page(request, event, booking_form=None, status=200):
    can_manage = policy.can_manage_training(request.user, event)
    own = selectors.own_booking(event, request.user)
    return render(
        request,
        "training/event_detail.html",
        {
            "event": event,
            "taken": selectors.places_taken(event),
            "own": own,
            "form": booking_form or BookingForm(needs_approval=event.course.needs_manager_approval),
            "can_book": own is None
            and not event.is_cancelled
            and policy.can_book(request.user, event),
            "can_manage": can_manage,
            "bookings": selectors.bookings_of_event(event) if can_manage else [],
        },
        status=status,
    )


@login_required
def event_detail(request, pk):
    return _event_page(request, _event(request, pk))


@login_required
@require_POST
def event_book(request, pk):
    event = _event(request, pk)
    form = BookingForm(request.POST, needs_approval=event.course.needs_manager_approval)
    if form.is_valid():
        try:
            booking = services.booking_make(
                event=event,
                person=request.user,
                line_manager_email=form.cleaned_data.get("line_manager_email", ""),
            )
        except ValidationError as refusal:
            _refused(form, refusal)
        else:
            messages.success(
                request,
                "You are on the waiting list"
                if booking.status == Booking.Status.WAITING
                else "Your place is booked",
            )
            return redirect(booking)
    return _event_page(request, event, booking_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, pk):
    event = _event(request, pk, write=True)
    form = EventForm(posted(request), instance=event)
    if form.is_valid():
        try:
            services.event_update(
                event=event,
                data=form.event_values(),
                expected_version=form.cleaned_data["version"],
                by=request.user,
            )
        except ValidationError as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, "Event saved")
            return redirect(event)
    return _form_page(request, form, f"Change {event}", event.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def event_cancel(request, pk):
    event = _event(request, pk, write=True)
    form = EventCancelForm(posted(request))
    if form.is_valid():
        try:
            services.event_cancel(event=event, reason=form.cleaned_data["reason"], by=request.user)
        except ValidationError as refusal:
            _refused(form, refusal)
        else:
            messages.success(
                request, "Event cancelled: everyone booked or waiting has been emailed"
            )
            return redirect(event)
    return _form_page(
        request,
        form,
        f"Cancel {event}",
        event.get_absolute_url(),
        button="Cancel the event",
        warning=True,
    )


@login_required
def my_bookings(request):
    policy.require_reader(request)
    feed = CalendarFeed.objects.filter(person=request.user).first()
    return render(
        request,
        "training/my_bookings.html",
        {
            "bookings": selectors.bookings_of(request.user),
            "feed_url": request.build_absolute_uri(
                reverse("training:personal_calendar", args=[feed.token])
            )
            if feed
            else "",
        },
    )


@login_required
@require_POST
def calendar_reset(request):
    policy.require_reader(request)
    services.calendar_feed_reset(person=request.user)
    messages.success(request, "Your calendar has a new address: the old one no longer works")
    return redirect("training:my_bookings")


def personal_calendar(request, token):
    feed = get_object_or_404(CalendarFeed.objects.select_related("person"), token=token)
    return _ics(
        calendar.calendar_of(selectors.calendar_bookings(feed.person), name="My training"),
        "my-training.ics",
    )


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _booking(request, pk) -> Booking:
    return access.get_for_user(
        request.user, Booking.objects.select_related("event__course", "person"), pk
    )


@login_required
def booking_detail(request, pk, form=None):
    booking = _booking(request, pk)
    return render(
        request,
        "training/booking_detail.html",
        {
            "booking": booking,
            "event": booking.event,
            "form": form,
            "can_cancel": booking.is_active and policy.can_cancel_booking(request.user, booking),
            "terms": selectors.terms_of(booking.partnership),
        },
        status=400 if form else 200,
    )


def _booking_change(request, pk, change, done: str):
    booking = _booking(request, pk)
    if not policy.can_cancel_booking(request.user, booking):
        raise PermissionDenied(
            "Only the person who booked and the business unit can change a booking"
        )
    try:
        change(booking)
    except ValidationError as refusal:
        return booking_detail(request, pk, form=_refusal(refusal))
    messages.success(request, done)
    return redirect(booking)


@login_required
@require_POST
def booking_cancel(request, pk):
    return _booking_change(
        request,
        pk,
        lambda booking: services.booking_cancel(booking=booking, by=request.user),
        "Booking cancelled",
    )


@login_required
@require_POST
def offer_confirm(request, pk):
    booking = _booking(request, pk)
    if not policy.is_own_booking(request.user, booking):
        raise PermissionDenied("Only the person offered the place can confirm it")
    return _booking_change(
        request,
        pk,
        lambda booking: services.offer_confirm(booking=booking, by=request.user),
        "Your place is booked",
    )


@require_http_methods(["GET", "POST"])
def booking_approval(request, token):
    """The line manager's page, reached by the signed link emailed to them (no account needed)."""
    booking = services.booking_for_approval(token)
    if booking is None:
        raise Http404("This approval link is not valid or has expired")
    form = ApprovalForm(posted(request))
    decided = booking.approval != Booking.Approval.AWAITING or not booking.is_active
    if not decided and form.is_valid():
        try:
            services.booking_decide(
                booking=booking, approve=form.cleaned_data["decision"] == "approve"
            )
        except ValidationError as refusal:
            _refused(form, refusal)
        else:
            return redirect(request.path)
    return render(
        request,
        "training/approval.html",
        {"booking": booking, "event": booking.event, "form": form, "decided": decided},
    )


@login_required
def charges_csv(request):
    partnership = policy.require_manager(request)
    rows = [
        ["Organisation", "Person", "Email", "Course", "Date", "Fee", "Charge", "Reason for charge"]
    ]
    rows += [
        [
            booking.organisation.name if booking.organisation else "No organisation",
            booking.person.full_name,
            booking.person.email,
            booking.event.course.title,
            f"{booking.event.starts_at:%Y-%m-%d}",
            booking.fee if booking.status == Booking.Status.BOOKED else "0.00",
            booking.charge,
            booking.get_charge_reason_display() if booking.charge_reason else "",
        ]
        for booking in selectors.charges(partnership)
    ]
    return csv_response(f"training-charges-{partnership.slug}.csv", rows)


@login_required
@require_http_methods(["GET", "POST"])
def terms_edit(request):
    partnership = policy.require_manager(request)
    current = selectors.terms_of(partnership)
    form = TermsForm(
        posted(request), initial={name: getattr(current, name) for name in services.TERMS_FIELDS}
    )
    if form.is_valid():
        services.terms_update(partnership=partnership, data=form.cleaned_data, by=request.user)
        messages.success(request, "Booking terms saved")
        return redirect("training:terms")
    return render(
        request,
        "training/terms.html",
        {"form": form, "fees": partnership.training_fees.all()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def fee_set(request):
    partnership = policy.require_manager(request)
    form = FeeForm(posted(request))
    if form.is_valid():
        services.fee_set(partnership=partnership, **form.cleaned_data, by=request.user)
        messages.success(request, "Fee saved")
        return redirect("training:terms")
    return _form_page(
        request,
        form,
        "Set a fee",
        reverse("training:terms"),
        button="Save fee",
        lede="Statutory partners always train free. Set 0 to make a format free for a type.",
    )

from datetime import timedelta

from django.utils import timezone

from security.permission_matrix import Check, expect
from training import services
from training.models import Booking
from training.tests.factories import BookingFactory, CourseFactory, EventFactory
from training.tests.permissions_evaluation import CHECKS as EVALUATION_CHECKS

# Everyone with a role in the partnership sees its courses and books for themself; the outsider is
# a business unit manager elsewhere, who sees their own partnership's (empty) programme. A booking
# is seen and cancelled by its booker (the practitioner) and the business unit only.
EVERYONE = {"no_role": 403}
BUSINESS_UNIT = {"manager": 200, "officer": 200, "outsider": 200, "no_role": 403}
RECORD_READERS = {"outsider": 404, "no_role": 404}
RECORD_CHANGERS = {"manager": 200, "officer": 200, "outsider": 404, "no_role": 404}
BOOKERS = {"outsider": 404, "no_role": 404}
OWN_BOOKING = {"practitioner": 200, "manager": 200, "officer": 200, "two_partnerships": 404}
# Reached by a secret in the address (a calendar app, a line manager with no account); a session
# signed in with a password alone is still held at the code page.
BY_SECRET = expect(200, anonymous=200, password_only=302)


def _course(cast):
    return {"pk": CourseFactory(created_by=cast.manager).pk}


def _event(cast):
    return {"pk": EventFactory(course__created_by=cast.manager).pk}


def _booking(cast, **fields):
    return BookingFactory(
        event__course__created_by=cast.manager, person=cast.practitioner, **fields
    )


def _approval(cast):
    booking = _booking(
        cast,
        approval=Booking.Approval.AWAITING,
        line_manager_email="line.manager@test.example",
    )
    return {"token": services.approval_token(booking)}


def _feed(cast):
    return {"token": services.calendar_feed_reset(person=cast.practitioner).token}


CHECKS = [
    Check("training:course_list", expect(200, **EVERYONE)),
    Check("training:my_bookings", expect(200, **EVERYONE)),
    Check("training:course_create", expect(403, **BUSINESS_UNIT)),
    Check("training:charges_csv", expect(403, **BUSINESS_UNIT)),
    Check("training:terms", expect(403, **BUSINESS_UNIT)),
    Check("training:fee_set", expect(403, **BUSINESS_UNIT)),
    Check("training:course_detail", expect(200, **RECORD_READERS), kwargs=_course),
    Check("training:course_edit", expect(403, **RECORD_CHANGERS), kwargs=_course),
    Check("training:event_create", expect(403, **RECORD_CHANGERS), kwargs=_course),
    Check("training:event_detail", expect(200, **RECORD_READERS), kwargs=_event),
    Check("training:event_edit", expect(403, **RECORD_CHANGERS), kwargs=_event),
    Check("training:event_cancel", expect(403, **RECORD_CHANGERS), kwargs=_event),
    Check("training:event_book", expect(302, **BOOKERS), kwargs=_event, method="post"),
    Check(
        "training:booking_detail",
        expect(404, **OWN_BOOKING),
        kwargs=lambda cast: {"pk": _booking(cast).pk},
    ),
    Check(
        "training:booking_cancel",
        expect(404, practitioner=302, manager=302, officer=302, two_partnerships=404),
        kwargs=lambda cast: {"pk": _booking(cast).pk},
        method="post",
    ),
    Check(
        "training:offer_confirm",
        expect(404, practitioner=302, manager=403, officer=403, two_partnerships=404),
        kwargs=lambda cast: {
            "pk": _booking(
                cast,
                status=Booking.Status.OFFERED,
                offer_expires_at=timezone.now() + timedelta(days=1),
            ).pk
        },
        method="post",
    ),
    Check("training:calendar_reset", expect(302, **EVERYONE), method="post"),
    Check("training:personal_calendar", BY_SECRET, kwargs=_feed),
    Check("training:booking_approval", BY_SECRET, kwargs=_approval),
]

CHECKS += EVALUATION_CHECKS

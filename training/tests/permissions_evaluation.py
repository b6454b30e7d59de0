"""Rows of the permission matrix for attendance and evaluation (added to `permissions.CHECKS`).

The register is the business unit's (and the event's trainers', none here); a booking's evaluation
and certificate are its booker's alone, the practitioner's here; the results are the business
unit's. The outsider is a business unit manager elsewhere: their own partnership's pages only.
"""

from security.permission_matrix import Check, expect
from training import services_evaluation
from training.models import Evaluation
from training.tests.evaluation_factories import event_for, marked, place_for

IN_PARTNERSHIP = {"outsider": 404, "no_role": 404}
BUSINESS_UNIT = {"manager": 200, "officer": 200, "outsider": 200}
# The practitioner with a role elsewhere too is another person: not their booking.
OWN = {"practitioner": 200, "two_partnerships": 404, "manager": 403, "officer": 403}


def _event_today(cast):
    return {"pk": event_for(cast, days_from_now=0).pk}


def _course(cast):
    return {"pk": event_for(cast).course.pk}


def _booking(cast, *, evaluated: bool):
    booking = place_for(cast.practitioner, event_for(cast))
    if evaluated:
        marked(booking)
        services_evaluation.evaluation_give(
            booking=booking,
            stage=Evaluation.Stage.AFTER,
            answers=services_evaluation.Answers(
                confidence={outcome.pk: 4 for outcome in booking.event.course.outcomes.all()},
                overall=4,
            ),
            by=cast.practitioner,
        )
    return booking


CHECKS = [
    Check(
        "training:event_register",
        expect(403, manager=200, officer=200, **IN_PARTNERSHIP),
        kwargs=_event_today,
    ),
    Check(
        "training:event_trainer_add",
        expect(403, manager=302, officer=302, **IN_PARTNERSHIP),
        kwargs=_event_today,
        method="post",
    ),
    Check("training:training_record", expect(200, no_role=403)),
    Check(
        "training:evaluation_give",
        expect(404, **OWN),
        kwargs=lambda cast: {"pk": _booking(cast, evaluated=False).pk, "stage": "after"},
    ),
    Check(
        "training:certificate",
        expect(404, **OWN),
        kwargs=lambda cast: {"pk": _booking(cast, evaluated=True).pk},
    ),
    Check("training:results", expect(403, **BUSINESS_UNIT)),
    Check(
        "training:course_results",
        expect(403, manager=200, officer=200, **IN_PARTNERSHIP),
        kwargs=_course,
    ),
    Check("training:training_needs", expect(403, **BUSINESS_UNIT)),
    Check("training:completions_import", expect(403, **BUSINESS_UNIT)),
]

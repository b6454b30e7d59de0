"""Who may see courses, book, and run the training programme, decided here only (django-rules).

Everyone with a role in a partnership sees its courses and books a place for themself, with their
own account (statutory.md 7b: individual accounts, no shared inboxes). A booking is its booker's
and the business unit's: nobody else sees or cancels it. The business unit runs the programme.
"""

import rules

from partnership.models import Partnership
from partnership.policy import in_partnership, is_business_unit, require, rule


@rules.predicate
def is_own_booking(user, booking) -> bool:
    """The booking is the person's own."""
    return booking is not None and getattr(booking, "person_id", None) == getattr(user, "pk", None)


can_see_training = rule("training.view_course", in_partnership)
can_book = rule("training.book_event", in_partnership)
can_manage_training = rule("training.change_course", is_business_unit)
can_see_booking = rule(
    "training.view_booking", (is_own_booking & in_partnership) | is_business_unit
)
can_cancel_booking = rule(
    "training.cancel_booking", (is_own_booking & in_partnership) | is_business_unit
)


def require_reader(request) -> Partnership:
    return require(request, can_see_training, "Training is for people working in the partnership")


def require_manager(request) -> Partnership:
    return require(request, can_manage_training, "Only the partnership's business unit can do this")


# Attendance and evaluation. The register of an event is taken by those who run it and by the
# business unit; a person's evaluations and certificate are theirs alone (the business unit reads
# the answers for the reports).


def trainer_ids(event) -> frozenset[int]:
    """The ids of the people who run an event, read once per event object."""
    if getattr(event, "_trainer_ids", None) is None:
        event._trainer_ids = frozenset(event.trainer_links.values_list("person_id", flat=True))
    return event._trainer_ids


@rules.predicate
def runs_event(user, event) -> bool:
    """The person runs the event."""
    return event is not None and getattr(user, "pk", None) in trainer_ids(event)


can_take_register = rule("training.take_register", (runs_event & in_partnership) | is_business_unit)
can_evaluate = rule("training.evaluate_booking", is_own_booking & in_partnership)
can_see_training_results = rule("training.view_results", is_business_unit)


def require_results_reader(request) -> Partnership:
    return require(
        request,
        can_see_training_results,
        "Training results are for the partnership's business unit",
    )

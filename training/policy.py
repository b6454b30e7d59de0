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

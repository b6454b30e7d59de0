"""Who may see and change the learning spine's records, decided here only (django-rules).

Anyone with a role in a partnership reads its learning; its business unit changes it; the business
unit manager approves a 7-minute briefing someone else wrote; an action's owning organisation adds
progress to it; a member of the recommendation's owning group (not the business unit on its behalf)
signs off the evidence of an action's impact. Identifying details are the sources' to guard: the spine holds none.
"""

import rules

from partnership import access
from partnership.models import Partnership
from partnership.policy import (
    in_partnership,
    is_business_unit,
    is_business_unit_manager,
    require,
    rule,
)


@rules.predicate
def wrote(user, record) -> bool:
    return record is not None and getattr(record, "created_by_id", None) == user.pk


@rules.predicate
def owning_organisation(user, action) -> bool:
    """The person works for the organisation that owns the action."""
    organisation_id = getattr(user, "organisation_id", None)
    return (
        bool(organisation_id) and getattr(action, "owner_organisation_id", None) == organisation_id
    )


@rules.predicate
def member_of_owning_group(user, evidence) -> bool:
    """The person is a member of the group that owns the action's recommendation."""
    group_id = getattr(evidence, "owning_group_id", None)
    return group_id is not None and group_id in access.group_ids(user)


@rules.predicate
def awaiting_sign_off(user, evidence) -> bool:
    return evidence is not None and getattr(evidence, "signed_off_by_id", None) is None


can_see_learning = rule("learning.view_learning", in_partnership)
can_manage_learning = rule("learning.change_learning", is_business_unit)
# Approval is a second pair of eyes: never the briefing's own author.
can_approve_briefing = rule("learning.approve_briefing", is_business_unit_manager & ~wrote)
can_approve_newsletter = rule("learning.approve_newsletter", is_business_unit_manager & ~wrote)
can_update_action = rule(
    "learning.update_action", is_business_unit | (in_partnership & owning_organisation)
)

can_sign_off_evidence = rule(
    "learning.sign_off_evidence", in_partnership & member_of_owning_group & awaiting_sign_off
)


def require_reader(request) -> Partnership:
    return require(request, can_see_learning, "You have no role in this partnership")


def require_manager(request) -> Partnership:
    return require(request, can_manage_learning, "Only the partnership's business unit can do this")

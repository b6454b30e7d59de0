"""Who may read and change the inspection register, decided here only (django-rules).

Inspection reports are public, but action plans, self-evaluations and case samples are the
partnership's working papers: read by the business unit, partner leads and group members, changed by
the business unit. The cases an inspection sampled identify children: only the business unit sees
them, signed in with two factors. Progress on an action is added by its owner through the spine.
"""

from partnership import access
from partnership.models import Partnership, Role
from partnership.policy import holds_role, is_business_unit, is_verified, require, rule

READER_ROLES = access.BUSINESS_UNIT | {Role.PARTNER_LEAD, Role.GROUP_MEMBER}

can_see_inspections = rule("inspections.view_inspection", holds_role(*READER_ROLES))
can_manage_inspections = rule("inspections.change_inspection", is_business_unit)
can_see_case_sample = rule("inspections.view_case_sample", is_business_unit & is_verified)


def reader_partnership_ids(user) -> list[int]:
    """The partnerships whose inspections the person reads, for querysets."""
    return access.partnership_ids(user, READER_ROLES)


def require_reader(request) -> Partnership:
    return require(
        request,
        can_see_inspections,
        "Inspections are for the business unit, partner leads and group members",
    )


def require_manager(request) -> Partnership:
    return require(
        request, can_manage_inspections, "Only the partnership's business unit can do this"
    )

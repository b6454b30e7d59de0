"""Who may read and change the inspection register: small predicates over partnership.access.

Inspection reports are public, but action plans, self-evaluations and case samples are the
partnership's working papers: read by the business unit, partner leads and group members, changed by
the business unit. Progress on an action is added by its owner through the learning spine.
"""

from django.core.exceptions import PermissionDenied

from partnership import access
from partnership.models import Partnership, Role

READERS = access.BUSINESS_UNIT | {Role.PARTNER_LEAD, Role.GROUP_MEMBER}


def reader_partnership_ids(user) -> list[int]:
    return access.partnership_ids(user, READERS)


def may_read(user, partnership) -> bool:
    return access.has_role(user, partnership, READERS)


def may_manage(user, partnership) -> bool:
    return access.is_business_unit(user, partnership)


def may_see_case_sample(user, partnership) -> bool:
    """The cases an inspection sampled identify children: only the business unit sees them."""
    return access.is_business_unit(user, partnership)


def require_reader(request) -> Partnership:
    partnership = access.require_partnership(request)
    if not may_read(request.user, partnership):
        raise PermissionDenied(
            "Inspections are for the business unit, partner leads and group members"
        )
    return partnership

"""Who may read and change the performance framework, decided here only (django-rules).

Quarterly figures are aggregates without any child's details, read by those who scrutinise them:
the business unit, partner leads and group members. The business unit changes them.
"""

from partnership import access
from partnership.models import Partnership, Role
from partnership.policy import holds_role, is_business_unit, require, rule

READERS = access.BUSINESS_UNIT | {Role.PARTNER_LEAD, Role.GROUP_MEMBER}

can_read_performance = rule("performance.view_performance", holds_role(*READERS))
can_manage_performance = rule("performance.change_performance", is_business_unit)


def reader_partnership_ids(user) -> list[int]:
    """The partnerships whose figures the person reads: the scope of every performance queryset."""
    return access.partnership_ids(user, READERS)


def require_reader(request) -> Partnership:
    return require(
        request,
        can_read_performance,
        "Performance reports are for the business unit, partner leads and group members",
    )


def require_manager(request) -> Partnership:
    return require(
        request, can_manage_performance, "Only the partnership's business unit can do this"
    )

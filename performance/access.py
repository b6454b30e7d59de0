"""Who may read and change the performance framework (decided here, with partnership.access)."""

from django.core.exceptions import PermissionDenied

from partnership import access
from partnership.models import Partnership, Role

# Quarterly figures are aggregates without any child's details, read by those who scrutinise them.
READERS = access.BUSINESS_UNIT | {Role.PARTNER_LEAD, Role.GROUP_MEMBER}


def reader_partnership_ids(user) -> list[int]:
    return access.partnership_ids(user, READERS)


def may_read(user, partnership) -> bool:
    return access.has_role(user, partnership, READERS)


def require_reader(request) -> Partnership:
    partnership = access.require_partnership(request)
    if not may_read(request.user, partnership):
        raise PermissionDenied(
            "Performance reports are for the business unit, partner leads and group members"
        )
    return partnership

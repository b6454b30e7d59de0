"""Who sees child deaths: the business unit of the owning partnership and the panel that reviews them.

A child death overview panel (a `Group` of kind cdop) serves its own partnership and those joined
to it by an accepted link (`partnership.access.agreed_serving`). People with the CDOP member role
in one of those partnerships sit on it, and so does a member of the group who holds a role that
works on deaths there (the business unit); they see the deaths of every partnership it serves.
Membership of the group never widens what a role may do, and nobody else sees a death.
"""

from django.db.models import Q

from partnership import access
from partnership.models import Group, Role

# The roles whose work is child deaths: they may change a death they see.
DEATH_ROLES = frozenset({Role.CDOP_MEMBER, *access.BUSINESS_UNIT})


def _of_partnerships(partnership_ids: list[int]) -> Q:
    """Panels hosted by, or serving by agreement, one of these partnerships."""
    serving = access.agreed_serving().filter(partnership__in=partnership_ids)
    return Q(partnership__in=partnership_ids) | Q(pk__in=serving.values("group_id"))


def panels_of(user) -> list[int]:
    """The ids of the child death overview panels a person sits on."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_cdop_panel_ids", None)
    if cached is None:
        cdop_partnerships = access.partnership_ids(user, {Role.CDOP_MEMBER})
        death_partnerships = access.partnership_ids(user, DEATH_ROLES)
        cached = list(
            Group.objects.filter(
                kind=Group.Kind.CHILD_DEATH_OVERVIEW_PANEL, archived_at__isnull=True
            )
            .filter(
                _of_partnerships(cdop_partnerships)
                | (Q(memberships__person=user) & _of_partnerships(death_partnerships))
            )
            .values_list("pk", flat=True)
            .distinct()
        )
        user._cdop_panel_ids = cached
    return cached


def panel_partnership_ids(user) -> list[int]:
    """Partnerships whose deaths a person sees as a panel member."""
    cached = getattr(user, "_cdop_partnership_ids", None)
    if cached is None:
        panels = panels_of(user)
        served = set(
            access.agreed_serving()
            .filter(group_id__in=panels)
            .values_list("partnership_id", flat=True)
        ) | set(Group.objects.filter(pk__in=panels).values_list("partnership_id", flat=True))
        # A CDOP member whose partnership has not yet set up its panel still sees its own deaths.
        served |= set(access.partnership_ids(user, {Role.CDOP_MEMBER}))
        cached = sorted(served)
        user._cdop_partnership_ids = cached
    return cached


def death_partnership_ids(user) -> list[int]:
    """Partnerships whose deaths (identifying details included) a person may see and work on."""
    return sorted(
        set(access.business_unit_partnership_ids(user)) | set(panel_partnership_ids(user))
    )


def death_editable_partnership_ids(user) -> list[int]:
    """Partnerships whose deaths a person may change: sight alone is not enough, a role must allow it."""
    if not access.partnership_ids(user, DEATH_ROLES):
        return []
    return death_partnership_ids(user)


def statistics_partnership_ids(user) -> list[int]:
    """Partnerships whose suppressed trends a person may read: also their safeguarding partner leads."""
    return sorted(
        set(death_partnership_ids(user)) | set(access.partnership_ids(user, {Role.PARTNER_LEAD}))
    )

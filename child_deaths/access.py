"""Who sees child deaths: the business unit of the owning partnership and the panel that reviews them.

A child death overview panel (a `Group` of kind cdop) serves several partnerships. Its members, by
membership of the group or by the CDOP member role in a partnership it serves or is hosted by, see
the deaths of every partnership it serves. Nobody else sees a death or its identifying details.
"""

from django.db.models import Q

from partnership import access
from partnership.models import Group, Role


def panels_of(user) -> list[int]:
    """The ids of the child death overview panels a person sits on."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_cdop_panel_ids", None)
    if cached is None:
        cdop_partnerships = access.partnership_ids(user, {Role.CDOP_MEMBER})
        cached = list(
            Group.objects.filter(
                kind=Group.Kind.CHILD_DEATH_OVERVIEW_PANEL, archived_at__isnull=True
            )
            .filter(
                Q(memberships__person=user)
                | Q(partnership__in=cdop_partnerships)
                | Q(serves__in=cdop_partnerships)
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
            Group.serves.through.objects.filter(group_id__in=panels).values_list(
                "partnership_id", flat=True
            )
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


def statistics_partnership_ids(user) -> list[int]:
    """Partnerships whose suppressed trends a person may read: also their safeguarding partner leads."""
    return sorted(
        set(death_partnership_ids(user)) | set(access.partnership_ids(user, {Role.PARTNER_LEAD}))
    )


def can_work_on_deaths(user) -> bool:
    return bool(death_partnership_ids(user))

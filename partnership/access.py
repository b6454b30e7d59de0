"""The facts access is decided from: which roles a person holds where, and the records in reach.

Decisions (who may see, change or see the identifying details of a record) are made in the
policy modules (`partnership/policy.py` and each app's `policy.py`) from these facts. Each model's
queryset has `visible_to(user)` (and where it differs, `editable_by(user)`), built from the helpers
here; views fetch single records through `get_for_user`, so that a record of
another partnership answers 404 and a record one may only read answers 403 to a change.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.http import Http404

from partnership.models import (
    Group,
    Membership,
    Partnership,
    PartnershipLink,
    Role,
    RoleAssignment,
)

BUSINESS_UNIT = frozenset({Role.BUSINESS_UNIT_MANAGER, Role.BUSINESS_UNIT_OFFICER})
# Roles whose work shows child-identifying details; they must sign in with a second factor.
IDENTIFYING_DETAIL_ROLES = frozenset(
    {
        Role.BUSINESS_UNIT_MANAGER,
        Role.BUSINESS_UNIT_OFFICER,
        Role.PARTNER_LEAD,
        Role.INDEPENDENT_REVIEWER,
        Role.CDOP_MEMBER,
    }
)


def roles_by_partnership(user) -> dict[int, frozenset[str]]:
    """Every role the person holds, by partnership id; read once per request and kept on the user."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    cached = getattr(user, "_roles_by_partnership", None)
    if cached is None:
        found: dict[int, set[str]] = {}
        for partnership_id, role in RoleAssignment.objects.filter(person=user).values_list(
            "partnership_id", "role"
        ):
            found.setdefault(partnership_id, set()).add(role)
        cached = {key: frozenset(value) for key, value in found.items()}
        user._roles_by_partnership = cached
    return cached


def group_ids(user) -> frozenset[int]:
    """The groups the person is a member of (any membership role, groups not archived); read once
    per request and kept on the user."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_group_ids", None)
    if cached is None:
        cached = frozenset(
            Membership.objects.filter(person=user, group__archived_at__isnull=True).values_list(
                "group_id", flat=True
            )
        )
        user._group_ids = cached
    return cached


def roles_in(user, partnership: Partnership | int | None) -> frozenset[str]:
    if partnership is None:
        return frozenset()
    partnership_id = partnership if isinstance(partnership, int) else partnership.pk
    return roles_by_partnership(user).get(partnership_id, frozenset())


def has_role(user, partnership: Partnership | int | None, roles: Iterable[str]) -> bool:
    return bool(roles_in(user, partnership) & set(roles))


def is_business_unit(user, partnership: Partnership | int | None) -> bool:
    return has_role(user, partnership, BUSINESS_UNIT)


def is_business_unit_manager(user, partnership: Partnership | int | None) -> bool:
    return has_role(user, partnership, {Role.BUSINESS_UNIT_MANAGER})


def partnership_ids(user, roles: Iterable[str] | None = None) -> list[int]:
    """Partnerships where the person holds any role (or one of `roles`)."""
    wanted = set(roles) if roles is not None else None
    return [
        partnership_id
        for partnership_id, held in roles_by_partnership(user).items()
        if wanted is None or held & wanted
    ]


def business_unit_partnership_ids(user) -> list[int]:
    return partnership_ids(user, BUSINESS_UNIT)


def requires_two_factor(user) -> bool:
    return any(held & IDENTIFYING_DETAIL_ROLES for held in roles_by_partnership(user).values())


def linked_partnership_ids(partnership: Partnership | int) -> list[int]:
    """Partnerships joined to this one by an accepted link: the only others its groups may serve."""
    partnership_id = partnership if isinstance(partnership, int) else partnership.pk
    return [
        other
        for pair in PartnershipLink.objects.accepted()
        .filter(Q(requesting=partnership_id) | Q(receiving=partnership_id))
        .values_list("requesting_id", "receiving_id")
        for other in pair
        if other != partnership_id
    ]


def agreed_serving() -> models.QuerySet:
    """The rows of `Group.serves` that count: a group serving its own partnership, or another
    partnership joined to the group's by an accepted link. Any other row gives nobody anything."""
    accepted = PartnershipLink.objects.accepted().filter(
        Q(requesting=OuterRef("group__partnership"), receiving=OuterRef("partnership"))
        | Q(requesting=OuterRef("partnership"), receiving=OuterRef("group__partnership"))
    )
    return Group.serves.through.objects.filter(
        Q(partnership=F("group__partnership")) | Exists(accepted)
    )


def served_partnership_ids(group: Group) -> list[int]:
    """The partnerships a group works for: its host and those it serves by agreement."""
    return sorted(
        {
            group.partnership_id,
            *agreed_serving().filter(group=group).values_list("partnership_id", flat=True),
        }
    )


def current_partnership(user) -> Partnership | None:
    """The partnership a person works in: their home one, else the first they hold a role in."""
    if not getattr(user, "is_authenticated", False):
        return None
    if user.partnership_id and user.partnership_id in roles_by_partnership(user):
        return user.partnership
    ids = partnership_ids(user)
    return Partnership.objects.filter(pk__in=ids).first() if ids else None


def get_for_user(user, queryset: models.QuerySet, pk, *, write: bool = False):
    """One record the person may see (else 404); with `write`, one they may change (else 403)."""
    record = queryset.visible_to(user).filter(pk=pk).first()
    if record is None:
        raise Http404("No such record")
    if write and not queryset.model._default_manager.editable_by(user).filter(pk=pk).exists():
        raise PermissionDenied("You can see this record but not change it")
    return record


def require_partnership(request) -> Partnership:
    """Kept for callers of the access layer: the decision is `partnership.policy`'s."""
    from partnership import policy

    return policy.require_partnership(request)


def require_business_unit(request) -> Partnership:
    from partnership import policy

    return policy.require_business_unit(request)


def require_business_unit_manager(request) -> Partnership:
    from partnership import policy

    return policy.require_business_unit_manager(request)

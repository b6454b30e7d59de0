"""Reads of partnership structure and people, scoped to the person asking."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django_otp import devices_for_user

from partnership.models import (
    Group,
    Membership,
    Partnership,
    PartnershipLink,
    Role,
    RoleAssignment,
    User,
)
from partnership.structure import StructureKind


def structure_records(
    *, kind: StructureKind, partnership: Partnership, include_archived: bool = False
) -> QuerySet:
    records = kind.model.objects.filter(partnership=partnership)
    if not include_archived:
        records = records.active()
    if kind.model is Group:
        records = records.annotate(member_count=Count("memberships"))
    return records


def group_memberships(group: Group) -> QuerySet[Membership]:
    return group.memberships.select_related("person", "person__organisation")


def people_of(
    *, partnership: Partnership, search: str = "", role: str = "", include_inactive: bool = True
) -> QuerySet[User]:
    people = (
        User.objects.filter(role_assignments__partnership=partnership)
        .distinct()
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "role_assignments",
                queryset=RoleAssignment.objects.filter(partnership=partnership),
                to_attr="roles_here",
            )
        )
    )
    if search:
        people = people.filter(full_name__icontains=search) | people.filter(email__icontains=search)
    if role:
        people = people.filter(
            role_assignments__role=role, role_assignments__partnership=partnership
        )
    if not include_inactive:
        people = people.filter(is_active=True)
    return people.order_by("full_name")


def chairs_of(group: Group) -> QuerySet[User]:
    return User.objects.filter(
        memberships__group=group, memberships__role=Membership.Role.CHAIR, is_active=True
    )


def has_authenticator(person: User) -> bool:
    """Whether the person has turned on an authenticator: then every sign-in needs its code."""
    return any(True for _ in devices_for_user(person, confirmed=True))


def other_partnerships_of(person: User, partnership: Partnership) -> list[Partnership]:
    """The partnerships besides `partnership` that a person works for (holds a role in)."""
    return list(
        Partnership.objects.filter(role_assignments__person=person)
        .exclude(pk=partnership.pk)
        .distinct()
    )


PAST_LINKS_SHOWN = 20


@dataclass
class Links:
    """A partnership's links with others, as its business unit sees them."""

    asked_of_us: list[PartnershipLink]
    asked_by_us: list[PartnershipLink]
    linked: list[PartnershipLink]
    past: list[PartnershipLink]


def links_of(partnership: Partnership) -> Links:
    links = list(
        PartnershipLink.objects.of(partnership).select_related(
            "requesting", "receiving", "requested_by", "answered_by", "ended_by"
        )
    )
    waiting = [link for link in links if link.status == PartnershipLink.Status.REQUESTED]
    return Links(
        asked_of_us=[link for link in waiting if link.receiving_id == partnership.pk],
        asked_by_us=[link for link in waiting if link.requesting_id == partnership.pk],
        linked=[link for link in links if link.status == PartnershipLink.Status.ACCEPTED],
        past=[link for link in links if link.status not in PartnershipLink.OPEN][:PAST_LINKS_SHOWN],
    )


def link_requests_waiting_for(partnership: Partnership) -> QuerySet[PartnershipLink]:
    """Requests the partnership's business unit has yet to answer."""
    return PartnershipLink.objects.filter(
        receiving=partnership, status=PartnershipLink.Status.REQUESTED
    ).select_related("requesting")


def account_change_refusal(*, person: User, partnership: Partnership, by: User) -> str:
    """Why `by`, for `partnership`, may not deactivate, reactivate, reset or re-invite `person`, in
    words for the page; "" if they may."""
    from partnership import policy

    others = other_partnerships_of(person, partnership)
    if not policy.may_change_account(
        by, works_for=[other.pk for other in others], partnership=partnership
    ):
        return (
            f"This person also works for {', '.join(str(other) for other in others)}. Their "
            "account can be deactivated, or its two-factor authentication reset, only by every "
            "partnership they work for, or by a system administrator. You can remove their roles "
            "in your partnership."
        )
    # Read from the assignments, not the access cache: a deactivated manager holds no live roles.
    is_manager = person.role_assignments.filter(
        partnership=partnership, role=Role.BUSINESS_UNIT_MANAGER
    ).exists()
    if is_manager and not policy.is_business_unit_manager(by, partnership):
        return "Only a business unit manager can change the account of a business unit manager."
    return ""

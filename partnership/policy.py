"""Who may see, change or see the identifying details of a record: the predicates every app's
policy builds on.

Each app decides access in its own `policy.py` only, out of these predicates (django-rules). A
predicate takes the person and a record (anything with a `partnership_id`), a `Partnership` or a
partnership id. Each rule is registered under a permission name (`"<app>.<verb>_<thing>"`) so that
`core`, which imports no domain app, and templates (`{% can %}`) ask for it by name.
`partnership/access.py` holds the facts these read (which roles a person holds where) and scopes
querysets to them.
"""

from collections.abc import Iterable

import rules
from django.core.exceptions import PermissionDenied

from partnership import access
from partnership.models import Partnership, Role


def partnership_id_of(record) -> int | None:
    """The id of the partnership a record (or a partnership, or an id) belongs to."""
    if record is None or isinstance(record, int):
        return record
    if isinstance(record, Partnership):
        return record.pk
    return getattr(record, "partnership_id", None)


def holds_role(*roles: str) -> rules.Predicate:
    """A predicate: the person holds one of `roles` in the record's partnership."""
    wanted = frozenset(roles)

    def fn(user, record) -> bool:
        return access.has_role(user, partnership_id_of(record), wanted)

    return rules.predicate(fn, name=f"holds_role({', '.join(sorted(wanted))})")


@rules.predicate
def in_partnership(user, record) -> bool:
    """Holds any role in the record's partnership."""
    return bool(access.roles_in(user, partnership_id_of(record)))


@rules.predicate
def is_verified(user) -> bool:
    """Signed in with a second factor in this session (a password alone is not enough)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(getattr(user, "is_authenticated", False) and is_verified and is_verified())


is_business_unit = holds_role(*access.BUSINESS_UNIT)
is_business_unit_manager = holds_role(Role.BUSINESS_UNIT_MANAGER)
is_partner_lead = holds_role(Role.PARTNER_LEAD)
is_independent_reviewer = holds_role(Role.INDEPENDENT_REVIEWER)
is_agency_contributor = holds_role(Role.AGENCY_CONTRIBUTOR)
# The identifying details of a child are for the roles whose work needs them, signed in with two factors.
sees_identifying_details = holds_role(*access.IDENTIFYING_DETAIL_ROLES) & is_verified


def rule(name: str, predicate: rules.Predicate) -> rules.Predicate:
    """Registers `predicate` as the permission `name` and returns it, for views to call directly."""
    rules.add_perm(name, predicate)
    return predicate


# The partnership's own pages, and the core pages (asked for by name: core imports no domain app).
can_see_partnership = rule("partnership.view_partnership", in_partnership)
can_manage_partnership = rule("partnership.change_partnership", is_business_unit)
can_reset_two_factor = rule("partnership.reset_two_factor", is_business_unit_manager)
rule("core.view_closure_days", in_partnership)
rule("core.change_closure_days", is_business_unit)
rule("core.view_audit_trail", is_business_unit_manager)


def require_partnership(request) -> Partnership:
    """The request's partnership; a signed-in person with no role anywhere sees nothing."""
    partnership = request.partnership
    if not partnership:
        raise PermissionDenied("You have no role in any partnership")
    return partnership


def require(request, predicate: rules.Predicate, reason: str) -> Partnership:
    """The request's partnership, if `predicate` allows the person there (else 403 with `reason`)."""
    partnership = require_partnership(request)
    if not predicate(request.user, partnership):
        raise PermissionDenied(reason)
    return partnership


def require_business_unit(request) -> Partnership:
    return require(request, is_business_unit, "Only the partnership's business unit can do this")


def require_business_unit_manager(request) -> Partnership:
    return require(request, is_business_unit_manager, "Only the business unit manager can do this")


def grantable_roles(user, partnership: Partnership | int | None) -> list[str]:
    """The roles a person may give or take away in a partnership: only a manager grants manager."""
    held = access.roles_in(user, partnership_id_of(partnership))
    if Role.BUSINESS_UNIT_MANAGER in held:
        return list(Role.values)
    if held & access.BUSINESS_UNIT:
        return [role for role in Role.values if role != Role.BUSINESS_UNIT_MANAGER]
    return []


def role_change_refusal(*, own_record: bool, grantable: Iterable[str], before, after) -> str:
    """Why a change of someone's roles may not be made, or "" if it may (local policy of trust)."""
    changed = set(before) ^ set(after)
    if not changed:
        return ""
    if own_record:
        return "You cannot change your own roles: ask another member of the business unit"
    if changed - set(grantable):
        return "Only a business unit manager can give or take away the business unit manager role"
    return ""


def may_change_account(user, *, works_for: Iterable[int], partnership: Partnership) -> bool:
    """A person's account is shared by every partnership they work for: one partnership alone may
    deactivate it, reset its authenticator or rename it only when it is the only one left, and a
    system administrator always may. Each partnership owns only its own role assignments."""
    return bool(getattr(user, "is_superuser", False)) or set(works_for) <= {partnership.pk}

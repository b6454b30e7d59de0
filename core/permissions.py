"""Asking for a permission by name: the rule behind each name is in the policy module of the app
that decides it (`<app>/policy.py`, django-rules), as core imports no domain app."""

import rules
from django.core.exceptions import PermissionDenied


def allowed(user, permission: str, record=None) -> bool:
    return rules.has_perm(permission, user, record)


def require(request, permission: str, reason: str):
    """The request's partnership, if the person has `permission` there (else 403 with `reason`)."""
    partnership = request.partnership
    if not partnership:
        raise PermissionDenied("You have no role in any partnership")
    if not allowed(request.user, permission, partnership):
        raise PermissionDenied(reason)
    return partnership

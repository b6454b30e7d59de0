"""`{% can "learning.change_action" action as can_change %}`: a template asks the same rule a view does."""

from django import template

from core.permissions import allowed

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, permission: str, record=None) -> bool:
    return allowed(context["request"].user, permission, record)

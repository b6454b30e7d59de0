"""The learning panel any source's page includes: `{% include "learning/_source_panel.html" with source=record %}`."""

from django import template

from learning import policy, selectors
from learning.views.common import source_kwargs

register = template.Library()


@register.inclusion_tag("learning/_source_panel_body.html", takes_context=True)
def source_panel(context, source):
    user = context["request"].user
    return {
        **selectors.source_learning(source),
        "source": source,
        "source_kwargs": source_kwargs(source),
        "can_manage": policy.can_manage_learning(user, source.partnership),
        "blockers": selectors.dissemination_blockers(source),
    }

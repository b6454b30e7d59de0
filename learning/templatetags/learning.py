"""The learning panel any source's page includes: `{% include "learning/_source_panel.html" with source=record %}`."""

from django import template

from learning import policy, selectors
from learning.models import named as named_record
from learning.views.common import source_kwargs

register = template.Library()


@register.filter
def named(record) -> str:
    """`{{ action|named }}`: a code never stands alone ("A2: Agree a neglect toolkit (R1,
    STSCP-2026-001)", "STSCP-2026-001: LCSPR: Child R")."""
    return named_record(record)


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

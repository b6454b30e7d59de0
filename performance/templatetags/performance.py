"""Figures as the report writes them; filters, not includes, because the report shows hundreds."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html

register = template.Library()

_RAG = {"green": ("green", "Green"), "amber": ("yellow", "Amber"), "red": ("red", "Red")}


@register.filter
def measure(value: Decimal | None, unit: str) -> str:
    """'35%' for a percentage, '507.85' for a rate, '–' for no figure."""
    if value is None:
        return "–"
    return f"{floatformat(value, '-2')}{'%' if unit == 'percentage' else ''}"


@register.filter
def rag_tag(rag: str) -> str:
    """A GOV.UK tag naming the rating in words, so colour is never the only sign."""
    if rag not in _RAG:
        return ""
    colour, label = _RAG[rag]
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, label)

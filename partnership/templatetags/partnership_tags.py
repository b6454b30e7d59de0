from django import template

register = template.Library()


@register.filter
def attribute(record, name: str):
    """A record's attribute or get_FOO_display() value, named in a StructureKind's columns."""
    value = getattr(record, name, "")
    return value() if callable(value) else value

"""Template filters that give each Django widget its GOV.UK classes and accessible wiring."""

from django import forms, template

from core.forms import GovukDateWidget

register = template.Library()

_INPUT_CLASS = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.FileInput: "govuk-file-upload",
    forms.CheckboxInput: "govuk-checkboxes__input",
}


def _kind(widget: forms.Widget) -> str:
    if isinstance(widget, GovukDateWidget):
        return "date"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "input"


@register.filter
def govuk_kind(field) -> str:
    return _kind(field.field.widget)


@register.filter
def govuk_anchor(field) -> str:
    """The id an error summary link should jump to: the field, or its first box or option."""
    if _kind(field.field.widget) in {"date", "radios", "checkboxes"}:
        return f"{field.auto_id}_0"
    return field.id_for_label


@register.filter
def govuk_widget(field):
    widget = field.field.widget
    attrs = {}
    if _kind(widget) == "input":
        base = next(
            (css for widget_type, css in _INPUT_CLASS.items() if isinstance(widget, widget_type)),
            "govuk-input",
        )
        classes = [base, widget.attrs.get("class", "")]
        if isinstance(widget, forms.NumberInput) and "width" not in classes[1]:
            classes.append("govuk-input--width-5")  # a number box as wide as its numbers
        if field.errors:
            classes.append(f"{base}--error")
        attrs["class"] = " ".join(css for css in classes if css)
    elif _kind(widget) == "checkbox":
        attrs["class"] = "govuk-checkboxes__input"
    elif _kind(widget) == "date" and field.errors:
        attrs["class"] = "govuk-input--error"
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_hint")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    if described_by and _kind(widget) in {"input", "checkbox"}:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)

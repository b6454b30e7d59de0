"""Forms of multi-agency case audits. Choices are always limited to the partnership's own records."""

from django import forms

from audits import periods
from core.forms import GovukForm


def _say(form: forms.BaseForm, messages: dict[str, str]) -> None:
    """GOV.UK wording for a missing answer, saying what to do."""
    for name, message in messages.items():
        form.fields[name].error_messages["required"] = message
        form.fields[name].error_messages["invalid_choice"] = message


class ProgrammeForm(GovukForm):
    year = forms.TypedChoiceField(
        label="Financial year", coerce=int, widget=forms.RadioSelect, choices=()
    )
    summary = forms.CharField(
        label="What the programme is for (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example, the partnership's priorities the audits test this year.",
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, periods.year_label(year)) for year in years]
        _say(self, {"year": "Select the financial year of the programme"})

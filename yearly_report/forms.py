"""Forms of the yearly report, each error in GOV.UK words naming its field."""

from datetime import date

from django import forms

from core.forms import GovukDateField, GovukForm
from yearly_report import sections

OUT_OF_DATE = "This page is out of date: reload it and make your change again"


class OpenReportForm(GovukForm):
    start_year = forms.TypedChoiceField(
        label="Which 12 months does the report cover?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the 12 months the report covers",
            "invalid_choice": "Select one of the 12 months offered",
        },
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        latest = sections.last_full_year(today) + 1
        self.fields["start_year"].choices = [
            (year, f"1 April {year} to 31 March {year + 1}")
            for year in range(latest, latest - 5, -1)
        ]
        self.fields["start_year"].initial = sections.last_full_year(today)


class NarrativeForm(GovukForm):
    text = forms.CharField(
        label="Narrative", required=False, widget=forms.Textarea(attrs={"rows": 12})
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput, error_messages={"required": OUT_OF_DATE, "invalid": OUT_OF_DATE}
    )

    def __init__(self, *args, title: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = f"What the partnership says about {title.lower()}"


class SignOffForm(GovukForm):
    agrees = forms.TypedChoiceField(
        label="Do you agree to publish this version for your organisation?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select yes if you agree to publish this version",
            "invalid_choice": "Select yes if you agree to publish this version",
        },
    )
    comment = forms.CharField(
        label="Comment (needed if you do not agree)", required=False, widget=forms.Textarea
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("agrees") is False and not cleaned.get("comment", "").strip():
            self.add_error("comment", "Enter why you do not agree")
        return cleaned


class SentForm(GovukForm):
    sent_on = GovukDateField(
        label="Date it was sent",
        error_messages={"required": "Enter the date the report was sent"},
    )

from django import forms

from core.forms import GovukForm, TableFileField, VersionedModelForm
from learning.models import Finding, Theme
from partnership.models import Area, Organisation
from performance import periods
from performance.catalogue import COLUMNS
from performance.models import Indicator, Scrutiny


class IndicatorForm(VersionedModelForm):
    class Meta:
        model = Indicator
        fields = list(COLUMNS)  # the same columns as the catalogue's import file
        widgets = {
            "unit": forms.RadioSelect,
            "polarity": forms.RadioSelect,
            "theme": forms.RadioSelect,
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        taken = Indicator.objects.filter(partnership=self.partnership, code__iexact=code)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(f"Another indicator already has the code {code}")
        return code


class ImportUploadForm(GovukForm):
    file = TableFileField(
        label="File of quarterly values",
        help_text="A CSV or XLSX file laid out like the template.",
    )


def _quarter_choices(quarters: list[periods.Quarter]) -> list[tuple[str, str]]:
    return [(str(quarter), f"{quarter} ({quarter.months})") for quarter in quarters]


class ReportFilterForm(GovukForm):
    quarter = forms.ChoiceField(label="Quarter", required=False)
    place = forms.ChoiceField(label="Area", required=False)
    theme = forms.ChoiceField(label="Theme", required=False)

    def __init__(self, *args, quarters, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = _quarter_choices(quarters)
        self.fields["place"].choices = [(place, place) for place in reversed(places)]
        self.fields["theme"].choices = [("", "All themes"), *Indicator.Theme.choices]


class ScrutinyForm(GovukForm):
    quarter = forms.ChoiceField(label="Quarter")
    indicator = forms.ModelChoiceField(
        label="Indicator",
        required=False,
        queryset=Indicator.objects.none(),
        empty_label="The quarter as a whole",
    )
    area = forms.ModelChoiceField(
        label="Area", required=False, queryset=Area.objects.none(), empty_label="All areas"
    )
    question = forms.CharField(label="Question the group asked", widget=forms.Textarea)
    asked_of = forms.ModelChoiceField(label="Agency asked", queryset=Organisation.objects.none())
    answer = forms.CharField(label="The agency's answer", widget=forms.Textarea, required=False)
    outcome = forms.ChoiceField(
        label="Outcome", choices=Scrutiny.Outcome.choices, widget=forms.RadioSelect
    )
    finding_title = forms.CharField(label="Finding title", max_length=200, required=False)
    finding_description = forms.CharField(
        label="What the finding says", widget=forms.Textarea, required=False
    )
    finding_aim = forms.ChoiceField(
        label="Is this something that works well or must improve?",
        required=False,
        widget=forms.RadioSelect,
        choices=Finding.Aim.choices,
        error_messages={"invalid_choice": "Select whether the finding works well or must improve"},
    )
    finding_themes = forms.ModelMultipleChoiceField(
        label="Themes of the finding",
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audit_title = forms.CharField(label="Proposed audit", max_length=200, required=False)
    audit_focus = forms.CharField(
        label="What the audit should look at, and why",
        widget=forms.Textarea,
        required=False,
    )

    _NEEDED = {
        Scrutiny.Outcome.FINDING: ("finding_title", "finding_description", "finding_aim"),
        Scrutiny.Outcome.AUDIT: ("audit_title", "audit_focus"),
    }

    def __init__(self, *args, partnership, quarters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = _quarter_choices(quarters)
        self.fields["indicator"].queryset = Indicator.objects.filter(
            partnership=partnership, archived_at=None
        )
        self.fields["area"].queryset = Area.objects.filter(
            partnership=partnership, archived_at=None
        )
        self.fields["asked_of"].queryset = Organisation.objects.filter(
            partnership=partnership, archived_at=None
        )
        self.fields["finding_themes"].queryset = Theme.objects.for_partnership(partnership)

    def clean(self):
        cleaned = super().clean()
        for name in self._NEEDED.get(cleaned.get("outcome"), ()):
            if not cleaned.get(name):
                self.add_error(name, f"Enter {self.fields[name].label.lower()}")
        return cleaned

    @property
    def period(self) -> int:
        return periods.Quarter.parse(self.cleaned_data["quarter"]).index

    @property
    def finding(self) -> dict:
        return {
            "title": self.cleaned_data["finding_title"],
            "description": self.cleaned_data["finding_description"],
            "aim": self.cleaned_data["finding_aim"],
            "themes": list(self.cleaned_data["finding_themes"]),
        }

    @property
    def audit_proposal(self) -> dict:
        return {
            "title": self.cleaned_data["audit_title"],
            "focus": self.cleaned_data["audit_focus"],
        }

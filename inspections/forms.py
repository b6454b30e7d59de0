"""Forms of the inspection register. Choices are always limited to the partnership's own records."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from core.forms import GovukDateField, GovukForm, VersionedModelForm, use_messages
from inspections.models import Grade, Inspection, InspectionPoint, InspectionSetting, Judgement
from inspections.services import INSPECTION_FIELDS
from learning.models import Theme
from partnership.models import Area, Group, Organisation


class InspectionForm(VersionedModelForm):
    notice_date = GovukDateField(label="Date of notice", required=False)
    on_site_from = GovukDateField(label="First day on site", required=False)
    on_site_to = GovukDateField(label="Last day on site", required=False)
    report_received = GovukDateField(
        label="Date the final report or letter was received",
        required=False,
        help_text="The action plan clock starts from this date.",
    )
    published_on = GovukDateField(label="Date the report was published", required=False)

    class Meta:
        model = Inspection
        fields = INSPECTION_FIELDS
        labels = {
            "kind": "Kind of inspection",
            "inspectorate": "Inspectorate",
            "jtai_theme": "Theme of the JTAI",
            "area": "Local authority area",
            "inspected_body": "Body inspected",
            "priority_actions": "The report names areas for priority action",
            "status": "Status",
        }
        help_texts = {"inspected_body": "For example, Middlesbrough Council children's services"}
        widgets = {"kind": forms.RadioSelect, "status": forms.RadioSelect}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.filter(
            partnership=partnership, archived_at__isnull=True
        )
        self.fields["area"].empty_label = "Not one area"
        self.fields["jtai_theme"].choices = [("", "Not a JTAI"), *Inspection.JtaiTheme.choices]
        use_messages(
            self,
            {
                "kind": "Select the kind of inspection",
                "inspectorate": "Select the inspectorate",
                "inspected_body": "Enter the body inspected",
                "status": "Select the status of the inspection",
                "area": "Select an area from the list",
                "jtai_theme": "Select the theme of the JTAI from the list",
            },
        )

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == Inspection.Kind.JTAI and not cleaned.get("jtai_theme"):
            self.add_error("jtai_theme", "Select the theme of the JTAI")
        if kind and kind != Inspection.Kind.JTAI and cleaned.get("jtai_theme"):
            self.add_error("jtai_theme", "Only a JTAI has a theme: select Not a JTAI")
        start, end = cleaned.get("on_site_from"), cleaned.get("on_site_to")
        if start and end and end < start:
            self.add_error(
                "on_site_to", "The last day on site must be the same as or after the first"
            )
        notice = cleaned.get("notice_date")
        if notice and start and start < notice:
            self.add_error(
                "on_site_from", "The first day on site must be on or after the date of notice"
            )
        received = cleaned.get("report_received")
        if received and end and received < end:
            self.add_error(
                "report_received",
                "The date the report was received must be after the last day on site",
            )
        return cleaned


class JudgementsForm(GovukForm):
    """The five ILACS judgements on the four-point scale; an aspect left blank is not yet judged."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, inspection, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = inspection.version
        held = {judgement.aspect: judgement.grade for judgement in inspection.judgements.all()}
        for aspect, label in Judgement.Aspect.choices:
            self.fields[aspect] = forms.TypedChoiceField(
                label=label,
                required=False,
                coerce=int,
                empty_value=None,
                choices=[("", "Not judged"), *Grade.choices],
                initial=held.get(aspect, ""),
                error_messages={
                    "invalid_choice": f"Select a judgement for {label[0].lower()}{label[1:]} from the list"
                },
            )

    @property
    def grades(self) -> dict[str, int | None]:
        return {aspect: self.cleaned_data[aspect] for aspect in Judgement.Aspect.values}


class PointForm(GovukForm):
    kind = forms.ChoiceField(
        label="What the report says", choices=InspectionPoint.Kind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(label="Short title", max_length=300)
    text = forms.CharField(label="The words of the report", widget=forms.Textarea)
    owning_group = forms.ModelChoiceField(
        label="Group that oversees the actions",
        queryset=Group.objects.none(),
        required=False,
        help_text="Not needed for a strength.",
    )
    themes = forms.ModelMultipleChoiceField(
        label="Themes",
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    indicators = forms.ModelMultipleChoiceField(
        label="Performance indicators the actions aim to move",
        queryset=InspectionPoint.indicators.field.related_model.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owning_group"].queryset = Group.objects.filter(
            partnership=partnership, archived_at__isnull=True
        )
        self.fields["themes"].queryset = Theme.objects.for_partnership(partnership)
        self.fields["indicators"].queryset = self.fields[
            "indicators"
        ].queryset.model.objects.filter(partnership=partnership, archived_at__isnull=True)
        use_messages(
            self,
            {
                "kind": "Select what the report says",
                "title": "Enter a short title",
                "text": "Enter the words of the report",
                "owning_group": "Select a group from the list",
            },
        )
        self.fields["themes"].error_messages["invalid_choice"] = "Select themes from the list"
        self.fields["indicators"].error_messages["invalid_choice"] = (
            "Select indicators from the list"
        )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("kind")
            and cleaned["kind"] != InspectionPoint.Kind.STRENGTH
            and not cleaned.get("owning_group")
            and "owning_group" not in self.errors
        ):
            self.add_error("owning_group", "Select the group that oversees the actions")
        return cleaned


class SampleCaseForm(GovukForm):
    agency = forms.ModelChoiceField(label="Agency", queryset=Organisation.objects.none())
    case_reference = forms.CharField(
        label="The agency's case reference",
        max_length=50,
        help_text="The reference only: do not enter the child's name.",
    )
    note = forms.CharField(label="Note", max_length=300, required=False)

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Organisation.objects.filter(
            partnership=partnership, archived_at__isnull=True
        )
        use_messages(
            self,
            {
                "agency": "Select the agency from the list",
                "case_reference": "Enter the agency's case reference",
            },
        )


class SettingForm(VersionedModelForm):
    self_evaluation_updated_on = GovukDateField(
        label="Self-evaluation last updated", required=False
    )
    case_audits_updated_on = GovukDateField(
        label="Multi-agency case audits last done", required=False
    )
    evidence_library_updated_on = GovukDateField(
        label="Evidence library last reviewed", required=False
    )

    class Meta:
        model = InspectionSetting
        fields = [
            "jtai_statement_working_days",
            "self_evaluation_updated_on",
            "case_audits_updated_on",
            "evidence_library_updated_on",
        ]
        labels = {
            "jtai_statement_working_days": "Working days to send a JTAI written statement of action"
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["jtai_statement_working_days"]
        field.error_messages.update(
            {
                "required": "Enter the number of working days",
                "invalid": "The number of working days must be a whole number, like 70",
            }
        )
        field.validators = [
            MinValueValidator(1, message="The number of working days must be between 1 and 200"),
            MaxValueValidator(200, message="The number of working days must be between 1 and 200"),
        ]

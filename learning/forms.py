"""Forms of the learning spine. Choices are always limited to the record's own partnership."""

from pathlib import Path

from django import forms

from core.document_text import READABLE
from core.forms import GovukDateField, GovukFileField, GovukForm, GovukModelForm, VersionedModelForm
from learning import impact
from learning.models import (
    Action,
    Briefing,
    DisseminationChannel,
    EvidenceOfImpact,
    Finding,
    OtherSource,
    PracticeChange,
    Publication,
    Theme,
)
from partnership.models import Group, LinkedPartnership, Organisation, User


class PartnershipChoicesMixin:
    """Limits each named model-choice field to records of `partnership`."""

    partnership_fields: dict[str, type] = {}

    def limit_choices(self, partnership):
        querysets = {
            Theme: Theme.objects.for_partnership(partnership),
            Finding: Finding.objects.filter(partnership=partnership),
            Group: Group.objects.filter(partnership=partnership, archived_at__isnull=True),
            Organisation: Organisation.objects.filter(
                partnership=partnership, archived_at__isnull=True
            ),
            LinkedPartnership: LinkedPartnership.objects.filter(
                partnership=partnership, archived_at__isnull=True
            ),
            User: User.objects.filter(
                role_assignments__partnership=partnership, is_active=True
            ).distinct(),
            Publication: Publication.objects.live().filter(partnership=partnership),
        }
        for name, model in self.partnership_fields.items():
            self.fields[name].queryset = querysets[model]


class OtherSourceForm(GovukModelForm):
    published_on = GovukDateField(label="Date published", required=False)
    link = forms.URLField(
        label="Link to the source (optional)", required=False, assume_scheme="https"
    )

    class Meta:
        model = OtherSource
        fields = ["kind", "title", "summary", "link", "published_on"]
        labels = {"kind": "Kind of source"}


class FindingForm(PartnershipChoicesMixin, VersionedModelForm):
    partnership_fields = {"themes": Theme}

    class Meta:
        model = Finding
        fields = ["title", "description", "aim", "themes", "voice_of_the_child"]
        labels = {
            "title": "Finding",
            "description": "What was found",
            "aim": "Is this something that works well or something that must improve?",
            "voice_of_the_child": "The child's voice and lived experience (optional)",
        }
        widgets = {
            "aim": forms.RadioSelect,
            "themes": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "aim": {"required": "Select whether this works well or must improve"},
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_choices(partnership)
        self.fields["aim"].choices = Finding.Aim.choices


class RecommendationForm(PartnershipChoicesMixin, GovukForm):
    partnership_fields = {"findings": Finding, "owning_group": Group}

    text = forms.CharField(label="Recommendation", widget=forms.Textarea)
    findings = forms.ModelMultipleChoiceField(
        label="Findings behind it",
        queryset=Finding.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    owning_group = forms.ModelChoiceField(
        label="Owning group",
        queryset=Group.objects.none(),
        help_text="The group that oversees its actions and signs off evidence of impact.",
    )

    def __init__(self, *args, partnership, findings, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_choices(partnership)
        self.fields["findings"].queryset = findings


class ActionForm(PartnershipChoicesMixin, GovukForm):
    partnership_fields = {"owner_organisation": Organisation, "owner_person": User}

    description = forms.CharField(label="Action", widget=forms.Textarea)
    owner_organisation = forms.ModelChoiceField(
        label="Owner organisation", queryset=Organisation.objects.none()
    )
    owner_person = forms.ModelChoiceField(
        label="Owner (person)", queryset=User.objects.none(), required=False
    )
    due_date = GovukDateField(label="Due date")

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_choices(partnership)

    def clean(self):
        cleaned = super().clean()
        person, organisation = cleaned.get("owner_person"), cleaned.get("owner_organisation")
        if person and organisation and person.organisation_id != organisation.pk:
            self.add_error("owner_person", f"Choose someone who works for {organisation}")
        return cleaned


class ActionProgressForm(GovukForm):
    status = forms.ChoiceField(
        label="Status",
        widget=forms.RadioSelect,
        choices=[
            (Action.Status.NOT_STARTED, "Not started"),
            (Action.Status.ON_TRACK, "On track"),
            (Action.Status.AT_RISK, "At risk"),
        ],
    )
    note = forms.CharField(label="Progress update", widget=forms.Textarea)


class EvidenceForm(GovukModelForm):
    class Meta:
        model = EvidenceOfImpact
        fields = ["what_changed", "method", "how_known"]
        labels = {
            "what_changed": "What changed in practice",
            "method": "How it is known",
            "how_known": "The evidence",
        }
        widgets = {"method": forms.RadioSelect}

    def __init__(self, *args, citable=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = EvidenceOfImpact.Method.choices
        self.citable = {citable.key: citable for citable in citable}
        if self.citable:
            self.fields["citing"] = forms.MultipleChoiceField(
                label="Results to cite",
                help_text="What is cited is kept with the evidence as it reads now.",
                widget=forms.CheckboxSelectMultiple,
                required=False,
                choices=[
                    (key, f"{citable.title}: {citable.summary}")
                    for key, citable in self.citable.items()
                ],
                error_messages={"invalid_choice": "Select only results listed for this action"},
            )

    def clean_citing(self):
        return [self.citable[key] for key in self.cleaned_data["citing"]]


class ActionIndicatorForm(GovukForm):
    indicator = forms.TypedChoiceField(
        label="Indicator",
        coerce=int,
        error_messages={
            "required": "Select the indicator the action aims to move",
            "invalid_choice": "Select an indicator of the partnership's performance framework",
        },
    )
    expected = forms.ChoiceField(
        label="Which way should it move?",
        choices=impact.Direction.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the indicator should go up or down",
            "invalid_choice": "Select whether the indicator should go up or down",
        },
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = choices


class ChannelForm(PartnershipChoicesMixin, GovukForm):
    partnership_fields = {"owner": User, "linked_partnership": LinkedPartnership}

    channel = forms.ChoiceField(label="Channel", choices=DisseminationChannel.Channel.choices)
    linked_partnership = forms.ModelChoiceField(
        label="Linked strategic partnership (for that channel only)",
        queryset=LinkedPartnership.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": "Select a linked strategic partnership of your partnership"
        },
    )
    owner = forms.ModelChoiceField(label="Owner", queryset=User.objects.none())
    target_date = GovukDateField(label="Target date")

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_choices(partnership)

    def clean(self):
        cleaned = super().clean()
        wants_link = cleaned.get("channel") == DisseminationChannel.Channel.LINKED_PARTNERSHIP
        if wants_link and not cleaned.get("linked_partnership"):
            self.add_error("linked_partnership", "Choose the linked strategic partnership")
        if not wants_link and cleaned.get("linked_partnership"):
            self.add_error(
                "linked_partnership", "Choose a linked partnership only for that channel"
            )
        return cleaned


class ChannelFinishForm(GovukForm):
    status = forms.ChoiceField(
        label="What happened to this channel?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the channel is done or withdrawn"},
        choices=[
            (DisseminationChannel.Status.DONE, "Done"),
            (DisseminationChannel.Status.WITHDRAWN, "Withdrawn"),
        ],
    )
    reason = forms.CharField(label="Reason it is withdrawn", widget=forms.Textarea, required=False)

    def clean(self):
        cleaned = super().clean()
        withdrawn = cleaned.get("status") == DisseminationChannel.Status.WITHDRAWN
        if withdrawn and not cleaned.get("reason", "").strip():
            self.add_error("reason", "Enter the reason the channel is withdrawn")
        return cleaned


class ActivityForm(GovukForm):
    happened_on = GovukDateField(label="Date")
    description = forms.CharField(label="What went out", widget=forms.Textarea)
    audience = forms.CharField(
        label="To whom",
        max_length=300,
        error_messages={
            "required": "Enter who it went to",
            "max_length": "Who it went to must be %(limit_value)d characters or fewer",
        },
    )
    reach = forms.IntegerField(label="Number of people reached", min_value=0)
    agency_returns = forms.CharField(
        label="Agencies' returns on how they used it (optional)",
        widget=forms.Textarea,
        required=False,
    )


class ThemeForm(VersionedModelForm):
    class Meta:
        model = Theme
        fields = ["name", "description"]

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = Theme.objects.filter(partnership=self.partnership, name__iexact=name).exclude(
            pk=self.instance.pk
        )
        if clash.exists():
            raise forms.ValidationError(f"There is already a theme called {name}")
        return name


class ThemeMergeForm(GovukForm):
    into = forms.ModelChoiceField(
        label="Merge into",
        queryset=Theme.objects.none(),
        error_messages={"required": "Select the theme to merge into"},
    )

    def __init__(self, *args, duplicate, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Theme.objects.for_partnership(duplicate.partnership).exclude(
            pk=duplicate.pk
        )


class BriefingForm(PartnershipChoicesMixin, VersionedModelForm):
    partnership_fields = {"findings": Finding}

    class Meta:
        model = Briefing
        fields = ["title", "findings", *[name for name, _ in Briefing.HEADINGS]]
        labels = {"findings": "Findings it is written from"}
        widgets = {"findings": forms.CheckboxSelectMultiple}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_choices(partnership)
        if self.instance.pk:
            del self.fields["findings"]

    def sections(self) -> dict:
        return {name: self.cleaned_data[name] for name, _ in Briefing.HEADINGS}


class NewsletterForm(PartnershipChoicesMixin, GovukForm):
    partnership_fields = {"items": Publication}

    title = forms.CharField(label="Title", max_length=300)
    introduction = forms.CharField(label="Introduction", widget=forms.Textarea)
    items = forms.ModelMultipleChoiceField(
        label="Published items to include",
        queryset=Publication.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    extra_items = forms.CharField(
        label="Other items (training, procedure changes, national learning): one a line",
        widget=forms.Textarea,
        required=False,
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_choices(partnership)


class PracticeChangeForm(PartnershipChoicesMixin, GovukModelForm):
    partnership_fields = {"findings": Finding}
    changed_on = GovukDateField(label="Date of the change")

    class Meta:
        model = PracticeChange
        fields = ["kind", "title", "description", "findings", "changed_on"]
        labels = {"findings": "Findings behind the change", "kind": "Kind of change"}
        widgets = {"findings": forms.CheckboxSelectMultiple, "kind": forms.RadioSelect}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_choices(partnership)
        self.fields["kind"].choices = PracticeChange.Kind.choices


class ActionPlanFilterForm(PartnershipChoicesMixin, GovukForm):
    partnership_fields = {"organisation": Organisation, "group": Group, "theme": Theme}

    organisation = forms.ModelChoiceField(
        label="Organisation", queryset=Organisation.objects.none(), required=False
    )
    group = forms.ModelChoiceField(
        label="Owning group", queryset=Group.objects.none(), required=False
    )
    theme = forms.ModelChoiceField(label="Theme", queryset=Theme.objects.none(), required=False)
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[
            ("", "Any"),
            ("open", "Open"),
            ("overdue", "Overdue"),
            *Action.Status.choices,
        ],
    )
    source = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_choices(partnership)


class SimilarWorkForm(PartnershipChoicesMixin, GovukForm):
    partnership_fields = {"themes": Theme}

    text = forms.CharField(
        label="Describe the referral, review, audit topic or finding",
        widget=forms.Textarea,
        error_messages={"required": "Describe the referral, review, audit topic or finding"},
    )
    themes = forms.ModelMultipleChoiceField(
        label="Themes",
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_choices(partnership)


class WithdrawForm(GovukForm):
    reason = forms.CharField(label="Reason for withdrawing it", widget=forms.Textarea)


class PublicationForm(GovukForm):
    """Learning from a source for the public site. A review's report is not published here: only
    through the review's own flow, once agreed, signed off and sent."""

    title = forms.CharField(label="Title", max_length=300)
    summary = forms.CharField(label="Summary", widget=forms.Textarea)
    body = forms.CharField(label="Full text", widget=forms.Textarea, required=False)
    document = GovukFileField(
        label="Document (optional)",
        required=False,
        help_text="A PDF, Word (DOCX), OpenDocument (ODT) or plain text file. Its text is checked "
        "for identifying details before it is published.",
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        if upload and Path(upload.name).suffix.lower() not in READABLE:
            raise forms.ValidationError("The selected file must be a PDF, DOCX, ODT or TXT file")
        return upload


def _year_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1990,
        max_value=2100,
        error_messages={
            "invalid": "Enter a year as four digits, for example 2019",
            "min_value": "Enter a year from 1990 to 2100",
            "max_value": "Enter a year from 1990 to 2100",
        },
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
    )


class RecurringLessonsForm(GovukForm):
    aim = forms.ChoiceField(choices=Finding.Aim.choices, required=False, widget=forms.HiddenInput)
    kind = forms.TypedChoiceField(
        label="Kind of source", required=False, coerce=int, empty_value=None
    )
    from_year = _year_field("From year")
    to_year = _year_field("To year")

    def __init__(self, *args, kinds: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Any"), *kinds.items()]
        self.fields["kind"].error_messages["invalid_choice"] = (
            "Choose a kind of source from the list"
        )

    def clean(self):
        data = super().clean()
        if data.get("from_year") and data.get("to_year") and data["from_year"] > data["to_year"]:
            self.add_error("to_year", "The to year must be the same as or after the from year")
        return data

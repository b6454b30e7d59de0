from django import forms
from django.utils import timezone

from child_deaths import rules, selectors
from child_deaths.models import Analysis, ChildDeath, ChildIdentity, PanelMeeting, ReportingForm
from core.forms import (
    GovukDateField,
    GovukForm,
    GovukModelForm,
    VersionedModelForm,
    use_messages,
)
from learning.models import Theme
from partnership.models import Area, Group, Organisation, Partnership

KIND_OF_DEATH = [
    ("child", "The death of a child (born alive, under 18)"),
    (
        rules.SUSPECTED_STILLBIRTH,
        "A suspected stillbirth at home, or a birth with no healthcare professional present",
    ),
    ("stillbirth", "A stillbirth with a healthcare professional present"),
    (
        "late_foetal_loss",
        "A late foetal loss (no signs of life at 22+0 to 23+6 weeks of pregnancy)",
    ),
    ("termination", "A planned termination of pregnancy carried out within the law"),
]
IDENTITY_FIELDS = [
    "forenames",
    "surname",
    "date_of_birth",
    "address",
    "postcode",
    "nhs_number",
    "nhs_number_status",
    *ChildIdentity.IDENTIFIER_FIELDS,
]
DETAIL_FIELDS = [
    "residence",
    "lived_elsewhere",
    "date_of_death",
    "place_of_death",
    "expected",
    "sex",
    "ethnicity",
    "circumstances",
    "professionals_involved",
    "external_causes",
    "sudden_no_apparent_cause",
    "in_custody_or_detained",
    "suspicion_not_natural",
]
# Deaths notified before the census list keep their high-level group, but nobody chooses one now.
NOT_OFFERED = {value for value in ChildDeath.Ethnicity.values if value.endswith("_not_recorded")}


def ethnicity_choices() -> list:
    """The census categories under their five group headings, as the census form lists them."""
    grouped = [
        (
            group,
            [
                (value, label)
                for value, label in ChildDeath.Ethnicity.choices
                if value.startswith(f"{key}_") and value not in NOT_OFFERED
            ],
        )
        for key, group in rules.ETHNIC_GROUPS.items()
    ]
    return [("", "Choose an ethnicity"), *grouped, (ChildDeath.Ethnicity.NOT_STATED, "Not stated")]


class NotificationForm(GovukForm):
    """The child death notification form."""

    messages = {
        "kind_of_death": "Choose what you are notifying",
        "residence": "Choose where the child normally lived",
        "partnership": "Choose the partnership whose area the child died in",
        "forenames": "Enter the child's first names",
        "surname": "Enter the child's last name",
        "date_of_birth": "Enter the child's date of birth",
        "nhs_number_status": "Choose whether you have the child's NHS number",
        "address": "Enter the child's home address",
        "postcode": "Enter the postcode of the child's home",
        "date_of_death": "Enter the date of death",
        "place_of_death": "Choose the place of death",
        "expected": "Choose whether the death was expected",
        "sex": "Choose the child's sex",
        "ethnicity": "Choose the child's ethnicity from the list, or 'Not stated'",
        "circumstances": "Enter the circumstances of the death",
    }

    kind_of_death = forms.ChoiceField(
        label="What are you notifying?", choices=KIND_OF_DEATH, widget=forms.RadioSelect
    )
    residence = forms.ChoiceField(
        label="Where did the child normally live?",
        choices=ChildDeath.Residence.choices,
        widget=forms.RadioSelect,
    )
    area = forms.ModelChoiceField(
        label="Area where the child normally lived",
        queryset=Area.objects.none(),
        empty_label="Choose an area",
        error_messages={
            "invalid_choice": "Select an area of your partnership or of one your panel serves"
        },
        required=False,
        help_text="Only when the child lived in an area of the partnership.",
    )
    lived_elsewhere = forms.CharField(
        label="Local authority or country where the child normally lived",
        required=False,
        max_length=200,
        help_text="Only when the child lived outside the partnership, for example Leeds or Ireland.",
    )
    partnership = forms.ModelChoiceField(
        label="Partnership whose area the child died in",
        queryset=Partnership.objects.none(),
        empty_label="Choose a partnership",
        required=False,
        help_text="Only when the child lived outside the partnership.",
    )
    forenames = forms.CharField(label="Child's first names", max_length=200)
    surname = forms.CharField(label="Child's last name", max_length=200)
    date_of_birth = GovukDateField(label="Date of birth", help_text="For example, 27 3 2019")
    nhs_number_status = forms.ChoiceField(
        label="NHS number",
        choices=ChildIdentity.NhsNumberStatus.choices,
        widget=forms.RadioSelect,
    )
    nhs_number = forms.CharField(
        label="The child's NHS number",
        required=False,
        max_length=20,
        help_text=f"10 digits, for example {rules.NHS_NUMBER_EXAMPLE}",
    )
    address = forms.CharField(label="Home address", widget=forms.Textarea(attrs={"rows": 3}))
    postcode = forms.CharField(label="Postcode", max_length=10)
    known_as = ChildIdentity._meta.get_field("known_as").formfield(
        widget=forms.Textarea(attrs={"rows": 2})
    )
    family_members = ChildIdentity._meta.get_field("family_members").formfield(
        widget=forms.Textarea(attrs={"rows": 3})
    )
    places = ChildIdentity._meta.get_field("places").formfield(
        widget=forms.Textarea(attrs={"rows": 3})
    )
    date_of_death = GovukDateField(label="Date of death")
    place_of_death = forms.ChoiceField(
        label="Place of death", choices=ChildDeath.Place.choices, widget=forms.RadioSelect
    )
    expected = forms.ChoiceField(
        label="Was the death expected?",
        choices=ChildDeath.Expected.choices,
        widget=forms.RadioSelect,
        help_text="Unexpected: not anticipated as a significant possibility, for example 24 hours before.",
    )
    sex = forms.ChoiceField(label="Sex", choices=ChildDeath.Sex.choices, widget=forms.RadioSelect)
    ethnicity = forms.ChoiceField(
        label="Ethnicity",
        choices=ethnicity_choices,
        help_text="The categories of the 2021 census.",
    )
    circumstances = forms.CharField(
        label="Circumstances of the death", widget=forms.Textarea(attrs={"rows": 5})
    )
    professionals_involved = forms.CharField(
        label="Agencies and professionals involved with the child",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    external_causes = forms.BooleanField(
        label="The death is or could be due to external causes", required=False
    )
    sudden_no_apparent_cause = forms.BooleanField(
        label="The death was sudden with no immediately apparent cause", required=False
    )
    in_custody_or_detained = forms.BooleanField(
        label="The child died in custody or detained under the Mental Health Act", required=False
    )
    suspicion_not_natural = forms.BooleanField(
        label="The circumstances raise a suspicion that the death was not natural", required=False
    )
    not_a_duplicate = forms.BooleanField(
        label="I have checked: this is a different child from the death already notified",
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        areas = selectors.areas_for_notification(user)
        self.fields["area"].queryset = areas
        self.fields["area"].label_from_instance = lambda area: f"{area.name} ({area.partnership})"
        self.fields["partnership"].queryset = Partnership.objects.filter(
            pk__in=areas.values("partnership")
        ).order_by("name")
        use_messages(self, self.messages)
        self.user = user
        # Matches the notifier may see are shown to them; others go only to the business unit.
        self.possible_duplicates: list[ChildDeath] = []
        self.unseen_duplicates: list[ChildDeath] = []

    def clean_kind_of_death(self):
        kind = self.cleaned_data["kind_of_death"]
        reason = rules.refusal_reason(kind_of_death=kind, age_at_death_days=None)
        if reason:
            raise forms.ValidationError(f"This cannot be notified as a child death. {reason}")
        return kind

    def clean_date_of_death(self):
        day = self.cleaned_data["date_of_death"]
        if day and day > timezone.localdate():
            raise forms.ValidationError("Date of death must be today or in the past")
        return day

    def clean(self):
        cleaned = super().clean()
        self._check_residence(cleaned)
        self._check_nhs_number(cleaned)
        born, died = cleaned.get("date_of_birth"), cleaned.get("date_of_death")
        if born and died:
            if born > died:
                self.add_error(
                    "date_of_birth", "Date of birth must be on or before the date of death"
                )
            elif not rules.is_under_eighteen(date_of_birth=born, date_of_death=died):
                self.add_error(
                    "date_of_birth",
                    "Child death review covers children who die before their 18th birthday",
                )
        if not self.errors:
            self._flag_duplicates(cleaned)
        return cleaned

    def _check_residence(self, cleaned):
        """An area only for a child who lived in one; otherwise where they lived, and which
        partnership is notified, so nobody is given an area that is not theirs."""
        residence = cleaned.get("residence")
        if residence == ChildDeath.Residence.PARTNERSHIP_AREA:
            if not cleaned.get("area") and "area" not in self.errors:
                self.add_error("area", "Choose the area where the child normally lived")
            cleaned["lived_elsewhere"], cleaned["partnership"] = "", None
        elif residence:
            if not cleaned.get("lived_elsewhere"):
                self.add_error(
                    "lived_elsewhere",
                    "Enter the local authority or country where the child normally lived",
                )
            if not cleaned.get("partnership") and "partnership" not in self.errors:
                self.add_error("partnership", self.messages["partnership"])
            cleaned["area"] = None
        if rules.nhs_status_contradicts_residence(
            not_resident_in_england=cleaned.get("nhs_number_status")
            == ChildIdentity.NhsNumberStatus.NOT_RESIDENT,
            lives_outside=residence == ChildDeath.Residence.OUTSIDE_ENGLAND,
        ):
            self.add_error(
                "nhs_number_status",
                "The child is recorded as living in England: choose 'NHS number not currently "
                "available', or say the child was not resident in England",
            )

    def _check_nhs_number(self, cleaned):
        number = rules.nhs_number_digits(cleaned.get("nhs_number") or "")
        status = cleaned.get("nhs_number_status")
        if status == ChildIdentity.NhsNumberStatus.PROVIDED:
            problem = rules.nhs_number_problem(number)
            if problem:
                self.add_error("nhs_number", problem)
        elif number:
            self.add_error("nhs_number", "Leave the NHS number empty, or choose 'NHS number given'")
        cleaned["nhs_number"] = number

    def _flag_duplicates(self, cleaned):
        self.possible_duplicates, self.unseen_duplicates = selectors.possible_duplicates(
            self.user,
            forenames=cleaned["forenames"],
            surname=cleaned["surname"],
            date_of_birth=cleaned["date_of_birth"],
            date_of_death=cleaned["date_of_death"],
        )
        if self.possible_duplicates and not cleaned.get("not_a_duplicate"):
            references = ", ".join(death.reference for death in self.possible_duplicates)
            self.add_error(
                "not_a_duplicate",
                f"This looks like a death already notified ({references}). If it is the same "
                "child, do not notify again; if it is a different child, tick the box",
            )

    def duplicate_to_check(self) -> ChildDeath | None:
        return next(iter(self.possible_duplicates + self.unseen_duplicates), None)

    def identity(self) -> dict:
        return {name: self.cleaned_data[name] for name in IDENTITY_FIELDS}

    def details(self) -> dict:
        return {name: self.cleaned_data[name] for name in DETAIL_FIELDS}


class StillbirthConfirmationForm(GovukForm):
    """The suspected stillbirth confirmed: when, and the gestation that says what it was."""

    messages = {
        "confirmed_on": "Enter the date the stillbirth was confirmed",
        "gestation_weeks": "Enter the completed weeks of pregnancy, from 0 to 45",
        "gestation_days": "Enter the extra days of pregnancy, from 0 to 6",
    }
    version = forms.IntegerField(widget=forms.HiddenInput)
    confirmed_on = GovukDateField(label="Date confirmed as a stillbirth")
    gestation_weeks = forms.IntegerField(
        label="Completed weeks of pregnancy at delivery",
        min_value=0,
        max_value=45,
        help_text="For 23+6 weeks, enter 23 here and 6 below.",
    )
    gestation_days = forms.IntegerField(
        label="And extra days", min_value=0, max_value=6, help_text="From 0 to 6."
    )

    def __init__(self, *args, death: ChildDeath, **kwargs):
        super().__init__(*args, initial={"version": death.version}, **kwargs)
        self.death = death
        use_messages(self, self.messages)
        for name in ("gestation_weeks", "gestation_days"):
            self.fields[name].error_messages.update(
                min_value=self.messages[name], max_value=self.messages[name]
            )

    def clean_confirmed_on(self):
        day = self.cleaned_data["confirmed_on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError("Date confirmed must be today or in the past")
        if day and day < self.death.date_of_death:
            raise forms.ValidationError("Date confirmed must be on or after the date of death")
        return day


class JarForm(VersionedModelForm):
    jar_started_on = GovukDateField(label="Date the joint agency response started", required=False)
    jar_completed_on = GovukDateField(
        label="Date the joint agency response was completed", required=False
    )

    class Meta:
        model = ChildDeath
        fields = ["jar_status", "jar_started_on", "jar_completed_on"]
        labels = {"jar_status": "Joint agency response"}
        widgets = {"jar_status": forms.RadioSelect}

    def clean(self):
        cleaned = super().clean()
        started, completed = cleaned.get("jar_started_on"), cleaned.get("jar_completed_on")
        if started and completed and completed < started:
            self.add_error("jar_completed_on", "The completion date must be on or after the start")
        if cleaned.get("jar_status") == ChildDeath.JarStatus.COMPLETED and not completed:
            self.add_error(
                "jar_completed_on", "Enter the date the joint agency response was completed"
            )
        return cleaned


class ReportingRequestForm(GovukForm):
    organisation = forms.ModelChoiceField(
        label="Agency", queryset=Organisation.objects.none(), empty_label="Choose an agency"
    )
    professional = forms.CharField(
        label="Named professional",
        required=False,
        max_length=200,
        help_text="For example, the child's GP",
    )
    form = forms.ModelChoiceField(
        label="Reporting form",
        queryset=ReportingForm.objects.none(),
        empty_label="Choose a form",
        help_text="Supplementary forms are asked for by circumstance of the death.",
    )
    due_date = GovukDateField(label="Due date")

    def __init__(self, *args, death: ChildDeath, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            partnership=death.partnership, archived_at__isnull=True
        )
        self.fields["form"].queryset = current_forms()

    def clean_due_date(self):
        day = self.cleaned_data["due_date"]
        if day and day < timezone.localdate():
            raise forms.ValidationError("Due date must be today or in the future")
        return day


def current_forms():
    """The latest version of each national form: new requests are always on the current one."""
    latest = {}
    for form in ReportingForm.objects.order_by("name", "-version"):
        latest.setdefault(form.name, form.pk)
    return ReportingForm.objects.filter(pk__in=latest.values()).order_by("kind", "name")


class ReturnForm(GovukForm):
    """The questions of the form version the request was made on."""

    def __init__(self, *args, reporting_form: ReportingForm, **kwargs):
        super().__init__(*args, **kwargs)
        for question in reporting_form.questions:
            if question["kind"] == "yes_no":
                self.fields[question["key"]] = forms.ChoiceField(
                    label=question["label"],
                    choices=[("Yes", "Yes"), ("No", "No"), ("Not known", "Not known")],
                    widget=forms.RadioSelect,
                )
            else:
                self.fields[question["key"]] = forms.CharField(
                    label=question["label"], widget=forms.Textarea(attrs={"rows": 4})
                )


class ReviewMeetingForm(GovukForm):
    held_on = GovukDateField(label="Date of the child death review meeting")
    attendees = forms.CharField(
        label="Who attended",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Roles and agencies",
    )
    outcome = forms.CharField(label="Outcome", widget=forms.Textarea(attrs={"rows": 4}))


class PanelMeetingForm(GovukForm):
    panel = forms.ModelChoiceField(label="Panel", queryset=None, empty_label=None)
    held_on = GovukDateField(label="Date of the meeting")
    location = forms.CharField(label="Where", max_length=200, required=False)
    cases = forms.ModelMultipleChoiceField(
        label="Cases on the agenda",
        queryset=ChildDeath.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Cases ready for review from every partnership the panel serves.",
        error_messages={
            "invalid_choice": "Select only cases ready for review in a partnership the panel serves"
        },
    )

    def __init__(self, *args, panels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["panel"].queryset = panels
        # A crafted panel that is no number is no panel offered, not a server error.
        chosen = str(self.data.get("panel") or "")
        panel = panels.filter(pk=chosen).first() if chosen.isdigit() else None
        if not chosen:
            panel = panels.first()
        if panel is not None:
            self.fields["cases"].queryset = selectors.agenda_candidates(panel)
        self.fields["cases"].label_from_instance = lambda death: (
            f"{death.reference} ({death.pseudonym}, {death.partnership.short_name})"
        )


class MinutesForm(VersionedModelForm):
    class Meta:
        model = PanelMeeting
        fields = ["attendees", "apologies", "minutes"]
        labels = {"attendees": "Present", "apologies": "Apologies"}
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}


class AnalysisForm(GovukModelForm):
    """The child death analysis form: category, four graded domains and the conclusion."""

    messages = {
        "panel_meeting": "Choose a panel meeting this death was on the agenda of",
        "category": "Choose the category of death",
        **{
            f"{key}_grade": f"Choose a grade from 0 to 2 for {label[0].lower()}{label[1:]}"
            for key, label in Analysis.DOMAINS
        },
        "modifiable": "Choose the panel's conclusion on modifiable factors",
    }

    class Meta:
        model = Analysis
        fields = [
            "panel_meeting",
            "category",
            "child_factors",
            "child_grade",
            "family_factors",
            "family_grade",
            "environment_factors",
            "environment_grade",
            "service_factors",
            "service_grade",
            "modifiable",
            "abuse_or_neglect_suspected",
            "learning",
        ]
        labels = {
            "panel_meeting": "Panel meeting",
            "category": "Category of death",
            "child_grade": "Grade: factors intrinsic to the child",
            "child_factors": "Factors intrinsic to the child",
            "family_grade": (
                "Grade: factors in the social environment including family and parenting capacity"
            ),
            "family_factors": (
                "Factors in the social environment including family and parenting capacity"
            ),
            "environment_grade": "Grade: factors in the physical environment",
            "environment_factors": "Factors in the physical environment",
            "service_grade": "Grade: factors in service provision",
            "service_factors": "Factors in service provision",
            "modifiable": "Conclusion on modifiable factors",
            "abuse_or_neglect_suspected": "Abuse or neglect is known or suspected",
            "learning": "Learning identified",
        }
        help_texts = {
            "category": "Where more than one applies, choose the first in this list.",
            "modifiable": (
                "Modifiable factors: factors which may have contributed to the death and which, by "
                "nationally or locally achievable interventions, could be modified to reduce the "
                "risk of future child deaths."
            ),
            "abuse_or_neglect_suspected": "The case will be referred to the partnership to consider a rapid review.",
            "learning": "Recorded as a finding in the learning spine.",
        }
        widgets = {
            "category": forms.RadioSelect,
            "child_grade": forms.RadioSelect,
            "family_grade": forms.RadioSelect,
            "environment_grade": forms.RadioSelect,
            "service_grade": forms.RadioSelect,
            "modifiable": forms.RadioSelect,
            **{
                name: forms.Textarea(attrs={"rows": 3})
                for name in (
                    "child_factors",
                    "family_factors",
                    "environment_factors",
                    "service_factors",
                    "learning",
                )
            },
        }

    themes = forms.ModelMultipleChoiceField(
        label="Themes of the learning",
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    recommendation = forms.CharField(
        label="Recommendation",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Goes to the learning spine with the learning, for the owning group to act on.",
    )
    owning_group = forms.ModelChoiceField(
        label="Group that owns the recommendation",
        queryset=Group.objects.none(),
        required=False,
        empty_label="Choose a group",
    )

    def __init__(self, *args, death: ChildDeath, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["panel_meeting"].queryset = death.panel_meetings.all()
        self.fields["panel_meeting"].empty_label = "Not discussed at a recorded meeting"
        use_messages(self, self.messages)
        self.fields["themes"].queryset = Theme.objects.for_partnership(death.partnership)
        self.fields["owning_group"].queryset = Group.objects.filter(
            partnership=death.partnership, archived_at__isnull=True
        )

    def clean(self):
        cleaned = super().clean()
        grades = [cleaned.get(f"{key}_grade") for key, _ in Analysis.DOMAINS]
        if (
            cleaned.get("modifiable") == Analysis.Modifiable.IDENTIFIED
            and Analysis.Grade.MAY_HAVE_CONTRIBUTED not in grades
        ):
            self.add_error(
                "modifiable",
                "Choose 'Modifiable factors identified' only with at least one domain graded 2, "
                "factors that may have contributed to the vulnerability, ill-health or death",
            )
        if cleaned.get("recommendation"):
            if not cleaned.get("learning"):
                self.add_error("learning", "Enter the learning the recommendation comes from")
            if not cleaned.get("owning_group"):
                self.add_error("owning_group", "Choose the group that owns the recommendation")
        return cleaned


def _reporting_year_messages(which: str) -> dict[str, str]:
    return {
        "invalid": f"Enter the {which} reporting year as a number, like 2024",
        "min_value": f"The {which} reporting year must be %(limit_value)s or later",
        "max_value": f"The {which} reporting year must be %(limit_value)s or earlier",
    }


class TrendFilterForm(GovukForm):
    partnership = forms.ModelChoiceField(
        label="Partnership", queryset=None, required=False, empty_label="All you can see"
    )
    area = forms.ModelChoiceField(
        label="Area", queryset=None, required=False, empty_label="All areas"
    )
    year_from = forms.IntegerField(
        label="From the reporting year starting 1 April",
        required=False,
        min_value=2000,
        max_value=2100,
        help_text="For 1 April 2024 to 31 March 2025, enter 2024",
        error_messages=_reporting_year_messages("first"),
    )
    year_to = forms.IntegerField(
        label="To the reporting year starting 1 April",
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages=_reporting_year_messages("last"),
    )
    expected = forms.ChoiceField(
        label="Expected or unexpected",
        required=False,
        choices=[("", "Both"), *ChildDeath.Expected.choices],
        error_messages={"invalid_choice": "Select expected, unexpected or both"},
    )

    def __init__(self, *args, partnerships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = partnerships
        self.fields["area"].queryset = Area.objects.filter(partnership__in=partnerships)
        self.fields["area"].label_from_instance = lambda area: area.name

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("year_from"), cleaned.get("year_to")
        if start and end and start > end:
            self.add_error("year_to", "The 'to' year must be the same as or after the 'from' year")
        return cleaned


class ReportYearForm(GovukForm):
    year = forms.TypedChoiceField(label="Year (1 April to 31 March)", coerce=int)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, f"{year} to {year + 1}") for year in years]

"""Forms of single-agency assurance. Choices are limited to the partnership's own records and the
red/amber/green scale; every message is GOV.UK's wording, naming the standard."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from audits import assurance
from audits.models_assurance import AgencyAuditSummary, AssuranceStandard, Kind, Rating
from audits.services_assurance import AGENCY_AUDIT_FIELDS, Answer, View
from core.forms import GovukDateField, GovukForm, GovukModelForm, say
from partnership.models import Group, Organisation


def _in_sentence(title: str) -> str:
    return title[0].lower() + title[1:]


class RoundForm(GovukForm):
    kind = say(
        forms.ChoiceField(label="Kind of return", choices=Kind.choices, widget=forms.RadioSelect),
        "Select section 11 or section 175",
    )
    year = forms.IntegerField(
        label="Year of the round",
        help_text="For example, 2026",
        error_messages={
            "required": "Enter the year",
            "invalid": "The year must be a whole number, like 2026",
        },
        validators=[
            MinValueValidator(2004, message="The year must be 2004 or later"),
            MaxValueValidator(2100, message="The year must be 2100 or earlier"),
        ],
    )
    due_date = GovukDateField(label="Due date", error_messages={"required": "Enter the due date"})
    overseeing_group = say(
        forms.ModelChoiceField(
            label="Sub-group that scrutinises the returns", queryset=Group.objects.none()
        ),
        "Select the sub-group from the list",
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["overseeing_group"].queryset = Group.objects.filter(
            partnership=partnership, archived_at__isnull=True
        )


class SelfAssessmentForm(GovukForm):
    """A rating, evidence and the agency's actions for each of the partnership's standards."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, assessment, standards, held, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = assessment.version
        self.standards = standards
        for standard in standards:
            name = _in_sentence(standard.title)
            before = held.get(standard.pk)
            self.fields[f"rating_{standard.pk}"] = say(
                forms.ChoiceField(
                    label=f"{standard.title}: your rating",
                    choices=Rating.choices,
                    widget=forms.RadioSelect,
                    help_text=standard.description,
                    initial=before.rating if before else None,
                ),
                f"Select a rating for {name}: red, amber or green",
            )
            self.fields[f"evidence_{standard.pk}"] = forms.CharField(
                label=f"{standard.title}: evidence",
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
                initial=before.evidence if before else "",
                help_text="" if standard.evidence_required else "Optional for this standard.",
            )
            self.fields[f"actions_{standard.pk}"] = forms.CharField(
                label=f"{standard.title}: your agency's actions",
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
                initial=before.actions if before else "",
                help_text="Needed unless the standard is fully met (green).",
            )

    @property
    def groups(self):
        return [
            (
                standard,
                [self[f"{part}_{standard.pk}"] for part in ("rating", "evidence", "actions")],
            )
            for standard in self.standards
        ]

    def clean(self):
        cleaned = super().clean()
        for standard in self.standards:
            if f"rating_{standard.pk}" in self.errors:
                continue
            problems = assurance.rating_problems(
                rating=cleaned.get(f"rating_{standard.pk}", ""),
                evidence=cleaned.get(f"evidence_{standard.pk}", ""),
                actions=cleaned.get(f"actions_{standard.pk}", ""),
                evidence_required=standard.evidence_required,
                label=_in_sentence(standard.title),
            )
            for part, message in problems.items():
                self.add_error(f"{part}_{standard.pk}", message)
        return cleaned

    @property
    def answers(self) -> dict[int, Answer]:
        return {
            standard.pk: Answer(
                rating=self.cleaned_data[f"rating_{standard.pk}"],
                evidence=self.cleaned_data[f"evidence_{standard.pk}"],
                actions=self.cleaned_data[f"actions_{standard.pk}"],
            )
            for standard in self.standards
        }


class ChallengeForm(GovukForm):
    """The partnership's view of each standard the agency rated, at the challenge session."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    held_on = GovukDateField(
        label="Date of the challenge session",
        error_messages={"required": "Enter the date of the challenge session"},
    )
    summary = forms.CharField(
        label="Summary of the session",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter a summary of the session"},
    )

    def __init__(self, *args, assessment, ratings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = assessment.version
        self.ratings = ratings
        for rating in ratings:
            name = _in_sentence(rating.standard.title)
            self.fields[f"rating_{rating.standard_id}"] = say(
                forms.ChoiceField(
                    label=f"{rating.standard.title}: the partnership's rating",
                    choices=Rating.choices,
                    widget=forms.RadioSelect,
                    help_text=f"The agency rated it {rating.get_rating_display().lower()}.",
                    initial=rating.partnership_rating or rating.rating,
                ),
                f"Select the partnership's rating for {name}: red, amber or green",
            )
            self.fields[f"comment_{rating.standard_id}"] = forms.CharField(
                label=f"{rating.standard.title}: the partnership's comment",
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=rating.partnership_comment,
                help_text="Needed where the partnership's rating differs from the agency's.",
            )

    def clean(self):
        cleaned = super().clean()
        for rating in self.ratings:
            if f"rating_{rating.standard_id}" in self.errors:
                continue
            problems = assurance.challenge_problems(
                self_rating=rating.rating,
                partnership_rating=cleaned.get(f"rating_{rating.standard_id}", ""),
                comment=cleaned.get(f"comment_{rating.standard_id}", ""),
                label=_in_sentence(rating.standard.title),
            )
            for part, message in problems.items():
                self.add_error(f"{part}_{rating.standard_id}", message)
        return cleaned

    @property
    def views(self) -> dict[int, View]:
        return {
            rating.standard_id: View(
                rating=self.cleaned_data[f"rating_{rating.standard_id}"],
                comment=self.cleaned_data[f"comment_{rating.standard_id}"],
            )
            for rating in self.ratings
        }


class StandardForm(GovukModelForm):
    class Meta:
        model = AssuranceStandard
        fields = ["kind", "title", "description", "evidence_required"]
        labels = {
            "kind": "Kind of return",
            "title": "Standard",
            "description": "What the agency shows",
            "evidence_required": "Agencies must give evidence for their rating",
        }
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say(self.fields["kind"], "Select section 11 or section 175")
        say(self.fields["title"], "Enter the standard")

    def validate_unique(self):
        """The service refuses a second standard of the same title, with its own message."""


class AgencyAuditForm(GovukModelForm):
    audited_on = GovukDateField(
        label="Date of the audit", error_messages={"required": "Enter the date of the audit"}
    )
    organisation = say(
        forms.ModelChoiceField(label="Agency", queryset=Organisation.objects.none()),
        "Select the agency from the list",
    )

    class Meta:
        model = AgencyAuditSummary
        fields = AGENCY_AUDIT_FIELDS
        labels = {
            "title": "Title of the audit",
            "cases": "Number of cases audited",
            "headline_findings": "Headline findings",
            **dict(assurance.GRADES),
        }
        help_texts = {"outstanding": "How many of the cases audited were graded each way."}

    def __init__(self, *args, partnership, own_agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        if own_agency is None:
            self.fields["organisation"].queryset = Organisation.objects.filter(
                partnership=partnership, archived_at__isnull=True
            )
            self.order_fields(["organisation"])
        else:
            del self.fields["organisation"]
        self.own_agency = own_agency
        say(self.fields["title"], "Enter the title of the audit")
        say(self.fields["headline_findings"], "Enter the headline findings")
        for name, label in [("cases", "cases audited"), *assurance.GRADES]:
            wording = label if name == "cases" else f"cases graded {label.lower()}"
            field = self.fields[name]
            field.required = True
            field.error_messages.update(
                {
                    "required": f"Enter the number of {wording}",
                    "invalid": f"The number of {wording} must be a whole number, like 3",
                    "min_value": f"The number of {wording} must be 0 or more",
                }
            )
            field.validators = [
                MinValueValidator(0, message=f"The number of {wording} must be 0 or more")
            ]

    def clean(self):
        cleaned = super().clean()
        if "cases" in cleaned and all(name in cleaned for name, _ in assurance.GRADES):
            for name, message in assurance.grade_distribution_problems(
                cases=cleaned["cases"], grades={name: cleaned[name] for name, _ in assurance.GRADES}
            ).items():
                self.add_error(name, message)
        return cleaned

    @property
    def agency(self) -> Organisation:
        return self.own_agency or self.cleaned_data["organisation"]

    @property
    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in AGENCY_AUDIT_FIELDS}

"""Forms of moderation and the audit report. Choices are always limited to the partnership's own
records, and a moderated grade that differs from the agency's own needs its reason."""

from django import forms

from audits import grading, periods
from audits.models import AuditProgramme, AuditReport, Grade, ReportPoint
from core.forms import GovukDateField, GovukForm, VersionedModelForm, use_messages
from learning.models import Theme
from partnership.models import Group, Organisation, User
from partnership.selectors import people_of

GRADE_CHOICES = [("", "Select a grade"), *Grade.choices]


class MeetingForm(GovukForm):
    held_on = GovukDateField(label="Date of the meeting")
    attendees = forms.ModelMultipleChoiceField(
        label="Who attended",
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other_attendees = forms.CharField(
        label="Others who attended (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Anyone without an account here, with their agency.",
    )
    notes = forms.CharField(
        label="Notes of the meeting (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = people_of(
            partnership=partnership, include_inactive=False
        )
        self.fields["attendees"].label_from_instance = lambda person: (
            f"{person.full_name}, {person.organisation}"
            if person.organisation
            else person.full_name
        )
        use_messages(self, {"attendees": "Select the people who attended from the list"})

    def clean(self):
        cleaned = super().clean()
        if (
            "attendees" not in self.errors
            and not cleaned.get("attendees")
            and not cleaned.get("other_attendees", "").strip()
        ):
            self.add_error("attendees", "Select who attended the meeting")
        return cleaned


def _grade_field(label: str, subject: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        coerce=int,
        choices=GRADE_CHOICES,
        error_messages={
            "required": f"Select the moderated grade for {subject}",
            "invalid_choice": f"Select the moderated grade for {subject} from the list",
        },
    )


class CaseModerationForm(GovukForm):
    """The meeting's view of one case: a summary, the moderated overall grade and, for each agency
    asked, the moderated grade beside its own with the reason for any change."""

    summary = forms.CharField(label="What the meeting said of the case", widget=forms.Textarea)

    def __init__(self, *args, case, requests, discussion=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.case, self.requests = case, requests
        use_messages(self, {"summary": "Enter what the meeting said of the case"})
        own = case.get_overall_grade_display() if case.overall_grade else "not graded"
        self.fields["overall_grade"] = _grade_field("Moderated overall grade", "the case overall")
        self.fields["overall_grade"].help_text = f"The auditor's overall grade: {own}."
        self.fields["overall_reason"] = self._reason_field("overall grade")
        held = {item.request_id: item for item in discussion.grades.all()} if discussion else {}
        if discussion:
            self.initial.update(
                summary=discussion.summary,
                overall_grade=discussion.overall_grade,
                overall_reason=discussion.overall_reason,
            )
        for request in requests:
            name = str(request.organisation)
            own = request.get_grade_display() if request.grade else "not graded"
            self.fields[f"grade_{request.pk}"] = _grade_field(f"Moderated grade: {name}", name)
            self.fields[f"grade_{request.pk}"].help_text = f"{name}'s own grade: {own}."
            self.fields[f"reason_{request.pk}"] = self._reason_field(f"grade for {name}")
            if request.pk in held:
                self.initial[f"grade_{request.pk}"] = held[request.pk].grade
                self.initial[f"reason_{request.pk}"] = held[request.pk].reason
            elif request.grade:
                self.initial[f"grade_{request.pk}"] = request.grade

    @staticmethod
    def _reason_field(what: str) -> forms.CharField:
        return forms.CharField(
            label=f"Reason for changing the {what}",
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text="Needed only when the moderated grade differs.",
        )

    def _check(self, own, grade_field: str, reason_field: str, message: str) -> None:
        grade = self.cleaned_data.get(grade_field)
        if grade is None:
            return
        refusal = grading.moderation_refusal(
            agency_grade=own,
            moderated_grade=grade,
            reason=self.cleaned_data.get(reason_field, ""),
            scale=Grade.values,
        )
        if refusal:
            self.add_error(reason_field, message)

    def clean(self):
        cleaned = super().clean()
        self._check(
            self.case.overall_grade,
            "overall_grade",
            "overall_reason",
            "Enter the reason the moderated overall grade differs from the auditor's",
        )
        for request in self.requests:
            self._check(
                request.grade,
                f"grade_{request.pk}",
                f"reason_{request.pk}",
                f"Enter the reason the moderated grade for {request.organisation} differs from "
                "its own grade",
            )
        return cleaned

    @property
    def grades(self) -> dict[int, tuple[int, str]]:
        return {
            request.pk: (
                self.cleaned_data[f"grade_{request.pk}"],
                self.cleaned_data[f"reason_{request.pk}"],
            )
            for request in self.requests
        }


class ActionAgreedForm(GovukForm):
    what_must_change = forms.CharField(label="What must change", max_length=300)
    description = forms.CharField(label="Action agreed", widget=forms.Textarea(attrs={"rows": 3}))
    owner_organisation = forms.ModelChoiceField(
        label="Agency that owns the action", queryset=Organisation.objects.none()
    )
    due_date = GovukDateField(label="Due date")
    owning_group = forms.ModelChoiceField(
        label="Group that oversees the action", queryset=Group.objects.none()
    )
    themes = forms.ModelMultipleChoiceField(
        label="Themes",
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, audit, **kwargs):
        super().__init__(*args, **kwargs)
        partnership = audit.partnership
        self.fields["owner_organisation"].queryset = Organisation.objects.filter(
            partnership=partnership, archived_at__isnull=True
        )
        self.fields["owning_group"].queryset = Group.objects.filter(
            partnership=partnership, archived_at__isnull=True
        )
        self.fields["owning_group"].initial = audit.owner_group_id
        self.fields["themes"].queryset = Theme.objects.for_partnership(partnership)
        self.fields["themes"].error_messages["invalid_choice"] = "Select themes from the list"
        use_messages(
            self,
            {
                "what_must_change": "Enter what must change",
                "description": "Enter the action agreed",
                "owner_organisation": "Select the agency that owns the action from the list",
                "owning_group": "Select the group that oversees the action from the list",
            },
        )


class ReportForm(VersionedModelForm):
    re_audit_due_on = GovukDateField(label="Re-audit due by (optional)", required=False)

    class Meta:
        model = AuditReport
        fields = ["summary", "re_audit_due_on"]
        labels = {"summary": "Summary of what the audit found"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_messages(self, {"summary": "Enter the summary of what the audit found"})


class ReportPointForm(GovukForm):
    kind = forms.ChoiceField(
        label="Kind of finding", choices=ReportPoint.Kind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(label="Short title", max_length=300)
    text = forms.CharField(label="Describe what the audit found", widget=forms.Textarea)
    voice_of_the_child = forms.CharField(
        label="The child's voice (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What children said or showed of their lives, where it bears on this. "
        "Do not name a child.",
    )
    owning_group = forms.ModelChoiceField(
        label="Group that oversees the actions",
        queryset=Group.objects.none(),
        required=False,
        help_text="Not needed for good practice.",
    )
    themes = forms.ModelMultipleChoiceField(
        label="Themes",
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, audit, **kwargs):
        super().__init__(*args, **kwargs)
        partnership = audit.partnership
        self.fields["owning_group"].queryset = Group.objects.filter(
            partnership=partnership, archived_at__isnull=True
        )
        self.fields["owning_group"].initial = audit.owner_group_id
        self.fields["themes"].queryset = Theme.objects.for_partnership(partnership)
        self.fields["themes"].initial = [audit.theme_id] if audit.theme_id else []
        self.fields["themes"].error_messages["invalid_choice"] = "Select themes from the list"
        use_messages(
            self,
            {
                "kind": "Select good practice or an area for development",
                "title": "Enter a short title",
                "text": "Describe what the audit found",
                "owning_group": "Select a group from the list",
            },
        )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("kind") == ReportPoint.Kind.AREA_FOR_DEVELOPMENT
            and not cleaned.get("owning_group")
            and "owning_group" not in self.errors
        ):
            self.add_error("owning_group", "Select the group that oversees the actions")
        return cleaned


class ReAuditForm(GovukForm):
    programme = forms.ModelChoiceField(
        label="Programme year", queryset=AuditProgramme.objects.none(), empty_label=None
    )
    quarter = forms.TypedChoiceField(
        label="Quarter",
        coerce=int,
        widget=forms.RadioSelect,
        choices=[(number, periods.quarter_label(number)) for number in periods.QUARTERS],
    )

    def __init__(self, *args, audit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = AuditProgramme.objects.filter(
            partnership=audit.partnership
        )
        use_messages(
            self,
            {
                "programme": "Select the programme year from the list",
                "quarter": "Select the quarter of the re-audit",
            },
        )

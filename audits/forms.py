"""Forms of multi-agency case audits. Choices are always limited to the partnership's own records."""

from django import forms
from django.utils import timezone

from audits import periods, returns, rules
from audits.models import Audit, AuditCaseIdentity, AuditTool, Grade, ToolQuestion
from audits.services import AUDIT_FIELDS, IDENTITY_FIELDS
from core.forms import (
    GovukDateField,
    GovukForm,
    GovukModelForm,
    TableFileField,
    VersionedModelForm,
    use_messages,
)
from learning.models import Theme
from partnership.models import Group, Organisation


def _limit(form: forms.BaseForm, name: str, label: str) -> None:
    limit = form.fields[name].max_length
    form.fields[name].error_messages["max_length"] = f"{label} must be {limit} characters or fewer"


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
        use_messages(self, {"year": "Select the financial year of the programme"})


class AuditForm(VersionedModelForm):
    """Planning an audit: what it looks at, who owns it and why it was chosen. A new audit also
    names its tool (it keeps the tool's version of the day)."""

    tool = forms.ModelChoiceField(
        label="Audit tool", queryset=AuditTool.objects.none(), widget=forms.RadioSelect
    )

    class Meta:
        model = Audit
        fields = AUDIT_FIELDS
        labels = {
            "title": "Title",
            "quarter": "Quarter",
            "theme": "Theme",
            "practice_focus": "Practice focus",
            "scope": "Scope",
            "owner_group": "Sub-group that owns the audit",
            "rationale": "Why this audit was chosen",
            "prompt": "What prompted it",
            "audit_proposal": "Audit proposal from performance scrutiny",
            "prompting_recommendation": "Review recommendation",
            "prompting_finding": "Inspection finding",
        }
        help_texts = {
            "practice_focus": "The practice the audit looks at, for example 'neglect of babies under 1'.",
            "scope": "Which cases may be selected.",
            "theme": "Required when a recurring theme prompted the audit.",
        }
        widgets = {
            "quarter": forms.RadioSelect,
            "prompt": forms.RadioSelect,
            "practice_focus": forms.Textarea(attrs={"rows": 3}),
            "scope": forms.Textarea(attrs={"rows": 2}),
            "rationale": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, partnership, proposals, recommendations, findings, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["tool"]
        else:
            self.fields["tool"].queryset = AuditTool.objects.filter(
                partnership=partnership, archived_at__isnull=True
            )
            use_messages(self, {"tool": "Select the audit tool"})
        self.fields["theme"].queryset = Theme.objects.for_partnership(partnership)
        self.fields["theme"].empty_label = "No theme"
        self.fields["owner_group"].queryset = Group.objects.filter(
            partnership=partnership, archived_at__isnull=True
        ).exclude(kind__in=[Group.Kind.BUSINESS_UNIT, Group.Kind.CHILD_DEATH_OVERVIEW_PANEL])
        self.fields["audit_proposal"].queryset = proposals
        self.fields["prompting_recommendation"].queryset = recommendations
        self.fields["prompting_recommendation"].label_from_instance = _shortened
        self.fields["prompting_finding"].queryset = findings
        self.fields["prompting_finding"].label_from_instance = lambda finding: finding.title
        for name in ("audit_proposal", "prompting_recommendation", "prompting_finding"):
            self.fields[name].empty_label = "None"
        use_messages(
            self,
            {
                "title": "Enter a title",
                "quarter": "Select the quarter the audit is planned in",
                "theme": "Select a theme from the list",
                "practice_focus": "Enter the practice focus",
                "scope": "Enter the scope: which cases may be selected",
                "owner_group": "Select the sub-group that owns the audit",
                "rationale": "Enter why this audit was chosen",
                "prompt": "Select what prompted the audit",
                "audit_proposal": "Select an audit proposal from the list",
                "prompting_recommendation": "Select a recommendation from the list",
                "prompting_finding": "Select a finding from the list",
            },
        )
        _limit(self, "title", "Title")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("prompt"):
            links = {name: cleaned.get(name) for name in rules.PROMPT_LINKS.values()}
            for name, message in rules.prompt_problems(cleaned["prompt"], links).items():
                if name not in self.errors:
                    self.add_error(name, message)
        return cleaned


def _shortened(recommendation) -> str:
    text = " ".join(recommendation.text.split())
    return text if len(text) <= 120 else f"{text[:117]}..."


class ToolCopyForm(GovukForm):
    name = forms.CharField(label="Name of the new tool", max_length=200)

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        use_messages(self, {"name": "Enter a name for the new tool"})
        _limit(self, "name", "Name of the new tool")

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if AuditTool.objects.filter(partnership=self.partnership, name__iexact=name).exists():
            raise forms.ValidationError("A tool with this name exists already: choose another name")
        return name


class ToolChangeForm(GovukForm):
    """A change to a tool, made from the page showing `version` of it."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, tool: AuditTool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = tool.version


class SectionForm(ToolChangeForm):
    title = forms.CharField(label="Title of the section", max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_messages(self, {"title": "Enter the title of the section"})
        _limit(self, "title", "Title of the section")


class QuestionForm(ToolChangeForm):
    text = forms.CharField(
        label="Question", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    kind = forms.ChoiceField(
        label="How it is answered", choices=ToolQuestion.Kind.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, sections=None, **kwargs):
        super().__init__(*args, **kwargs)
        if sections is not None:
            self.fields["section"] = forms.ModelChoiceField(
                label="Section", queryset=sections, empty_label=None, widget=forms.RadioSelect
            )
            self.order_fields(["section", "text", "kind"])
            use_messages(self, {"section": "Select the section of the question"})
        use_messages(
            self, {"text": "Enter the question", "kind": "Select how the question is answered"}
        )
        _limit(self, "text", "Question")


class RandomCasesForm(GovukForm):
    candidates = forms.CharField(
        label="Cases to select from",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="The case numbers within the practice focus and scope, one a line. Numbers only: no names.",
    )
    count = forms.TypedChoiceField(
        label="How many to select", coerce=int, choices=[(n, str(n)) for n in range(1, 11)]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_messages(
            self,
            {
                "candidates": "Enter the case numbers to select from, one a line",
                "count": "Select how many cases to select, from 1 to 10",
            },
        )

    def clean_candidates(self):
        lines = [line.strip() for line in self.cleaned_data["candidates"].splitlines()]
        lines = [line for line in lines if line]
        too_long = [line for line in lines if len(line) > 50]
        if too_long:
            raise forms.ValidationError("Each case number must be 50 characters or fewer")
        return lines


class ChosenCaseForm(GovukForm):
    case_number = forms.CharField(
        label="Case number",
        max_length=50,
        help_text="The case's number in the agency's own records. Do not enter a name.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_messages(self, {"case_number": "Enter the case number"})
        _limit(self, "case_number", "Case number")


class IdentityForm(GovukModelForm):
    date_of_birth = GovukDateField(label="Date of birth", required=False)

    class Meta:
        model = AuditCaseIdentity
        fields = IDENTITY_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_messages(self, {"case_number": "Enter the case number"})
        _limit(self, "case_number", "Case number")
        _limit(self, "full_name", "The child's full name")

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born and born > timezone.localdate():
            raise forms.ValidationError("Date of birth must be in the past")
        return born


class RequestsForm(GovukForm):
    organisations = forms.ModelMultipleChoiceField(
        label="Agencies to ask",
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Each agency audits its own involvement in the case with the audit's tool.",
    )
    due_date = GovukDateField(label="Date the returns are due")

    def __init__(self, *args, partnership, asked, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = Organisation.objects.filter(
            partnership=partnership, archived_at__isnull=True
        ).exclude(pk__in=asked)
        use_messages(
            self,
            {
                "organisations": "Select the agencies to ask",
                "due_date": "Enter the date the returns are due",
            },
        )

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due and due <= timezone.localdate():
            raise forms.ValidationError("Date the returns are due must be in the future")
        return due


ANSWER_CHOICES = [(value, label) for value, label in returns.CHOICES.items()]


class ReturnForm(GovukForm):
    """An agency's return: a field for each question of the audit's tool version, the three texts
    of each section and the agency's grade. A draft may leave answers out; sending the return
    (`sending`) needs every question answered and the grade, as the page shows when it is opened."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(
        self,
        *args,
        layout: returns.Layout,
        audit_request,
        answered: returns.Return,
        sending: bool = True,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.layout = layout
        self.fields["version"].initial = audit_request.version
        self.sections = []
        for section in layout.sections:
            names = []
            for question in section.questions:
                name = f"question_{question.id}"
                self.fields[name] = _answer_field(
                    question, answered.answers.get(question.id), required=sending
                )
                names.append(name)
            held = answered.sections.get(section.id, {})
            for field_name, label in returns.SECTION_FIELDS.items():
                name = f"section_{section.id}_{field_name}"
                self.fields[name] = forms.CharField(
                    label=f"{label} ({section.title})",
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    initial=held.get(field_name, ""),
                )
                names.append(name)
            self.sections.append((section, names))
        self.fields["grade"] = forms.TypedChoiceField(
            label="Your agency's grade of its involvement in the case",
            required=sending,
            coerce=int,
            empty_value=None,
            choices=Grade.choices,
            widget=forms.RadioSelect,
            initial=answered.grade,
            error_messages={
                "required": "Select the grade of your agency's involvement in the case",
                "invalid_choice": "Grade your agency's involvement as outstanding, good, "
                "requires improvement or inadequate",
            },
        )

    def bound_sections(self):
        """Each section with its bound fields, for the page to show under the section's title."""
        return [(section, [self[name] for name in names]) for section, names in self.sections]

    def answered(self) -> returns.Return:
        data = self.cleaned_data
        return returns.Return(
            answers={
                question_id: data[f"question_{question_id}"]
                for question_id in self.layout.questions
                if data.get(f"question_{question_id}") not in (None, "")
            },
            sections={
                section.id: {
                    name: data[f"section_{section.id}_{name}"] for name in returns.SECTION_FIELDS
                }
                for section in self.layout.sections
                if any(data[f"section_{section.id}_{name}"] for name in returns.SECTION_FIELDS)
            },
            grade=data.get("grade"),
        )


def _answer_field(question: returns.Question, initial, *, required: bool) -> forms.Field:
    label = f"{question.reference} {question.text}"
    messages = {
        "required": f"Answer {question.label}",
        "invalid_choice": returns.value_problem(question, "?"),
    }
    if question.kind == returns.TEXT:
        return forms.CharField(
            label=label,
            required=required,
            widget=forms.Textarea(attrs={"rows": 3}),
            initial=initial,
            error_messages=messages,
        )
    if question.kind == returns.GRADE:
        return forms.TypedChoiceField(
            label=label,
            required=required,
            coerce=int,
            empty_value=None,
            choices=Grade.choices,
            widget=forms.RadioSelect,
            initial=initial,
            error_messages=messages,
        )
    return forms.ChoiceField(
        label=label,
        required=required,
        choices=ANSWER_CHOICES,
        widget=forms.RadioSelect,
        initial=initial,
        error_messages=messages,
    )


class WorkbookUploadForm(GovukForm):
    file = TableFileField(
        label="Completed workbook",
        help_text="The workbook downloaded from this page, with the Answer column filled in.",
    )

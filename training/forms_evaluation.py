"""Forms of attendance and evaluation, in GOV.UK's words."""

from django import forms

from core.forms import GovukForm, TableFileField
from training.evaluation import CONFIDENCE_LEVELS
from training.models import Attendance, Evaluation

OVERALL_LEVELS = (
    (1, "1: poor"),
    (2, "2: fair"),
    (3, "3: good"),
    (4, "4: very good"),
    (5, "5: excellent"),
)


def _radios(label: str, choices, required_message: str, invalid_message: str, **kwargs):
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": required_message, "invalid_choice": invalid_message},
        **kwargs,
    )


class RegisterForm(GovukForm):
    """One question a person with a place: did they attend, arrive late or not attend."""

    def __init__(self, *args, bookings, **kwargs):
        super().__init__(*args, **kwargs)
        for booking in bookings:
            name = str(booking.person)
            self.fields[f"booking_{booking.pk}"] = forms.ChoiceField(
                label=name,
                help_text=str(booking.organisation or ""),
                choices=Attendance.Mark.choices,
                widget=forms.RadioSelect,
                required=False,
                error_messages={
                    "invalid_choice": f"Select attended, arrived late or did not attend for {name}"
                },
            )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(cleaned.values()):
            raise forms.ValidationError(
                "Select attended, arrived late or did not attend for someone"
            )
        return cleaned

    def marks(self) -> dict[int, str]:
        return {
            int(name.removeprefix("booking_")): mark
            for name, mark in self.cleaned_data.items()
            if mark
        }


class TrainerForm(GovukForm):
    person = forms.ModelChoiceField(
        label="Trainer",
        queryset=None,
        empty_label="Choose a person",
        error_messages={
            "required": "Select the trainer",
            "invalid_choice": "Select someone who works in the partnership",
        },
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class EvaluationForm(GovukForm):
    """One stage of the evaluation: confidence in each learning outcome before and after the
    course, the reaction after it, what changed in practice at the follow-up."""

    def __init__(self, *args, stage: str, outcomes, **kwargs):
        super().__init__(*args, **kwargs)
        self.stage = stage
        if stage != Evaluation.Stage.FOLLOW_UP:
            for outcome in outcomes:
                self.fields[f"outcome_{outcome.pk}"] = _radios(
                    f"How confident are you to: {outcome.text}?",
                    CONFIDENCE_LEVELS,
                    f"Select how confident you are to {outcome.text[:1].lower()}{outcome.text[1:]}",
                    "Select a number from 1 to 5 for how confident you are",
                )
        if stage == Evaluation.Stage.AFTER:
            self.fields["overall"] = _radios(
                "How would you rate the course overall?",
                OVERALL_LEVELS,
                "Select how you would rate the course overall",
                "Select a number from 1 to 5 for the course overall",
            )
            self.fields["most_useful"] = forms.CharField(
                label="What was most useful?",
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
            )
            self.fields["improve"] = forms.CharField(
                label="What could be better?",
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
            )
        if stage == Evaluation.Stage.FOLLOW_UP:
            self.fields["practice_change"] = forms.CharField(
                label="What has changed in your practice since the course?",
                widget=forms.Textarea(attrs={"rows": 4}),
                error_messages={"required": "Enter what has changed in your practice"},
            )
            self.fields["example"] = forms.CharField(
                label="An example from your work",
                help_text="Do not name or identify a child or family.",
                widget=forms.Textarea(attrs={"rows": 4}),
                error_messages={"required": "Enter an example from your work"},
            )
            self.fields["line_manager"] = forms.CharField(
                label="Line manager you discussed this with",
                max_length=200,
                error_messages={
                    "required": "Enter the name of the line manager you discussed this with",
                    "max_length": "The line manager's name must be 200 characters or fewer",
                },
            )

    def answers(self) -> dict:
        data = dict(self.cleaned_data)
        confidence = {
            int(name.removeprefix("outcome_")): data.pop(name)
            for name in list(data)
            if name.startswith("outcome_")
        }
        return {"confidence": confidence, **data}


class CompletionsImportForm(GovukForm):
    file = TableFileField(
        label="File of completions from the learning platform",
        help_text="A CSV or XLSX file with the columns email, course and completed on.",
    )

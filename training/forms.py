"""Forms of the training programme, in GOV.UK's words. Choices are limited to the partnership's own."""

import re
from datetime import datetime, time

from django import forms
from django.utils import timezone

from core.forms import GovukDateField, GovukForm, VersionedModelForm, use_messages
from learning.models import Finding, PracticeChange, Theme
from partnership.models import Organisation
from training.models import Course, Event
from training.services import COURSE_FIELDS

TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


class CourseForm(VersionedModelForm):
    outcomes = forms.CharField(
        label="Learning outcomes",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="One a line. Those who attend rate their confidence in each.",
        error_messages={"required": "Enter at least one learning outcome"},
    )

    class Meta:
        model = Course
        fields = [*COURSE_FIELDS, "themes", "findings", "training_changes"]
        labels = {
            "title": "Course title",
            "description": "What the course covers",
            "level": "Audience level",
            "prerequisites": "Prerequisites",
            "course_format": "Format",
            "needs_manager_approval": "Bookings need the line manager's approval",
            "themes": "Themes",
            "findings": "Findings the course answers",
            "training_changes": "Training programme changes it makes",
        }
        widgets = {
            "level": forms.RadioSelect,
            "course_format": forms.RadioSelect,
            "themes": forms.CheckboxSelectMultiple,
            "findings": forms.CheckboxSelectMultiple,
            "training_changes": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.for_partnership(partnership)
        self.fields["findings"].queryset = Finding.objects.filter(partnership=partnership)
        self.fields["training_changes"].queryset = PracticeChange.objects.filter(
            partnership=partnership, kind=PracticeChange.Kind.TRAINING
        )
        self.fields["level"].choices = Course.Level.choices
        self.fields["course_format"].choices = Course.Format.choices
        if self.instance.pk and not self.is_bound:
            self.fields["outcomes"].initial = "\n".join(
                outcome.text for outcome in self.instance.outcomes.all()
            )
        use_messages(
            self,
            {
                "title": "Enter the course title",
                "description": "Enter what the course covers",
                "level": "Select the audience level",
                "course_format": "Select the format",
                "themes": "Select themes from the list",
                "findings": "Select findings from the list",
                "training_changes": "Select training programme changes from the list",
            },
        )

    def clean_outcomes(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["outcomes"].splitlines()]
        outcomes = [line for line in lines if line]
        if any(len(line) > 300 for line in outcomes):
            raise forms.ValidationError("Each learning outcome must be 300 characters or fewer")
        return outcomes


def _time_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text="Use the 24-hour clock, for example 09:30 or 14:00",
        max_length=5,
        error_messages={"required": f"Enter the {label.lower()}"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "numeric"}),
    )


def _parse_time(value: str, label: str) -> time:
    match = TIME.match(value or "")
    hours, minutes = (int(part) for part in match.groups()) if match else (99, 99)
    if hours > 23 or minutes > 59:
        raise forms.ValidationError(f"{label} must be a real time, for example 09:30")
    return time(hours, minutes)


class EventForm(VersionedModelForm):
    day = GovukDateField(label="Date", error_messages={"required": "Enter the date of the event"})
    start = _time_field("Start time")
    end = _time_field("End time")
    capacity = forms.IntegerField(
        label="Number of places",
        min_value=1,
        error_messages={
            "required": "Enter the number of places",
            "invalid": "Enter the number of places as a whole number, like 20",
            "min_value": "The number of places must be 1 or more",
        },
    )
    online_url = forms.URLField(
        label="Online joining link", required=False, assume_scheme="https", max_length=200
    )
    booking_opens_on = GovukDateField(label="Booking opens on", required=False)
    booking_closes_on = GovukDateField(
        label="Booking closes on",
        required=False,
        help_text="The last day to book. If you leave it empty, booking closes the day before.",
    )

    class Meta:
        model = Event
        fields = ["venue", "online_url", "capacity", "trainers"]
        labels = {
            "venue": "Venue",
            "online_url": "Online joining link",
            "capacity": "Number of places",
            "trainers": "Trainers",
        }
        help_texts = {"venue": "Leave empty for an online event"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_messages(
            self,
            {
                "online_url": "Enter the online joining link as a full web address, like https://example.org/meeting",
            },
        )
        if self.instance.pk and not self.is_bound:
            start = timezone.localtime(self.instance.starts_at)
            end = timezone.localtime(self.instance.ends_at)
            self.initial.update(
                day=start.date(),
                start=f"{start:%H:%M}",
                end=f"{end:%H:%M}",
                booking_opens_on=self.instance.booking_opens_on,
                booking_closes_on=self.instance.booking_closes_on,
            )

    def clean_start(self):
        return _parse_time(self.cleaned_data["start"], "Start time")

    def clean_end(self):
        return _parse_time(self.cleaned_data["end"], "End time")

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("day"), cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", "The end time must be after the start time")
        if (
            not cleaned.get("venue")
            and not cleaned.get("online_url")
            and "online_url" not in self.errors
        ):
            self.add_error("venue", "Enter a venue or an online joining link")
        opens, closes = cleaned.get("booking_opens_on"), cleaned.get("booking_closes_on")
        if opens and closes and closes < opens:
            self.add_error("booking_closes_on", "Booking must close on or after the day it opens")
        if day and closes and closes > day:
            self.add_error(
                "booking_closes_on", "Booking must close on or before the date of the event"
            )
        return cleaned

    def event_values(self) -> dict:
        data = self.cleaned_data
        zone = timezone.get_current_timezone()
        return {
            "starts_at": datetime.combine(data["day"], data["start"], tzinfo=zone),
            "ends_at": datetime.combine(data["day"], data["end"], tzinfo=zone),
            "venue": data["venue"],
            "online_url": data["online_url"],
            "capacity": data["capacity"],
            "trainers": data["trainers"],
            "booking_opens_on": data["booking_opens_on"],
            "booking_closes_on": data["booking_closes_on"],
        }


class BookingForm(GovukForm):
    line_manager_email = forms.EmailField(
        label="Your line manager's email address",
        help_text="We will email them a link to approve your booking.",
        error_messages={
            "required": "Enter your line manager's email address",
            "invalid": "Enter your line manager's email address in the correct format, like name@example.org",
        },
    )

    def __init__(self, *args, needs_approval: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not needs_approval:
            del self.fields["line_manager_email"]


class EventCancelForm(GovukForm):
    reason = forms.CharField(
        label="Why is the event cancelled?",
        help_text="Everyone booked or waiting is emailed this.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the event is cancelled"},
    )


class ApprovalForm(GovukForm):
    decision = forms.ChoiceField(
        label="Do you approve this booking?",
        choices=[("approve", "Yes, approve it"), ("decline", "No, do not approve it")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether you approve this booking",
            "invalid_choice": "Select whether you approve this booking",
        },
    )


def _money(label: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        min_value=0,
        max_digits=7,
        decimal_places=2,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
        error_messages={
            "required": f"Enter the {label[0].lower()}{label[1:]}, or 0",
            "invalid": f"{label} must be an amount in pounds, like 40 or 12.50",
            "min_value": f"{label} must be 0 or more",
            "max_digits": f"{label} must be less than £100,000",
            "max_decimal_places": f"{label} must be in pounds and pence, like 12.50",
            "max_whole_digits": f"{label} must be less than £100,000",
        },
    )


def _whole(label: str, example: int, *, min_value: int) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=min_value,
        max_value=1000,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "required": f"Enter the {label[0].lower()}{label[1:]}",
            "invalid": f"{label} must be a whole number, like {example}",
            "min_value": f"{label} must be {min_value} or more",
            "max_value": f"{label} must be 1000 or fewer",
        },
    )


class TermsForm(GovukForm):
    cancellation_working_days = _whole(
        "Working days' notice to cancel free of charge", 3, min_value=0
    )
    late_cancellation_charge = _money("Charge for a late cancellation")
    no_show_charge_half_day = _money("Charge for not attending half a day or less")
    no_show_charge_full_day = _money("Charge for not attending a full day or conference")
    offer_hours = _whole("Hours to confirm a place offered from the waiting list", 48, min_value=1)


class FeeForm(GovukForm):
    organisation_type = forms.ChoiceField(
        label="Type of organisation",
        choices=[("", "Choose a type"), *Organisation.Type.choices],
        error_messages={
            "required": "Select the type of organisation",
            "invalid_choice": "Select the type of organisation from the list",
        },
    )
    course_format = forms.ChoiceField(
        label="Format",
        choices=Course.Format.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the format",
            "invalid_choice": "Select the format from the list",
        },
    )
    amount = _money("Fee for a place")

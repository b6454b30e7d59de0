"""One way to render every form in GOV.UK style, and the form pieces GOV.UK asks for.

Each form renders through templates/govuk/forms/: labels, hints, inline errors and the
error summary at the top of the page look and behave the same everywhere.
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting

from core.tables import check_table_upload
from core.uploads import upload_limit


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"


class GovukDateWidget(forms.MultiWidget):
    """The GOV.UK date input: day, month and year boxes in one fieldset."""

    template_name = "govuk/forms/date_widget.html"

    def __init__(self, attrs=None):
        part = {"inputmode": "numeric", "autocomplete": "off"}
        super().__init__(
            [forms.TextInput(attrs=part), forms.TextInput(attrs=part), forms.TextInput(attrs=part)],
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


def _in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: "Due date" -> "due date", "ILACS date" unchanged."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[0].lower() + label[1:]


class GovukDateField(forms.MultiValueField):
    """A date typed as day, month and year, with GOV.UK's wording for each mistake."""

    widget = GovukDateWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("require_all_fields", False)
        super().__init__(fields=[forms.CharField(), forms.CharField(), forms.CharField()], **kwargs)
        # A form that names no message of its own still says what to do, never Django's default.
        if self.error_messages["required"] == forms.Field.default_error_messages["required"]:
            self.error_messages["required"] = f"Enter the {_in_sentence(self.label or 'Date')}"

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (part.strip() if part else "" for part in data_list)
        label = self.label or "Date"
        missing = [
            name for name, part in (("day", day), ("month", month), ("year", year)) if not part
        ]
        if missing:
            raise ValidationError(f"{label} must include a {' and '.join(missing)}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise ValidationError(f"{label} must be a real date, for example 27 3 2026")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{label} must be a real date") from None

    def clean(self, value):
        if self.required and (not value or not any(value)):
            raise ValidationError(self.error_messages["required"], code="required")
        return self.compress(value)


class VersionedModelForm(forms.ModelForm):
    """A form for a Versioned record: carries the version the page was loaded at."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]

    def changed_values(self) -> dict:
        """The model fields of the form, cleaned, for a service to apply."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class AuditSearchForm(forms.Form):
    q = forms.CharField(label="Person or record", required=False)
    event = forms.ChoiceField(label="Event", required=False)
    date_from = GovukDateField(label="From", required=False)
    date_to = GovukDateField(label="To", required=False)

    def __init__(self, *args, **kwargs):
        from core.models import AuditEvent

        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [("", "Any event"), *AuditEvent.Event.choices]

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("date_from")
            and cleaned.get("date_to")
            and cleaned["date_from"] > cleaned["date_to"]
        ):
            self.add_error("date_to", "The 'to' date must be the same as or after the 'from' date")
        return cleaned


class ClosureDayForm(forms.Form):
    date = GovukDateField(label="Date the partnership is closed")
    reason = forms.CharField(
        label="Reason", max_length=200, help_text="For example, Council closure day"
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_date(self):
        from core.models import ClosureDay

        day = self.cleaned_data["date"]
        if ClosureDay.objects.filter(partnership=self.partnership, date=day).exists():
            raise forms.ValidationError(f"{day:%d %B %Y} is already a closure day")
        return day


class GovukFileField(forms.FileField):
    """A file upload with GOV.UK's wording for each mistake."""

    default_error_messages = {
        "required": "Select a file",
        "invalid": "The selected file could not be read: upload it again",
        "missing": "Select a file",
        "empty": "The selected file is empty",
        "max_length": "The selected file's name must be 255 characters or fewer",
    }


class TableFileField(GovukFileField):
    """A CSV or XLSX upload, refused on the form when it is too large, broken or not UTF-8."""

    default_error_messages = {
        "required": "Select a CSV or XLSX file",
        "missing": "Select a CSV or XLSX file",
    }

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            check_table_upload(upload)
        return upload


class DocumentUploadForm(forms.Form):
    title = forms.CharField(label="Title", max_length=300)
    kind = forms.ChoiceField(label="Kind of document")
    file = GovukFileField(label="File")

    def __init__(self, *args, **kwargs):
        from core.models import Document

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Document.Kind.choices
        self.fields[
            "file"
        ].help_text = (
            f"PDF, Word, Excel, OpenDocument, PNG, JPEG, CSV or text; up to {upload_limit()}."
        )

    def clean_file(self):
        from core.documents import check_upload

        upload = self.cleaned_data["file"]
        check_upload(upload)
        return upload


def posted(request):
    """The submitted data on a POST, so the form validates even when every box is left empty; None otherwise."""
    return request.POST if request.method == "POST" else None


class NarrativeVersionForm(forms.Form):
    action = forms.ChoiceField(
        label="What do you need to do?",
        widget=forms.RadioSelect,
        choices=[("correct", "Correct the text"), ("erase", "Erase the text")],
        error_messages={"required": "Choose whether to correct or erase the text"},
    )
    text = forms.CharField(
        label="Corrected text", widget=forms.Textarea, required=False, strip=True
    )
    reason = forms.CharField(
        label="Reason (for example, the request you are acting on)",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason for correcting or erasing the text"},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "correct" and not cleaned.get("text"):
            self.add_error("text", "Enter the corrected text")
        return cleaned

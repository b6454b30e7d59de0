"""One way to render every form in GOV.UK style, and the form pieces GOV.UK asks for.

Each form renders through templates/govuk/forms/: labels, hints, inline errors and the
error summary at the top of the page look and behave the same everywhere.
"""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.forms.utils import pretty_name

from core.tables import check_table_upload
from core.uploads import upload_limit

# Words a label may start with that need no "the" before them in a message.
_NO_ARTICLE = {
    *("a", "an", "the", "your", "their", "its", "this", "each", "any", "all"),
    *("who", "what", "when", "where", "which", "why", "how", "whether"),
}


def _in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: "Due date" -> "due date", "ILACS date" unchanged,
    an aside in brackets left out ("Link (optional)" -> "link")."""
    label = re.sub(r"\s*\([^)]*\)\s*$", "", str(label)).strip() or str(label)
    if len(label) > 1 and label[1].isupper():
        return label
    return label[0].lower() + label[1:]


def _the(label: str) -> str:
    """ "Kind of source" -> "the kind of source"; "Your name" -> "your name"."""
    what = _in_sentence(label)
    return what if what.split(" ", 1)[0].lower() in _NO_ARTICLE else f"the {what}"


def _a(label: str) -> str:
    """ "Agency" -> "an agency"; "Group" -> "a group"."""
    what = _in_sentence(label)
    if what.split(" ", 1)[0].lower() in _NO_ARTICLE:
        return what
    return f"{'an' if what[0].lower() in 'aeio' else 'a'} {what}"


def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def govuk_messages(field: forms.Field, label: str) -> dict[str, str]:
    """What each mistake in `field` should say, naming the field and saying what to do."""
    the, subject = _the(label), _capitalised(_in_sentence(label))
    if str(label).endswith("?"):
        the, subject = f"an answer to '{label}'", f"The answer to '{label}'"
    # Messages Django fills with the limit: a % in a label must stay a %.
    limited = subject.replace("%", "%%")
    if isinstance(field, forms.FileField):
        return {
            "required": f"Select {_a(label)}",
            "missing": f"Select {_a(label)}",
            "invalid": f"The selected {_in_sentence(label)} could not be read: upload it again",
            "empty": f"The selected {_in_sentence(label)} is empty",
            "contradiction": f"Select {_a(label)} or remove the one you chose, not both",
            "max_length": f"The selected {_in_sentence(label).replace('%', '%%')}'s name must be "
            "%(max)d characters or fewer",
        }
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        # An option the form does not offer is no answer: say what the missing answer says.
        own = field.error_messages.get("required")
        select = own if own != _django_wording(field).get("required") else f"Select {the}"
        return dict.fromkeys(
            ("required", "invalid_choice", "invalid_pk_value", "invalid_list"), select
        )
    if isinstance(field, forms.BooleanField):
        return {"required": f"Select '{label}' to continue"}
    messages = {
        "required": f"Enter {the}",
        "max_length": f"{limited} must be %(limit_value)d characters or fewer",
        "min_length": f"{limited} must be %(limit_value)d characters or more",
        "max_value": f"{limited} must be %(limit_value)s or less",
        "min_value": f"{limited} must be %(limit_value)s or more",
        "step_size": f"{limited} must be a multiple of %(limit_value)s",
        "null_characters_not_allowed": f"{subject} must not contain null characters",
        "incomplete": f"Enter {the} in full",
        "invalid": f"Enter {the} in the correct format",
    }
    example = "2024" if "year" in str(label).lower() else "12"
    if isinstance(field, forms.IntegerField) and not isinstance(
        field, forms.DecimalField | forms.FloatField
    ):
        messages["invalid"] = f"Enter {the} as a whole number, like {example}"
    elif isinstance(field, forms.DecimalField | forms.FloatField):
        messages["invalid"] = f"Enter {the} as a number, like {example}.5"
        messages |= {
            "max_digits": f"{limited} must have %(max)s digits or fewer",
            "max_decimal_places": f"{limited} must have %(max)s decimal places or fewer",
            "max_whole_digits": f"{limited} must have %(max)s digits or fewer before the "
            "decimal point",
        }
    elif isinstance(field, forms.EmailField):
        messages["invalid"] = "Enter an email address in the correct format, like name@example.com"
    elif isinstance(field, forms.URLField):
        messages["invalid"] = f"Enter {the} in the correct format, like https://www.example.org"
    elif isinstance(field, forms.DateField | forms.DateTimeField):
        messages["invalid"] = f"Enter {the} as a real date, like 27 3 2026"
    elif isinstance(field, forms.TimeField):
        messages["invalid"] = f"Enter {the} as a time, like 14:30"
    return messages


def _django_wording(field: forms.Field) -> dict[str, str]:
    """The messages Django gives `field` when its form names none of its own."""
    return {
        code: message
        for cls in reversed(type(field).__mro__)
        if cls.__module__.startswith("django.")
        for code, message in cls.__dict__.get("default_error_messages", {}).items()
    }


def _empty_choice(field: forms.Field, label: str) -> str:
    return f"Choose {_a(label)}" if field.required else "None"


def use_govuk_wording(field: forms.Field, label: str) -> None:
    """Puts GOV.UK words where `field` would use Django's own: each message the form does not set,
    and the empty choice Django shows as "---------"."""
    django = _django_wording(field)
    # A validator given its own message keeps it (a field's message would replace it).
    worded = {validator.code for validator in field.validators if "message" in vars(validator)}
    for code, message in govuk_messages(field, label).items():
        if code in worded:
            continue
        if code not in field.error_messages or field.error_messages[code] == django.get(code):
            field.error_messages[code] = message
    if getattr(field, "empty_label", None) == "---------":
        field.empty_label = _empty_choice(field, label)
    elif (
        not isinstance(field, forms.ModelChoiceField)
        and isinstance(field, forms.ChoiceField)
        and any(value == "" and name == "---------" for value, name in field.choices)
    ):
        radios = isinstance(field.widget, forms.RadioSelect)
        field.choices = [
            (value, _empty_choice(field, label) if value == "" else name)
            for value, name in field.choices
            if not (value == "" and radios and field.required)
        ]


def say(field: forms.Field, message: str) -> forms.Field:
    """The form's own message for `field` whenever an answer is missing, not offered or not valid:
    one sentence saying what to do, instead of a message per mistake."""
    for code in ("required", "invalid_choice", "invalid_pk_value", "invalid"):
        field.error_messages[code] = message
    return field


def use_messages(form: forms.BaseForm, messages: dict[str, str]) -> None:
    """`say` for each named field of the form."""
    for name, message in messages.items():
        say(form.fields[name], message)


class GovukWording:
    """Every field of the form says what to do in GOV.UK words, naming itself ("Enter the title",
    "Select the area", "Enter the reach as a whole number, like 12"), wherever the form names no
    message of its own. Applied as each field is first validated or shown (every path to a
    field goes through `form[name]`), so that fields a form adds or relabels in its own
    `__init__` are worded too."""

    def __getitem__(self, name):
        if name not in self._bound_fields_cache and name in self.fields:
            use_govuk_wording(self.fields[name], self.fields[name].label or pretty_name(name))
        return super().__getitem__(name)


class GovukForm(GovukWording, forms.Form):
    """The base of every form of the service."""


class GovukModelForm(GovukWording, forms.ModelForm):
    """The base of every form of the service that edits a model."""


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


class VersionedModelForm(GovukModelForm):
    """A form for a Versioned record: carries the version the page was loaded at."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages=dict.fromkeys(
            ("required", "invalid"), "This page is out of date: open it again and make your change"
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]

    def changed_values(self) -> dict:
        """The model fields of the form, cleaned, for a service to apply."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class AuditSearchForm(GovukForm):
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


class ClosureDayForm(GovukForm):
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


class DocumentUploadForm(GovukForm):
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


class NarrativeVersionForm(GovukForm):
    action = forms.ChoiceField(
        label="What do you need to do?",
        widget=forms.RadioSelect,
        choices=[("correct", "Correct the text"), ("erase", "Erase the text")],
        error_messages={"required": "Select whether to correct or erase the text"},
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

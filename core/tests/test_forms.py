"""Every form renders the GOV.UK way: an error summary linking to each field, and errors beside the field."""

from datetime import date

import pytest
from django import forms
from django.core.validators import MinValueValidator
from django.template import Context, Template

from core.forms import GovukDateField, GovukForm


class ExampleForm(forms.Form):
    name = forms.CharField(label="Name")
    email = forms.EmailField(label="Email address", help_text="We send the invitation here.")
    kind = forms.ChoiceField(
        label="Kind", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect
    )
    agree = forms.BooleanField(label="I agree")
    on = GovukDateField(label="Date of the event")


def render(form) -> str:
    return Template('{% include "govuk/forms/error_summary.html" %}{{ form }}').render(
        Context({"form": form})
    )


def test_the_error_summary_links_each_error_to_its_field():
    html = render(ExampleForm(data={"email": "not-an-email"}))
    for anchor in ("#id_name", "#id_email", "#id_kind_0", "#id_agree", "#id_on_0"):
        assert f'href="{anchor}"' in html


def test_a_field_with_an_error_is_marked_and_described_by_its_message():
    html = render(ExampleForm(data={"email": "not-an-email"}))
    assert 'class="govuk-input govuk-input--error"' in html
    assert 'aria-describedby="id_email_hint id_email_error"' in html
    assert '<span class="govuk-visually-hidden">Error:</span> Enter a valid email address.' in html


def test_optional_fields_say_so_in_their_label():
    class OptionalForm(forms.Form):
        note = forms.CharField(label="Note", required=False)

    assert "Note (optional)" in render(OptionalForm())


def test_radio_buttons_and_dates_are_grouped_in_fieldsets_with_a_legend():
    html = render(ExampleForm())
    assert html.count('<fieldset class="govuk-fieldset"') == 2
    assert 'class="govuk-date-input"' in html and 'class="govuk-radios govuk-radios--small"' in html


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "3", "2026", "Date of the event must include a day"),
        ("31", "2", "2026", "Date of the event must be a real date"),
        ("1", "3", "26", "Date of the event must be a real date, for example 27 3 2026"),
        ("a", "3", "2026", "Date of the event must be a real date, for example 27 3 2026"),
    ],
)
def test_a_date_typed_wrongly_is_refused_with_govuk_wording(day, month, year, message):
    form = ExampleForm(data={"on_0": day, "on_1": month, "on_2": year})
    form.is_valid()
    assert form.errors["on"] == [message]


def test_an_empty_date_says_what_to_enter_when_the_form_names_no_message():
    form = ExampleForm(data={})
    form.is_valid()
    assert form.errors["on"] == ["Enter the date of the event"]


def test_an_empty_date_keeps_the_message_its_form_names():
    field = GovukDateField(label="Due date", error_messages={"required": "Enter when it is due"})
    with pytest.raises(forms.ValidationError, match="Enter when it is due"):
        field.clean(["", "", ""])


def test_a_date_typed_as_day_month_and_year_is_read():
    field = GovukDateField(label="Date")
    assert field.clean(["3", "03", "2026"]) == date(2026, 3, 3)


def test_a_number_box_is_as_narrow_as_its_numbers():
    class YearForm(forms.Form):
        year = forms.IntegerField(label="Year")

    assert 'class="govuk-input govuk-input--width-5"' in render(YearForm())


class PlainForm(GovukForm):
    name = forms.CharField(label="Name", max_length=5)
    kind = forms.ChoiceField(label="Kind of source", choices=[("a", "A")], widget=forms.RadioSelect)
    reach = forms.IntegerField(label="Number of people reached", min_value=0)
    agency = forms.ChoiceField(label="Agency", choices=[("", "---------"), ("p", "Police")])
    grade = forms.ChoiceField(
        label="Grade", choices=[("", "---------"), ("1", "1")], widget=forms.RadioSelect
    )
    agrees = forms.ChoiceField(label="Do you agree?", choices=[("yes", "Yes")])
    email = forms.EmailField(label="Email address", required=False)
    reason = forms.CharField(label="Reason", error_messages={"required": "Enter why it is late"})


def test_a_field_whose_form_names_no_message_says_what_to_do_naming_itself():
    errors = PlainForm(data={}).errors
    assert errors["name"] == ["Enter the name"]
    assert errors["kind"] == ["Select the kind of source"]
    assert errors["reach"] == ["Enter the number of people reached"]
    assert errors["agrees"] == ["Select an answer to 'Do you agree?'"]


def test_wrong_answers_are_named_in_govuk_words():
    errors = PlainForm(
        data={"name": "Far too long", "kind": "b", "reach": "ten", "email": "nowhere"}
    ).errors
    assert errors["name"] == ["Name must be 5 characters or fewer"]
    assert errors["kind"] == ["Select the kind of source"]
    assert errors["reach"] == ["Enter the number of people reached as a whole number, like 12"]
    assert errors["email"] == [
        "Enter an email address in the correct format, like name@example.com"
    ]
    assert PlainForm(data={"reach": "-1"}).errors["reach"] == [
        "Number of people reached must be 0 or more"
    ]


def test_a_message_the_form_names_is_kept():
    assert PlainForm(data={}).errors["reason"] == ["Enter why it is late"]


def test_an_empty_choice_says_what_to_do_and_a_required_radio_offers_none():
    html = render(PlainForm())
    assert "---------" not in html
    assert '<option value="" selected>Choose an agency</option>' in html
    assert 'value=""' not in str(PlainForm()["grade"])


def test_a_limit_given_its_own_message_keeps_it():
    class LimitedForm(GovukForm):
        days = forms.IntegerField(
            label="Working days",
            validators=[MinValueValidator(1, message="Working days must be between 1 and 200")],
        )

    assert LimitedForm(data={"days": "0"}).errors["days"] == [
        "Working days must be between 1 and 200"
    ]

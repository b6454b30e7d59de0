"""The business unit sets the partnership's booking terms and fees."""

from decimal import Decimal

import pytest
from django.urls import reverse

from core.testing import sign_in
from training.models import Fee, TrainingTerms

pytestmark = pytest.mark.django_db

TERMS = {
    "cancellation_working_days": "5",
    "late_cancellation_charge": "40",
    "no_show_charge_half_day": "50",
    "no_show_charge_full_day": "90",
    "offer_hours": "24",
}


def test_the_business_unit_sets_five_working_days_notice_and_a_day_to_confirm(client, cast):
    sign_in(client, cast.officer)
    client.post(reverse("training:terms"), TERMS)
    terms = TrainingTerms.objects.get(partnership=cast.partnership)
    assert (terms.cancellation_working_days, terms.offer_hours) == (5, 24)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"cancellation_working_days": "three"}, "must be a whole number, like 3"),
        ({"late_cancellation_charge": "£forty"}, "must be an amount in pounds, like 40 or 12.50"),
        ({"late_cancellation_charge": "-1"}, "Charge for a late cancellation must be 0 or more"),
        ({"offer_hours": "0"}, "waiting list must be 1 or more"),
        ({"no_show_charge_full_day": ""}, "Enter the charge for not attending a full day"),
    ],
)
def test_terms_with_a_mistake_are_refused_in_govuk_words(client, cast, changes, message):
    sign_in(client, cast.officer)
    response = client.post(reverse("training:terms"), {**TERMS, **changes})
    assert message in response.content.decode()
    assert not TrainingTerms.objects.exists()


def test_a_fee_is_set_for_a_type_and_format_and_zero_makes_it_free(client, cast):
    sign_in(client, cast.officer)
    data = {"organisation_type": "education", "course_format": "full_day", "amount": "60"}
    client.post(reverse("training:fee_set"), data)
    assert Fee.objects.get().amount == Decimal("60")
    client.post(reverse("training:fee_set"), {**data, "amount": "0"})
    assert not Fee.objects.exists()


def test_a_fee_for_a_type_the_form_does_not_offer_is_refused(client, cast):
    sign_in(client, cast.officer)
    response = client.post(
        reverse("training:fee_set"),
        {"organisation_type": "martian", "course_format": "full_day", "amount": "60"},
    )
    assert "Select the type of organisation from the list" in response.content.decode()
    assert not Fee.objects.exists()

"""The demo loads fictional reviews at different stages, and loading again adds nothing."""

import pytest
from django.core.management import call_command

from reviews.models import LearningReferral, Review

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_allowed")]


def test_the_demo_has_an_lcspr_a_case_review_and_referrals_and_loads_twice_safely():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    assert sorted(Review.objects.values_list("review_type", flat=True)) == [
        Review.Type.LCSPR,
        Review.Type.MULTI_AGENCY,
    ]
    titles = set(LearningReferral.objects.values_list("title", flat=True))
    assert {"Child P: repeated missing episodes", "Child V: pre-birth planning"} <= titles

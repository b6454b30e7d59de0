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


def test_south_tees_has_the_framework_list_as_its_local_review_policy():
    """Local policy (South Tees framework component 1), held as configuration."""
    from reviews.criteria import FRAMEWORK_POLICY
    from reviews.models import LocalReviewPolicy

    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    policy = LocalReviewPolicy.objects.get(partnership__slug="south-tees")
    assert policy.always_review == FRAMEWORK_POLICY
    assert policy.reviewer_not_employed_by_agency_under_review


def test_south_tees_has_a_partner_lead_for_every_statutory_partner():
    """Working Together 2023 ch. 5: every statutory partner signs the decision."""
    from partnership.models import Partnership
    from reviews import services
    from reviews.models import RapidReview

    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    south_tees = Partnership.objects.get(slug="south-tees")
    rapid_review = RapidReview.objects.get(partnership=south_tees)
    assert services.partner_sign_off_blockers(south_tees, rapid_review.sign_offs.all()) == []
    assert rapid_review.sign_offs.count() == 4

"""The demo loads fictional reviews at different stages, and loading again adds nothing."""

import pytest
from django.core.management import call_command

from reviews.models import LearningReferral, Review

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_allowed")]


def test_the_demo_has_lcsprs_case_reviews_and_referrals_and_loads_twice_safely():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    assert sorted(Review.objects.values_list("review_type", "status")) == [
        (Review.Type.LCSPR, Review.Status.DRAFT_REPORT),
        (Review.Type.LCSPR, Review.Status.PUBLISHED),
        (Review.Type.MULTI_AGENCY, Review.Status.FINAL),
        (Review.Type.MULTI_AGENCY, Review.Status.SCOPING),
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

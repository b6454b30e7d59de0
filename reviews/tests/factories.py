"""Factories for review records. Every name and case is plainly fictional."""

import factory
from factory.django import DjangoModelFactory

from partnership.tests.factories import PartnershipFactory, PersonFactory
from reviews.models import LearningReferral


class LearningReferralFactory(DjangoModelFactory):
    class Meta:
        model = LearningReferral

    partnership = factory.SubFactory(PartnershipFactory)
    reference = factory.Sequence(lambda n: f"TEST-LR-2026-{n:03d}")
    title = "Child R: missed school health appointments"
    what_happened = "Child R missed three health appointments; no agency followed up."
    agencies_involved = "School nursing, children's services"
    why_learning = "Information was not shared between agencies."
    child_voice = "Child R told the school nurse they were worried about home."
    referred_by = factory.SubFactory(
        PersonFactory, partnership=factory.SelfAttribute("..partnership")
    )

"""Factories for the learning spine. Every name is plainly fictional."""

from datetime import date

import factory
from django.contrib.contenttypes.models import ContentType
from factory.django import DjangoModelFactory

from learning.models import Action, Finding, OtherSource, Recommendation, Theme
from partnership.tests.factories import (
    GroupFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
)


class OtherSourceFactory(DjangoModelFactory):
    class Meta:
        model = OtherSource

    partnership = factory.SubFactory(PartnershipFactory)
    number = factory.Sequence(lambda n: n + 1)
    kind = OtherSource.Kind.NATIONAL_REVIEW
    title = factory.Sequence(lambda n: f"National review of example practice {n}")
    summary = "A fictional national review used in tests."


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Example theme {n}")


class SourcedFactory(DjangoModelFactory):
    """A spine record pointing at a source (an OtherSource unless given)."""

    class Meta:
        abstract = True
        exclude = ["source"]

    source = factory.SubFactory(OtherSourceFactory)
    partnership = factory.SelfAttribute("source.partnership")
    source_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.source))
    source_id = factory.SelfAttribute("source.pk")
    recorded_by = factory.SubFactory(
        PersonFactory, partnership=factory.SelfAttribute("..partnership")
    )


class FindingFactory(SourcedFactory):
    class Meta:
        model = Finding

    title = factory.Sequence(lambda n: f"Example finding {n}")
    description = "Practitioners did not share information about the family's move."
    aim = Finding.Aim.MUST_IMPROVE


class RecommendationFactory(SourcedFactory):
    class Meta:
        model = Recommendation

    text = "Agencies should share information when a family moves area."
    owning_group = factory.SubFactory(
        GroupFactory, partnership=factory.SelfAttribute("..partnership")
    )


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = Action

    recommendation = factory.SubFactory(RecommendationFactory)
    partnership = factory.SelfAttribute("recommendation.partnership")
    description = "Add a transfer-in checklist to the multi-agency procedures."
    owner_organisation = factory.SubFactory(
        OrganisationFactory, partnership=factory.SelfAttribute("..partnership")
    )
    due_date = date(2026, 12, 31)


def published_newsletter(cast, items=(), title="Winter", introduction="Hello", extra_items=""):
    """A newsletter the officer put together, the manager approved and published."""
    from learning import services

    newsletter = services.newsletter_create(
        partnership=cast.partnership,
        title=title,
        introduction=introduction,
        items=items,
        extra_items=extra_items,
        by=cast.officer,
    )
    services.newsletter_approve(newsletter=newsletter, by=cast.manager)
    return services.newsletter_publish(newsletter=newsletter, by=cast.manager)

"""Factories for the performance framework. Every figure is synthetic."""

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from partnership.tests.factories import PartnershipFactory
from performance.models import Indicator, Observation
from performance.periods import Quarter


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator

    partnership = factory.SubFactory(PartnershipFactory)
    code = factory.Sequence(lambda n: f"EX{n:02d}")
    title = factory.Sequence(lambda n: f"Example measure {n}")
    unit = Indicator.Unit.COUNT
    polarity = Indicator.Polarity.HIGHER_IS_BETTER
    target = Decimal(100)
    tolerance = Decimal(10)
    supplier = "Test Borough Council"
    theme = Indicator.Theme.CHILD_PROTECTION_ACTIVITY


class ObservationFactory(DjangoModelFactory):
    class Meta:
        model = Observation

    indicator = factory.SubFactory(IndicatorFactory)
    partnership = factory.SelfAttribute("indicator.partnership")
    period = Quarter(2025, 1).index
    value = Decimal(100)

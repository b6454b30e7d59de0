"""Factories for the inspection register. Every name is plainly fictional."""

from datetime import date

import factory
from factory.django import DjangoModelFactory

from inspections.models import Inspection


class InspectionFactory(DjangoModelFactory):
    class Meta:
        model = Inspection

    partnership = factory.SelfAttribute("recorded_by.partnership")
    number = factory.Sequence(lambda n: n + 1)
    kind = Inspection.Kind.ILACS_STANDARD
    inspectorate = Inspection.Inspectorate.OFSTED
    inspected_body = "Test Borough Council children's services"
    notice_date = date(2026, 1, 12)
    on_site_from = date(2026, 1, 19)
    on_site_to = date(2026, 1, 30)
    status = Inspection.Status.AWAITING_REPORT

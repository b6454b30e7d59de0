"""Factories for multi-agency case audits. Every name is plainly fictional."""

import factory
from factory.django import DjangoModelFactory

from audits.models import AuditProgramme


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = AuditProgramme

    partnership = factory.SelfAttribute("created_by.partnership")
    year = 2026

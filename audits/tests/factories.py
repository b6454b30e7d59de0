"""Factories for multi-agency case audits. Every name is plainly fictional.

`audit_for(cast)` plans an audit with the standard tool, `case_of(audit)` selects a case, and
`request_to(case, organisation)` asks an agency about it: the least data each test needs, made
through the services so that tests see what the pages would have made.
"""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from audits import periods, services
from audits.models import Audit, AuditCase, AuditProgramme, AuditRequest
from partnership.models import Group


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = AuditProgramme

    partnership = factory.SelfAttribute("created_by.partnership")
    year = factory.LazyFunction(lambda: periods.year_containing(timezone.localdate()))


def audit_for(cast, *, by=None, **changes) -> Audit:
    """A planned audit of the cast's partnership with the standard tool."""
    by = by or cast.manager
    programme = AuditProgramme.objects.filter(
        partnership=by.partnership
    ).first() or ProgrammeFactory(created_by=by)
    group, _ = Group.objects.get_or_create(
        partnership=by.partnership,
        name="Test Quality Assurance Sub-group",
        defaults={"kind": Group.Kind.SUBGROUP},
    )
    data = {
        "title": "Neglect of babies under one",
        "quarter": 1,
        "theme": None,
        "practice_focus": "Neglect of babies under one known to health visiting.",
        "scope": periods.DEFAULT_SCOPE,
        "owner_group": group,
        "rationale": "Performance data shows more babies on plans for neglect.",
        "prompt": Audit.Prompt.OTHER,
        "audit_proposal": None,
        "prompting_recommendation": None,
        "prompting_finding": None,
        **changes,
    }
    return services.audit_plan(
        programme=programme,
        tool=services.standard_tool_seed(partnership=by.partnership),
        data=data,
        by=by,
    )


def case_of(audit: Audit, case_number: str = "LA-100200") -> AuditCase:
    return services.case_choose(planned=audit, case_number=case_number, by=audit.created_by)


def request_to(case: AuditCase, organisation) -> AuditRequest:
    (request,) = services.requests_send(
        case=case,
        organisations=[organisation],
        due_date=timezone.localdate() + timedelta(days=21),
        by=case.audit.created_by,
    )
    return request

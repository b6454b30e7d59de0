"""Browser journey: the business unit opens this year's programme, plans an audit with the standard
tool, selects cases at random and asks two agencies; each agency's contributor answers, one in the
browser and one through the tool's workbook."""

from datetime import timedelta

import pytest
from django.utils import timezone

from audits import periods
from audits.models import AuditCase, AuditRequest
from audits.tests import journey
from partnership.models import Role
from partnership.tests.factories import GroupFactory, PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_audit_is_planned_its_cases_selected_and_the_agencies_return_it(
    server_url, page, cast, tmp_path
):
    group = GroupFactory(partnership=cast.partnership, name="Test Quality Assurance Sub-group")
    police_contributor = PersonFactory(
        email="police_contributor@test.example",
        partnership=cast.partnership,
        organisation=cast.police,
        roles=[Role.AGENCY_CONTRIBUTOR],
    )
    year = periods.year_containing(timezone.localdate())

    journey.sign_in_as(page, server_url, cast.manager)
    journey.programme_opened(page, periods.year_label(year))
    journey.audit_planned(page, title="Neglect of babies under one", owner=group.name)
    journey.standard_tool_read(page)
    journey.cases_selected(page, ["LA-1", "LA-2", "LA-3", "LA-4"], 2)
    case = AuditCase.objects.first()
    journey.agencies_asked(
        page,
        case.reference,
        [cast.hospital.name, cast.police.name],
        timezone.localdate() + timedelta(days=21),
    )

    journey.sign_in_as(page, server_url, cast.contributor)
    journey.request_opened(page, case.reference)
    journey.a_return_sent(page)

    journey.sign_in_as(page, server_url, police_contributor)
    journey.request_opened(page, case.reference)
    journey.workbook_returned(page, tmp_path)

    assert set(AuditRequest.objects.values_list("status", flat=True)) == {"returned"}

"""Browser journey: the business unit opens this year's programme, plans an audit with the standard
tool, selects cases at random and asks two agencies; each agency's contributor answers, one in the
browser and one through the tool's workbook; the business unit moderates (a changed grade with its
reason), agrees an action, writes the report (HTML and PDF) whose finding is in the spine, plans
the re-audit and reads its change."""

from datetime import timedelta

import pytest
from django.utils import timezone

from audits import periods
from audits.models import Audit, AuditCase, AuditRequest, Grade
from audits.tests import journey, journey_report
from audits.tests.factories import case_of, request_to
from audits.tests.moderated import moderated, returned, section_graded
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

    audit = case.audit
    journey.sign_in_as(page, server_url, cast.manager)
    page.goto(f"{server_url}{audit.get_absolute_url()}")
    journey_report.moderated(
        page,
        agency=cast.police.name,
        to="Inadequate",
        reason="No police checks before the discussion",
    )
    journey_report.action_agreed(
        page, agency=cast.police.name, action="Police checks are shared before every discussion"
    )
    journey_report.reported(
        page,
        server_url,
        audit,
        finding="Plans did not say what the baby's day was like",
        voice="A parent: nobody asked about her day.",
    )
    journey_report.re_audit_planned(page)

    # The agencies audit the same practice again, and the meeting moderates it.
    later = Audit.objects.get(re_audit_of=audit)
    Audit.objects.filter(pk=later.pk).update(status=Audit.Status.AGENCY_RETURNS)
    later.refresh_from_db()
    again = returned(request_to(case_of(later, "LA-9"), cast.police), Grade.GOOD)
    section_graded(again, 0, Grade.OUTSTANDING)
    moderated(cast, later, overall=Grade.GOOD)
    journey_report.re_audit_compared(page, server_url, later, audit)

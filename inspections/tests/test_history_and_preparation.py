"""The history of judgements per area and the next inspection's window on the business unit's dashboard."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.testing import sign_in
from inspections import services
from inspections.models import Grade
from inspections.tests.factories import InspectionFactory

pytestmark = pytest.mark.django_db


def _judged(cast, area, on_site_to, overall):
    inspection = InspectionFactory(
        recorded_by=cast.manager,
        area=area,
        on_site_from=on_site_to - timedelta(days=11),
        on_site_to=on_site_to,
    )
    services.judgements_record(
        inspection=inspection,
        grades={"overall": overall, "leaders": overall},
        expected_version=inspection.version,
        by=cast.manager,
    )
    return inspection


def test_the_history_shows_each_areas_judgements_as_a_table_and_a_chart(client, cast):
    _judged(cast, cast.middlesbrough, date(2019, 10, 11), Grade.INADEQUATE)
    _judged(cast, cast.middlesbrough, date(2023, 3, 10), Grade.REQUIRES_IMPROVEMENT)
    _judged(cast, cast.redcar, date(2022, 6, 24), Grade.GOOD)
    sign_in(client, cast.partner_lead)
    page = client.get(reverse("inspections:judgement_history")).content.decode()
    assert page.index("Middlesbrough") < page.index("Redcar &amp; Cleveland")
    assert page.index("Inadequate") < page.index("Requires improvement to be good")
    assert '<svg class="app-chart"' in page
    assert "Overall effectiveness in Middlesbrough" in page
    assert page.count("<polyline") == 2
    # Redcar & Cleveland's one inspection is named once under its chart, not as first and last.
    assert page.count(">Jun 2022</text>") == 1


def test_the_dashboard_shows_the_expected_window_of_the_next_ilacs(client, cast):
    _judged(cast, cast.redcar, date(2024, 3, 15), Grade.GOOD)
    sign_in(client, cast.manager)
    page = client.get(reverse("core:dashboard")).content.decode()
    assert "The next ILACS inspection" in page
    assert "September 2026 to September 2027 (about March 2027)" in page


def test_the_dashboard_says_when_the_window_has_opened(client, cast):
    _judged(cast, cast.redcar, timezone.localdate() - timedelta(days=3 * 365 - 30), Grade.GOOD)
    sign_in(client, cast.manager)
    assert "Could come now" in client.get(reverse("core:dashboard")).content.decode()


def test_after_an_inadequate_judgement_monitoring_visits_follow_not_a_window(client, cast):
    _judged(cast, cast.middlesbrough, date(2024, 3, 15), Grade.INADEQUATE)
    sign_in(client, cast.officer)
    page = client.get(reverse("core:dashboard")).content.decode()
    assert "Monitoring visits and a re-inspection after an inadequate judgement" in page


def test_the_preparation_checklist_says_what_is_up_to_date(client, cast):
    _judged(cast, cast.redcar, date(2024, 3, 15), Grade.GOOD)
    services.setting_update(
        partnership=cast.partnership,
        data={
            "self_evaluation_updated_on": timezone.localdate() - timedelta(days=30),
            "evidence_library_updated_on": timezone.localdate() - timedelta(days=400),
        },
        expected_version=None,
        by=cast.manager,
    )
    sign_in(client, cast.manager)
    page = client.get(reverse("core:dashboard")).content.decode()
    checklist = page[page.index("Preparation checklist") :]
    assert checklist.index("Up to date") < checklist.index("Self-evaluation up to date")
    assert checklist.count("To do") == 2


def test_partner_leads_do_not_get_the_business_units_preparation_panel(client, cast):
    _judged(cast, cast.redcar, date(2024, 3, 15), Grade.GOOD)
    sign_in(client, cast.partner_lead)
    assert "The next ILACS inspection" not in client.get(reverse("core:dashboard")).content.decode()

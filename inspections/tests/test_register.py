"""The inspection register through its pages: adding, the action plan clock, judgements, settings."""

from datetime import date

import pytest
from django.urls import reverse

from core.models import ClosureDay, Deadline
from core.reminders import send_deadline_reminders
from core.testing import sign_in
from inspections import services
from inspections.models import Inspection, InspectionSetting, Judgement
from inspections.tests.conftest import date_fields
from inspections.tests.factories import InspectionFactory

pytestmark = pytest.mark.django_db


def _ilacs_post(cast, **changes) -> dict:
    data = {
        "kind": "ilacs_standard",
        "inspectorate": "ofsted",
        "jtai_theme": "",
        "area": cast.middlesbrough.pk,
        "inspected_body": "Test Borough Council children's services",
        "status": "report_received",
        **date_fields("notice_date", date(2026, 1, 12)),
        **date_fields("on_site_from", date(2026, 1, 19)),
        **date_fields("on_site_to", date(2026, 1, 30)),
        **date_fields("report_received", date(2026, 3, 2)),
    }
    data.update(changes)
    return data


def _page(client, inspection) -> str:
    return client.get(inspection.get_absolute_url()).content.decode()


def test_the_business_unit_adds_an_ilacs_and_its_page_shows_the_70_working_day_plan(client, cast):
    sign_in(client, cast.officer)
    response = client.post(reverse("inspections:inspection_create"), _ilacs_post(cast))
    inspection = Inspection.objects.get()
    assert response.status_code == 302
    page = _page(client, inspection)
    assert "12 June 2026" in page
    assert "70 working days after the final report is received" in page
    assert inspection.learning_reference == "TTSCP-IN-001"


@pytest.mark.parametrize(
    ("kind", "received", "priority_actions", "shown"),
    [
        ("ilacs_standard", date(2026, 3, 2), False, "12 June 2026"),
        ("ilacs_short", date(2026, 11, 16), False, "25 February 2027"),
        ("jtai", date(2026, 10, 5), False, "14 January 2027"),
        ("focused_visit", date(2026, 12, 18), True, "20 January 2027"),
        ("focused_visit", date(2026, 3, 25), True, "24 April 2026"),
        ("focused_visit", date(2026, 5, 18), True, "16 June 2026"),
        ("focused_visit", date(2026, 5, 18), False, "No action plan is due"),
        ("monitoring_visit", date(2026, 5, 18), False, "No action plan is due"),
    ],
)
def test_the_inspection_page_shows_the_same_date_as_the_command(
    client, cast, kind, received, priority_actions, shown
):
    inspection = InspectionFactory(
        recorded_by=cast.manager,
        kind=kind,
        jtai_theme="front_door" if kind == "jtai" else "",
        report_received=received,
        priority_actions=priority_actions,
    )
    sign_in(client, cast.partner_lead)
    assert shown in _page(client, inspection)


def test_the_action_plan_deadline_is_on_the_dashboard_of_whoever_recorded_it(client, cast):
    sign_in(client, cast.officer)
    client.post(reverse("inspections:inspection_create"), _ilacs_post(cast))
    deadline = Deadline.objects.get(title="TTSCP-IN-001: action plan to the inspectorate")
    assert (deadline.due_date, deadline.responsible) == (date(2026, 6, 12), cast.officer)
    # Once overdue, the business unit manager is told.
    assert deadline.escalate_to == cast.manager
    dashboard = client.get(reverse("core:dashboard")).content.decode()
    assert "TTSCP-IN-001: action plan to the inspectorate" in dashboard
    assert "12 Jun 2026" in dashboard or "12 June 2026" in dashboard


def test_a_partnership_closure_day_does_not_move_the_inspectorates_clock(client, cast):
    ClosureDay.objects.create(partnership=cast.partnership, date=date(2026, 3, 3), reason="Closed")
    sign_in(client, cast.manager)
    client.post(reverse("inspections:inspection_create"), _ilacs_post(cast))
    assert Deadline.objects.get().due_date == date(2026, 6, 12)


def test_without_a_report_date_no_deadline_is_set(client, cast):
    sign_in(client, cast.manager)
    post = _ilacs_post(cast, report_received_0="", report_received_1="", report_received_2="")
    client.post(reverse("inspections:inspection_create"), {**post, "status": "on_site"})
    assert not Deadline.objects.exists()
    assert "When the final report is received" in _page(client, Inspection.objects.get())


def test_submitting_the_action_plan_completes_its_deadline(client, cast):
    sign_in(client, cast.manager)
    client.post(reverse("inspections:inspection_create"), _ilacs_post(cast))
    inspection = Inspection.objects.get()
    client.post(
        reverse("inspections:inspection_edit", args=[inspection.pk]),
        _ilacs_post(cast, status="plan_submitted", version=inspection.version),
    )
    assert Deadline.objects.get().completed_at is not None


def test_the_partnerships_setting_moves_a_jtai_written_statement_of_action(client, cast):
    inspection = InspectionFactory(
        recorded_by=cast.manager, kind="jtai", jtai_theme="domestic_abuse"
    )
    services.inspection_update(
        inspection=inspection,
        data={"report_received": date(2026, 3, 25)},
        expected_version=inspection.version,
        by=cast.manager,
    )
    sign_in(client, cast.manager)
    response = client.post(reverse("inspections:settings"), {"jtai_statement_working_days": "20"})
    assert response.status_code == 302
    assert InspectionSetting.objects.get().jtai_statement_working_days == 20
    assert Deadline.objects.get().due_date == date(2026, 4, 24)
    assert "24 April 2026" in _page(client, inspection)


def test_a_setting_out_of_range_is_refused_with_what_to_do(client, cast):
    sign_in(client, cast.manager)
    response = client.post(reverse("inspections:settings"), {"jtai_statement_working_days": "0"})
    assert "The number of working days must be between 1 and 200" in response.content.decode()
    assert not InspectionSetting.objects.exists()


def test_an_empty_form_says_what_to_enter(client, cast):
    sign_in(client, cast.officer)
    page = client.post(reverse("inspections:inspection_create"), {}).content.decode()
    assert "There is a problem" in page
    assert "Select the kind of inspection" in page
    assert "Enter the body inspected" in page
    assert "This field is required" not in page
    assert not Inspection.objects.exists()


def test_a_jtai_needs_its_theme(client, cast):
    sign_in(client, cast.officer)
    page = client.post(
        reverse("inspections:inspection_create"), _ilacs_post(cast, kind="jtai")
    ).content.decode()
    assert "Select the theme of the JTAI" in page
    assert not Inspection.objects.exists()


def test_a_report_received_before_the_inspectors_left_is_refused(client, cast):
    sign_in(client, cast.officer)
    post = _ilacs_post(cast, **date_fields("report_received", date(2026, 1, 20)))
    page = client.post(reverse("inspections:inspection_create"), post).content.decode()
    assert "must be after the last day on site" in page


def test_an_edit_from_a_stale_page_is_refused_not_applied(client, cast):
    inspection = InspectionFactory(recorded_by=cast.manager)
    stale = inspection.version
    services.inspection_update(
        inspection=inspection,
        data={"inspected_body": "Renamed children's services"},
        expected_version=stale,
        by=cast.officer,
    )
    sign_in(client, cast.manager)
    page = client.post(
        reverse("inspections:inspection_edit", args=[inspection.pk]),
        _ilacs_post(cast, version=stale, inspected_body="Overwritten"),
    ).content.decode()
    assert "Someone else changed this record" in page
    inspection.refresh_from_db()
    assert inspection.inspected_body == "Renamed children's services"


def test_the_business_unit_records_the_five_ilacs_judgements(client, cast):
    inspection = InspectionFactory(recorded_by=cast.manager)
    sign_in(client, cast.officer)
    client.post(
        reverse("inspections:judgements_edit", args=[inspection.pk]),
        {
            "version": inspection.version,
            "overall": "2",
            "leaders": "2",
            "help_and_protection": "1",
            "in_care": "3",
            "care_leavers": "3",
        },
    )
    assert inspection.judgements.get(aspect="overall").grade == 2
    page = _page(client, inspection)
    assert "Requires improvement to be good" in page
    assert "Inadequate" in page


def test_a_crafted_grade_off_the_four_point_scale_is_refused(client, cast):
    inspection = InspectionFactory(recorded_by=cast.manager)
    sign_in(client, cast.officer)
    page = client.post(
        reverse("inspections:judgements_edit", args=[inspection.pk]),
        {"version": inspection.version, "overall": "7"},
    ).content.decode()
    assert "Select a judgement for overall effectiveness from the list" in page
    assert not Judgement.objects.exists()


def test_a_jtai_has_no_graded_judgement(client, cast):
    inspection = InspectionFactory(recorded_by=cast.manager, kind="jtai", jtai_theme="front_door")
    sign_in(client, cast.officer)
    client.post(reverse("inspections:judgements_edit", args=[inspection.pk]), {"overall": "3"})
    assert not Judgement.objects.exists()
    assert "letter of findings" in _page(client, inspection)


def test_the_reminder_run_reminds_before_the_plan_is_due_and_escalates_after(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    inspection = InspectionFactory(recorded_by=cast.officer, report_received=date(2026, 3, 2))
    services.inspection_update(
        inspection=inspection,
        data={"status": Inspection.Status.REPORT_RECEIVED},
        expected_version=inspection.version,
        by=cast.officer,
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_deadline_reminders(today=date(2026, 6, 5))
    with django_capture_on_commit_callbacks(execute=True):
        send_deadline_reminders(today=date(2026, 6, 15))
    assert [message.to for message in mailoutbox] == [
        [cast.officer.email],
        [cast.manager.email, cast.officer.email],
    ]
    assert "70 working days" in mailoutbox[0].body


def test_judgements_from_a_stale_page_are_refused_not_applied(client, cast):
    inspection = InspectionFactory(recorded_by=cast.manager)
    stale = inspection.version
    services.judgements_record(
        inspection=inspection, grades={"overall": 3}, expected_version=stale, by=cast.officer
    )
    sign_in(client, cast.manager)
    page = client.post(
        reverse("inspections:judgements_edit", args=[inspection.pk]),
        {"version": stale, "overall": "1"},
    ).content.decode()
    assert "Someone else changed this record" in page
    assert inspection.judgements.get().grade == 3


def test_settings_from_a_stale_page_are_refused_not_applied(client, cast):
    services.setting_update(
        partnership=cast.partnership,
        data={"jtai_statement_working_days": 60},
        expected_version=None,
        by=cast.officer,
    )
    sign_in(client, cast.manager)
    page = client.post(
        reverse("inspections:settings"), {"jtai_statement_working_days": "20", "version": "0"}
    ).content.decode()
    assert "Someone else changed this record" in page
    assert InspectionSetting.objects.get().jtai_statement_working_days == 60

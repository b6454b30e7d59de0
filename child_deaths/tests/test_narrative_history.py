"""Panel minutes (and every narrative field saved through the audit helpers): the append-only audit
trail records that the text changed, by whom and a digest, never the text; the text's history is
kept per record, where the business unit can correct or erase it under a recorded reason."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from child_deaths import services
from child_deaths.tests.factories import PanelMeetingFactory
from core import services as core_services
from core.models import AuditEvent, NarrativeVersion

pytestmark = pytest.mark.django_db


def record_minutes(meeting, minutes, by):
    meeting.refresh_from_db()
    services.panel_meeting_record(
        meeting=meeting,
        attendees="Chair, designated doctor",
        apologies="",
        minutes=minutes,
        expected_version=meeting.version,
        by=by,
    )


@pytest.fixture
def meeting(cast):
    meeting = PanelMeetingFactory(panel__partnership=cast.partnership)
    record_minutes(meeting, "Child R's case: Tess Example's mother attended.", cast.manager)
    record_minutes(meeting, "Child R's case was discussed.", cast.officer)
    return meeting


def test_the_audit_trail_records_that_minutes_changed_but_not_their_text(meeting):
    rows = AuditEvent.objects.filter(event=AuditEvent.Event.CHANGED, subject_id=str(meeting.pk))
    text = json.dumps([row.details for row in rows])
    assert "Tess Example" not in text and "was discussed" not in text
    change = rows.last().details["changes"]["minutes"]
    assert change["changed"] is True and len(change["digest"]) == 64


def test_the_minutes_history_is_kept_with_who_wrote_each_version(meeting, cast):
    versions = NarrativeVersion.objects.filter(subject_id=str(meeting.pk), field_name="minutes")
    assert [(version.text, version.written_by) for version in versions] == [
        ("", None),
        ("Child R's case: Tess Example's mother attended.", cast.manager),
        ("Child R's case was discussed.", cast.officer),
    ]


def test_the_business_unit_erases_an_earlier_version_under_a_recorded_reason(meeting, cast):
    version = NarrativeVersion.objects.get(text__contains="Tess Example")
    with pytest.raises(ValidationError):
        core_services.narrative_version_erase(version=version, reason=" ", by=cast.manager)
    core_services.narrative_version_erase(
        version=version, reason="Erasure request from the family", by=cast.manager
    )
    version.refresh_from_db()
    assert (version.text, version.changed_by) == ("", cast.manager)
    assert version.erased_at is not None
    # The newest row about this version: another record may share its id.
    row = AuditEvent.objects.filter(
        subject_type=ContentType.objects.get_for_model(version), subject_id=str(version.pk)
    ).first()
    assert row.details["reason"] == "Erasure request from the family"
    assert "Tess" not in json.dumps(row.details)


def test_an_earlier_version_can_be_corrected_under_a_recorded_reason(meeting, cast):
    version = NarrativeVersion.objects.get(text__contains="Tess Example")
    core_services.narrative_version_correct(
        version=version,
        text="Child R's case: the mother attended.",
        reason="Named the child's mother: rectified",
        by=cast.manager,
    )
    version.refresh_from_db()
    assert version.text == "Child R's case: the mother attended."
    assert version.corrected_at is not None


def test_the_manager_erases_a_version_through_its_page_with_a_reason(client, meeting, cast):
    from django.urls import reverse

    from core.testing import sign_in

    version = NarrativeVersion.objects.get(text__contains="Tess Example")
    sign_in(client, cast.manager)
    url = reverse("core:text_version_change", args=[version.pk])
    response = client.post(url, {"action": "erase", "reason": ""})
    assert "Enter the reason for correcting or erasing the text" in response.content.decode()
    client.post(url, {"action": "erase", "reason": "Erasure request from the family"})
    page = client.get(reverse("core:text_history")).content.decode()
    assert "Tess Example" not in page and "Erasure request from the family" in page


def test_another_partnerships_manager_cannot_reach_the_text_history(client, meeting, cast):
    from django.urls import reverse

    from core.testing import sign_in

    version = NarrativeVersion.objects.get(text__contains="Tess Example")
    sign_in(client, cast.outsider)
    url = reverse("core:text_version_change", args=[version.pk])
    assert client.post(url, {"action": "erase", "reason": "x"}).status_code == 404
    assert "Tess" not in client.get(reverse("core:text_history")).content.decode()
    version.refresh_from_db()
    assert version.erased_at is None

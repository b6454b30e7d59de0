"""Attempts to see or change another partnership's inspections, or to slip past the forms, over HTTP."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditEvent, Document
from core.testing import sign_in
from inspections import services
from inspections.models import Inspection, InspectionPoint, SampleCase
from inspections.tests.factories import InspectionFactory
from learning.models import Finding
from partnership.tests.factories import AreaFactory, GroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ours(cast):
    return InspectionFactory(
        recorded_by=cast.manager,
        kind="jtai",
        jtai_theme="criminal_exploitation",
        inspected_body="Secret Borough partnership",
    )


def test_another_partnerships_business_unit_sees_none_of_our_inspections(client, cast, ours):
    sign_in(client, cast.outsider)
    for name in ("inspection_list", "judgement_history", "progress_report"):
        assert "Secret Borough" not in client.get(reverse(f"inspections:{name}")).content.decode()
    assert client.get(ours.get_absolute_url()).status_code == 404


def test_another_partnerships_business_unit_cannot_change_ours_with_a_crafted_post(
    client, cast, ours
):
    sign_in(client, cast.outsider)
    group = GroupFactory(partnership=cast.other_partnership)
    for name, data in (
        ("inspection_edit", {"inspected_body": "Taken over", "kind": "jtai", "version": 1}),
        ("judgements_edit", {"overall": "1"}),
        (
            "point_add",
            {"kind": "strength", "title": "Planted", "text": "x", "owning_group": group.pk},
        ),
        ("sample_case_add", {"agency": cast.other_council.pk, "case_reference": "X1"}),
    ):
        response = client.post(reverse(f"inspections:{name}", args=[ours.pk]), data)
        assert response.status_code == 404
    ours.refresh_from_db()
    assert ours.inspected_body == "Secret Borough partnership"
    assert not Finding.objects.exists() and not SampleCase.objects.exists()


def test_an_area_of_another_partnership_is_not_an_option(client, cast):
    elsewhere = AreaFactory(partnership=cast.other_partnership, name="Elsewhere Town")
    sign_in(client, cast.manager)
    page = client.post(
        reverse("inspections:inspection_create"),
        {
            "kind": "ilacs_standard",
            "inspectorate": "ofsted",
            "area": elsewhere.pk,
            "inspected_body": "Ours",
            "status": "notified",
        },
    ).content.decode()
    assert "Select an area from the list" in page
    assert not Inspection.objects.exists()


def test_a_group_of_another_partnership_cannot_oversee_our_actions(client, cast, ours):
    theirs = GroupFactory(partnership=cast.other_partnership, name="Their board")
    sign_in(client, cast.manager)
    page = client.post(
        reverse("inspections:point_add", args=[ours.pk]),
        {"kind": "priority_action", "title": "T", "text": "T", "owning_group": theirs.pk},
    ).content.decode()
    assert "Select a group from the list" in page
    assert not InspectionPoint.objects.exists()


def test_a_kind_the_form_does_not_offer_is_refused(client, cast, ours):
    sign_in(client, cast.manager)
    page = client.post(
        reverse("inspections:point_add", args=[ours.pk]),
        {"kind": "glowing_praise", "title": "T", "text": "T"},
    ).content.decode()
    assert "Select what the report says" in page
    assert not Finding.objects.exists()


def test_a_partner_lead_can_read_but_not_change_an_inspection(client, cast, ours):
    sign_in(client, cast.partner_lead)
    assert client.get(ours.get_absolute_url()).status_code == 200
    response = client.post(
        reverse("inspections:inspection_edit", args=[ours.pk]), {"inspected_body": "Changed"}
    )
    assert response.status_code == 403
    ours.refresh_from_db()
    assert ours.inspected_body == "Secret Borough partnership"


def test_only_the_business_unit_sees_the_sampled_cases_and_each_view_is_audited(client, cast, ours):
    services.sample_case_add(
        inspection=ours, agency=cast.police, case_reference="POL-4471", note="", by=cast.manager
    )
    sign_in(client, cast.partner_lead)
    assert "POL-4471" not in client.get(ours.get_absolute_url()).content.decode()
    assert not AuditEvent.objects.filter(event=AuditEvent.Event.VIEWED_IDENTIFYING_DETAILS).exists()
    client.logout()
    sign_in(client, cast.officer)
    assert "POL-4471" in client.get(ours.get_absolute_url()).content.decode()
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.VIEWED_IDENTIFYING_DETAILS, actor=cast.officer
    ).exists()


def test_the_business_unit_adds_the_letter_and_only_readers_can_download_it(client, cast, ours):
    sign_in(client, cast.manager)
    client.post(
        reverse("inspections:document_add", args=[ours.pk]),
        {
            "title": "JTAI letter of findings",
            "kind": "report",
            "file": SimpleUploadedFile("letter.txt", b"Findings", content_type="text/plain"),
        },
    )
    document = Document.objects.get()
    assert "JTAI letter of findings" in client.get(ours.get_absolute_url()).content.decode()
    client.logout()
    sign_in(client, cast.outsider)
    assert client.get(reverse("core:document_download", args=[document.pk])).status_code == 404


def test_a_password_only_session_does_not_see_the_sampled_cases(client, cast, ours):
    services.sample_case_add(
        inspection=ours, agency=cast.police, case_reference="POL-4471", note="", by=cast.manager
    )
    client.force_login(cast.officer)  # no second factor in this session
    page = client.get(ours.get_absolute_url()).content.decode()
    assert "POL-4471" not in page


def test_only_readers_of_inspections_are_offered_them_in_the_navigation(client, cast):
    sign_in(client, cast.group_member)
    assert 'href="/inspections/"' in client.get(reverse("core:dashboard")).content.decode()
    client.logout()
    sign_in(client, cast.practitioner)
    assert 'href="/inspections/"' not in client.get(reverse("core:dashboard")).content.decode()

"""Attacks through HTTP on audit requests and cases: other agencies, other partnerships, crafted
posts and password-only sessions."""

import pytest
from django.urls import reverse

from audits.models import Answer, AuditRequest
from audits.tests.conftest import xlsx_upload
from audits.tests.factories import audit_for, case_of, request_to
from audits.tests.test_answering import complete_post
from core.testing import sign_in
from partnership.models import Role
from partnership.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_another_agencys_contributor_neither_sees_nor_lists_the_request(
    client, cast, hospital_request, police_contributor
):
    sign_in(client, police_contributor)
    assert client.get(hospital_request.get_absolute_url()).status_code == 404
    page = client.get(reverse("audits:request_list")).content.decode()
    assert hospital_request.case.reference not in page
    assert (
        client.get(reverse("audits:case_identity", args=[hospital_request.case.pk])).status_code
        == 404
    )


def test_a_crafted_post_answering_a_case_not_asked_of_the_agency_writes_nothing(
    client, cast, hospital_request, police_contributor
):
    sign_in(client, police_contributor)
    response = client.post(hospital_request.get_absolute_url(), complete_post(hospital_request))
    assert response.status_code == 404
    upload = client.post(
        reverse("audits:request_upload", args=[hospital_request.pk]),
        {"file": xlsx_upload([["Reference"]])},
    )
    assert upload.status_code == 404
    hospital_request.refresh_from_db()
    assert hospital_request.status == AuditRequest.Status.REQUESTED
    assert not Answer.objects.exists()


def test_the_same_agency_in_another_partnership_cannot_answer(client, cast, hospital_request):
    elsewhere = PersonFactory(
        email="elsewhere_contributor@test.example",
        partnership=cast.other_partnership,
        organisation=cast.hospital,
        roles=[Role.AGENCY_CONTRIBUTOR],
    )
    elsewhere.role_assignments.update(partnership=cast.other_partnership)
    sign_in(client, elsewhere)
    assert (
        client.post(
            hospital_request.get_absolute_url(), complete_post(hospital_request)
        ).status_code
        == 404
    )
    assert not Answer.objects.exists()


def test_another_partnerships_business_unit_does_not_see_the_audit_or_its_cases(
    client, cast, hospital_request
):
    sign_in(client, cast.outsider)
    case = hospital_request.case
    assert client.get(case.audit.get_absolute_url()).status_code == 404
    assert client.get(case.get_absolute_url()).status_code == 404
    assert client.get(hospital_request.get_absolute_url()).status_code == 404


def test_the_business_unit_reads_a_return_but_does_not_answer_for_the_agency(
    client, cast, hospital_request
):
    sign_in(client, cast.officer)
    assert client.get(hospital_request.get_absolute_url()).status_code == 200
    response = client.post(hospital_request.get_absolute_url(), complete_post(hospital_request))
    assert response.status_code == 403
    assert not Answer.objects.exists()


def test_a_returned_request_is_not_answered_again(client, cast, hospital_request):
    sign_in(client, cast.contributor)
    client.post(hospital_request.get_absolute_url(), complete_post(hospital_request))
    hospital_request.refresh_from_db()
    again = complete_post(hospital_request, grade="1")
    assert client.post(hospital_request.get_absolute_url(), again).status_code == 403
    hospital_request.refresh_from_db()
    assert hospital_request.grade == 3


def test_a_password_only_session_of_the_asked_agency_does_not_see_the_childs_details(
    client, cast, hospital_request
):
    client.force_login(cast.contributor)
    url = reverse("audits:case_identity", args=[hospital_request.case.pk])
    assert client.get(url).status_code == 403


def test_a_partner_lead_reads_the_audit_but_not_its_cases(client, cast):
    case = case_of(audit_for(cast), "LA-445566")
    request_to(case, cast.police)
    sign_in(client, cast.partner_lead)
    page = client.get(case.audit.get_absolute_url()).content.decode()
    assert case.reference not in page
    assert client.get(case.get_absolute_url()).status_code == 404
    assert client.get(reverse("audits:case_identity", args=[case.pk])).status_code == 404

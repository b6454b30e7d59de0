"""Selecting an audit's cases, their identifying details, and asking agencies about them."""

import pytest
from django.urls import reverse

from audits.models import Audit, AuditCase, AuditRequest
from audits.tests.factories import audit_for, case_of
from core.models import AuditEvent, Deadline
from core.testing import sign_in

pytestmark = pytest.mark.django_db


def test_cases_are_selected_at_random_from_the_candidates(client, cast):
    planned = audit_for(cast)
    sign_in(client, cast.officer)
    client.post(
        reverse("audits:cases_random", args=[planned.pk]),
        {"candidates": "LA-1\nLA-2\nLA-3\nLA-4\nLA-5", "count": "3"},
    )
    cases = AuditCase.objects.filter(audit=planned)
    assert cases.count() == 3
    assert {case.selection for case in cases} == {AuditCase.Selection.RANDOM}
    assert [case.reference for case in cases] == [f"TTSCP-AU-001-C0{n}" for n in (1, 2, 3)]
    planned.refresh_from_db()
    assert planned.status == Audit.Status.CASE_SELECTION


def test_a_case_number_is_shown_only_on_the_audited_identity_page(client, cast):
    case = case_of(audit_for(cast), "LA-778899")
    sign_in(client, cast.officer)
    assert "LA-778899" not in client.get(case.audit.get_absolute_url()).content.decode()
    assert "LA-778899" not in client.get(case.get_absolute_url()).content.decode()
    page = client.get(reverse("audits:case_identity", args=[case.pk])).content.decode()
    assert "LA-778899" in page
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.VIEWED_IDENTIFYING_DETAILS, actor=cast.officer
    ).exists()


def test_the_business_unit_records_the_childs_name_and_date_of_birth(client, cast):
    case = case_of(audit_for(cast))
    sign_in(client, cast.officer)
    response = client.post(
        reverse("audits:case_identity_edit", args=[case.pk]),
        {
            "case_number": "LA-100200",
            "full_name": "Ottoline Auditchild",
            "date_of_birth_0": "3",
            "date_of_birth_1": "4",
            "date_of_birth_2": "2025",
        },
    )
    assert response.status_code == 302
    case.identity.refresh_from_db()
    assert case.identity.full_name == "Ottoline Auditchild"
    assert case.audit.learning_subjects.names == ["Ottoline Auditchild"]


def test_asking_agencies_sets_a_reminded_deadline_for_each(client, cast):
    case = case_of(audit_for(cast))
    sign_in(client, cast.officer)
    response = client.post(
        reverse("audits:requests_send", args=[case.pk]),
        {
            "organisations": [cast.hospital.pk, cast.police.pk],
            "due_date_0": "1",
            "due_date_1": "1",
            "due_date_2": "2099",
        },
    )
    assert response.status_code == 302
    requests = AuditRequest.objects.filter(case=case)
    assert {request.organisation for request in requests} == {cast.hospital, cast.police}
    deadline = Deadline.objects.get(subject_id=requests.get(organisation=cast.hospital).pk)
    assert deadline.escalate_to == cast.officer
    assert cast.contributor in deadline.watchers.all()
    case.audit.refresh_from_db()
    assert case.audit.status == Audit.Status.AGENCY_RETURNS


def test_an_agency_of_another_partnership_cannot_be_asked(client, cast):
    case = case_of(audit_for(cast))
    sign_in(client, cast.officer)
    response = client.post(
        reverse("audits:requests_send", args=[case.pk]),
        {
            "organisations": [cast.other_council.pk],
            "due_date_0": "1",
            "due_date_1": "1",
            "due_date_2": "2099",
        },
    )
    assert "Select the agencies to ask" in response.content.decode()
    assert not AuditRequest.objects.exists()

"""Attempts to read or change another agency's or another partnership's self-assessments, or to slip
past the forms, over HTTP; each checks what the page shows, not only its status."""

from datetime import date

import pytest
from django.urls import reverse

from audits import services_assurance
from audits.models_assurance import AgencyAuditSummary, AssuranceRound, StandardRating
from audits.tests.factories_assurance import scrutiny_group, section_11_round, submitted
from core.testing import sign_in
from partnership.tests.factories import GroupFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hospital_return(cast):
    """The hospital's self-assessment, sent with evidence no one outside should read."""
    assessment = section_11_round(cast).self_assessments.get(organisation=cast.hospital)
    submitted(assessment, cast.contributor, "amber")
    StandardRating.objects.filter(assessment=assessment).update(evidence="Secret ward evidence")
    return assessment


def _police_contributor(cast):
    return PersonFactory(
        partnership=cast.partnership, organisation=cast.police, roles=["agency_contributor"]
    )


def test_another_agencys_contributor_cannot_read_the_hospitals_self_assessment(
    client, cast, hospital_return
):
    sign_in(client, _police_contributor(cast))
    assert client.get(hospital_return.get_absolute_url()).status_code == 404
    page = client.get(hospital_return.round.get_absolute_url()).content.decode()
    assert "Test Hospitals Trust" not in page and "Test Police" in page
    assert "Test Hospitals Trust" not in client.get(reverse("audits:assurance")).content.decode()


def test_another_agencys_contributor_cannot_change_it_with_a_crafted_post(
    client, cast, hospital_return
):
    sign_in(client, _police_contributor(cast))
    data = {"version": hospital_return.version}
    for rating in hospital_return.ratings.all():
        data[f"rating_{rating.standard_id}"] = "green"
        data[f"evidence_{rating.standard_id}"] = "Planted"
    url = reverse("audits:self_assessment_complete", args=[hospital_return.pk])
    assert client.post(url, data).status_code == 404
    assert not StandardRating.objects.filter(evidence="Planted").exists()


def test_a_contributor_cannot_record_the_partnerships_view_of_its_own_return(
    client, cast, hospital_return
):
    sign_in(client, cast.contributor)
    data = {"version": hospital_return.version, "summary": "We agree with ourselves"}
    for rating in hospital_return.ratings.all():
        data[f"rating_{rating.standard_id}"] = "green"
    response = client.post(reverse("audits:challenge_record", args=[hospital_return.pk]), data)
    assert response.status_code == 403
    assert not StandardRating.objects.exclude(partnership_rating="").exists()


def test_another_partnerships_business_unit_sees_none_of_our_assurance(
    client, cast, hospital_return
):
    sign_in(client, cast.outsider)
    for name in ("assurance", "agency_audits"):
        assert "Test Hospitals Trust" not in client.get(reverse(f"audits:{name}")).content.decode()
    round_pk = hospital_return.round.pk
    for name in ("assurance_round", "assurance_heat_map", "assurance_heat_map_csv"):
        assert client.get(reverse(f"audits:{name}", args=[round_pk])).status_code == 404
    assert client.get(hospital_return.get_absolute_url()).status_code == 404


def test_another_partnerships_business_unit_cannot_challenge_our_return(
    client, cast, hospital_return
):
    sign_in(client, cast.outsider)
    data = {"version": hospital_return.version, "summary": "Taken over"}
    for rating in hospital_return.ratings.all():
        data[f"rating_{rating.standard_id}"] = "red"
    assert (
        client.post(reverse("audits:challenge_record", args=[hospital_return.pk]), data).status_code
        == 404
    )
    assert not StandardRating.objects.filter(partnership_rating="red").exists()


def test_a_sub_group_of_another_partnership_cannot_oversee_our_round(client, cast):
    theirs = GroupFactory(partnership=cast.other_partnership, name="Their sub-group")
    sign_in(client, cast.manager)
    page = client.post(
        reverse("audits:assurance_round_open"),
        {
            "kind": "section_11",
            "year": "2026",
            "overseeing_group": theirs.pk,
            "due_date_0": "30",
            "due_date_1": "9",
            "due_date_2": "2026",
        },
    ).content.decode()
    assert "Select the sub-group from the list" in page
    assert not AssuranceRound.objects.exists()


def test_a_kind_of_return_not_offered_is_refused(client, cast):
    sign_in(client, cast.manager)
    page = client.post(
        reverse("audits:assurance_round_open"),
        {"kind": "section_99", "year": "2026", "overseeing_group": scrutiny_group(cast).pk},
    ).content.decode()
    assert "Select section 11 or section 175" in page
    assert "Enter the due date" in page
    assert not AssuranceRound.objects.exists()


def test_a_contributor_cannot_send_a_summary_for_another_agency(client, cast):
    sign_in(client, cast.contributor)
    client.post(
        reverse("audits:agency_audit_add"),
        {
            "organisation": cast.police.pk,
            "title": "Custody audit",
            "cases": "1",
            "headline_findings": "F",
            "outstanding": "0",
            "good": "1",
            "requires_improvement": "0",
            "inadequate": "0",
            "audited_on_0": "1",
            "audited_on_1": "6",
            "audited_on_2": "2026",
        },
    )
    assert AgencyAuditSummary.objects.get().organisation == cast.hospital


def test_a_contributor_sees_only_their_own_agencys_audit_summaries(client, cast):
    police = _police_contributor(cast)
    services_assurance.agency_audit_submit(
        partnership=cast.partnership,
        organisation=cast.police,
        data={
            "title": "Custody suite audit",
            "audited_on": date(2026, 5, 1),
            "cases": 3,
            "headline_findings": "F",
            "outstanding": 0,
            "good": 3,
            "requires_improvement": 0,
            "inadequate": 0,
        },
        by=police,
    )
    sign_in(client, cast.contributor)
    assert "Custody suite audit" not in client.get(reverse("audits:agency_audits")).content.decode()
    client.logout()
    sign_in(client, cast.group_member)
    assert "Custody suite audit" in client.get(reverse("audits:agency_audits")).content.decode()

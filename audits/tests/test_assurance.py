"""Section 11 and section 175 self-assessments: a round sent to agencies, an agency completing its
own, the challenge session, the heat map with year-on-year change and its export, the standards and
single-agency audit summaries."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from audits import services_assurance
from audits.models_assurance import AgencyAuditSummary, AssuranceStandard, SelfAssessment
from audits.tests.factories_assurance import (
    challenged,
    scrutiny_group,
    section_11_round,
    submitted,
)
from core.models import AuditEvent, Deadline
from core.testing import assert_queries_do_not_grow, sign_in
from partnership.models import Organisation
from partnership.tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _date(name: str, day: date) -> dict[str, str]:
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def _answers(assessment, rating="green", evidence="Training records for 2026", actions=""):
    data = {"version": assessment.version}
    for standard in AssuranceStandard.objects.filter(partnership=assessment.round.partnership):
        data[f"rating_{standard.pk}"] = rating
        data[f"evidence_{standard.pk}"] = evidence
        data[f"actions_{standard.pk}"] = actions
    return data


def test_the_business_unit_opens_a_round_sent_to_every_agency_but_schools(client, cast):
    school = OrganisationFactory(
        partnership=cast.partnership, name="Test Academy", organisation_type="education"
    )
    group = scrutiny_group(cast)
    sign_in(client, cast.manager)
    response = client.post(
        reverse("audits:assurance_round_open"),
        {"kind": "section_11", "year": "2026", "overseeing_group": group.pk}
        | _date("due_date", date(2026, 9, 30)),
    )
    assessment = SelfAssessment.objects.get(organisation=cast.hospital)
    assert response.url == assessment.round.get_absolute_url()
    asked = set(SelfAssessment.objects.values_list("organisation__name", flat=True))
    assert asked == {"Test Borough Council", "Test Police", "Test Hospitals Trust"}
    assert school.name not in asked
    deadline = Deadline.objects.get(subject_id=assessment.pk, title__contains="Test Hospitals")
    assert deadline.due_date == date(2026, 9, 30) and deadline.responsible == cast.contributor
    assert AuditEvent.objects.filter(
        actor=cast.manager, subject_label="Section 11 self-assessment 2026"
    ).exists()


def test_each_agencys_contributors_are_emailed_when_the_round_opens(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        section_11_round(cast)
    [message] = mailoutbox
    assert message.to == [cast.contributor.email]
    assert "Test Hospitals Trust is asked for its Section 11 self-assessment 2026" in message.body


def test_a_section_175_round_goes_to_schools_only(client, cast):
    school = OrganisationFactory(
        partnership=cast.partnership, name="Test Academy", organisation_type="education"
    )
    sign_in(client, cast.manager)
    client.post(
        reverse("audits:assurance_round_open"),
        {"kind": "section_175", "year": "2026", "overseeing_group": scrutiny_group(cast).pk}
        | _date("due_date", date(2026, 9, 30)),
    )
    assert list(SelfAssessment.objects.values_list("organisation", flat=True)) == [school.pk]
    assert AssuranceStandard.objects.filter(kind="section_175").count() == 7


def test_the_seed_gives_the_usual_standards_once_and_keeps_an_archived_one_archived(cast):
    assert services_assurance.standards_seed(partnership=cast.partnership, kind="section_11") == 8
    training = AssuranceStandard.objects.get(title="Training")
    services_assurance.standard_archive(standard=training, by=cast.manager)
    assert services_assurance.standards_seed(partnership=cast.partnership, kind="section_11") == 0
    training.refresh_from_db()
    assert training.archived_at is not None


def test_a_second_round_for_the_same_year_is_refused(client, cast):
    group = scrutiny_group(cast)
    section_11_round(cast, group=group)
    sign_in(client, cast.manager)
    page = client.post(
        reverse("audits:assurance_round_open"),
        {"kind": "section_11", "year": "2026", "overseeing_group": group.pk}
        | _date("due_date", date(2026, 9, 30)),
    ).content.decode()
    assert "A round for 2026 is already open" in page


def test_an_agencys_contributor_completes_its_self_assessment(client, cast):
    assessment = section_11_round(cast).self_assessments.get(organisation=cast.hospital)
    sign_in(client, cast.contributor)
    response = client.post(
        reverse("audits:self_assessment_complete", args=[assessment.pk]), _answers(assessment)
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == "submitted" and assessment.ratings.count() == 8
    assert Deadline.objects.get(subject_id=assessment.pk, title__contains="Hospitals").completed_at
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert "Training records for 2026" in page


def test_a_rating_not_offered_is_refused_and_nothing_is_written(client, cast):
    assessment = section_11_round(cast).self_assessments.get(organisation=cast.hospital)
    sign_in(client, cast.contributor)
    page = client.post(
        reverse("audits:self_assessment_complete", args=[assessment.pk]),
        _answers(assessment, rating="purple"),
    ).content.decode()
    assert "Select a rating for training: red, amber or green" in page
    assert not assessment.ratings.exists()


def test_missing_evidence_and_actions_are_named_and_nothing_is_written(client, cast):
    assessment = section_11_round(cast).self_assessments.get(organisation=cast.hospital)
    sign_in(client, cast.contributor)
    page = client.post(
        reverse("audits:self_assessment_complete", args=[assessment.pk]),
        _answers(assessment, rating="amber", evidence=""),
    ).content.decode()
    assert "There is a problem" in page
    assert "Enter the evidence for supervision" in page
    assert "Enter the actions your agency will take to meet supervision" in page
    assessment.refresh_from_db()
    assert assessment.status == "requested" and not assessment.ratings.exists()


def test_the_challenge_session_records_the_partnerships_view_beside_the_agencys(client, cast):
    assessment = section_11_round(cast).self_assessments.get(organisation=cast.hospital)
    submitted(assessment, cast.contributor, "green")
    supervision = assessment.ratings.get(standard__title="Supervision")
    data = {"version": assessment.version, "summary": "Met the named nurse."}
    data |= _date("held_on", date(2026, 11, 2))
    for rating in assessment.ratings.all():
        data[f"rating_{rating.standard_id}"] = "green"
    data[f"rating_{supervision.standard_id}"] = "amber"
    sign_in(client, cast.officer)
    url = reverse("audits:challenge_record", args=[assessment.pk])
    page = client.post(url, data).content.decode()
    assert "Enter why the partnership&#x27;s rating for supervision differs" in page
    data[f"comment_{supervision.standard_id}"] = "Supervision records were not seen."
    assert client.post(url, data).status_code == 302
    supervision.refresh_from_db()
    assert (supervision.rating, supervision.partnership_rating) == ("green", "amber")
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert "Supervision records were not seen." in page


def test_an_agency_cannot_change_its_self_assessment_after_the_challenge_session(client, cast):
    assessment = section_11_round(cast).self_assessments.get(organisation=cast.hospital)
    challenged(submitted(assessment, cast.contributor, "green"), cast.manager)
    sign_in(client, cast.contributor)
    page = client.post(
        reverse("audits:self_assessment_complete", args=[assessment.pk]),
        _answers(assessment, rating="red", actions="x"),
    ).content.decode()
    assert "The challenge session has been held" in page
    assert not assessment.ratings.filter(rating="red").exists()


def _two_years(cast):
    group = scrutiny_group(cast)
    last = section_11_round(cast, year=2025, group=group)
    submitted(last.self_assessments.get(organisation=cast.hospital), cast.contributor, "amber")
    this = section_11_round(cast, year=2026, group=group)
    hospital = this.self_assessments.get(organisation=cast.hospital)
    challenged(submitted(hospital, cast.contributor, "green"), cast.manager, Training="red")
    return this


def test_the_heat_map_shows_each_rating_in_words_and_its_change_on_the_year_before(client, cast):
    this = _two_years(cast)
    sign_in(client, cast.officer)
    page = client.get(reverse("audits:assurance_heat_map", args=[this.pk])).content.decode()
    assert '<th scope="row" class="govuk-table__header">Test Hospitals Trust</th>' in page
    assert "Up from Amber" in page and "Down from Amber" in page
    assert "Agency said green" in page
    assert "Improved by 0.75" in page
    assert "Test Police" in page and "Not rated" in page
    assert "Each agency's mean score by year" in page
    assert '<th scope="col" class="govuk-table__header">2025</th>' in page


def test_the_heat_map_exports_as_csv_and_xlsx(client, cast):
    this = _two_years(cast)
    sign_in(client, cast.manager)
    response = client.get(reverse("audits:assurance_heat_map_csv", args=[this.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Agency", "Senior management commitment", "Clear line of accountability"]
    hospital = next(row for row in rows if row[0] == "Test Hospitals Trust")
    assert "Red (agency: Green)" in hospital and hospital[-1] == "Improved by 0.75"
    response = client.get(reverse("audits:assurance_heat_map_xlsx", args=[this.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == rows[0]


def test_the_heat_map_reads_a_bounded_number_of_queries(client, cast):
    this = _two_years(cast)
    group = this.overseeing_group
    sign_in(client, cast.manager)

    def add_records():
        agencies = [
            OrganisationFactory(partnership=cast.partnership, organisation_type="police")
            for _ in range(3)
        ]
        for year in (2022, 2023, 2024):
            earlier = section_11_round(cast, year=year, group=group, agencies=agencies)
            for assessment in earlier.self_assessments.select_related("round"):
                submitted(assessment, cast.contributor, "amber", "red")
        for agency in agencies:
            this.self_assessments.create(organisation=agency)

    assert_queries_do_not_grow(
        lambda: client.get(reverse("audits:assurance_heat_map", args=[this.pk])), add_records
    )


def test_a_member_of_the_sub_group_sees_every_agency_and_another_group_member_none(client, cast):
    this = section_11_round(cast, group=scrutiny_group(cast, member=cast.group_member))
    hospital = this.self_assessments.get(organisation=cast.hospital)
    submitted(hospital, cast.contributor, "green")
    sign_in(client, cast.group_member)
    assert client.get(reverse("audits:assurance_heat_map", args=[this.pk])).status_code == 200
    assert client.get(hospital.get_absolute_url()).status_code == 200
    elsewhere = PersonFactory(
        partnership=cast.partnership, organisation=cast.police, roles=["group_member"]
    )
    client.logout()
    sign_in(client, elsewhere)
    assert client.get(reverse("audits:assurance_heat_map", args=[this.pk])).status_code == 404
    assert client.get(hospital.get_absolute_url()).status_code == 404


def test_the_business_unit_adds_a_standard_asked_in_the_next_round(client, cast):
    sign_in(client, cast.manager)
    client.post(
        reverse("audits:assurance_standards"),
        {"kind": "section_11", "title": "Early help", "description": "", "evidence_required": ""},
    )
    standard = AssuranceStandard.objects.get(title="Early help")
    assert not standard.evidence_required
    assessment = section_11_round(cast).self_assessments.get(organisation=cast.hospital)
    sign_in(client, cast.contributor)
    page = client.get(reverse("audits:self_assessment_complete", args=[assessment.pk]))
    assert "Early help: your rating" in page.content.decode()


def test_a_contributor_sends_a_summary_of_an_audit_their_agency_ran(client, cast):
    sign_in(client, cast.contributor)
    response = client.post(
        reverse("audits:agency_audit_add"),
        {
            "title": "Neglect cases in the emergency department",
            "cases": "10",
            "headline_findings": "Voice of the child recorded in most cases.",
            "outstanding": "1",
            "good": "5",
            "requires_improvement": "3",
            "inadequate": "0",
        }
        | _date("audited_on", date(2026, 6, 1)),
    )
    summary = AgencyAuditSummary.objects.get()
    assert response.url == summary.get_absolute_url()
    assert summary.organisation == cast.hospital
    sign_in(client, cast.officer)
    page = client.get(summary.get_absolute_url()).content.decode()
    assert "Voice of the child recorded in most cases." in page and "Not graded" in page


def test_more_cases_graded_than_audited_is_refused_and_nothing_is_written(client, cast):
    sign_in(client, cast.contributor)
    page = client.post(
        reverse("audits:agency_audit_add"),
        {
            "title": "Neglect",
            "cases": "2",
            "headline_findings": "Findings",
            "outstanding": "1",
            "good": "2",
            "requires_improvement": "-1",
            "inadequate": "",
        }
        | _date("audited_on", date(2026, 6, 1)),
    ).content.decode()
    assert "The number of cases graded requires improvement must be 0 or more" in page
    assert "Enter the number of cases graded inadequate" in page
    assert not AgencyAuditSummary.objects.exists()
    page = client.post(
        reverse("audits:agency_audit_add"),
        {
            "title": "Neglect",
            "cases": "2",
            "headline_findings": "Findings",
            "outstanding": "1",
            "good": "2",
            "requires_improvement": "0",
            "inadequate": "0",
        }
        | _date("audited_on", date(2026, 6, 1)),
    ).content.decode()
    assert "The cases graded add up to more than the 2 cases audited" in page
    assert not AgencyAuditSummary.objects.exists()


def test_the_business_unit_sends_a_summary_for_any_of_its_agencies_only(client, cast):
    sign_in(client, cast.manager)
    page = client.post(
        reverse("audits:agency_audit_add"),
        {"organisation": cast.other_council.pk, "title": "T", "cases": "1"},
    ).content.decode()
    assert "Select the agency from the list" in page
    assert Organisation.objects.filter(pk=cast.other_council.pk).exists()
    assert not AgencyAuditSummary.objects.exists()

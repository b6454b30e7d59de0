"""Attempts over HTTP to see or change another partnership's moderation and report, to reach them
as an agency contributor or with a password alone, and to slip a grade past the form."""

import pytest
from django.urls import reverse

from audits.models import CaseDiscussion, Grade, ModerationMeeting, ReportPoint
from audits.tests.moderated import audit_with_returns, meeting_of, moderated, reported
from core.testing import confirmed_device, sign_in
from learning.models import Finding

pytestmark = pytest.mark.django_db

SECRET = "Secret moderation of Borough cases"


@pytest.fixture
def ours(cast):
    audit = audit_with_returns(cast, {cast.police: Grade.GOOD}, title=SECRET)
    moderated(cast, audit)
    reported(cast, audit, complete=False)
    return audit


def _pages(audit):
    meeting = ModerationMeeting.objects.get(audit=audit)
    case = audit.cases.get()
    return [
        reverse("audits:report", args=[audit.pk]),
        reverse("audits:report_pdf", args=[audit.pk]),
        reverse("audits:report_write", args=[audit.pk]),
        reverse("audits:report_point_add", args=[audit.pk]),
        meeting.get_absolute_url(),
        reverse("audits:case_moderate", args=[meeting.pk, case.pk]),
        reverse("audits:action_agree", args=[meeting.pk]),
    ]


def test_another_partnerships_business_unit_finds_none_of_our_moderation_or_report(
    client, cast, ours
):
    sign_in(client, cast.outsider)
    for url in _pages(ours):
        response = client.get(url)
        assert response.status_code == 404, url
        assert SECRET not in response.content.decode()


def test_another_partnerships_business_unit_cannot_add_to_our_report_with_a_crafted_post(
    client, cast, ours
):
    sign_in(client, cast.outsider)
    response = client.post(
        reverse("audits:report_point_add", args=[ours.pk]),
        {"kind": "good_practice", "title": "Planted", "text": "Planted"},
    )
    assert response.status_code == 404
    assert not Finding.objects.filter(title="Planted").exists()
    assert client.post(reverse("audits:report_complete", args=[ours.pk])).status_code == 404
    assert not ours.report.completed_at


def test_an_agency_contributor_sees_neither_the_moderation_nor_the_report(client, cast, ours):
    sign_in(client, cast.contributor)
    for url in _pages(ours):
        response = client.get(url)
        assert response.status_code == 404, url
        assert SECRET not in response.content.decode()


def test_a_partner_lead_reads_the_report_but_not_the_case_by_case_moderation(client, cast, ours):
    sign_in(client, cast.partner_lead)
    report = client.get(reverse("audits:report", args=[ours.pk])).content.decode()
    assert SECRET in report and "Change the summary" not in report
    meeting = ModerationMeeting.objects.get(audit=ours)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    response = client.post(
        reverse("audits:report_point_add", args=[ours.pk]),
        {"kind": "good_practice", "title": "Planted", "text": "Planted"},
    )
    assert response.status_code == 403
    assert ReportPoint.objects.count() == 1


def test_a_password_only_session_reaches_neither_page(client, cast, ours):
    confirmed_device(cast.manager)
    client.force_login(cast.manager)
    for url in _pages(ours)[:2] + _pages(ours)[4:5]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert SECRET not in response.content.decode()


def test_a_grade_for_an_agency_not_asked_about_the_case_is_ignored_not_written(client, cast):
    audit = audit_with_returns(cast, {cast.police: Grade.GOOD})
    meeting = meeting_of(cast, audit)
    case = audit.cases.get()
    police = case.requests.get()
    sign_in(client, cast.officer)
    client.post(
        reverse("audits:case_moderate", args=[meeting.pk, case.pk]),
        {
            "summary": "Discussed",
            "overall_grade": "3",
            f"grade_{police.pk}": "3",
            f"grade_{police.pk + 1000}": "1",
        },
    )
    discussion = CaseDiscussion.objects.get()
    assert [grade.request_id for grade in discussion.grades.all()] == [police.pk]

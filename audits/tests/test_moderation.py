"""The moderation meeting: attendance, each case discussed with the moderated grade beside the
agency's own, actions agreed into the spine, and the move on to the report."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from audits import services_moderation
from audits.models import Audit, CaseDiscussion, Grade, ModeratedGrade, ModerationAction
from audits.tests.factories import audit_for, case_of, request_to
from audits.tests.moderated import at_stage, audit_with_returns, meeting_of, returned
from core.models import AuditEvent
from core.testing import assert_queries_do_not_grow, sign_in
from learning.models import Action, Finding, Recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def audit(cast):
    return audit_with_returns(cast, {cast.police: Grade.GOOD, cast.hospital: Grade.OUTSTANDING})


def test_a_meeting_records_who_attended_and_moves_the_audit_on_to_moderation(cast, audit):
    meeting = meeting_of(cast, audit)
    audit.refresh_from_db()
    assert audit.status == Audit.Status.MODERATION
    assert list(meeting.attendees.all()) == [cast.manager]
    assert AuditEvent.objects.filter(
        subject_id=str(audit.pk), details__attendees=[str(cast.manager)]
    ).exists()


def test_no_meeting_before_the_agencies_have_made_their_returns(cast):
    with pytest.raises(ValidationError, match="follows the agencies' returns"):
        meeting_of(cast, audit_for(cast))


def test_moderation_keeps_the_agencys_own_grade_beside_the_moderated_one_with_the_reason(
    cast, audit
):
    meeting = meeting_of(cast, audit)
    case = audit.cases.get()
    police = case.requests.get(organisation=cast.police)
    services_moderation.case_moderate(
        meeting=meeting,
        case=case,
        summary="Police shared information late.",
        overall_grade=Grade.REQUIRES_IMPROVEMENT,
        grades={police.pk: (Grade.REQUIRES_IMPROVEMENT, "The strategy meeting was a week late")},
        by=cast.manager,
    )
    moderated = ModeratedGrade.objects.get(request=police)
    assert (moderated.agency_grade, moderated.grade, moderated.changed) == (
        Grade.GOOD,
        Grade.REQUIRES_IMPROVEMENT,
        True,
    )
    assert moderated.reason == "The strategy meeting was a week late"


def test_a_changed_grade_without_a_reason_is_refused_and_nothing_is_written(cast, audit):
    meeting = meeting_of(cast, audit)
    case = audit.cases.get()
    police = case.requests.get(organisation=cast.police)
    with pytest.raises(ValidationError, match="Test Police: enter the reason"):
        services_moderation.case_moderate(
            meeting=meeting,
            case=case,
            summary="x",
            overall_grade=Grade.GOOD,
            grades={police.pk: (Grade.INADEQUATE, " ")},
            by=cast.manager,
        )
    assert not CaseDiscussion.objects.exists() and not ModeratedGrade.objects.exists()


def _case_form(case, **grades):
    return {"summary": "Discussed", "overall_grade": "3", "overall_reason": "", **grades}


def test_the_form_asks_for_the_reason_in_govuk_words_and_writes_nothing(client, cast, audit):
    meeting = meeting_of(cast, audit)
    case = audit.cases.get()
    police = case.requests.get(organisation=cast.police)
    hospital = case.requests.get(organisation=cast.hospital)
    sign_in(client, cast.officer)
    page = client.post(
        reverse("audits:case_moderate", args=[meeting.pk, case.pk]),
        _case_form(case, **{f"grade_{police.pk}": "1", f"grade_{hospital.pk}": "4"}),
    ).content.decode()
    assert "There is a problem" in page
    assert "Enter the reason the moderated grade for Test Police differs from its own grade" in page
    assert not CaseDiscussion.objects.exists()


def test_a_grade_off_the_scale_is_refused_in_govuk_words(client, cast, audit):
    meeting = meeting_of(cast, audit)
    case = audit.cases.get()
    police = case.requests.get(organisation=cast.police)
    hospital = case.requests.get(organisation=cast.hospital)
    sign_in(client, cast.officer)
    page = client.post(
        reverse("audits:case_moderate", args=[meeting.pk, case.pk]),
        _case_form(case, **{f"grade_{police.pk}": "7", f"grade_{hospital.pk}": "4"}),
    ).content.decode()
    assert "Select the moderated grade for Test Police from the list" in page
    assert not ModeratedGrade.objects.exists()


def test_the_meeting_page_shows_both_grades_and_the_reason(client, cast, audit):
    meeting = meeting_of(cast, audit)
    case = audit.cases.get()
    police = case.requests.get(organisation=cast.police)
    hospital = case.requests.get(organisation=cast.hospital)
    sign_in(client, cast.officer)
    client.post(
        reverse("audits:case_moderate", args=[meeting.pk, case.pk]),
        _case_form(
            case,
            **{
                f"grade_{police.pk}": "2",
                f"reason_{police.pk}": "No record the child was seen alone",
                f"grade_{hospital.pk}": "4",
            },
        ),
    )
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "No record the child was seen alone" in page
    assert "Requires improvement" in page and "Good" in page


def test_an_action_agreed_goes_into_the_spine_owned_by_the_agency(cast, audit):
    meeting = meeting_of(cast, audit)
    action = services_moderation.action_agree(
        meeting=meeting,
        what_must_change="Strategy meetings are held within a day",
        description="Police attend every strategy meeting within one working day",
        owner_organisation=cast.police,
        due_date=timezone.localdate(),
        owning_group=audit.owner_group,
        by=cast.manager,
    )
    assert ModerationAction.objects.get().action == action
    finding = Finding.objects.get()
    assert (finding.source, finding.aim) == (audit, Finding.Aim.MUST_IMPROVE)
    assert Recommendation.objects.get().source == audit
    assert Action.objects.get().owner_organisation == cast.police


def test_moderation_is_over_only_once_every_returned_case_is_discussed(cast, audit):
    meeting = meeting_of(cast, audit)
    with pytest.raises(ValidationError, match="Discuss every returned case first"):
        services_moderation.moderation_conclude(audit=audit, by=cast.manager)
    case = audit.cases.get()
    services_moderation.case_moderate(
        meeting=meeting,
        case=case,
        summary="Agreed.",
        overall_grade=Grade.GOOD,
        grades={request.pk: (request.grade, "") for request in case.requests.all()},
        by=cast.manager,
    )
    services_moderation.moderation_conclude(audit=audit, by=cast.manager)
    audit.refresh_from_db()
    assert audit.status == Audit.Status.REPORT


def test_cases_are_moderated_only_while_the_audit_is_being_moderated(client, cast, audit):
    meeting = meeting_of(cast, audit)
    at_stage(audit, Audit.Status.REPORT)
    sign_in(client, cast.officer)
    case = audit.cases.get()
    response = client.post(
        reverse("audits:case_moderate", args=[meeting.pk, case.pk]), _case_form(case)
    )
    assert response.status_code == 302
    assert not CaseDiscussion.objects.exists()


def test_the_meeting_page_reads_the_same_number_of_queries_whatever_the_cases(client, cast, audit):
    meeting = meeting_of(cast, audit)
    sign_in(client, cast.officer)

    def more():
        for number in range(3):
            case = case_of(audit, f"LA-7{number}")
            for agency in (cast.police, cast.hospital, cast.council):
                returned(request_to(case, agency), Grade.GOOD)

    assert_queries_do_not_grow(lambda: client.get(meeting.get_absolute_url()), more)

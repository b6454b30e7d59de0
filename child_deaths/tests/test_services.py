"""Writes of child death review, each with its audit row."""

from datetime import date

import pytest
import time_machine

from child_deaths import services
from child_deaths.models import ChildDeath, ChildIdentity, RapidReviewReferral
from child_deaths.tests.factories import (
    ChildDeathFactory,
    ReportingRequestFactory,
    reporting_form,
)
from core.models import AuditEvent, Deadline

IDENTITY = {
    "forenames": "Testchild",
    "surname": "Example",
    "date_of_birth": date(2024, 1, 10),
    "address": "1 Example Street",
    "postcode": "TS1 1AA",
    "nhs_number": "",
    "nhs_number_status": ChildIdentity.NhsNumberStatus.NOT_AVAILABLE,
}


def _details(**changes):
    return {
        "date_of_death": date(2026, 3, 1),
        "place_of_death": ChildDeath.Place.HOME,
        "expected": ChildDeath.Expected.UNEXPECTED,
        "sex": ChildDeath.Sex.MALE,
        "ethnicity": ChildDeath.Ethnicity.NOT_STATED,
        "circumstances": "Found unresponsive (fictional).",
        "professionals_involved": "Health visitor",
        "sudden_no_apparent_cause": True,
        **changes,
    }


def _notify(cast, area=None, **details):
    return services.death_notify(
        area=area or cast.redcar,
        identity=IDENTITY,
        details=_details(**details),
        kind_of_death="child",
        by=cast.practitioner,
    )


def test_a_notified_death_belongs_to_the_partnership_of_the_area_of_residence(cast):
    death = _notify(cast)
    assert death.partnership == cast.partnership
    assert death.reference == "TTSCP-CD-2026-001"
    assert death.pseudonym == "Child A"
    assert death.age_band == "1 to 4 years"
    assert AuditEvent.objects.filter(
        subject_id=str(death.pk), event=AuditEvent.Event.CREATED
    ).exists()


def test_references_and_pseudonyms_follow_on_within_the_year(cast):
    _notify(cast)
    second = _notify(cast)
    assert (second.reference, second.pseudonym) == ("TTSCP-CD-2026-002", "Child B")


def test_a_death_meeting_a_trigger_needs_a_joint_agency_response(cast):
    death = _notify(cast)
    assert death.jar_status == ChildDeath.JarStatus.NEEDED
    assert death.jar_triggers == [
        "Sudden, with no immediately apparent cause (including SUDI and SUDC)"
    ]


def test_an_expected_death_with_no_trigger_needs_no_joint_agency_response(cast):
    death = _notify(cast, expected=ChildDeath.Expected.EXPECTED, sudden_no_apparent_cause=False)
    assert death.jar_status == ChildDeath.JarStatus.NOT_NEEDED


def test_a_stillbirth_is_refused_and_nothing_is_written(cast):
    with pytest.raises(
        services.NotificationRefused,
        match="Stillbirths with a healthcare professional present are not reviewed",
    ):
        services.death_notify(
            area=cast.redcar,
            identity=IDENTITY,
            details=_details(),
            kind_of_death="stillbirth",
            by=cast.practitioner,
        )
    assert not ChildDeath.objects.exists()


def test_the_death_of_an_adult_is_refused(cast):
    with pytest.raises(services.NotificationRefused, match="18th birthday"):
        services.death_notify(
            area=cast.redcar,
            identity={**IDENTITY, "date_of_birth": date(2000, 1, 1)},
            details=_details(),
            kind_of_death="child",
            by=cast.practitioner,
        )


@time_machine.travel(date(2026, 3, 2))
def test_a_reporting_request_sets_a_deadline_the_agency_contributors_watch(cast):
    death = ChildDeathFactory(area=cast.middlesbrough)
    request = services.reporting_request_send(
        death=death,
        organisation=cast.hospital,
        professional="",
        form=reporting_form(),
        due_date=date(2026, 3, 30),
        by=cast.officer,
    )
    deadline = Deadline.objects.get(subject_id=request.pk)
    assert list(deadline.watchers.all()) == [cast.contributor]
    assert deadline.due_date == date(2026, 3, 30)
    death.refresh_from_db()
    assert death.status == ChildDeath.Status.GATHERING


def test_a_return_completes_the_deadline_and_keeps_the_answers(cast):
    request = ReportingRequestFactory(
        child_death=ChildDeathFactory(area=cast.middlesbrough), organisation=cast.hospital
    )
    services.reporting_request_return(
        request=request, answers={"involvement": "Fictional involvement"}, by=cast.contributor
    )
    request.refresh_from_db()
    assert request.is_returned
    assert request.answered_questions()[0] == (
        "Your agency's involvement with the child and family",
        "Fictional involvement",
    )


def test_a_return_on_an_older_form_version_keeps_that_version_questions(cast):
    old = reporting_form(version=1)
    request = ReportingRequestFactory(
        child_death=ChildDeathFactory(area=cast.middlesbrough), organisation=cast.hospital, form=old
    )
    services.reporting_request_return(request=request, answers={}, by=cast.contributor)
    labels = [question for question, _ in request.answered_questions()]
    assert "Was bereavement support offered?" not in labels


def test_an_analysis_with_abuse_or_neglect_suspected_refers_for_rapid_review(cast):
    from child_deaths.models import Analysis

    death = ChildDeathFactory(area=cast.middlesbrough)
    services.analysis_record(
        death=death,
        panel_meeting=None,
        values={
            "category": Analysis.Category.DELIBERATELY_INFLICTED,
            "child_grade": 1,
            "family_grade": 2,
            "environment_grade": 1,
            "service_grade": 2,
            "modifiable": Analysis.Modifiable.IDENTIFIED,
            "abuse_or_neglect_suspected": True,
            "learning": "Fictional learning",
        },
        by=cast.cdop_member,
    )
    death.refresh_from_db()
    assert death.status == ChildDeath.Status.REVIEWED
    referral = RapidReviewReferral.objects.get(child_death=death)
    assert referral.referred_by == cast.cdop_member
    assert referral.learning_referral.origin == death
    assert referral.learning_referral.partnership == cast.partnership


def test_the_analysis_learning_and_recommendation_go_into_the_learning_spine(cast):
    from child_deaths.models import Analysis
    from learning.models import Finding, Recommendation
    from partnership.tests.factories import GroupFactory

    death = ChildDeathFactory(area=cast.middlesbrough)
    group = GroupFactory(partnership=cast.partnership)
    services.analysis_record(
        death=death,
        panel_meeting=None,
        values={
            "category": Analysis.Category.SUDDEN_UNEXPLAINED,
            "child_grade": 1,
            "family_grade": 2,
            "environment_grade": 1,
            "service_grade": 1,
            "modifiable": Analysis.Modifiable.IDENTIFIED,
            "learning": "Safer sleep advice was not repeated (fictional)",
        },
        recommendation="Repeat safer sleep advice at every contact",
        owning_group=group,
        by=cast.cdop_member,
    )
    finding = Finding.objects.get()
    assert finding.source == death
    assert finding.description == "Safer sleep advice was not repeated (fictional)"
    recommendation = Recommendation.objects.get()
    assert (recommendation.source, recommendation.owning_group) == (death, group)
    assert list(recommendation.findings.all()) == [finding]


def test_a_notified_death_has_a_dissemination_plan_from_day_one(cast):
    from learning.models import DisseminationPlan

    death = _notify(cast)
    assert DisseminationPlan.objects.get().source == death


def test_viewing_identifying_details_is_audited(cast):
    death = ChildDeathFactory(area=cast.middlesbrough)
    services.identity_viewed(death=death, by=cast.cdop_member)
    event = AuditEvent.objects.get(event=AuditEvent.Event.VIEWED_IDENTIFYING_DETAILS)
    assert (event.actor, event.subject_id) == (cast.cdop_member, str(death.pk))


def test_a_second_analysis_of_the_same_death_is_refused(cast):
    from child_deaths.tests.factories import AnalysisFactory

    analysis = AnalysisFactory(child_death__area=cast.middlesbrough)
    with pytest.raises(services.AlreadyAnalysed):
        services.analysis_record(
            death=analysis.child_death, panel_meeting=None, values={}, by=cast.cdop_member
        )


@pytest.mark.django_db
def test_a_childs_identifying_details_are_what_publication_checks_against(cast):
    from learning.publication import find_identifying_details

    death = ChildDeathFactory(area=cast.middlesbrough)
    identity = death.identity
    text = f"We learnt from the review of {identity.forenames}'s care at {identity.postcode}."
    kinds = {hit.kind for hit in find_identifying_details(text, death.learning_subjects)}
    assert kinds >= {"name", "postcode"}


def test_seeding_the_national_reporting_forms_restores_them_once_and_keeps_their_answers(cast):
    from child_deaths.models import ReportingForm

    returned = ReportingRequestFactory(
        child_death=ChildDeathFactory(area=cast.middlesbrough), organisation=cast.hospital
    )
    kept = set(ReportingForm.objects.values_list("pk", flat=True))
    ReportingForm.objects.exclude(pk=returned.form_id).delete()

    restored = services.reporting_forms_seed()

    assert returned.form_id not in {form.pk for form in restored}
    assert ReportingForm.objects.count() == len(kept)
    assert services.reporting_forms_seed() == []

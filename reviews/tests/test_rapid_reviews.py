"""Serious incident notifications and rapid reviews: statutory deadlines, children, the decision."""

from datetime import date

import pytest
import time_machine

from core.models import AuditEvent, Deadline
from reviews import services
from reviews.models import NotifiedChild, RapidReview
from reviews.tests.factories import REGULATION_11_ANSWERED, notification_for

pytestmark = pytest.mark.django_db


def test_a_notification_computes_its_statutory_deadlines_in_working_days(cast):
    notification = notification_for(cast, aware=date(2026, 3, 2))
    assert notification.notify_panel_by == date(2026, 3, 9)
    assert notification.rapid_review_by == date(2026, 3, 23)


def test_a_notification_opens_its_rapid_review(cast):
    notification = notification_for(cast)
    assert notification.rapid_review.status == RapidReview.Status.GATHERING


def test_statutory_deadlines_appear_for_the_officer_and_the_partner_leads(cast):
    notification_for(cast)
    deadlines = Deadline.objects.filter(is_statutory=True)
    assert {deadline.title for deadline in deadlines.for_person(cast.officer)} == {
        services.NOTIFY_PANEL,
        services.COMPLETE_RAPID_REVIEW,
    }
    assert deadlines.for_person(cast.partner_lead).count() == 2


def test_recording_the_notification_date_restarts_the_rapid_review_clock(cast):
    notification = notification_for(cast, aware=date(2026, 3, 2))
    services.notification_record_notified(
        notification=notification, notified_date=date(2026, 3, 4), by=cast.officer
    )
    assert notification.rapid_review_by == date(2026, 3, 25)
    assert Deadline.objects.get(title=services.COMPLETE_RAPID_REVIEW).due_date == date(2026, 3, 25)
    assert Deadline.objects.get(title=services.NOTIFY_PANEL).completed_at is not None


def test_the_panel_cannot_be_notified_before_the_authority_was_aware(cast):
    notification = notification_for(cast, aware=date(2026, 3, 2))
    with pytest.raises(services.RefusedError):
        services.notification_record_notified(
            notification=notification, notified_date=date(2026, 3, 1), by=cast.officer
        )


def _child(notification, cast, outcome, pseudonym="Child R"):
    return services.notified_child_add(
        notification=notification,
        pseudonym=pseudonym,
        outcome=outcome,
        age=4,
        full_name="Test Child",
        by=cast.officer,
    )


def test_siblings_seriously_harmed_may_share_a_notification(cast):
    notification = notification_for(cast)
    _child(notification, cast, NotifiedChild.Outcome.SERIOUSLY_HARMED)
    _child(notification, cast, NotifiedChild.Outcome.SERIOUSLY_HARMED, "Child S")
    assert notification.children.count() == 2


def test_a_child_who_died_needs_a_notification_of_their_own(cast):
    notification = notification_for(cast)
    _child(notification, cast, NotifiedChild.Outcome.SERIOUSLY_HARMED)
    with pytest.raises(services.RefusedError, match="notification of their own"):
        _child(notification, cast, NotifiedChild.Outcome.DIED, "Child S")


def test_the_audit_trail_holds_the_pseudonym_not_the_name(cast):
    notification = notification_for(cast)
    _child(notification, cast, NotifiedChild.Outcome.DIED)
    assert not AuditEvent.objects.filter(details__icontains="Test Child").exists()


def test_viewing_identifying_details_writes_an_audit_row(client, cast):
    from django.urls import reverse

    from core.testing import sign_in

    notification = notification_for(cast)
    _child(notification, cast, NotifiedChild.Outcome.DIED)
    sign_in(client, cast.partner_lead)
    response = client.get(reverse("reviews:identifying_details", args=[notification.pk]))
    assert "Test Child" in response.content.decode()
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.VIEWED_IDENTIFYING_DETAILS, actor=cast.partner_lead
    ).exists()


def test_the_notification_page_shows_the_pseudonym_only(client, cast):
    from django.urls import reverse

    from core.testing import sign_in

    notification = notification_for(cast)
    _child(notification, cast, NotifiedChild.Outcome.DIED)
    sign_in(client, cast.officer)
    page = client.get(
        reverse("reviews:notification_detail", args=[notification.pk])
    ).content.decode()
    assert "Child R" in page and "Test Child" not in page


def _answer(rapid_review, **answers):
    RapidReview.objects.filter(pk=rapid_review.pk).update(**{**REGULATION_11_ANSWERED, **answers})
    rapid_review.refresh_from_db()
    return rapid_review


def _decide(
    rapid_review, cast, decision, alternative="A multi-agency learning review.", departure=""
):
    return services.rapid_review_decide(
        rapid_review=rapid_review,
        decision=decision,
        national_review_recommended=False,
        rationale="Rationale.",
        learning_identified="",
        alternative_learning=alternative,
        local_policy_departure_reason=departure,
        by=cast.officer,
    )


def test_the_decision_needs_the_answers_about_the_case(cast):
    with pytest.raises(services.RefusedError, match="questions about the case"):
        _decide(notification_for(cast).rapid_review, cast, RapidReview.Decision.LCSPR)


def test_the_decision_needs_every_regulation_11_consideration_answered(cast):
    """SI 2018/789 reg 11: the partners take (a) to (d) into account for every rapid review."""
    rapid_review = _answer(
        notification_for(cast).rapid_review,
        abuse_or_neglect="known",
        seriously_harmed=True,
        interagency_concerns="concerns",
        panel_considered_local_review=None,
    )
    with pytest.raises(services.RefusedError, match="regulation 11"):
        _decide(rapid_review, cast, RapidReview.Decision.LCSPR)


def _custody_death(cast):
    from reviews.models import LocalReviewPolicy

    LocalReviewPolicy.objects.create(
        partnership=cast.partnership, always_review_death_in_custody=True
    )
    return _answer(
        notification_for(cast).rapid_review,
        abuse_or_neglect="not_suspected",
        interagency_concerns="unknown",
        child_died=True,
        death_in_custody="secure_childrens_home",
    )


def test_no_lcspr_against_the_local_policy_needs_the_partners_reason(cast):
    """s16F Children Act 2004, SI 2018/789 reg 11: the partners decide; the local policy is advice."""
    with pytest.raises(services.RefusedError, match="local review policy"):
        _decide(_custody_death(cast), cast, RapidReview.Decision.NO_LCSPR)
    assert not RapidReview.objects.filter(decision__gt="").exists()


def test_no_lcspr_against_the_local_policy_is_recorded_as_a_departure(cast):
    """s16F Children Act 2004, SI 2018/789 reg 11: a lawful decision is never blocked."""
    rapid_review = _decide(
        _custody_death(cast),
        cast,
        RapidReview.Decision.NO_LCSPR,
        departure="The national panel is reviewing deaths in this setting.",
    )
    assert rapid_review.departs_from_local_policy
    assert rapid_review.local_policy_departure_reason.startswith("The national panel")
    event = AuditEvent.objects.get(event=AuditEvent.Event.DECIDED)
    assert event.details["departs_from_local_policy"] is True


def test_an_lcspr_where_the_local_policy_says_always_is_no_departure(cast):
    rapid_review = _decide(_custody_death(cast), cast, RapidReview.Decision.LCSPR)
    assert not rapid_review.departs_from_local_policy


def test_without_a_configured_policy_a_custody_death_needs_no_departure_reason(cast):
    """Local policy is configuration: a partnership without the circumstance listed has none."""
    rapid_review = _answer(
        notification_for(cast).rapid_review,
        abuse_or_neglect="not_suspected",
        interagency_concerns="unknown",
        child_died=True,
        death_in_custody="remand",
    )
    decided = _decide(rapid_review, cast, RapidReview.Decision.NO_LCSPR)
    assert not decided.departs_from_local_policy


def test_no_lcspr_without_definitive_evidence_about_interagency_working_is_the_partners_call(cast):
    """s16F Children Act 2004: the framework's evidence test advises, it does not refuse."""
    rapid_review = _answer(
        notification_for(cast).rapid_review,
        abuse_or_neglect="known",
        seriously_harmed=True,
        interagency_concerns="unknown",
    )
    assert _decide(rapid_review, cast, RapidReview.Decision.NO_LCSPR).decision == "no_lcspr"


def test_local_policy_departures_are_selected_for_the_yearly_report(cast):
    from reviews import selectors

    departed = _decide(
        _custody_death(cast), cast, RapidReview.Decision.NO_LCSPR, departure="Reason."
    )
    today = departed.decided_at.date()
    found = selectors.local_policy_departures(cast.partnership, start=today, end=today)
    assert list(found) == [departed]
    assert not selectors.local_policy_departures(
        cast.other_partnership, start=today, end=today
    ).exists()


def _decided(cast):
    rapid_review = _answer(
        notification_for(cast).rapid_review,
        abuse_or_neglect="known",
        seriously_harmed=True,
        interagency_concerns="concerns",
    )
    return _decide(rapid_review, cast, RapidReview.Decision.LCSPR)


def test_the_decision_is_sent_to_the_panel_only_after_every_partner_lead_signs_off(cast):
    from partnership.models import Role
    from partnership.tests.factories import PersonFactory

    second_lead = PersonFactory(
        partnership=cast.partnership, roles=[Role.PARTNER_LEAD], organisation=cast.council
    )
    rapid_review = _decided(cast)
    services.partner_sign_off(
        rapid_review=rapid_review, by=cast.partner_lead, agrees=True, comment=""
    )
    with pytest.raises(services.RefusedError, match=second_lead.full_name):
        services.rapid_review_send_to_panel(
            rapid_review=rapid_review, sent_on=date(2026, 3, 20), by=cast.officer
        )
    services.partner_sign_off(rapid_review=rapid_review, by=second_lead, agrees=True, comment="")
    services.rapid_review_send_to_panel(
        rapid_review=rapid_review, sent_on=date(2026, 3, 20), by=cast.officer
    )
    assert rapid_review.sent_to_panel_on == date(2026, 3, 20)


def test_only_a_partner_lead_signs_off(cast):
    with pytest.raises(services.RefusedError, match="partner lead"):
        services.partner_sign_off(
            rapid_review=_decided(cast), by=cast.officer, agrees=True, comment=""
        )


def test_a_changed_decision_needs_signing_off_again(cast):
    rapid_review = _decided(cast)
    services.partner_sign_off(
        rapid_review=rapid_review, by=cast.partner_lead, agrees=True, comment=""
    )
    _decide(rapid_review, cast, RapidReview.Decision.LCSPR)
    assert not rapid_review.sign_offs.exists()


@time_machine.travel(date(2026, 3, 10))
def test_an_agency_summary_request_is_on_the_contributors_dashboard(cast):
    rapid_review = notification_for(cast).rapid_review
    request = services.agency_request_send(
        rapid_review=rapid_review,
        organisation=cast.hospital,
        kind="agency_summary",
        due_date=date(2026, 3, 16),
        details="",
        by=cast.officer,
    )
    assert (
        Deadline.objects.open().for_person(cast.contributor).get().link
        == request.get_absolute_url()
    )


@time_machine.travel(date(2026, 3, 10))
def test_a_returned_request_closes_its_deadline(cast):
    rapid_review = notification_for(cast).rapid_review
    request = services.agency_request_send(
        rapid_review=rapid_review,
        organisation=cast.hospital,
        kind="agency_summary",
        due_date=date(2026, 3, 16),
        details="",
        by=cast.officer,
    )
    services.agency_request_return(
        request=request, response="Summary of contact.", by=cast.contributor
    )
    assert not Deadline.objects.open().for_person(cast.contributor).exists()


def test_the_decision_screen_shows_the_criteria_result_and_reasons(client, cast):
    from django.urls import reverse

    from core.testing import sign_in

    rapid_review = _decided(cast)
    sign_in(client, cast.partner_lead)
    page = client.get(
        reverse("reviews:rapid_review_decision", args=[rapid_review.pk])
    ).content.decode()
    assert "an LCSPR is required" in page
    assert "Criterion (b)(ii) is met" in page
    assert "Sign off the decision" in page


def test_the_decision_screen_shows_similar_work_to_those_who_decide(client, cast):
    from django.urls import reverse

    from core.testing import sign_in
    from learning.services_similar import similar_work_reindex
    from learning.tests.factories import FindingFactory

    finding = FindingFactory(
        source__partnership=cast.partnership,
        title="Injuries to babies at home",
        description="A baby was found seriously injured at home; nobody asked about the father.",
    )
    rapid_review = _decided(cast)
    similar_work_reindex()
    sign_in(client, cast.officer)
    page = client.get(
        reverse("reviews:rapid_review_decision", args=[rapid_review.pk])
    ).content.decode()
    assert "Similar work" in page
    assert finding.get_absolute_url() in page


def test_opening_a_review_from_a_rapid_review_shows_similar_work(client, cast):
    from django.urls import reverse

    from core.testing import sign_in
    from learning.services_similar import similar_work_reindex
    from learning.tests.factories import FindingFactory

    finding = FindingFactory(
        source__partnership=cast.partnership,
        title="Serious injury at home",
        description="Child R was found seriously injured at home after a fall.",
    )
    rapid_review = _decided(cast)
    similar_work_reindex()
    sign_in(client, cast.officer)
    page = client.get(
        reverse("reviews:review_create"), {"rapid_review": rapid_review.pk}
    ).content.decode()
    assert finding.get_absolute_url() in page


def test_no_lcspr_needs_an_alternative_learning_activity(cast):
    rapid_review = _answer(
        notification_for(cast).rapid_review,
        abuse_or_neglect="known",
        seriously_harmed=True,
        interagency_concerns="no_concerns_definitive",
    )
    with pytest.raises(services.RefusedError, match="alternative learning"):
        _decide(rapid_review, cast, RapidReview.Decision.NO_LCSPR, alternative="")


def _decision_url(rapid_review):
    from django.urls import reverse

    return reverse("reviews:rapid_review_decision", args=[rapid_review.pk])


def test_the_decision_page_shows_the_statutory_considerations_and_the_local_policy(client, cast):
    """SI 2018/789 reg 11 and the local review policy are shown separately."""
    from core.testing import sign_in

    rapid_review = _custody_death(cast)
    sign_in(client, cast.officer)
    page = client.get(_decision_url(rapid_review)).content.decode()
    assert "Statutory considerations" in page
    assert "<strong>Yes:</strong> (a) improvements needed" in page
    assert "Local review policy" in page
    assert "A child dies in custody" in page
    assert "Why the partners depart from the local review policy" in page


def test_a_departure_without_a_reason_is_answered_in_govuk_words_and_writes_nothing(client, cast):
    from core.testing import sign_in

    rapid_review = _custody_death(cast)
    sign_in(client, cast.officer)
    response = client.post(
        _decision_url(rapid_review),
        {"decision": "no_lcspr", "rationale": "R.", "alternative_learning": "An audit."},
    )
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Enter why the partners decide against an LCSPR" in page
    rapid_review.refresh_from_db()
    assert rapid_review.decision == ""


def test_a_crafted_decision_value_is_refused_and_writes_nothing(client, cast):
    from core.testing import sign_in

    rapid_review = _custody_death(cast)
    sign_in(client, cast.officer)
    page = client.post(
        _decision_url(rapid_review), {"decision": "national_review", "rationale": "R."}
    ).content.decode()
    assert "Select the partners&#x27; decision" in page
    rapid_review.refresh_from_db()
    assert rapid_review.decision == ""
    assert not AuditEvent.objects.filter(event=AuditEvent.Event.DECIDED).exists()


def test_a_recorded_departure_is_shown_on_the_decision_page(client, cast):
    from core.testing import sign_in

    _decide(
        _custody_death(cast),
        cast,
        RapidReview.Decision.NO_LCSPR,
        departure="The national panel is reviewing deaths in this setting.",
    )
    sign_in(client, cast.partner_lead)
    page = client.get(_decision_url(RapidReview.objects.get())).content.decode()
    assert "Departure from local policy" in page
    assert "The national panel is reviewing deaths in this setting." in page


def test_the_business_unit_manager_configures_the_local_review_policy(client, cast):
    """Local policy is configuration the partnership edits, with its audit row."""
    from django.urls import reverse

    from core.testing import sign_in
    from reviews.models import LocalReviewPolicy

    sign_in(client, cast.manager)
    response = client.post(
        reverse("reviews:local_review_policy"), {"always_review_death_in_custody": "on"}
    )
    assert response.status_code == 302
    policy = LocalReviewPolicy.objects.get(partnership=cast.partnership)
    assert policy.always_review == {"death_in_custody"}
    assert AuditEvent.objects.filter(event=AuditEvent.Event.CHANGED, actor=cast.manager).exists()
    page = client.get(reverse("reviews:local_review_policy")).content.decode()
    assert "A child dies in custody" in page


def test_an_officer_cannot_change_the_local_review_policy(client, cast):
    from django.urls import reverse

    from core.testing import sign_in
    from reviews.models import LocalReviewPolicy

    sign_in(client, cast.officer)
    response = client.post(
        reverse("reviews:local_review_policy"), {"always_review_death_in_custody": "on"}
    )
    assert response.status_code == 403
    assert not LocalReviewPolicy.objects.exists()

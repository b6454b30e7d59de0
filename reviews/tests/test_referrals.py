"""Learning referrals: any practitioner refers a case for learning; the business unit triages it."""

import pytest

from core.models import AuditEvent
from reviews import services
from reviews.models import LearningReferral

pytestmark = pytest.mark.django_db


def _submit(cast, **overrides):
    values = {
        "partnership": cast.partnership,
        "referred_by": cast.practitioner,
        "title": "Child R: missed health appointments",
        "what_happened": "Three missed appointments, not followed up.",
        "agencies_involved": "School nursing; children's services",
        "why_learning": "Information was not shared.",
        "child_voice": "Child R said they were worried.",
    }
    return services.learning_referral_submit(**{**values, **overrides})


def test_a_submitted_referral_awaits_triage_with_a_partnership_reference(cast):
    referral = _submit(cast)
    assert referral.status == LearningReferral.Status.AWAITING_TRIAGE
    assert referral.reference.startswith("TTSCP-LR-")


def test_referral_references_count_up_within_the_partnership(cast):
    first, second = _submit(cast), _submit(cast)
    assert int(second.reference[-3:]) == int(first.reference[-3:]) + 1


def test_submitting_a_referral_writes_an_audit_row(cast):
    referral = _submit(cast)
    row = AuditEvent.objects.get(subject_id=str(referral.pk), event=AuditEvent.Event.CREATED)
    assert row.actor == cast.practitioner


def test_a_referral_remembers_the_record_that_caused_it(cast):
    referral = _submit(cast, origin=cast.council)
    assert referral.origin == cast.council


def test_the_referrer_sees_their_own_referral_but_other_practitioners_do_not(cast):
    referral = _submit(cast, referred_by=cast.group_member)
    assert referral in LearningReferral.objects.visible_to(cast.group_member)
    assert referral not in LearningReferral.objects.visible_to(cast.practitioner)
    assert referral in LearningReferral.objects.visible_to(cast.officer)
    assert referral not in LearningReferral.objects.visible_to(cast.outsider)


def test_triage_to_no_further_action_needs_a_reason(cast):
    referral = _submit(cast)
    with pytest.raises(services.RefusedError, match="reason"):
        services.learning_referral_triage(
            referral=referral,
            outcome=LearningReferral.Outcome.NO_FURTHER_ACTION,
            reason=" ",
            by=cast.officer,
        )


def test_the_referrer_is_told_the_triage_outcome_and_reason(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    referral = _submit(cast)
    with django_capture_on_commit_callbacks(execute=True):
        services.learning_referral_triage(
            referral=referral,
            outcome=LearningReferral.Outcome.NO_FURTHER_ACTION,
            reason="Already covered by the neglect audit.",
            by=cast.officer,
        )
    assert mailoutbox[0].to == [cast.practitioner.email]
    assert "Already covered by the neglect audit." in mailoutbox[0].body


def test_a_referral_is_triaged_only_once(cast):
    referral = _submit(cast)
    services.learning_referral_triage(
        referral=referral, outcome=LearningReferral.Outcome.AUDIT, reason="", by=cast.officer
    )
    with pytest.raises(services.RefusedError, match="already"):
        services.learning_referral_triage(
            referral=referral, outcome=LearningReferral.Outcome.AUDIT, reason="", by=cast.officer
        )


def test_a_practitioner_refers_a_case_through_the_form(client, cast):
    from django.urls import reverse

    from core.testing import sign_in

    sign_in(client, cast.practitioner)
    response = client.post(
        reverse("reviews:referral_create"),
        {
            "title": "Child R",
            "what_happened": "Missed appointments.",
            "agencies_involved": "Health",
            "why_learning": "No follow-up.",
            "child_voice": "",
        },
    )
    referral = LearningReferral.objects.get()
    assert response.status_code == 302
    assert referral.referred_by == cast.practitioner


def test_a_referral_form_with_missing_answers_shows_the_error_summary(client, cast):
    from django.urls import reverse

    from core.testing import sign_in

    sign_in(client, cast.practitioner)
    response = client.post(reverse("reviews:referral_create"), {"title": "Child R"})
    assert "There is a problem" in response.content.decode()
    assert not LearningReferral.objects.exists()


def test_triage_shows_similar_work_from_the_learning_spine(client, cast):
    from django.urls import reverse

    from core.testing import sign_in
    from learning.models import Finding
    from learning.services import finding_record
    from learning.services_similar import similar_work_reindex
    from reviews.tests.factories import lcspr_for

    finding_record(
        source=lcspr_for(cast),
        title="Missed health appointments were not followed up",
        description="No agency followed up missed appointments.",
        aim=Finding.Aim.MUST_IMPROVE,
        themes=[],
        by=cast.officer,
    )
    referral = _submit(cast)
    similar_work_reindex()
    sign_in(client, cast.officer)
    page = client.get(reverse("reviews:referral_detail", args=[referral.pk])).content.decode()
    assert "Missed health appointments were not followed up" in page
    assert referral.title not in page.split("Similar work")[1]


def test_the_business_unit_triages_through_the_referral_page(client, cast):
    from django.urls import reverse

    from core.testing import sign_in

    referral = _submit(cast)
    sign_in(client, cast.officer)
    response = client.post(
        reverse("reviews:referral_triage", args=[referral.pk]),
        {"outcome": LearningReferral.Outcome.AUDIT, "reason": "Fits the neglect audit."},
        follow=True,
    )
    referral.refresh_from_db()
    assert referral.outcome == LearningReferral.Outcome.AUDIT
    assert "Referral triaged: Multi-agency audit programme" in response.content.decode()


def test_triage_without_a_reason_for_no_further_action_shows_the_error_summary(client, cast):
    from django.urls import reverse

    from core.testing import sign_in

    referral = _submit(cast)
    sign_in(client, cast.officer)
    response = client.post(
        reverse("reviews:referral_triage", args=[referral.pk]), {"outcome": "no_further_action"}
    )
    page = response.content.decode()
    assert "There is a problem" in page and "Enter the reason for no further action" in page


def test_referrals_awaiting_triage_are_on_the_business_units_dashboard(client, cast):
    from django.urls import reverse

    from core.testing import sign_in

    _submit(cast, title="Child Q: missed appointments")
    sign_in(client, cast.officer)
    assert "Child Q: missed appointments" in client.get(reverse("core:dashboard")).content.decode()
    client.logout()
    sign_in(client, cast.practitioner)
    assert "awaiting triage" not in client.get(reverse("core:dashboard")).content.decode()

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

"""The Quality and Performance group's scrutiny and its outcomes."""

import pytest
from django.urls import reverse

from core.models import AuditEvent
from core.testing import sign_in
from learning.models import DisseminationPlan, Finding
from performance.models import AuditProposal, Scrutiny
from performance.periods import Quarter
from performance.tests.factories import ObservationFactory

pytestmark = pytest.mark.django_db
Q = Quarter(2025, 1)


def _form(cast, indicator, **changes):
    data = {
        "quarter": str(Q),
        "indicator": indicator.pk,
        "area": cast.middlesbrough.pk,
        "question": "Why have re-referrals risen for three quarters?",
        "asked_of": cast.council.pk,
        "answer": "A change of threshold at the front door.",
        "outcome": "no_action",
    }
    return {**data, **changes}


@pytest.fixture
def indicator(catalogue):
    ObservationFactory(indicator=catalogue["count"], period=Q.index)
    return catalogue["count"]


def test_scrutiny_with_no_further_action_is_recorded_with_its_audit_row(client, cast, indicator):
    sign_in(client, cast.officer)
    response = client.post(reverse("performance:scrutiny_create"), _form(cast, indicator))
    scrutiny = Scrutiny.objects.get()
    assert response.url == scrutiny.get_absolute_url()
    assert (scrutiny.period, scrutiny.indicator, scrutiny.outcome) == (
        Q.index,
        indicator,
        "no_action",
    )
    assert AuditEvent.objects.filter(subject_id=str(scrutiny.pk), actor=cast.officer).exists()


def test_an_audit_proposal_becomes_a_tracked_record(client, cast, indicator):
    sign_in(client, cast.officer)
    client.post(
        reverse("performance:scrutiny_create"),
        _form(
            cast,
            indicator,
            outcome="audit",
            audit_title="Front door thresholds",
            audit_focus="Re-referrals",
        ),
    )
    proposal = AuditProposal.objects.get()
    assert (proposal.title, proposal.status, proposal.partnership) == (
        "Front door thresholds",
        AuditProposal.Status.PROPOSED,
        cast.partnership,
    )


def test_an_audit_proposal_needs_its_title_and_focus(client, cast, indicator):
    sign_in(client, cast.officer)
    response = client.post(
        reverse("performance:scrutiny_create"), _form(cast, indicator, outcome="audit")
    )
    assert response.context["form"].errors == {
        "audit_title": ["Enter proposed audit"],
        "audit_focus": ["Enter what the audit should look at, and why"],
    }
    assert not Scrutiny.objects.exists()


def test_a_finding_needs_its_title_description_and_aim(client, cast, indicator):
    sign_in(client, cast.officer)
    response = client.post(
        reverse("performance:scrutiny_create"), _form(cast, indicator, outcome="finding")
    )
    assert set(response.context["form"].errors) == {
        "finding_title",
        "finding_description",
        "finding_aim",
    }


def test_a_finding_goes_into_the_learning_spine(client, cast, indicator):
    sign_in(client, cast.officer)
    client.post(
        reverse("performance:scrutiny_create"),
        _form(
            cast,
            indicator,
            outcome="finding",
            finding_title="Step-down plans end too early",
            finding_description="Families return within months.",
            finding_aim="must_improve",
        ),
    )
    finding = Finding.objects.get()
    assert (finding.title, finding.aim, finding.partnership) == (
        "Step-down plans end too early",
        Finding.Aim.MUST_IMPROVE,
        cast.partnership,
    )
    assert finding.source == Scrutiny.objects.get()
    assert DisseminationPlan.objects.filter(partnership=cast.partnership).exists()


def test_someone_from_another_partnership_cannot_see_a_scrutiny(client, cast, indicator):
    scrutiny = Scrutiny.objects.create(
        partnership=cast.partnership,
        period=Q.index,
        question="?",
        asked_of=cast.council,
        outcome="no_action",
        recorded_by=cast.manager,
    )
    sign_in(client, cast.outsider)
    assert client.get(scrutiny.get_absolute_url()).status_code == 404


def test_planning_an_audit_shows_similar_work_already_done(client, cast, indicator):
    from learning.services_similar import similar_work_reindex
    from learning.tests.factories import FindingFactory

    finding = FindingFactory(
        source__partnership=cast.partnership,
        title="Front door thresholds were applied unevenly",
        description="Re-referrals rose where thresholds were applied unevenly.",
    )
    sign_in(client, cast.officer)
    client.post(
        reverse("performance:scrutiny_create"),
        _form(
            cast,
            indicator,
            outcome="audit",
            audit_title="Front door thresholds",
            audit_focus="Re-referrals after thresholds changed",
        ),
    )
    similar_work_reindex()
    page = client.get(Scrutiny.objects.get().get_absolute_url()).content.decode()
    assert "Similar work" in page
    assert finding.get_absolute_url() in page

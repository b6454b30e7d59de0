"""Planning audits in the programme: what prompted them, the tool version they keep, their stages."""

import pytest
from django.urls import reverse

from audits.models import Audit, AuditTool
from audits.tests.factories import ProgrammeFactory, audit_for
from core.testing import sign_in
from partnership.tests.factories import GroupFactory
from performance import services as performance
from performance.models import AuditProposal

pytestmark = pytest.mark.django_db


def proposal_for(cast) -> AuditProposal:
    scrutiny = performance.scrutiny_record(
        partnership=cast.partnership,
        period=8100,
        indicator=None,
        area=None,
        question="Why are fewer babies seen alone?",
        asked_of=cast.council,
        answer="Visits happen with parents present.",
        outcome="audit",
        by=cast.officer,
        audit_proposal={
            "title": "Audit of pre-birth assessments",
            "focus": "Whether pre-birth assessments start early enough in pregnancy.",
        },
    )
    return scrutiny.audit_proposal


def plan_post(cast, group, **changes) -> dict:
    tool = AuditTool.objects.get(partnership=cast.partnership, is_standard=True)
    return {
        "tool": tool.pk,
        "title": "Pre-birth assessments",
        "quarter": "2",
        "theme": "",
        "practice_focus": "Unborn babies on child protection plans.",
        "scope": "Cases with interventions in the last 12 months.",
        "owner_group": group.pk,
        "rationale": "Scrutiny found assessments start late.",
        "prompt": "other",
        "audit_proposal": "",
        "prompting_recommendation": "",
        "prompting_finding": "",
        **changes,
    }


@pytest.fixture
def programme(cast):
    return ProgrammeFactory(created_by=cast.manager)


@pytest.fixture
def group(cast):
    return GroupFactory(partnership=cast.partnership, name="Test Quality Assurance Sub-group")


def test_an_audit_planned_from_a_proposal_takes_the_proposal_up(client, cast, programme, group):
    proposal = proposal_for(cast)
    sign_in(client, cast.officer)
    page = client.get(
        reverse("audits:audit_create", args=[programme.pk]), {"proposal": proposal.pk}
    ).content.decode()
    assert "Audit of pre-birth assessments" in page
    response = client.post(
        reverse("audits:audit_create", args=[programme.pk]),
        plan_post(cast, group, prompt="audit_proposal", audit_proposal=proposal.pk),
    )
    planned = Audit.objects.get()
    assert response.status_code == 302
    assert planned.audit_proposal == proposal
    assert planned.learning_reference == "TTSCP-AU-001"
    proposal.refresh_from_db()
    assert proposal.status == AuditProposal.Status.ACCEPTED


def test_an_audit_said_to_come_from_a_proposal_must_name_it(client, cast, programme, group):
    sign_in(client, cast.officer)
    client.get(reverse("audits:audit_create", args=[programme.pk]))
    response = client.post(
        reverse("audits:audit_create", args=[programme.pk]),
        plan_post(cast, group, prompt="audit_proposal"),
    )
    assert "Select the audit proposal that prompted the audit" in response.content.decode()
    assert not Audit.objects.exists()


def test_another_partnerships_proposal_is_not_offered(client, cast, programme, group):
    elsewhere = proposal_for(cast)
    AuditProposal.objects.filter(pk=elsewhere.pk).update(partnership=cast.other_partnership)
    sign_in(client, cast.officer)
    client.get(reverse("audits:audit_create", args=[programme.pk]))
    response = client.post(
        reverse("audits:audit_create", args=[programme.pk]),
        plan_post(cast, group, prompt="audit_proposal", audit_proposal=elsewhere.pk),
    )
    assert "Select an audit proposal from the list" in response.content.decode()
    assert not Audit.objects.exists()


def test_the_programme_shows_the_audit_in_its_quarter(client, cast):
    planned = audit_for(cast, quarter=3)
    sign_in(client, cast.partner_lead)
    page = client.get(planned.programme.get_absolute_url()).content.decode()
    assert page.index("Quarter 3") < page.index("Neglect of babies under one")


def test_a_planned_audit_shows_similar_work(client, cast):
    planned = audit_for(cast)
    sign_in(client, cast.officer)
    assert "Similar work" in client.get(planned.get_absolute_url()).content.decode()


def test_the_business_unit_moves_the_audit_to_its_next_stage(client, cast):
    planned = audit_for(cast)
    sign_in(client, cast.officer)
    client.post(reverse("audits:audit_move_on", args=[planned.pk]), {"version": planned.version})
    planned.refresh_from_db()
    assert planned.status == Audit.Status.CASE_SELECTION


def test_a_stale_page_does_not_move_the_audit(client, cast):
    planned = audit_for(cast)
    sign_in(client, cast.officer)
    response = client.post(
        reverse("audits:audit_move_on", args=[planned.pk]),
        {"version": planned.version + 5},
        follow=True,
    )
    planned.refresh_from_db()
    assert planned.status == Audit.Status.PLANNED
    assert "Someone else changed this record" in response.content.decode()


def test_the_business_unit_changes_the_plan(client, cast, group):
    planned = audit_for(cast)
    sign_in(client, cast.officer)
    assert client.get(reverse("audits:audit_edit", args=[planned.pk])).status_code == 200
    data = plan_post(cast, group, title="Neglect of babies and toddlers", version=planned.version)
    del data["tool"]
    response = client.post(reverse("audits:audit_edit", args=[planned.pk]), data)
    assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.title == "Neglect of babies and toddlers"
    assert planned.tool_version.tool.is_standard

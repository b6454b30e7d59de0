"""The spine contract other sources call: findings, recommendations, actions, dissemination, publication."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from core.models import AuditEvent, Deadline
from learning import selectors, services, services_publication
from learning.models import Action, DisseminationChannel, Finding, Publication, Theme
from learning.publication import Subjects
from learning.tests.factories import (
    ActionFactory,
    FindingFactory,
    OtherSourceFactory,
    ThemeFactory,
)
from partnership.models import Membership
from partnership.tests.factories import GroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(cast):
    return OtherSourceFactory(partnership=cast.partnership)


def test_a_finding_is_recorded_against_any_source_with_its_themes_and_an_audit_row(cast, source):
    neglect = ThemeFactory(partnership=cast.partnership, name="Neglect")
    finding = services.finding_record(
        source=source,
        title="Neglect was not recognised",
        description="Home conditions were accepted over two years.",
        aim=Finding.Aim.MUST_IMPROVE,
        themes=[neglect],
        voice_of_the_child="Child R said there was no food.",
        by=cast.officer,
    )
    assert finding.source == source
    assert finding.partnership == cast.partnership
    assert list(finding.themes.all()) == [neglect]
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.CREATED, subject_id=str(finding.pk)
    ).exists()


def test_a_finding_refuses_themes_of_another_partnership(cast, source):
    elsewhere = ThemeFactory(partnership=cast.other_partnership)
    with pytest.raises(ValidationError):
        services.finding_record(
            source=source,
            title="x",
            description="y",
            aim="must_improve",
            themes=[elsewhere],
            by=cast.officer,
        )


def test_a_recommendation_links_findings_and_an_owning_group(cast, source):
    finding = FindingFactory(source=source)
    group = GroupFactory(partnership=cast.partnership)
    recommendation = services.recommendation_record(
        source=source,
        findings=[finding],
        text="Share information",
        owning_group=group,
        by=cast.officer,
    )
    assert list(recommendation.findings.all()) == [finding]
    assert recommendation.source == source


def test_an_action_sets_a_deadline_escalated_to_the_owning_group_chair(cast, source):
    group = GroupFactory(partnership=cast.partnership)
    Membership.objects.create(group=group, person=cast.partner_lead, role=Membership.Role.CHAIR)
    recommendation = services.recommendation_record(
        source=source, findings=[], text="Share information", owning_group=group, by=cast.officer
    )
    action = services.action_create(
        recommendation=recommendation,
        description="Update the procedure",
        owner_organisation=cast.hospital,
        owner_person=cast.contributor,
        due_date=date(2026, 12, 1),
        by=cast.officer,
    )
    deadline = Deadline.objects.get(subject_id=action.pk, title=services.ACTION_DEADLINE)
    assert deadline.responsible == cast.contributor
    assert deadline.escalate_to == cast.partner_lead
    assert deadline.due_date == date(2026, 12, 1)


@time_machine.travel("2026-11-26 12:00 +0000")
def test_overdue_is_derived_from_the_due_date_never_stored():
    action = ActionFactory(due_date=date(2026, 11, 25), status=Action.Status.ON_TRACK)
    assert action.display_status() == "Overdue"
    assert action.status == Action.Status.ON_TRACK
    assert ActionFactory(due_date=date(2026, 11, 26)).display_status() == "Not started"


def test_closing_an_action_needs_evidence_signed_off_by_the_owning_group(cast):
    action = ActionFactory(
        partnership=cast.partnership, recommendation__source__partnership=cast.partnership
    )
    evidence = services.action_close(
        action=action,
        what_changed="Transfer-in checks now happen within five days",
        method="re_audit",
        how_known="Re-audit of 20 cases in March",
        by=cast.officer,
    )
    action.refresh_from_db()
    assert action.status == Action.Status.CLOSED and action.closed_at
    assert evidence.signed_off_by_group == action.recommendation.owning_group
    assert action.display_status() == "Closed"


def test_a_closed_action_cannot_be_updated_or_closed_again(cast):
    action = ActionFactory()
    services.action_close(
        action=action,
        what_changed="x",
        method="other",
        how_known="y",
        by=cast.officer,
    )
    with pytest.raises(ValidationError):
        services.action_update_progress(action=action, status="on_track", note="n", by=cast.officer)
    with pytest.raises(ValidationError):
        services.action_close(
            action=action,
            what_changed="x",
            method="other",
            how_known="y",
            by=cast.officer,
        )


def test_only_the_owning_organisation_and_the_business_unit_may_update_an_action(cast):
    action = ActionFactory(
        recommendation__source__partnership=cast.partnership, owner_organisation=cast.hospital
    )
    updatable = Action.objects.updatable_by
    assert updatable(cast.contributor).filter(pk=action.pk).exists()  # hospital
    assert updatable(cast.officer).filter(pk=action.pk).exists()
    assert not updatable(cast.partner_lead).filter(pk=action.pk).exists()  # police
    assert not updatable(cast.outsider).filter(pk=action.pk).exists()


def test_the_dissemination_plan_opens_once_however_often_it_is_asked_for(cast, source):
    first = services.dissemination_plan_open(source=source, by=cast.officer)
    assert services.dissemination_plan_open(source=source, by=cast.officer) == first


def test_a_source_cannot_close_while_a_channel_is_neither_done_nor_withdrawn(cast, source):
    plan = services.dissemination_plan_open(source=source, by=cast.officer)
    assert selectors.dissemination_blockers(source) == [
        "The dissemination plan has no channels: plan at least one"
    ]
    newsletter = services.dissemination_channel_add(
        plan=plan,
        channel="newsletter",
        owner=cast.officer,
        target_date=date(2026, 12, 1),
        by=cast.officer,
    )
    training = services.dissemination_channel_add(
        plan=plan,
        channel="training",
        owner=cast.officer,
        target_date=date(2026, 12, 2),
        by=cast.officer,
    )
    assert len(selectors.dissemination_blockers(source)) == 2
    services.dissemination_channel_finish(channel=newsletter, status="done", by=cast.officer)
    with pytest.raises(ValidationError):
        services.dissemination_channel_finish(
            channel=training, status="withdrawn", reason=" ", by=cast.officer
        )
    services.dissemination_channel_finish(
        channel=training,
        status="withdrawn",
        reason="Covered by the national course",
        by=cast.officer,
    )
    assert selectors.dissemination_blockers(source) == []
    services.other_source_close(source=source, by=cast.officer)
    assert source.closed_at


def test_closing_a_source_with_open_channels_is_refused(cast):
    source = services.other_source_create(
        partnership=cast.partnership,
        kind="research",
        title="Research",
        summary="s",
        by=cast.officer,
    )
    plan = selectors.source_learning(source)["plan"]
    services.dissemination_channel_add(
        plan=plan,
        channel="website",
        owner=cast.officer,
        target_date=date(2026, 12, 1),
        by=cast.officer,
    )
    with pytest.raises(ValidationError, match="Website"):
        services.other_source_close(source=source, by=cast.officer)


def test_a_linked_partnership_channel_needs_the_linked_partnership(cast, source):
    plan = services.dissemination_plan_open(source=source, by=cast.officer)
    with pytest.raises(ValidationError):
        services.dissemination_channel_add(
            plan=plan,
            channel=DisseminationChannel.Channel.LINKED_PARTNERSHIP,
            owner=cast.officer,
            target_date=date(2026, 12, 1),
            by=cast.officer,
        )


def test_publishing_text_with_a_childs_name_is_refused_listing_each_hit(cast, source):
    with pytest.raises(services_publication.PublicationRefused) as refused:
        services_publication.publication_publish(
            source=source,
            title="Review report",
            summary="Summary",
            body="Line one\nAmber was at school.",
            kind=Publication.Kind.REVIEW_REPORT,
            subjects=Subjects(names=["Amber Testchild"]),
            by=cast.manager,
        )
    assert [(hit.line, hit.matched) for hit in refused.value.hits] == [(4, "Amber")]
    assert not Publication.objects.exists()


def test_a_review_report_cannot_be_withdrawn_within_twelve_months(cast, source):
    with time_machine.travel("2026-01-10 12:00 +0000"):
        report = services_publication.publication_publish(
            source=source,
            title="Report",
            summary="s",
            body="b",
            kind=Publication.Kind.REVIEW_REPORT,
            subjects=Subjects(),
            by=cast.manager,
        )
    with (
        time_machine.travel("2026-12-01 12:00 +0000"),
        pytest.raises(ValidationError, match="at least 12 months"),
    ):
        services_publication.publication_withdraw(
            publication=report, reason="Out of date", by=cast.manager
        )
    with time_machine.travel("2027-01-11 12:00 +0000"):
        services_publication.publication_withdraw(
            publication=report, reason="Out of date", by=cast.manager
        )
    assert report.withdrawn_at


def test_standard_themes_seed_once_and_duplicates_merge(cast, source):
    services.themes_seed(partnership=cast.partnership)
    services.themes_seed(partnership=cast.partnership)
    assert Theme.objects.for_partnership(cast.partnership).filter(name="Neglect").count() == 1
    duplicate = services.theme_create(
        partnership=cast.partnership, name="Neglect of children", by=cast.officer
    )
    neglect = Theme.objects.get(partnership=cast.partnership, name="Neglect")
    finding = FindingFactory(source=source)
    finding.themes.set([duplicate, neglect])
    services.theme_merge(duplicate=duplicate, into=neglect, by=cast.officer)
    assert list(finding.themes.all()) == [neglect]
    assert not Theme.objects.for_partnership(cast.partnership).filter(pk=duplicate.pk).exists()


def test_the_worker_reminds_the_owner_and_escalates_an_overdue_action_to_the_group_chair(
    cast, source, mailoutbox, django_capture_on_commit_callbacks
):
    from core.reminders import send_deadline_reminders

    group = GroupFactory(partnership=cast.partnership)
    Membership.objects.create(group=group, person=cast.partner_lead, role=Membership.Role.CHAIR)
    recommendation = services.recommendation_record(
        source=source, findings=[], text="Share information", owning_group=group, by=cast.officer
    )
    services.action_create(
        recommendation=recommendation,
        description="Update the procedure",
        owner_organisation=cast.hospital,
        owner_person=cast.contributor,
        due_date=date(2026, 12, 10),
        by=cast.officer,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders(today=date(2026, 12, 1)) == {
            "reminded": 1,
            "escalated": 0,
            "unowned": 0,
        }
        assert send_deadline_reminders(today=date(2026, 12, 11)) == {
            "reminded": 0,
            "escalated": 1,
            "unowned": 0,
        }
    assert mailoutbox[0].to == [cast.contributor.email]
    assert cast.partner_lead.email in mailoutbox[1].to

"""Links between partnerships: one business unit asks, the other answers, either ends; each step audited."""

import importlib

from django.apps import apps
from django.urls import reverse

from core.models import AuditEvent
from core.testing import assert_queries_do_not_grow, sign_in
from partnership.models import Group, Membership, PartnershipLink
from partnership.tests.factories import GroupFactory, PartnershipFactory, PartnershipLinkFactory

REQUESTED = PartnershipLink.Status.REQUESTED


def _asked_of_us(cast, status=REQUESTED):
    return PartnershipLinkFactory(
        requesting=cast.other_partnership, receiving=cast.partnership, status=status
    )


def _audited(link, event):
    return set(
        AuditEvent.objects.filter(event=event, subject_id=str(link.pk)).values_list(
            "partnership_id", flat=True
        )
    )


def test_a_business_unit_asks_another_for_a_link_and_both_audit_trails_show_it(client, cast):
    sign_in(client, cast.outsider)
    response = client.post(
        reverse("partnership:link_request"),
        {"partnership": cast.partnership.pk, "purpose": "Our panel reviews your deaths too"},
    )
    assert response.status_code == 302
    link = PartnershipLink.objects.get()
    assert (link.requesting, link.receiving, link.status) == (
        cast.other_partnership,
        cast.partnership,
        REQUESTED,
    )
    assert _audited(link, AuditEvent.Event.SENT) == {cast.partnership.pk, cast.other_partnership.pk}


def test_a_request_without_a_purpose_is_refused_and_nothing_is_written(client, cast):
    sign_in(client, cast.outsider)
    response = client.post(
        reverse("partnership:link_request"), {"partnership": cast.partnership.pk, "purpose": ""}
    )
    assert "Enter what the link is for" in response.content.decode()
    assert not PartnershipLink.objects.exists()
    assert not AuditEvent.objects.filter(event=AuditEvent.Event.SENT).exists()


def test_a_partnership_already_linked_or_asked_is_not_offered_again(client, cast):
    _asked_of_us(cast)
    sign_in(client, cast.manager)
    url = reverse("partnership:link_request")
    assert cast.other_partnership.name not in client.get(url).content.decode()
    response = client.post(url, {"partnership": cast.other_partnership.pk, "purpose": "Again"})
    assert "Select a partnership that is not yours and not already linked" in (
        response.content.decode()
    )
    assert PartnershipLink.objects.count() == 1


def test_the_business_unit_asked_sees_the_request_on_its_partnership_page_and_dashboard(
    client, cast
):
    _asked_of_us(cast)
    sign_in(client, cast.officer)
    for url in (reverse("partnership:overview"), reverse("core:dashboard")):
        text = client.get(url).content.decode()
        assert f"to link with yours: {cast.other_partnership.name}" in text, url


def test_people_outside_the_business_unit_are_not_told_of_requests(client, cast):
    _asked_of_us(cast)
    sign_in(client, cast.cdop_member)
    assert "to link with yours" not in client.get(reverse("core:dashboard")).content.decode()


def test_the_business_unit_asked_accepts_and_then_its_partnership_can_be_served(client, cast):
    link = _asked_of_us(cast)
    sign_in(client, cast.manager)
    client.post(reverse("partnership:link_accept", args=[link.pk]))
    link.refresh_from_db()
    assert (link.status, link.answered_by) == (PartnershipLink.Status.ACCEPTED, cast.manager)
    assert _audited(link, AuditEvent.Event.DECIDED) == {
        cast.partnership.pk,
        cast.other_partnership.pk,
    }
    client.logout()
    sign_in(client, cast.outsider)
    client.post(
        reverse("partnership:structure_create", args=["groups"]),
        {"name": "Shared panel", "kind": "cdop", "serves": [cast.partnership.pk]},
    )
    assert list(Group.objects.get(name="Shared panel").serves.all()) == [cast.partnership]


def test_a_declined_request_leaves_the_partnerships_unlinked(client, cast):
    link = _asked_of_us(cast)
    sign_in(client, cast.manager)
    client.post(reverse("partnership:link_decline", args=[link.pk]))
    link.refresh_from_db()
    assert link.status == PartnershipLink.Status.DECLINED
    assert not PartnershipLink.objects.accepted().exists()


def test_a_request_already_answered_cannot_be_answered_again(client, cast):
    link = _asked_of_us(cast, status=PartnershipLink.Status.DECLINED)
    sign_in(client, cast.manager)
    response = client.post(reverse("partnership:link_accept", args=[link.pk]), follow=True)
    assert "This link is already declined" in response.content.decode()
    link.refresh_from_db()
    assert link.status == PartnershipLink.Status.DECLINED


def test_ending_a_link_stops_the_groups_of_each_serving_the_other_and_is_audited(client, cast):
    link = _asked_of_us(cast, status=PartnershipLink.Status.ACCEPTED)
    theirs = GroupFactory(partnership=cast.other_partnership, kind="cdop")
    theirs.serves.set([cast.partnership, cast.other_partnership])
    ours = GroupFactory(partnership=cast.partnership)
    ours.serves.set([cast.other_partnership])
    sign_in(client, cast.outsider)
    client.post(reverse("partnership:link_end", args=[link.pk]))
    link.refresh_from_db()
    assert (link.status, link.ended_by) == (PartnershipLink.Status.ENDED, cast.outsider)
    assert list(theirs.serves.all()) == [cast.other_partnership]
    assert not ours.serves.exists()
    row = AuditEvent.objects.get(
        event=AuditEvent.Event.ARCHIVED, subject_id=str(link.pk), partnership=cast.partnership
    )
    assert row.details["groups_stopped_serving"] == sorted([str(theirs), str(ours)])


def test_the_link_page_shows_each_kind_of_link_to_its_business_unit(client, cast):
    _asked_of_us(cast)
    sign_in(client, cast.officer)
    text = client.get(reverse("partnership:link_list")).content.decode()
    assert "Waiting for your answer" in text
    assert cast.other_partnership.name in text
    assert "Accept<span" in text


def test_groups_already_serving_another_partnership_become_requests_waiting_for_an_answer(cast):
    panel = GroupFactory(partnership=cast.other_partnership, kind="cdop")
    panel.serves.set([cast.partnership, cast.other_partnership])
    migration = importlib.import_module("partnership.migrations.0002_partnership_links")
    migration.ask_for_existing_links(apps, None)
    link = PartnershipLink.objects.get()
    assert (link.requesting, link.receiving, link.status) == (
        cast.other_partnership,
        cast.partnership,
        REQUESTED,
    )


def test_a_group_page_names_only_the_partnerships_it_serves_by_agreement(client, cast):
    panel = GroupFactory(partnership=cast.other_partnership, kind="cdop", name="Their panel")
    panel.serves.set([cast.partnership, cast.other_partnership])
    sign_in(client, cast.outsider)
    url = reverse("partnership:structure_detail", args=["groups", panel.pk])
    assert cast.partnership.name not in client.get(url).content.decode()
    _asked_of_us(cast, status=PartnershipLink.Status.ACCEPTED)
    assert cast.partnership.name in client.get(url).content.decode()


def test_the_link_page_makes_the_same_number_of_queries_however_many_links(client, cast):
    sign_in(client, cast.manager)

    def more_links():
        for _ in range(5):
            PartnershipLinkFactory(requesting=PartnershipFactory(), receiving=cast.partnership)
            PartnershipLinkFactory(
                requesting=cast.partnership, receiving=PartnershipFactory(), status=REQUESTED
            )

    assert_queries_do_not_grow(lambda: client.get(reverse("partnership:link_list")), more_links)


def test_ending_a_link_removes_members_who_now_work_for_no_partnership_the_group_serves(
    client, cast
):
    link = _asked_of_us(cast, status=PartnershipLink.Status.ACCEPTED)
    panel = GroupFactory(partnership=cast.other_partnership, kind="cdop")
    panel.serves.set([cast.partnership, cast.other_partnership])
    Membership.objects.create(group=panel, person=cast.cdop_member, role=Membership.Role.CHAIR)
    Membership.objects.create(group=panel, person=cast.outsider)
    sign_in(client, cast.manager)
    client.post(reverse("partnership:link_end", args=[link.pk]))
    assert list(panel.memberships.values_list("person", flat=True)) == [cast.outsider.pk]
    row = AuditEvent.objects.get(
        event=AuditEvent.Event.ARCHIVED, subject_id=str(link.pk), partnership=cast.partnership
    )
    assert row.details["memberships_removed"] == [
        f"{cast.cdop_member} (Chair, {panel})",
    ]


def test_changing_a_group_keeps_a_partnership_it_serves_while_their_link_waits_for_an_answer(
    client, cast
):
    _asked_of_us(cast)
    panel = GroupFactory(partnership=cast.other_partnership, kind="cdop", name="Their panel")
    panel.serves.set([cast.partnership, cast.other_partnership])
    sign_in(client, cast.outsider)
    url = reverse("partnership:structure_edit", args=["groups", panel.pk])
    assert f"once their business unit accepts the link: {cast.partnership.name}" in (
        client.get(url).content.decode()
    )
    client.post(
        url,
        {
            "name": "Their renamed panel",
            "kind": "cdop",
            "serves": [cast.other_partnership.pk],
            "version": panel.version,
        },
    )
    panel.refresh_from_db()
    assert panel.name == "Their renamed panel"
    assert set(panel.serves.all()) == {cast.partnership, cast.other_partnership}

"""Attacks across partnerships and through groups, played through HTTP as a hostile insider would.

Issue 9, items 2 and 3: a partnership cannot make itself the panel of another without that
partnership's business unit accepting the link; membership of a group never widens what a role may do.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from child_deaths.models import ChildDeath, PanelMeeting
from child_deaths.tests.factories import ChildDeathFactory, PanelFactory, PanelMeetingFactory
from core.testing import sign_in
from learning import services as learning_services
from learning.models import DisseminationChannel
from learning.tests.factories import OtherSourceFactory
from partnership.models import Group, LinkedPartnership, Membership, PartnershipLink, Role
from partnership.tests.factories import PersonFactory

IDENTIFYING = ("Testchild", "1 Example Street", "9434765919")


def _error_summary(response) -> str:
    text = response.content.decode()
    assert "govuk-error-summary" in text, "the page shows no error summary"
    return text


def _shows_nothing_of(response, death) -> None:
    text = response.content.decode()
    assert death.reference not in text
    for detail in IDENTIFYING:
        assert detail not in text


def _tries_every_page_of(client, death) -> None:
    """Reading, identifying details, changing and publishing from the death: each answers 404."""
    kwargs = {"pk": death.pk}
    for name in ("child_deaths:death_detail", "child_deaths:identity", "child_deaths:jar_edit"):
        response = client.get(reverse(name, kwargs=kwargs))
        assert response.status_code == 404, name
        _shows_nothing_of(response, death)
    response = client.post(
        reverse("child_deaths:jar_edit", kwargs=kwargs),
        {"jar_status": ChildDeath.JarStatus.COMPLETED, "version": death.version},
    )
    assert response.status_code == 404
    publish = reverse(
        "learning:publication_create",
        kwargs={
            "type_id": ContentType.objects.get_for_model(ChildDeath).pk,
            "source_id": death.pk,
        },
    )
    assert client.get(publish).status_code == 404
    listing = client.get(reverse("child_deaths:death_list"))
    _shows_nothing_of(listing, death)
    death.refresh_from_db()
    assert death.jar_status == ChildDeath.JarStatus.NOT_NEEDED


def _new_panel_post(*served) -> dict:
    return {
        "name": "Elsewhere panel",
        "kind": Group.Kind.CHILD_DEATH_OVERVIEW_PANEL,
        "purpose": "",
        "serves": [partnership.pk for partnership in served],
    }


def _link(cast, *, status=PartnershipLink.Status.ACCEPTED) -> PartnershipLink:
    return PartnershipLink.objects.create(
        requesting=cast.other_partnership,
        receiving=cast.partnership,
        status=status,
        purpose="A shared child death overview panel",
        requested_by=cast.outsider,
    )


# Item 2: one partnership making itself the panel of another ---------------------------------------


def test_a_business_unit_cannot_create_a_panel_serving_a_partnership_not_linked_to_it(client, cast):
    sign_in(client, cast.outsider)
    url = reverse("partnership:structure_create", kwargs={"kind": "groups"})
    assert cast.partnership.name not in client.get(url).content.decode()
    response = client.post(url, _new_panel_post(cast.partnership, cast.other_partnership))
    assert "Select only partnerships yours is linked with" in _error_summary(response)
    assert not Group.objects.filter(name="Elsewhere panel").exists()


def test_a_business_unit_cannot_change_its_panel_to_serve_a_partnership_not_linked_to_it(
    client, cast
):
    panel = PanelFactory(partnership=cast.other_partnership)
    sign_in(client, cast.outsider)
    response = client.post(
        reverse("partnership:structure_edit", kwargs={"kind": "groups", "pk": panel.pk}),
        {**_new_panel_post(cast.partnership), "name": panel.name, "version": panel.version},
    )
    assert "Select only partnerships yours is linked with" in _error_summary(response)
    assert not panel.serves.exists()


def test_a_panel_serving_a_partnership_without_an_accepted_link_shows_none_of_its_deaths(
    client, cast
):
    death = ChildDeathFactory(area=cast.middlesbrough)
    panel = PanelFactory(partnership=cast.other_partnership)
    panel.serves.set([cast.partnership, cast.other_partnership])
    their_cdop_member = PersonFactory(
        partnership=cast.other_partnership, roles=[Role.CDOP_MEMBER, Role.BUSINESS_UNIT_OFFICER]
    )
    Membership.objects.create(group=panel, person=cast.outsider)
    Membership.objects.create(group=panel, person=their_cdop_member)
    for person in (cast.outsider, their_cdop_member):
        client.logout()
        sign_in(client, person)
        _tries_every_page_of(client, death)


def test_a_link_only_requested_or_declined_gives_no_sight(client, cast):
    death = ChildDeathFactory(area=cast.middlesbrough)
    panel = PanelFactory(partnership=cast.other_partnership)
    panel.serves.set([cast.partnership])
    Membership.objects.create(group=panel, person=cast.outsider)
    link = _link(cast, status=PartnershipLink.Status.REQUESTED)
    sign_in(client, cast.outsider)
    _tries_every_page_of(client, death)
    link.status = PartnershipLink.Status.DECLINED
    link.save()
    _tries_every_page_of(client, death)


def test_the_requesting_business_unit_cannot_accept_its_own_request(client, cast):
    link = _link(cast, status=PartnershipLink.Status.REQUESTED)
    sign_in(client, cast.outsider)
    response = client.post(reverse("partnership:link_accept", kwargs={"pk": link.pk}))
    assert response.status_code == 403
    link.refresh_from_db()
    assert link.status == PartnershipLink.Status.REQUESTED


@pytest.mark.parametrize("persona", ["cdop_member", "partner_lead", "practitioner"])
def test_only_the_receiving_business_unit_accepts_a_link(client, cast, persona):
    link = _link(cast, status=PartnershipLink.Status.REQUESTED)
    sign_in(client, getattr(cast, persona))
    response = client.post(reverse("partnership:link_accept", kwargs={"pk": link.pk}))
    assert response.status_code in (403, 404)
    link.refresh_from_db()
    assert link.status == PartnershipLink.Status.REQUESTED


def test_a_crafted_request_for_a_link_with_ones_own_partnership_is_refused(client, cast):
    sign_in(client, cast.outsider)
    response = client.post(
        reverse("partnership:link_request"),
        {"partnership": cast.other_partnership.pk, "purpose": "Talk to ourselves"},
    )
    assert "Select a partnership" in _error_summary(response)
    assert not PartnershipLink.objects.exists()


def test_after_either_side_ends_the_link_the_panel_no_longer_serves_the_other(client, cast):
    death = ChildDeathFactory(area=cast.middlesbrough)
    link = _link(cast)
    panel = PanelFactory(partnership=cast.other_partnership)
    panel.serves.set([cast.partnership, cast.other_partnership])
    their_cdop_member = PersonFactory(partnership=cast.other_partnership, roles=[Role.CDOP_MEMBER])
    sign_in(client, their_cdop_member)
    assert (
        client.get(reverse("child_deaths:death_detail", kwargs={"pk": death.pk})).status_code == 200
    )
    client.logout()
    sign_in(client, cast.manager)
    client.post(reverse("partnership:link_end", kwargs={"pk": link.pk}))
    link.refresh_from_db()
    assert link.status == PartnershipLink.Status.ENDED
    assert list(panel.serves.all()) == [cast.other_partnership]
    client.logout()
    their_cdop_member = type(their_cdop_member).objects.get(pk=their_cdop_member.pk)
    sign_in(client, their_cdop_member)
    _tries_every_page_of(client, death)


def test_after_the_link_ends_the_panels_meetings_no_longer_show_the_others_cases(client, cast):
    death = ChildDeathFactory(
        area=cast.middlesbrough, status=ChildDeath.Status.READY, pseudonym="Child Testcase"
    )
    link = _link(cast)
    panel = PanelFactory(partnership=cast.other_partnership)
    panel.serves.set([cast.partnership, cast.other_partnership])
    meeting = PanelMeetingFactory(panel=panel)
    meeting.cases.set([death])
    their_cdop_member = PersonFactory(partnership=cast.other_partnership, roles=[Role.CDOP_MEMBER])
    detail = reverse("child_deaths:panel_meeting_detail", kwargs={"pk": meeting.pk})
    sign_in(client, their_cdop_member)
    assert death.reference in client.get(detail).content.decode()
    client.logout()
    sign_in(client, cast.manager)
    client.post(reverse("partnership:link_end", kwargs={"pk": link.pk}))
    client.logout()
    sign_in(client, type(their_cdop_member).objects.get(pk=their_cdop_member.pk))
    for url in (detail, reverse("child_deaths:panel_meeting_list")):
        page = client.get(url)
        assert page.status_code == 200
        _shows_nothing_of(page, death)
        assert death.pseudonym not in page.content.decode()
    assert "No cases on the agenda" in client.get(detail).content.decode()


def test_membership_lists_offer_only_people_of_linked_partnerships(client, cast):
    panel = PanelFactory(partnership=cast.other_partnership)
    panel.serves.set([cast.partnership])
    sign_in(client, cast.outsider)
    url = reverse("partnership:membership_add", kwargs={"pk": panel.pk})
    assert cast.cdop_member.full_name not in client.get(url).content.decode()
    response = client.post(url, {"person": cast.cdop_member.pk, "role": Membership.Role.MEMBER})
    assert "Select a person of a partnership the group serves" in _error_summary(response)
    assert not panel.memberships.exists()


# Item 3: membership of a panel group never widens what a role may do -------------------------------


@pytest.mark.parametrize("persona", ["group_member", "practitioner", "partner_lead", "reviewer"])
def test_membership_of_the_panel_gives_no_death_to_a_role_that_does_not_work_on_deaths(
    client, cast, persona
):
    death = ChildDeathFactory(area=cast.middlesbrough)
    panel = PanelFactory(partnership=cast.partnership)
    panel.serves.set([cast.partnership])
    person = getattr(cast, persona)
    Membership.objects.create(group=panel, person=person)
    sign_in(client, person)
    _tries_every_page_of(client, death)


def test_a_panel_member_signed_in_with_a_password_only_sees_no_identifying_details(client, cast):
    death = ChildDeathFactory(area=cast.middlesbrough)
    panel = PanelFactory(partnership=cast.partnership)
    panel.serves.set([cast.partnership])
    for person in (cast.cdop_member, cast.group_member):
        Membership.objects.create(group=panel, person=person)
        client.force_login(person)  # password only: no second factor verified
        response = client.get(reverse("child_deaths:identity", kwargs={"pk": death.pk}))
        assert response.status_code in (302, 403, 404)
        _shows_nothing_of(response, death)
        client.logout()


def test_a_panel_serving_a_partnership_without_a_link_puts_none_of_its_deaths_on_its_agenda(
    client, cast
):
    death = ChildDeathFactory(area=cast.middlesbrough, status=ChildDeath.Status.READY)
    panel = PanelFactory(partnership=cast.other_partnership)
    panel.serves.set([cast.partnership, cast.other_partnership])
    sign_in(client, cast.outsider)
    url = reverse("child_deaths:panel_meeting_add")
    _shows_nothing_of(client.get(url), death)
    response = client.post(
        url,
        {
            "panel": panel.pk,
            "held_on_0": "1",
            "held_on_1": "9",
            "held_on_2": "2025",
            "cases": [death.pk],
        },
    )
    assert "Select only cases ready for review in a partnership the panel serves" in (
        _error_summary(response)
    )
    assert not PanelMeeting.objects.exists()


def test_a_panel_serving_a_partnership_without_a_link_offers_none_of_its_areas_to_notify(
    client, cast
):
    panel = PanelFactory(partnership=cast.other_partnership)
    panel.serves.set([cast.partnership, cast.other_partnership])
    sign_in(client, cast.outsider)
    url = reverse("child_deaths:notify")
    assert cast.middlesbrough.name not in client.get(url).content.decode()
    response = client.post(url, {"area": cast.middlesbrough.pk})
    assert "Select an area of your partnership or of one your panel serves" in _error_summary(
        response
    )
    assert not ChildDeath.objects.exists()


def test_learning_cannot_be_sent_to_a_strategic_partnership_of_another_partnership(client, cast):
    theirs = LinkedPartnership.objects.create(
        partnership=cast.other_partnership,
        kind=LinkedPartnership.Kind.COMMUNITY_SAFETY,
        name="Elsewhere Community Safety Partnership",
    )
    source = OtherSourceFactory(partnership=cast.partnership)
    plan = learning_services.dissemination_plan_open(source=source, by=cast.manager)
    sign_in(client, cast.manager)
    url = reverse("learning:channel_add", kwargs={"pk": plan.pk})
    assert theirs.name not in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "channel": DisseminationChannel.Channel.LINKED_PARTNERSHIP,
            "linked_partnership": theirs.pk,
            "owner": cast.manager.pk,
            "target_date_0": "1",
            "target_date_1": "9",
            "target_date_2": "2026",
        },
    )
    assert "Select a linked strategic partnership of your partnership" in _error_summary(response)
    assert not DisseminationChannel.objects.exists()

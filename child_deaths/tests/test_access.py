"""Who sees child deaths: the owning business unit and the panel serving the partnership, nobody else."""

from child_deaths.models import AgencyReportingRequest, ChildDeath
from child_deaths.tests.factories import ChildDeathFactory, PanelFactory, ReportingRequestFactory
from partnership.models import Membership, Role
from partnership.tests.factories import AreaFactory, PartnershipLinkFactory, PersonFactory


def _visible(person):
    return set(ChildDeath.objects.visible_to(person))


def test_the_business_unit_of_the_owning_partnership_sees_its_deaths(cast):
    death = ChildDeathFactory(area=cast.middlesbrough)
    assert _visible(cast.manager) == {death}
    assert _visible(cast.officer) == {death}


def test_a_person_of_another_partnership_outside_the_panel_sees_none(cast):
    ChildDeathFactory(area=cast.middlesbrough)
    assert _visible(cast.outsider) == set()
    assert not ChildDeath.objects.for_statistics(cast.outsider).exists()


def test_partner_leads_practitioners_and_contributors_see_no_death(cast):
    ChildDeathFactory(area=cast.middlesbrough)
    for person in (
        cast.partner_lead,
        cast.practitioner,
        cast.contributor,
        cast.group_member,
        cast.reviewer,
        cast.no_role,
    ):
        assert _visible(person) == set(), person


def test_a_panel_member_sees_the_deaths_of_every_partnership_the_panel_serves(cast):
    PartnershipLinkFactory(requesting=cast.partnership, receiving=cast.other_partnership)
    panel = PanelFactory(partnership=cast.partnership)
    panel.serves.set([cast.partnership, cast.other_partnership])
    ours = ChildDeathFactory(area=cast.middlesbrough)
    theirs = ChildDeathFactory(area=AreaFactory(partnership=cast.other_partnership))
    assert _visible(cast.cdop_member) == {ours, theirs}


def test_a_member_of_the_panel_group_without_a_role_that_works_on_deaths_sees_none(cast):
    PartnershipLinkFactory(requesting=cast.partnership, receiving=cast.other_partnership)
    panel = PanelFactory(partnership=cast.partnership)
    panel.serves.set([cast.partnership, cast.other_partnership])
    ChildDeathFactory(area=AreaFactory(partnership=cast.other_partnership))
    member = PersonFactory(partnership=cast.other_partnership, roles=[Role.GROUP_MEMBER])
    Membership.objects.create(group=panel, person=member)
    assert _visible(member) == set()


def test_a_business_unit_officer_on_a_linked_panel_sees_the_deaths_of_every_partnership_it_serves(
    cast,
):
    PartnershipLinkFactory(requesting=cast.partnership, receiving=cast.other_partnership)
    panel = PanelFactory(partnership=cast.partnership)
    panel.serves.set([cast.partnership, cast.other_partnership])
    ours = ChildDeathFactory(area=cast.middlesbrough)
    theirs = ChildDeathFactory(area=AreaFactory(partnership=cast.other_partnership))
    officer = PersonFactory(partnership=cast.other_partnership, roles=[Role.BUSINESS_UNIT_OFFICER])
    Membership.objects.create(group=panel, person=officer)
    assert _visible(officer) == {ours, theirs}
    assert set(ChildDeath.objects.editable_by(officer)) == {ours, theirs}


def test_a_panel_serving_a_partnership_without_an_accepted_link_gives_its_members_none_of_its_deaths(
    cast,
):
    panel = PanelFactory(partnership=cast.other_partnership)
    panel.serves.set([cast.partnership, cast.other_partnership])
    ChildDeathFactory(area=cast.middlesbrough)
    member = PersonFactory(partnership=cast.other_partnership, roles=[Role.CDOP_MEMBER])
    assert _visible(member) == set()


def test_the_business_unit_of_another_served_partnership_does_not_see_our_deaths(cast):
    PartnershipLinkFactory(requesting=cast.partnership, receiving=cast.other_partnership)
    panel = PanelFactory(partnership=cast.partnership)
    panel.serves.set([cast.partnership, cast.other_partnership])
    ChildDeathFactory(area=cast.middlesbrough)
    assert _visible(cast.outsider) == set()


def test_an_agency_contributor_sees_only_requests_to_their_own_agency(cast):
    ours = ReportingRequestFactory(
        child_death=ChildDeathFactory(area=cast.middlesbrough), organisation=cast.hospital
    )
    ReportingRequestFactory(child_death=ours.child_death, organisation=cast.police)
    assert set(AgencyReportingRequest.objects.visible_to(cast.contributor)) == {ours}
    assert _visible(cast.contributor) == set()

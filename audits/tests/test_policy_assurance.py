"""Who may do what in section 11 and section 175 assurance (`audits.policy_assurance`), without a
database."""

from types import SimpleNamespace

from audits import policy_assurance as policy
from partnership.models import Role
from partnership.testing import person_holding

HERE, ELSEWHERE = 1, 2
HOSPITAL, POLICE = 7, 8
SUB_GROUP, OTHER_GROUP = 20, 21


def a_round(partnership=HERE):
    return SimpleNamespace(partnership_id=partnership, overseeing_group_id=SUB_GROUP)


def assessment(organisation_id=HOSPITAL, partnership=HERE):
    return SimpleNamespace(
        partnership_id=partnership, organisation_id=organisation_id, round=a_round(partnership)
    )


def contributor(organisation_id=HOSPITAL, partnership=HERE):
    return person_holding(
        {partnership: {Role.AGENCY_CONTRIBUTOR}},
        organisation_id=organisation_id,
        _member_of_groups=[],
    )


def group_member(*groups):
    return person_holding(
        {HERE: {Role.GROUP_MEMBER}}, organisation_id=POLICE, _member_of_groups=list(groups)
    )


def business_unit(partnership=HERE):
    return person_holding(
        {partnership: {Role.BUSINESS_UNIT_OFFICER}}, organisation_id=None, _member_of_groups=[]
    )


def test_an_agencys_contributor_sees_and_completes_its_own_self_assessment():
    assert policy.can_see_self_assessment(contributor(), assessment())
    assert policy.can_complete_self_assessment(contributor(), assessment())


def test_another_agencys_contributor_neither_sees_nor_completes_it():
    assert not policy.can_see_self_assessment(contributor(POLICE), assessment())
    assert not policy.can_complete_self_assessment(contributor(POLICE), assessment())


def test_a_contributor_of_the_same_agency_id_in_another_partnership_gets_nothing():
    assert not policy.can_see_self_assessment(contributor(partnership=ELSEWHERE), assessment())


def test_a_contributor_does_not_see_the_whole_round():
    assert not policy.can_see_whole_round(contributor(), a_round())


def test_the_business_unit_sees_every_self_assessment_and_holds_the_challenge_session():
    assert policy.can_see_self_assessment(business_unit(), assessment())
    assert policy.can_see_whole_round(business_unit(), a_round())
    assert policy.can_challenge(business_unit(), assessment())


def test_the_business_unit_does_not_complete_an_agencys_self_assessment():
    assert not policy.can_complete_self_assessment(business_unit(), assessment())


def test_another_partnerships_business_unit_gets_nothing():
    outsider = business_unit(ELSEWHERE)
    assert not policy.can_see_whole_round(outsider, a_round())
    assert not policy.can_see_self_assessment(outsider, assessment())
    assert not policy.can_challenge(outsider, assessment())


def test_a_member_of_the_overseeing_sub_group_sees_the_whole_round():
    member = group_member(SUB_GROUP)
    assert policy.can_see_whole_round(member, a_round())
    assert policy.can_see_self_assessment(member, assessment())
    assert not policy.can_challenge(member, assessment())


def test_a_member_of_another_group_does_not():
    assert not policy.can_see_whole_round(group_member(OTHER_GROUP), a_round())
    assert not policy.can_see_self_assessment(group_member(OTHER_GROUP), assessment())


def test_partner_leads_and_practitioners_do_not_reach_assurance():
    for role in (Role.PARTNER_LEAD, Role.PRACTITIONER):
        assert not policy.can_see_assurance(person_holding({HERE: {role}}), HERE)


def test_contributors_and_the_business_unit_submit_single_agency_audit_summaries():
    assert policy.can_submit_agency_audit(contributor(), HERE)
    assert policy.can_submit_agency_audit(business_unit(), HERE)
    assert not policy.can_submit_agency_audit(group_member(SUB_GROUP), HERE)

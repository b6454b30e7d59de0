"""Who may see and change the learning spine's records (`learning.policy`), without a database."""

from types import SimpleNamespace

from learning import policy
from partnership.models import Role
from partnership.testing import person_holding

HERE, ELSEWHERE = 1, 2
AGENCY = 7


def briefing(created_by_id=99):
    return SimpleNamespace(partnership_id=HERE, created_by_id=created_by_id)


def action(owner_organisation_id=AGENCY):
    return SimpleNamespace(partnership_id=HERE, owner_organisation_id=owner_organisation_id)


def test_anyone_with_a_role_in_the_partnership_reads_its_learning():
    assert policy.can_see_learning(person_holding({HERE: {Role.PRACTITIONER}}), action())


def test_the_business_unit_of_another_partnership_does_not_read_it():
    outsider = person_holding({ELSEWHERE: {Role.BUSINESS_UNIT_MANAGER}})
    assert not policy.can_see_learning(outsider, action())


def test_a_partner_lead_does_not_change_learning():
    assert not policy.can_manage_learning(person_holding({HERE: {Role.PARTNER_LEAD}}), action())


def test_the_business_unit_officer_changes_learning():
    officer = person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}})
    assert policy.can_manage_learning(officer, action())


def test_the_manager_approves_a_briefing_someone_else_wrote():
    manager = person_holding({HERE: {Role.BUSINESS_UNIT_MANAGER}}, pk=5)
    assert policy.can_approve_briefing(manager, briefing(created_by_id=6))


def test_the_manager_does_not_approve_their_own_briefing():
    manager = person_holding({HERE: {Role.BUSINESS_UNIT_MANAGER}}, pk=5)
    assert not policy.can_approve_briefing(manager, briefing(created_by_id=5))


def test_an_officer_does_not_approve_a_briefing():
    officer = person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}}, pk=5)
    assert not policy.can_approve_briefing(officer, briefing())


def test_the_owning_organisation_adds_progress_to_its_action():
    contributor = person_holding({HERE: {Role.AGENCY_CONTRIBUTOR}}, organisation_id=AGENCY)
    assert policy.can_update_action(contributor, action())


def test_another_organisation_does_not_add_progress_to_an_action():
    contributor = person_holding({HERE: {Role.AGENCY_CONTRIBUTOR}}, organisation_id=AGENCY + 1)
    assert not policy.can_update_action(contributor, action())


def test_the_owning_organisation_in_another_partnership_does_not_add_progress():
    contributor = person_holding({ELSEWHERE: {Role.AGENCY_CONTRIBUTOR}}, organisation_id=AGENCY)
    assert not policy.can_update_action(contributor, action())


def test_someone_without_an_organisation_does_not_own_an_unowned_action():
    practitioner = person_holding({HERE: {Role.PRACTITIONER}}, organisation_id=None)
    assert not policy.can_update_action(practitioner, action(owner_organisation_id=None))


def test_the_business_unit_adds_progress_to_any_action():
    officer = person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}})
    assert policy.can_update_action(officer, action())


def evidence(group_id=30, signed_off_by_id=None):
    return SimpleNamespace(
        partnership_id=HERE, owning_group_id=group_id, signed_off_by_id=signed_off_by_id
    )


def test_a_member_of_the_owning_group_signs_off_the_evidence_of_impact():
    member = person_holding({HERE: {Role.GROUP_MEMBER}}, _group_ids=frozenset({30}))
    assert policy.can_sign_off_evidence(member, evidence())


def test_the_business_unit_does_not_sign_off_evidence_on_the_groups_behalf():
    manager = person_holding({HERE: {Role.BUSINESS_UNIT_MANAGER}}, _group_ids=frozenset())
    assert not policy.can_sign_off_evidence(manager, evidence())


def test_a_member_of_another_group_does_not_sign_off_the_evidence():
    member = person_holding({HERE: {Role.GROUP_MEMBER}}, _group_ids=frozenset({31}))
    assert not policy.can_sign_off_evidence(member, evidence())


def test_evidence_already_signed_off_is_not_signed_again():
    member = person_holding({HERE: {Role.GROUP_MEMBER}}, _group_ids=frozenset({30}))
    assert not policy.can_sign_off_evidence(member, evidence(signed_off_by_id=8))


def test_a_member_of_the_group_with_no_role_left_in_the_partnership_does_not_sign_off():
    member = person_holding({ELSEWHERE: {Role.GROUP_MEMBER}}, _group_ids=frozenset({30}))
    assert not policy.can_sign_off_evidence(member, evidence())

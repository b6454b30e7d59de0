"""The shared predicates of `partnership.policy`, tested on people whose roles are given (no database)."""

from types import SimpleNamespace

import pytest
import rules
from django.core.exceptions import PermissionDenied

from partnership import policy
from partnership.models import Partnership, Role
from partnership.testing import person_holding as person

HERE, ELSEWHERE = 1, 2


def record(partnership_id=HERE):
    return SimpleNamespace(partnership_id=partnership_id)


def test_a_record_belongs_to_the_partnership_of_its_partnership_id():
    assert policy.partnership_id_of(record(ELSEWHERE)) == ELSEWHERE


def test_a_partnership_belongs_to_itself():
    assert policy.partnership_id_of(Partnership(pk=HERE)) == HERE


def test_a_business_unit_officer_is_the_business_unit_of_their_partnerships_records():
    assert policy.is_business_unit(person({HERE: {Role.BUSINESS_UNIT_OFFICER}}), record())


def test_the_business_unit_of_another_partnership_is_not_the_business_unit_here():
    assert not policy.is_business_unit(person({ELSEWHERE: {Role.BUSINESS_UNIT_MANAGER}}), record())


def test_a_role_in_one_partnership_gives_nothing_in_another():
    both = person({HERE: {Role.PRACTITIONER}, ELSEWHERE: {Role.BUSINESS_UNIT_MANAGER}})
    assert not policy.is_business_unit(both, record(HERE))


def test_an_officer_is_not_the_business_unit_manager():
    assert not policy.is_business_unit_manager(
        person({HERE: {Role.BUSINESS_UNIT_OFFICER}}), record()
    )


def test_anyone_with_a_role_is_in_the_partnership():
    assert policy.in_partnership(person({HERE: {Role.PRACTITIONER}}), record())


def test_someone_with_no_role_is_in_no_partnership():
    assert not policy.in_partnership(person(), record())


def test_an_anonymous_visitor_is_in_no_partnership():
    assert not policy.in_partnership(SimpleNamespace(is_authenticated=False), record())


def test_a_partner_lead_signed_in_with_two_factors_sees_identifying_details():
    assert policy.sees_identifying_details(person({HERE: {Role.PARTNER_LEAD}}), record())


def test_a_password_only_session_does_not_see_identifying_details():
    manager = person({HERE: {Role.BUSINESS_UNIT_MANAGER}}, verified=False)
    assert not policy.sees_identifying_details(manager, record())


def test_a_group_member_does_not_see_identifying_details():
    assert not policy.sees_identifying_details(person({HERE: {Role.GROUP_MEMBER}}), record())


def test_an_identifying_role_elsewhere_does_not_show_identifying_details_here():
    lead = person({ELSEWHERE: {Role.PARTNER_LEAD}, HERE: {Role.PRACTITIONER}})
    assert not policy.sees_identifying_details(lead, record(HERE))


def test_a_record_without_a_partnership_is_nobodys():
    assert not policy.in_partnership(person({HERE: {Role.BUSINESS_UNIT_MANAGER}}), None)


def test_each_rule_is_also_a_permission_by_name():
    officer = person({HERE: {Role.BUSINESS_UNIT_OFFICER}})
    assert rules.has_perm("core.change_closure_days", officer, record())
    assert not rules.has_perm("core.view_audit_trail", officer, record())


def test_a_page_of_the_business_unit_is_refused_to_others():
    request = SimpleNamespace(user=person({HERE: {Role.PRACTITIONER}}), partnership=HERE)
    with pytest.raises(PermissionDenied):
        policy.require_business_unit(request)


def test_a_page_of_the_partnership_is_refused_to_someone_with_no_partnership():
    request = SimpleNamespace(user=person(), partnership=None)
    with pytest.raises(PermissionDenied):
        policy.require_partnership(request)

"""The rules of trust over roles and shared accounts, as pure functions."""

from types import SimpleNamespace

from partnership.models import Role
from partnership.policy import may_change_account, role_change_refusal

OFFICER_GRANTS = [role for role in Role.values if role != Role.BUSINESS_UNIT_MANAGER]


def test_nobody_changes_their_own_roles():
    assert "your own roles" in role_change_refusal(
        own_record=True, grantable=Role.values, before=["practitioner"], after=["cdop_member"]
    )


def test_saving_ones_own_record_without_changing_roles_is_allowed():
    assert not role_change_refusal(
        own_record=True, grantable=[], before=["practitioner"], after=["practitioner"]
    )


def test_only_a_manager_gives_or_takes_away_the_manager_role():
    for before, after in (([], ["business_unit_manager"]), (["business_unit_manager"], [])):
        assert "Only a business unit manager" in role_change_refusal(
            own_record=False, grantable=OFFICER_GRANTS, before=before, after=after
        )
    assert not role_change_refusal(
        own_record=False, grantable=Role.values, before=[], after=["business_unit_manager"]
    )


def test_a_partnership_alone_changes_an_account_only_when_it_is_the_only_one():
    partnership = SimpleNamespace(pk=1)
    officer = SimpleNamespace(is_superuser=False)
    assert may_change_account(officer, works_for=[1], partnership=partnership)
    assert not may_change_account(officer, works_for=[1, 2], partnership=partnership)


def test_a_system_administrator_changes_a_shared_account():
    administrator = SimpleNamespace(is_superuser=True)
    assert may_change_account(administrator, works_for=[1, 2], partnership=SimpleNamespace(pk=1))

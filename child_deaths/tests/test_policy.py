"""Who may see, change and see the identifying details of child deaths (`child_deaths.policy`).

The partnerships whose deaths a person reaches are given as `access.py` keeps them once read, so
these run without a database.
"""

from types import SimpleNamespace

from child_deaths import policy
from partnership.models import Role
from partnership.testing import person_holding

HERE, ELSEWHERE = 1, 2
DEATH = SimpleNamespace(partnership_id=HERE)


def panel_member(roles, *, serving=(HERE,), verified=True):
    """A person on a panel serving `serving`, holding `roles`."""
    person = person_holding(roles, verified=verified)
    person._cdop_panel_ids = [10]
    person._cdop_partnership_ids = sorted(serving)
    return person


def test_a_cdop_member_of_the_panel_sees_the_childs_identity():
    assert policy.can_see_identity(panel_member({HERE: {Role.CDOP_MEMBER}}), DEATH)


def test_a_cdop_member_of_the_hosting_partnership_sees_a_served_partnerships_child():
    member = panel_member({ELSEWHERE: {Role.CDOP_MEMBER}}, serving=(HERE, ELSEWHERE))
    assert policy.can_see_identity(member, DEATH)


def test_a_panel_member_without_an_identifying_role_does_not_see_the_identity():
    assert not policy.can_see_identity(panel_member({HERE: {Role.GROUP_MEMBER}}), DEATH)


def test_a_password_only_session_does_not_see_the_identity():
    member = panel_member({HERE: {Role.CDOP_MEMBER}}, verified=False)
    assert not policy.can_see_identity(member, DEATH)


def test_an_identifying_role_without_sight_of_the_death_does_not_see_the_identity():
    lead = panel_member({HERE: {Role.PARTNER_LEAD}}, serving=(ELSEWHERE,))
    assert not policy.can_see_identity(lead, DEATH)


def test_a_partner_lead_reads_statistics_but_does_not_work_on_deaths():
    lead = panel_member({HERE: {Role.PARTNER_LEAD}}, serving=())
    assert policy.can_read_statistics(lead)
    assert not policy.can_see_deaths(lead)


def test_someone_off_the_panel_and_outside_the_business_unit_does_not_export_deaths():
    assert not policy.can_export_deaths(panel_member({HERE: {Role.PRACTITIONER}}, serving=()))

"""Who may read and change the performance framework (`performance.policy`), without a database."""

from types import SimpleNamespace

from partnership.models import Role
from partnership.testing import person_holding
from performance import policy

HERE, ELSEWHERE = 1, 2
INDICATOR = SimpleNamespace(partnership_id=HERE)


def test_a_group_member_reads_the_figures():
    assert policy.can_read_performance(person_holding({HERE: {Role.GROUP_MEMBER}}), INDICATOR)


def test_a_practitioner_does_not_read_the_figures():
    assert not policy.can_read_performance(person_holding({HERE: {Role.PRACTITIONER}}), INDICATOR)


def test_a_reader_elsewhere_does_not_read_this_partnerships_figures():
    lead = person_holding({ELSEWHERE: {Role.PARTNER_LEAD}})
    assert not policy.can_read_performance(lead, INDICATOR)


def test_a_partner_lead_does_not_change_the_figures():
    lead = person_holding({HERE: {Role.PARTNER_LEAD}})
    assert not policy.can_manage_performance(lead, INDICATOR)


def test_the_business_unit_changes_the_figures():
    officer = person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}})
    assert policy.can_manage_performance(officer, INDICATOR)


def test_readers_read_the_figures_of_each_partnership_where_they_read():
    both = person_holding({HERE: {Role.GROUP_MEMBER}, ELSEWHERE: {Role.PRACTITIONER}})
    assert policy.reader_partnership_ids(both) == [HERE]

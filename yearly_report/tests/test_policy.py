"""Who may see, write, sign off and publish the yearly report (`yearly_report.policy`), without a
database."""

from types import SimpleNamespace

from partnership.models import Role
from partnership.testing import person_holding
from yearly_report import policy

HERE, ELSEWHERE = 1, 2


def report(publication_id=None):
    return SimpleNamespace(partnership_id=HERE, publication_id=publication_id)


def test_the_business_unit_writes_a_draft():
    officer = person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}})
    assert policy.can_see_report(officer, report())
    assert policy.can_edit_report(officer, report())


def test_nobody_writes_a_published_report():
    manager = person_holding({HERE: {Role.BUSINESS_UNIT_MANAGER}})
    assert not policy.can_edit_report(manager, report(publication_id=3))
    assert not policy.can_publish_report(manager, report(publication_id=3))


def test_a_partner_lead_reads_and_signs_off_the_draft_but_does_not_write_it():
    lead = person_holding({HERE: {Role.PARTNER_LEAD}})
    assert policy.can_see_report(lead, report())
    assert policy.can_sign_off_report(lead, report())
    assert not policy.can_edit_report(lead, report())


def test_the_business_unit_does_not_sign_off_for_a_partner():
    manager = person_holding({HERE: {Role.BUSINESS_UNIT_MANAGER}})
    assert not policy.can_sign_off_report(manager, report())


def test_only_the_business_unit_manager_publishes():
    assert policy.can_publish_report(person_holding({HERE: {Role.BUSINESS_UNIT_MANAGER}}), report())
    officer = person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}})
    assert not policy.can_publish_report(officer, report())


def test_a_practitioner_and_another_partnership_do_not_see_the_draft():
    assert not policy.can_see_report(person_holding({HERE: {Role.PRACTITIONER}}), report())
    outsider = person_holding({ELSEWHERE: {Role.BUSINESS_UNIT_MANAGER}})
    assert not policy.can_see_report(outsider, report())

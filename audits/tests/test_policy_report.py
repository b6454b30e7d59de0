"""Who may moderate an audit and write its report (`audits.policy`), without a database."""

from types import SimpleNamespace

import pytest

from audits import policy
from partnership.models import Role
from partnership.testing import person_holding

HERE, ELSEWHERE = 1, 2


def audit(status):
    return SimpleNamespace(partnership_id=HERE, status=status)


def officer(partnership=HERE):
    return person_holding({partnership: {Role.BUSINESS_UNIT_OFFICER}})


@pytest.mark.parametrize("status", ["agency_returns", "moderation"])
def test_the_business_unit_moderates_once_the_returns_are_in_and_until_moderation_is_over(status):
    assert policy.can_moderate(officer(), audit(status))


@pytest.mark.parametrize("status", ["planned", "case_selection", "report", "re_audit_due"])
def test_no_moderation_before_the_returns_or_after_it_is_over(status):
    assert not policy.can_moderate(officer(), audit(status))


@pytest.mark.parametrize(
    "person",
    [
        officer(ELSEWHERE),
        person_holding({HERE: {Role.PARTNER_LEAD}}),
        person_holding({HERE: {Role.GROUP_MEMBER}}),
        person_holding({HERE: {Role.AGENCY_CONTRIBUTOR}}, organisation_id=7),
    ],
)
def test_nobody_but_the_audits_business_unit_moderates_or_writes_the_report(person):
    assert not policy.can_moderate(person, audit("moderation"))
    assert not policy.can_write_report(person, audit("report"))


def test_the_report_is_written_after_moderation_until_it_is_complete():
    assert policy.can_write_report(officer(), audit("report"))
    assert not policy.can_write_report(officer(), audit("moderation"))
    assert not policy.can_write_report(officer(), audit("re_audit_due"))


def test_the_business_unit_plans_a_re_audit_once_the_report_is_complete():
    assert policy.can_schedule_re_audit(officer(), audit("re_audit_due"))
    assert not policy.can_schedule_re_audit(officer(), audit("report"))
    assert not policy.can_schedule_re_audit(officer(ELSEWHERE), audit("re_audit_due"))

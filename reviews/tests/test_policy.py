"""Who may see, change and see the identifying details of review records (`reviews.policy`),
without a database."""

from types import SimpleNamespace

from partnership.models import Role
from partnership.testing import person_holding
from reviews import policy

HERE, ELSEWHERE = 1, 2
NOTIFICATION = SimpleNamespace(partnership_id=HERE)
REVIEW = SimpleNamespace(partnership_id=HERE)


def test_a_partner_lead_approves_terms_of_reference():
    assert policy.can_approve_terms(person_holding({HERE: {Role.PARTNER_LEAD}}), REVIEW)


def test_a_business_unit_officer_does_not_approve_terms_of_reference():
    officer = person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}})
    assert not policy.can_approve_terms(officer, REVIEW)


def test_a_partner_lead_of_another_partnership_does_not_sign_off():
    assert not policy.can_sign_off(person_holding({ELSEWHERE: {Role.PARTNER_LEAD}}), REVIEW)


def test_a_partner_lead_does_not_manage_case_work():
    assert not policy.can_manage_reviews(person_holding({HERE: {Role.PARTNER_LEAD}}), REVIEW)


def test_an_independent_reviewer_sees_the_reviews_list():
    reviewer = person_holding({HERE: {Role.INDEPENDENT_REVIEWER}})
    assert policy.can_see_reviews(reviewer, HERE)


def test_an_agency_contributor_sees_requests_but_not_reviews():
    contributor = person_holding({HERE: {Role.AGENCY_CONTRIBUTOR}})
    assert policy.can_see_requests(contributor, HERE)
    assert not policy.can_see_reviews(contributor, HERE)


def test_the_business_unit_signed_in_with_two_factors_sees_a_notified_childs_details():
    manager = person_holding({HERE: {Role.BUSINESS_UNIT_MANAGER}})
    assert policy.can_see_identifying_details(manager, NOTIFICATION)


def test_a_password_only_session_does_not_see_a_notified_childs_details():
    manager = person_holding({HERE: {Role.BUSINESS_UNIT_MANAGER}}, verified=False)
    assert not policy.can_see_identifying_details(manager, NOTIFICATION)


def test_an_agency_contributor_does_not_see_a_notified_childs_details():
    contributor = person_holding({HERE: {Role.AGENCY_CONTRIBUTOR}})
    assert not policy.can_see_identifying_details(contributor, NOTIFICATION)


def test_only_an_independent_reviewer_may_be_assigned_as_one():
    assert not policy.may_be_independent_reviewer(
        person_holding({HERE: {Role.PRACTITIONER}}), REVIEW
    )

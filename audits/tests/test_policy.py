"""Who may read and change audits (`audits.policy`), without a database."""

from types import SimpleNamespace

from audits import policy
from partnership.models import Role
from partnership.testing import person_holding

HERE, ELSEWHERE = 1, 2
ASKED, NOT_ASKED = 7, 8


def request(organisation_id=ASKED, status="requested"):
    return SimpleNamespace(partnership_id=HERE, organisation_id=organisation_id, status=status)


def case(asked=(ASKED,)):
    return SimpleNamespace(partnership_id=HERE, asked_organisation_ids=frozenset(asked))


def contributor(organisation_id=ASKED, partnership=HERE, verified=True):
    return person_holding(
        {partnership: {Role.AGENCY_CONTRIBUTOR}}, organisation_id=organisation_id, verified=verified
    )


def test_partner_leads_and_group_members_read_the_programme():
    assert policy.can_see_programme(person_holding({HERE: {Role.PARTNER_LEAD}}), HERE)
    assert policy.can_see_programme(person_holding({HERE: {Role.GROUP_MEMBER}}), HERE)


def test_an_agency_contributor_does_not_read_the_programme():
    assert not policy.can_see_programme(contributor(), HERE)


def test_the_business_unit_of_another_partnership_does_not_read_it():
    outsider = person_holding({ELSEWHERE: {Role.BUSINESS_UNIT_MANAGER}})
    assert not policy.can_see_programme(outsider, HERE)


def test_only_the_business_unit_plans_audits():
    assert policy.can_manage_audits(person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}}), HERE)
    assert not policy.can_manage_audits(person_holding({HERE: {Role.PARTNER_LEAD}}), HERE)


def test_an_agency_contributor_reads_the_tools_it_answers():
    assert policy.can_see_tools(contributor(), HERE)


def test_a_practitioner_does_not_read_the_tools():
    assert not policy.can_see_tools(person_holding({HERE: {Role.PRACTITIONER}}), HERE)


def test_the_asked_agency_answers_its_request():
    assert policy.can_answer_request(contributor(), request())


def test_another_agency_does_not_answer_the_request():
    assert not policy.can_answer_request(contributor(NOT_ASKED), request())
    assert not policy.can_see_request(contributor(NOT_ASKED), request())


def test_the_asked_agency_in_another_partnership_does_not_answer():
    assert not policy.can_answer_request(contributor(partnership=ELSEWHERE), request())


def test_a_returned_request_is_not_answered_again():
    assert not policy.can_answer_request(contributor(), request(status="returned"))


def test_the_business_unit_sees_a_request_but_does_not_answer_for_the_agency():
    officer = person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}}, organisation_id=ASKED)
    assert policy.can_see_request(officer, request())
    assert not policy.can_answer_request(officer, request())


def test_the_asked_agency_sees_the_childs_details_with_two_factors():
    assert policy.can_see_identity(contributor(), case())


def test_the_asked_agency_does_not_see_them_with_a_password_alone():
    assert not policy.can_see_identity(contributor(verified=False), case())


def test_an_agency_not_asked_about_the_case_does_not_see_them():
    assert not policy.can_see_identity(contributor(NOT_ASKED), case())


def test_the_business_unit_sees_them_with_two_factors_only():
    officer = {HERE: {Role.BUSINESS_UNIT_OFFICER}}
    assert policy.can_see_identity(person_holding(officer), case())
    assert not policy.can_see_identity(person_holding(officer, verified=False), case())


def test_a_partner_lead_does_not_see_an_audited_childs_details():
    assert not policy.can_see_identity(person_holding({HERE: {Role.PARTNER_LEAD}}), case())


def test_only_the_business_unit_with_two_factors_changes_the_childs_details():
    assert policy.can_change_identity(person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}}), case())
    assert not policy.can_change_identity(contributor(), case())
    officer_by_password = person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}}, verified=False)
    assert not policy.can_change_identity(officer_by_password, case())

"""Who may see courses, book and cancel (`training.policy`), without a database."""

from types import SimpleNamespace

from partnership.models import Role
from partnership.testing import person_holding
from training import policy

HERE, ELSEWHERE = 1, 2


def booking(person_id, partnership_id=HERE):
    return SimpleNamespace(partnership_id=partnership_id, person_id=person_id)


def test_a_practitioner_sees_the_partnerships_courses_and_books():
    practitioner = person_holding({HERE: {Role.PRACTITIONER}})
    assert policy.can_see_training(practitioner, HERE)
    assert policy.can_book(practitioner, HERE)


def test_someone_with_no_role_in_the_partnership_neither_sees_nor_books():
    outsider = person_holding({ELSEWHERE: {Role.BUSINESS_UNIT_MANAGER}})
    assert not policy.can_see_training(outsider, HERE)
    assert not policy.can_book(outsider, HERE)


def test_only_the_business_unit_runs_the_programme():
    assert policy.can_manage_training(person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}}), HERE)
    assert not policy.can_manage_training(person_holding({HERE: {Role.PARTNER_LEAD}}), HERE)


def test_a_practitioner_cancels_their_own_booking():
    practitioner = person_holding({HERE: {Role.PRACTITIONER}}, pk=5)
    assert policy.can_cancel_booking(practitioner, booking(person_id=5))
    assert policy.can_see_booking(practitioner, booking(person_id=5))


def test_a_practitioner_neither_sees_nor_cancels_someone_elses_booking():
    practitioner = person_holding({HERE: {Role.PRACTITIONER}}, pk=5)
    assert not policy.can_cancel_booking(practitioner, booking(person_id=6))
    assert not policy.can_see_booking(practitioner, booking(person_id=6))


def test_the_business_unit_cancels_anyones_booking_in_its_partnership_only():
    officer = person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}}, pk=5)
    assert policy.can_cancel_booking(officer, booking(person_id=6))
    assert not policy.can_cancel_booking(officer, booking(person_id=6, partnership_id=ELSEWHERE))


def test_a_booking_of_a_partnership_one_has_left_is_not_one_to_cancel():
    former = person_holding({ELSEWHERE: {Role.PRACTITIONER}}, pk=5)
    assert not policy.can_cancel_booking(former, booking(person_id=5))

"""Who takes a register, gives an evaluation and reads the results (`training.policy`), without a
database."""

from types import SimpleNamespace

from partnership.models import Role
from partnership.testing import person_holding
from training import policy

HERE, ELSEWHERE = 1, 2


def event(*trainers, partnership_id=HERE):
    return SimpleNamespace(partnership_id=partnership_id, _trainer_ids=frozenset(trainers))


def booking(person_id, partnership_id=HERE):
    return SimpleNamespace(partnership_id=partnership_id, person_id=person_id)


def test_a_trainer_takes_the_register_of_the_events_they_run_only():
    trainer = person_holding({HERE: {Role.PRACTITIONER}}, pk=7)
    assert policy.can_take_register(trainer, event(7))
    assert not policy.can_take_register(trainer, event(8))


def test_a_trainer_no_longer_in_the_partnership_takes_no_register():
    trainer = person_holding({ELSEWHERE: {Role.PRACTITIONER}}, pk=7)
    assert not policy.can_take_register(trainer, event(7))


def test_the_business_unit_takes_any_register_of_its_partnership():
    officer = person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}}, pk=3)
    assert policy.can_take_register(officer, event())
    assert not policy.can_take_register(officer, event(partnership_id=ELSEWHERE))


def test_only_the_person_who_booked_gives_their_evaluation():
    practitioner = person_holding({HERE: {Role.PRACTITIONER}}, pk=5)
    officer = person_holding({HERE: {Role.BUSINESS_UNIT_OFFICER}}, pk=3)
    assert policy.can_evaluate(practitioner, booking(5))
    assert not policy.can_evaluate(practitioner, booking(6))
    assert not policy.can_evaluate(officer, booking(5))


def test_the_results_are_read_by_the_business_unit_only():
    assert policy.can_see_training_results(
        person_holding({HERE: {Role.BUSINESS_UNIT_MANAGER}}), HERE
    )
    assert not policy.can_see_training_results(person_holding({HERE: {Role.PARTNER_LEAD}}), HERE)
    assert not policy.can_see_training_results(person_holding({HERE: {Role.PRACTITIONER}}), HERE)

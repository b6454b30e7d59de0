"""The pure rules of child death review, without a database."""

from datetime import date

import pytest

from child_deaths import rules


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "4010232137", "9990000018"])
def test_nhs_numbers_with_a_correct_check_digit_are_valid(number):
    assert rules.nhs_number_is_valid(number)


@pytest.mark.parametrize("number", ["9434765918", "123456789", "12345678901", "943476591A", ""])
def test_nhs_numbers_with_a_wrong_check_digit_or_length_are_invalid(number):
    assert not rules.nhs_number_is_valid(number)


def test_a_number_whose_check_digit_would_be_ten_is_never_valid():
    # Weighted sum 1*10 + 1*2 = 12, remainder 1, so the check digit would be 10.
    assert not any(rules.nhs_number_is_valid(f"100000001{check}") for check in range(10))


@pytest.mark.parametrize("kind", ["stillbirth", "late_foetal_loss", "termination"])
def test_deaths_outside_child_death_review_are_refused_with_the_reason(kind):
    reason = rules.refusal_reason(kind_of_death=kind, age_at_death_days=None)
    assert reason == rules.OUT_OF_SCOPE[kind]


def test_a_stillbirth_refusal_still_points_to_the_joint_agency_response():
    assert "Joint Agency Response" in rules.refusal_reason(
        kind_of_death="stillbirth", age_at_death_days=None
    )


def test_a_child_death_is_in_scope():
    assert rules.refusal_reason(kind_of_death="child", age_at_death_days=30) == ""


def test_a_child_who_died_on_their_eighteenth_birthday_is_outside_review():
    assert rules.is_under_eighteen(date_of_birth=date(2008, 5, 2), date_of_death=date(2026, 5, 1))
    assert not rules.is_under_eighteen(
        date_of_birth=date(2008, 5, 2), date_of_death=date(2026, 5, 2)
    )


def test_a_child_born_on_29_february_turns_eighteen_on_1_march():
    assert rules.is_under_eighteen(date_of_birth=date(2008, 2, 29), date_of_death=date(2026, 2, 28))
    assert not rules.is_under_eighteen(
        date_of_birth=date(2008, 2, 29), date_of_death=date(2026, 3, 1)
    )


@pytest.mark.parametrize(
    ("days", "band"),
    [
        (0, "0 to 27 days"),
        (27, "0 to 27 days"),
        (28, "28 to 364 days"),
        (400, "1 to 4 years"),
        (6000, "15 to 17 years"),
    ],
)
def test_age_bands_follow_the_ncmd_releases(days, band):
    assert rules.age_band(days) == band


def test_no_trigger_means_no_joint_agency_response():
    assert rules.jar_triggers(rules.JarFacts()) == []


@pytest.mark.parametrize("name", list(rules.JAR_TRIGGERS))
def test_each_trigger_alone_calls_for_a_joint_agency_response(name):
    assert rules.jar_triggers(rules.JarFacts(**{name: True})) == [rules.JAR_TRIGGERS[name]]


@pytest.mark.parametrize(
    ("count", "shown"), [(0, 0), (1, "fewer than 5"), (4, "fewer than 5"), (5, 5), (120, 120)]
)
def test_counts_from_one_to_four_are_suppressed(count, shown):
    assert rules.suppress(count) == shown


def test_the_panel_year_runs_from_april():
    assert rules.financial_year(date(2026, 3, 31)) == 2025
    assert rules.financial_year(date(2026, 4, 1)) == 2026


def test_a_lone_small_count_takes_the_next_smallest_cell_with_it():
    assert rules.suppress_table([6, 2, 9, 0]) == [rules.HIDDEN, rules.SUPPRESSED, 9, 0]


def test_two_small_counts_need_no_secondary_suppression():
    assert rules.suppress_table([6, 2, 3]) == [6, rules.SUPPRESSED, rules.SUPPRESSED]


def test_a_table_with_nothing_small_is_shown_whole():
    assert rules.suppress_table([5, 0, 12]) == [5, 0, 12]

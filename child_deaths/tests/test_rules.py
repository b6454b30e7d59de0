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
    ("born", "died", "band"),
    [
        (date(2025, 6, 1), date(2025, 6, 1), "0 to 27 days"),
        (date(2025, 6, 1), date(2025, 6, 28), "0 to 27 days"),
        (date(2025, 6, 1), date(2025, 6, 29), "28 days to under 1 year"),
        (date(2019, 3, 1), date(2020, 2, 29), "28 days to under 1 year"),
        (date(2019, 3, 1), date(2020, 3, 1), "1 to 4 years"),
        (date(2015, 6, 2), date(2020, 6, 1), "1 to 4 years"),
        (date(2015, 6, 2), date(2020, 6, 2), "5 to 9 years"),
        (date(2008, 6, 2), date(2026, 6, 1), "15 to 17 years"),
    ],
)
def test_age_bands_count_completed_years_of_age_on_the_date_of_death(born, died, band):
    """NCMD analysis form and data releases: age bands by completed years, not 365-day years."""
    assert rules.age_band(date_of_birth=born, date_of_death=died) == band


def test_a_child_born_on_1_march_2019_who_died_on_29_february_2020_is_under_one():
    """NCMD analysis form, age at death: 365 days old across a leap day is not yet one year."""
    assert (
        rules.completed_years(date_of_birth=date(2019, 3, 1), date_of_death=date(2020, 2, 29)) == 0
    )


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


@pytest.mark.parametrize("digit", "0123456789")
def test_an_nhs_number_of_ten_identical_digits_is_refused(digit):
    """NHS Data Model and Dictionary, NHS Number: ten identical digits pass modulus 11 but are never issued."""
    assert not rules.nhs_number_is_valid(digit * 10)
    assert "ten identical digits" in rules.nhs_number_problem(digit * 10)


@pytest.mark.parametrize("number", ["12345", "94347659190", "943476591A"])
def test_an_nhs_number_of_the_wrong_length_asks_for_ten_digits(number):
    """NCMD notification form 2022, NHS-number validation: ten digits."""
    assert rules.nhs_number_problem(number) == (
        f"Enter an NHS number with 10 digits, like {rules.NHS_NUMBER_EXAMPLE}"
    )


def test_the_example_nhs_number_in_the_messages_is_itself_valid():
    """NHS Data Model and Dictionary, NHS Number: the example shown must pass the check it asks for."""
    assert rules.nhs_number_problem(rules.NHS_NUMBER_EXAMPLE) == ""


def test_an_nhs_number_with_a_wrong_check_digit_asks_for_a_real_number():
    """NHS Data Model and Dictionary, NHS Number: modulus 11 check digit."""
    assert rules.nhs_number_problem("9434765918").startswith("Enter a real NHS number")


@pytest.mark.parametrize(
    ("weeks", "days", "outcome"),
    [
        (21, 6, "pregnancy_loss"),
        (22, 0, "late_foetal_loss"),
        (23, 6, "late_foetal_loss"),
        (24, 0, "stillbirth"),
        (39, 3, "stillbirth"),
    ],
)
def test_a_baby_born_without_signs_of_life_is_classed_by_gestation(weeks, days, outcome):
    """Child Death Review Statutory and Operational Guidance (England) 2018: late foetal loss 22+0 to 23+6 weeks."""
    total = rules.gestation_days(weeks=weeks, days=days)
    assert rules.baby_born_without_signs_of_life(total) == outcome


def test_gestation_is_written_as_weeks_plus_days():
    """Child Death Review Statutory and Operational Guidance (England) 2018: gestation as 23+6 weeks."""
    assert rules.gestation_label(rules.gestation_days(weeks=23, days=6)) == "23+6 weeks"


def test_a_suspected_stillbirth_is_notified_and_needs_a_joint_agency_response():
    """Child Death Review Statutory and Operational Guidance (England) 2018, JAR: stillbirth with no professional present."""
    assert rules.refusal_reason(kind_of_death="suspected_stillbirth", age_at_death_days=0) == ""
    assert rules.jar_needed_for_notification("suspected_stillbirth")
    assert not rules.jar_needed_for_notification("child")


def test_a_stillbirth_with_a_professional_present_is_refused_pointing_to_the_suspected_route():
    """Child Death Review Statutory and Operational Guidance (England) 2018, scope: stillbirths are not reviewed."""
    reason = rules.refusal_reason(kind_of_death="stillbirth", age_at_death_days=None)
    assert "A suspected stillbirth at home" in reason and "Joint Agency Response" in reason


@pytest.mark.parametrize(
    ("ethnicity", "group"),
    [
        ("asian_bangladeshi", "Asian, Asian British or Asian Welsh"),
        ("black_caribbean", "Black, Black British, Black Welsh, Caribbean or African"),
        ("mixed_white_black_african", "Mixed or Multiple ethnic groups"),
        ("white_roma", "White"),
        ("other_arab", "Other ethnic group"),
        ("white_not_recorded", "White"),
        ("not_stated", "Not stated"),
    ],
)
def test_each_census_category_is_counted_in_its_high_level_group(ethnicity, group):
    """NCMD analysis form and data releases: ONS 2021 categories, grouped in five for statistics."""
    assert rules.ethnic_group(ethnicity) == group


def test_the_census_list_has_nineteen_categories_in_five_groups():
    """NCMD analysis form: ethnicity recorded with the full ONS 2021 England and Wales list."""
    from child_deaths.forms import ethnicity_choices

    groups = [choice for choice in ethnicity_choices() if isinstance(choice[1], list)]
    assert [name for name, _ in groups] == list(rules.ETHNIC_GROUPS.values())
    assert sum(len(options) for _, options in groups) == 19


def test_timeliness_runs_from_the_death_to_the_completed_review():
    """Child Death Review Statutory and Operational Guidance (England) 2018: timeliness from death to CDOP review."""
    assert (
        rules.days_to_completed_review(
            date_of_death=date(2025, 1, 31), review_completed_on=date(2025, 3, 1)
        )
        == 29
    )


def test_a_review_completed_on_the_six_month_anniversary_is_within_six_months():
    """NCMD data releases: reviews completed within 6 months of the death, by calendar months."""
    died = date(2025, 8, 31)
    assert rules.reviewed_within_months(
        date_of_death=died, review_completed_on=date(2026, 2, 28), months=6
    )
    assert not rules.reviewed_within_months(
        date_of_death=died, review_completed_on=date(2026, 3, 1), months=6
    )


def test_a_reporting_year_is_named_by_both_its_years():
    """Working Together 2023 ch. 6: the child death review partners' year runs 1 April to 31 March."""
    assert rules.reporting_year_label(rules.financial_year(date(2026, 3, 31))) == "2025 to 2026"


def test_no_nhs_number_because_not_resident_in_england_contradicts_living_in_england():
    """NCMD notification form 2022, "no NHS number" options: "Child non-resident in England"."""
    assert rules.nhs_status_contradicts_residence(not_resident_in_england=True, lives_outside=False)
    assert not rules.nhs_status_contradicts_residence(
        not_resident_in_england=True, lives_outside=True
    )


def test_a_cell_whose_left_out_count_is_small_is_hidden_in_the_filtered_table():
    """Complementary suppression: filtered 6, unfiltered 8 would give away the 2 left out."""
    assert rules.suppress_table([6, 7, 9], outside=[2, 0, 5]) == [rules.HIDDEN, rules.HIDDEN, 9]


def test_a_filtered_table_with_nothing_small_left_out_is_shown_whole():
    assert rules.suppress_table([6, 7, 0], outside=[0, 5, 3]) == [6, 7, 0]

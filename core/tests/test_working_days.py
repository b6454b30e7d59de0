"""The working-day calendar: weekends, England's bank holidays and a partnership's closure days."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.working_days import add_working_days, is_working_day, working_days_between


def test_day_one_is_the_first_working_day_after_the_date():
    assert add_working_days(date(2026, 3, 2), 1) == date(2026, 3, 3)  # Monday -> Tuesday


def test_weekends_are_not_counted():
    assert add_working_days(date(2026, 3, 6), 1) == date(2026, 3, 9)  # Friday -> Monday


def test_five_working_days_from_a_wednesday_end_the_next_wednesday():
    assert add_working_days(date(2026, 3, 4), 5) == date(2026, 3, 11)


def test_england_bank_holidays_are_skipped():
    # Good Friday 3 April and Easter Monday 6 April 2026.
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)


def test_christmas_and_boxing_day_substitutes_are_skipped():
    # 26 December 2026 is a Saturday, so the bank holiday moves to Monday 28 December.
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)


def test_scottish_only_bank_holidays_do_not_count_in_england():
    assert is_working_day(date(2026, 1, 2))  # 2 January is a bank holiday only in Scotland


def test_partnership_closure_days_are_skipped_when_given():
    assert add_working_days(date(2026, 3, 2), 1, closures=[date(2026, 3, 3)]) == date(2026, 3, 4)


def test_zero_days_is_the_date_itself():
    assert add_working_days(date(2026, 3, 7), 0) == date(2026, 3, 7)


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 2), -1)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    st.integers(min_value=1, max_value=40),
)
def test_adding_n_working_days_lands_on_a_working_day_n_working_days_later(start, days):
    end = add_working_days(start, days)
    assert is_working_day(end)
    assert working_days_between(start, end) == days

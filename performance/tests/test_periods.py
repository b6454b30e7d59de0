"""Financial-year quarters and area names: pure rules, no database."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from performance.areas import area_key
from performance.periods import BadPeriod, Quarter


def test_2025_26_q1_is_april_to_june_2025():
    quarter = Quarter.parse("2025-26 Q1")
    assert quarter.first_day == date(2025, 4, 1)
    assert quarter.months == "April to June 2025"


def test_the_fourth_quarter_falls_in_the_following_calendar_year():
    assert Quarter.parse("2025-26 Q4").months == "January to March 2026"


@pytest.mark.parametrize("text", ["2025/26 Q1", "2025-2026 q1", " 2025 - 26  Q1 "])
def test_common_spellings_of_a_quarter_are_understood(text):
    assert Quarter.parse(text) == Quarter(2025, 1)


@pytest.mark.parametrize(
    "text", ["", "2025 Q1", "2025-26 Q5", "2025-27 Q1", "Q1 2025-26", "2025-2027 Q2"]
)
def test_text_that_is_not_a_financial_year_quarter_is_refused(text):
    with pytest.raises(BadPeriod):
        Quarter.parse(text)


def test_the_previous_quarter_of_q1_is_q4_of_the_year_before():
    assert Quarter(2025, 1).previous() == Quarter(2024, 4)


def test_the_same_quarter_last_year_is_four_quarters_back():
    assert Quarter(2025, 3).year_before() == Quarter(2024, 3)


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2025, 4, 1), "2025-26 Q1"),
        (date(2025, 12, 31), "2025-26 Q3"),
        (date(2026, 3, 31), "2025-26 Q4"),
    ],
)
def test_a_day_falls_in_its_financial_quarter(day, quarter):
    assert str(Quarter.containing(day)) == quarter


@given(st.integers(min_value=1000, max_value=9998), st.integers(min_value=1, max_value=4))
def test_formatting_then_parsing_gives_the_same_quarter(start_year, number):
    quarter = Quarter(start_year, number)
    assert Quarter.parse(str(quarter)) == quarter
    assert Quarter.from_index(quarter.index) == quarter


def test_quarters_sort_in_time_order_by_index():
    assert Quarter(2024, 4).index + 1 == Quarter(2025, 1).index


@pytest.mark.parametrize(
    "written", ["Redcar and Cleveland", "Redcar & Cleveland", " redcar  &  CLEVELAND "]
)
def test_an_area_is_recognised_however_its_name_is_written(written):
    assert area_key(written) == area_key("Redcar & Cleveland")

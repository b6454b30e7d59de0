"""RAG ratings, direction of travel and exceptions: pure rules, no database."""

import pytest

from performance import assessment as a


@pytest.mark.parametrize(
    ("value", "expected"), [(90, "green"), (86, "amber"), (85, "amber"), (84, "red")]
)
def test_higher_is_better_is_green_at_target_amber_within_tolerance_red_beyond(value, expected):
    assert a.rag(value, 90, 5, a.HIGHER) == expected


@pytest.mark.parametrize(("value", "expected"), [(20, "green"), (22, "amber"), (24, "red")])
def test_lower_is_better_is_red_above_target_plus_tolerance(value, expected):
    assert a.rag(value, 20, 3, a.LOWER) == expected


def test_an_indicator_without_a_target_has_no_rating():
    assert a.rag(50, None, 0, a.HIGHER) == ""


def test_direction_of_travel_reads_through_polarity():
    assert a.direction(12, 10, a.HIGHER) == a.IMPROVING
    assert a.direction(12, 10, a.LOWER) == a.WORSENING
    assert a.direction(12, 10, a.NEITHER) == a.UP
    assert a.direction(10, 10, a.HIGHER) == a.NO_CHANGE
    assert a.direction(10, None, a.HIGHER) == ""


def test_a_value_outside_tolerance_is_flagged_saying_by_how_much():
    flag = a.outside_tolerance(70, 85, 5, a.HIGHER)
    assert flag.kind == "tolerance"
    assert flag.reason == "70 is below the target of 85 by more than the tolerance of 5"


def test_a_value_within_tolerance_is_not_flagged():
    assert a.outside_tolerance(82, 85, 5, a.HIGHER) is None


def test_three_quarters_moving_the_wrong_way_are_flagged():
    flag = a.moving_the_wrong_way([80, 78, 75, 71], a.HIGHER)
    assert flag.kind == "trend"
    assert "80 → 78 → 75 → 71" in flag.reason


def test_two_quarters_the_wrong_way_then_one_better_are_not_flagged():
    assert a.moving_the_wrong_way([80, 78, 75, 76], a.HIGHER) is None


def test_a_measure_with_no_better_direction_never_moves_the_wrong_way():
    assert a.moving_the_wrong_way([1, 2, 3, 4], a.NEITHER) is None


def test_a_value_above_the_upper_control_limit_is_flagged_saying_which_limit():
    flag = a.outside_control_limits([50, 52, 49, 51, 50, 48, 51, 70])
    assert flag.kind == "spc"
    assert "above the upper control limit" in flag.reason
    assert "mean 50.1 + 3 times the standard deviation" in flag.reason


def test_a_value_below_the_lower_control_limit_is_flagged_saying_which_limit():
    flag = a.outside_control_limits([50, 52, 49, 51, 50, 48, 51, 30])
    assert "below the lower control limit" in flag.reason


def test_a_series_too_short_for_control_limits_is_not_judged():
    assert a.outside_control_limits([50, 52, 49, 51, 50, 90]) is None


def test_a_value_inside_the_control_limits_is_not_flagged():
    assert a.outside_control_limits([50, 52, 49, 51, 50, 48, 51, 53]) is None


def test_exceptions_lists_every_reason_a_value_is_flagged():
    flags = a.exceptions([90, 91, 90, 89, 92, 90, 85, 80, 40], 85, 5, a.HIGHER)
    assert {flag.kind for flag in flags} == {"tolerance", "trend", "spc"}

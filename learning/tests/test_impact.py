"""The impact chain's pure rules (`learning.impact`): how an indicator moved since an action
opened, and when an action's impact counts as evidenced. No database."""

from datetime import date
from decimal import Decimal

from learning import impact
from learning.impact import Movement, Point


def quarter(label: str, starts: date, ends: date, value) -> Point:
    return Point(label, starts, ends, None if value is None else Decimal(value))


TREND = (
    quarter("2025-26 Q1", date(2025, 4, 1), date(2025, 6, 30), 60),
    quarter("2025-26 Q2", date(2025, 7, 1), date(2025, 9, 30), 62),
    quarter("2025-26 Q3", date(2025, 10, 1), date(2025, 12, 31), 70),
    quarter("2025-26 Q4", date(2026, 1, 1), date(2026, 3, 31), 81),
)


def test_an_indicator_that_rose_after_the_action_opened_moved_as_expected_when_up_was_wanted():
    assert impact.movement(TREND, opened_on=date(2025, 8, 1), expected="up") == Movement.AS_EXPECTED


def test_the_same_rise_is_the_other_way_when_down_was_wanted():
    assert impact.movement(TREND, opened_on=date(2025, 8, 1), expected="down") == Movement.AGAINST


def test_the_baseline_is_the_last_quarter_that_ended_before_the_action_opened():
    flat_since = (*TREND[:2], quarter("2025-26 Q3", date(2025, 10, 1), date(2025, 12, 31), 60))
    # Opened in Q2: the baseline is Q1 (60), the latest Q3 (60).
    assert impact.movement(flat_since, opened_on=date(2025, 8, 1), expected="up") == Movement.NONE


def test_no_figure_before_the_action_opened_is_not_enough_to_judge():
    # Opened in the first quarter with a figure: that quarter had not ended, so no baseline.
    assert impact.movement(TREND, opened_on=date(2025, 5, 1), expected="up") == Movement.NO_DATA


def test_quarters_without_a_figure_are_skipped():
    gaps = (TREND[0], quarter("2025-26 Q2", date(2025, 7, 1), date(2025, 9, 30), None))
    assert impact.movement(gaps, opened_on=date(2025, 8, 1), expected="up") == Movement.NO_DATA


def test_impact_is_evidenced_only_once_a_member_of_the_owning_group_signed_it_off():
    assert not impact.impact_evidenced(signed_off_by_member=False, movements=[])
    assert impact.impact_evidenced(signed_off_by_member=True, movements=[])


def test_with_named_indicators_every_one_must_have_moved_as_expected():
    assert impact.impact_evidenced(
        signed_off_by_member=True, movements=[Movement.AS_EXPECTED, Movement.AS_EXPECTED]
    )
    assert not impact.impact_evidenced(
        signed_off_by_member=True, movements=[Movement.AS_EXPECTED, Movement.NO_DATA]
    )

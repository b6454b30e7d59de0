"""The next ILACS inspection's window and the RAG rating of an action: pure rules, no database."""

from datetime import date

import pytest

from core.charts import line_chart
from inspections import schedule
from inspections.selectors import GRADE_LEVELS


def test_the_next_standard_inspection_is_expected_about_three_years_after_the_last():
    window = schedule.next_standard_inspection_window(date(2024, 3, 15))
    assert window == schedule.Window(
        earliest=date(2026, 9, 15), expected=date(2027, 3, 15), latest=date(2027, 9, 15)
    )


def test_the_window_keeps_a_month_end_inside_the_month():
    window = schedule.next_standard_inspection_window(date(2023, 8, 31))
    assert (window.earliest, window.expected) == (date(2026, 2, 28), date(2026, 8, 31))


def test_a_day_inside_the_window_is_in_it_and_one_after_is_not():
    window = schedule.next_standard_inspection_window(date(2024, 3, 15))
    assert window.contains(date(2027, 9, 15))
    assert not window.contains(date(2027, 9, 16))


TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("status", "closed", "due", "rating"),
    [
        ("on_track", False, date(2027, 1, 31), schedule.GREEN),
        ("at_risk", False, date(2027, 1, 31), schedule.AMBER),
        ("not_started", False, date(2027, 1, 31), schedule.AMBER),
        ("on_track", False, date(2026, 12, 3), schedule.RED),
        ("on_track", False, TODAY, schedule.GREEN),
        ("closed", True, date(2026, 1, 1), schedule.COMPLETE),
    ],
)
def test_an_actions_rag_follows_its_owners_status_and_its_due_date(status, closed, due, rating):
    assert schedule.rag(status=status, closed=closed, due=due, today=TODAY) == rating


def test_the_grade_chart_puts_each_grade_on_its_own_fixed_level():
    chart = line_chart([("2019", 1), ("2023", 2)], levels=GRADE_LEVELS, label_width=170)
    levels = {level["label"]: level["y"] for level in chart["levels"]}
    assert [dot["y"] for dot in chart["dots"]] == [
        levels["Inadequate"],
        levels["Requires improvement"],
    ]
    assert levels["Outstanding"] < levels["Good"] < levels["Requires improvement"]

"""The stacked bar chart's geometry: pure, no database."""

from core.charts import stacked_bar_chart

SERIES = [("Yes", "#00703c", True), ("No", "#ffdd00", False)]


def test_each_part_is_its_share_of_the_rows_width_and_parts_follow_one_another():
    chart = stacked_bar_chart([("Police", (1, 3))], series=SERIES, width=516, label_width=100)
    first, second = chart["bars"][0]["segments"]
    assert (first.x, first.width, first.value, first.light_text) == (100, 100, 1, True)
    assert (second.x, second.width, second.value, second.light_text) == (200, 300, 3, False)


def test_a_row_without_counts_draws_no_part_and_an_empty_part_is_left_out():
    chart = stacked_bar_chart([("Nobody", (0, 0)), ("Health", (0, 2))], series=SERIES)
    assert chart["bars"][0]["segments"] == []
    assert [segment.series for segment in chart["bars"][1]["segments"]] == [1]


def test_the_legend_names_every_series_and_the_chart_grows_with_its_rows():
    one = stacked_bar_chart([("A", (1, 1))], series=SERIES)
    two = stacked_bar_chart([("A", (1, 1)), ("B", (1, 1))], series=SERIES)
    assert [key["label"] for key in one["legend"]] == ["Yes", "No"]
    assert two["height"] - one["height"] == 32

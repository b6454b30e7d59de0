"""The performance framework's headlines for the partnership's yearly report (`core.yearly`): each
indicator at the last quarter of the year with figures, against its target and a year before.

Source: Working Together 2023 asks the partners to use an agreed data set to judge how effective
the arrangements are, and the yearly report to say how effective they were (reference/statutory.md 1.5).
"""

from datetime import date

from core.yearly import YearSummary
from performance import periods, selectors


def summarise(partnership, first: date, last: date) -> YearSummary:
    quarters = [
        quarter
        for quarter in selectors.quarters_with_data(partnership)
        if first <= quarter.first_day <= last
    ]
    if not quarters:
        return YearSummary()
    report = selectors.quarterly_report(partnership=partnership, quarter=quarters[0])
    lines, counts = [], {"green": 0, "amber": 0, "red": 0}
    for row in report.rows:
        figure = row.chosen
        if figure.value is None:
            continue
        if figure.rag in counts:
            counts[figure.rag] += 1
        target = f", target {row.indicator.target}" if row.indicator.target is not None else ""
        trend = f"; {figure.vs_year_ago} on a year before" if figure.vs_year_ago else ""
        lines.append(f"{row.indicator}: {figure.value}{target}{trend}")
    return YearSummary(
        figures=[
            ("Quarter of the latest figures", str(periods.Quarter.from_index(quarters[0].index))),
            ("Indicators on target (green)", counts["green"]),
            ("Indicators within tolerance (amber)", counts["amber"]),
            ("Indicators off target (red)", counts["red"]),
        ],
        lists=[("Headline indicators", lines)],
    )

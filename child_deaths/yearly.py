"""The child death review's part of the partnership's yearly report (`core.yearly`): the headline
figures of the CDOP yearly report for the partnership's deaths, small numbers suppressed as there.

Source: Working Together 2023 ch. 6 and the Child Death Review Statutory and Operational Guidance
(2018): the child death review partners publish a yearly report; the safeguarding partners' report
summarises it (reference/statutory.md 1.5).
"""

from datetime import date

from child_deaths import selectors
from child_deaths.models import ChildDeath
from core.yearly import YearSummary


def summarise(partnership, first: date, last: date) -> YearSummary:
    # The panel reports by year from 1 April: the year the partnership's period starts in.
    report = selectors.yearly_report(
        ChildDeath.objects.filter(partnership=partnership),
        first.year if first.month >= 4 else first.year - 1,
    )
    median = report["median_days_death_to_review"]
    return YearSummary(
        figures=[
            ("Child deaths notified", report["notified"]),
            ("Child deaths reviewed by the panel", report["reviewed"]),
            ("Reviewed within 6 months of the death", report["reviewed_within_6_months"]),
            ("Reviewed within 12 months of the death", report["reviewed_within_12_months"]),
            (
                "Median days from death to completed review",
                median if median is not None else "Not shown for fewer than 5 reviews",
            ),
        ],
        lists=[
            (
                "Themes of the panel's learning",
                [f"{label}: {count}" for item in report["themes"] for label, count in item.rows],
            )
        ],
    )

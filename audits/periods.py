"""The audit programme's year and quarters, and the default scope of an audit (pure).

A programme runs for a financial year, 1 April to 31 March, planned by quarter: Q1 is April to June,
Q4 January to March (England's financial year, as the performance framework's quarters count it).
"""

from datetime import date

QUARTERS = (1, 2, 3, 4)
# Multi-agency audits look at recent practice: interventions within the last 12 months (statutory.md 7).
DEFAULT_SCOPE = "Cases with interventions in the last 12 months."


def year_containing(day: date) -> int:
    """The financial year a day falls in, by the calendar year it starts in."""
    return day.year if day.month >= 4 else day.year - 1


def year_label(year: int) -> str:
    """'2026 to 2027', as GOV.UK writes a financial year."""
    return f"{year} to {year + 1}"


def quarter_of(day: date) -> int:
    """The quarter of the financial year a day falls in (1 to 4)."""
    return (day.month - 4) % 12 // 3 + 1


def quarter_label(quarter: int) -> str:
    """'Quarter 1 (April to June)'."""
    months = ("April to June", "July to September", "October to December", "January to March")
    return f"Quarter {quarter} ({months[quarter - 1]})"

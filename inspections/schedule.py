"""When the next standard ILACS inspection is expected, and the RAG rating of an action's progress."""

import calendar
from dataclasses import dataclass
from datetime import date

YEARS_BETWEEN_INSPECTIONS = 3
MONTHS_EITHER_SIDE = 6


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), kept inside the month: 31 August + 6 is 28 February."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Window:
    earliest: date
    expected: date
    latest: date

    def contains(self, day: date) -> bool:
        return self.earliest <= day <= self.latest


def next_standard_inspection_window(last_inspected: date) -> Window:
    """About three years after the last standard or short inspection, give or take six months.

    Source: Ofsted ILACS framework (inspections usually within six months of the three-year anniversary).
    """
    expected = add_months(last_inspected, 12 * YEARS_BETWEEN_INSPECTIONS)
    return Window(
        earliest=add_months(expected, -MONTHS_EITHER_SIDE),
        expected=expected,
        latest=add_months(expected, MONTHS_EITHER_SIDE),
    )


RED, AMBER, GREEN, COMPLETE = "red", "amber", "green", "complete"
RAG_LABELS = {RED: "Red", AMBER: "Amber", GREEN: "Green", COMPLETE: "Complete"}


def rag(*, status: str, closed: bool, due: date, today: date) -> str:
    """An action's RAG rating from its owner's status: red when overdue, amber when at risk or not yet
    started, green on track, complete once closed with evidence of impact."""
    if closed:
        return COMPLETE
    if due < today:
        return RED
    return GREEN if status == "on_track" else AMBER

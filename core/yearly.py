"""What each capability gives the partnership's yearly report: a summary of its year, registered
by the capability from its AppConfig's `ready()` (reviews, child deaths, inspections, performance,
and audits or training once they exist). The report reads this registry, so it never imports a
capability that may not be installed, and a section whose capability is missing says so.

Source: Working Together 2023 asks the safeguarding partners to publish a report each year on what
they did and how effective it was (reference/statutory.md 1.5).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class YearSummary:
    """A capability's year: headline figures as (label, value), and lists of lines under headings."""

    figures: list[tuple[str, int | str]] = field(default_factory=list)
    lists: list[tuple[str, list[str]]] = field(default_factory=list)
    # The records the lines are drawn from: publishing the report checks its text against the
    # children of each (their `learning_subjects`, see learning.services_publication).
    sources: list = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.figures and not any(lines for _, lines in self.lists)


Summarise = Callable[[object, date, date], YearSummary]

_summaries: dict[str, Summarise] = {}


def register(section: str, summarise: Summarise) -> None:
    """`summarise(partnership, first_day, last_day)` gives the section's summary of that period."""
    _summaries[section] = summarise


def summariser(section: str) -> Summarise | None:
    return _summaries.get(section)

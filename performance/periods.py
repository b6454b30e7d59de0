"""Reporting periods: financial-year quarters written as people write them, "2025-26 Q1".

England's financial year runs from 1 April to 31 March, so Q1 is April to June, Q4 January to March.
A quarter is stored as one whole number (`index`) so that ordering, "the previous quarter" (index - 1)
and "the same quarter last year" (index - 4) are plain arithmetic in the database.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

_PATTERN = re.compile(r"^\s*(\d{4})\s*[-/\u2013]\s*(\d{2}|\d{4})\s*Q\s*([1-4])\s*$", re.IGNORECASE)
_FIRST_MONTHS = {1: 4, 2: 7, 3: 10, 4: 1}


class BadPeriod(ValueError):
    """Text that is not a financial-year quarter."""


@dataclass(frozen=True, order=True)
class Quarter:
    start_year: int  # the calendar year in which the financial year begins (2025 for 2025-26)
    number: int  # 1 to 4

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        """'2025-26 Q1' (also '2025/26 Q1', '2025-2026 q1'); anything else raises BadPeriod."""
        match = _PATTERN.match(str(text or ""))
        if not match:
            raise BadPeriod(f"'{text}' is not a quarter: write it like 2025-26 Q1")
        start, end, number = int(match[1]), match[2], int(match[3])
        if int(end) % 100 != (start + 1) % 100 or (len(end) == 4 and int(end) != start + 1):
            raise BadPeriod(
                f"'{text}' is not a financial year: the second year must follow the first"
            )
        return cls(start, number)

    @classmethod
    def from_index(cls, index: int) -> "Quarter":
        return cls(index // 4, index % 4 + 1)

    @classmethod
    def containing(cls, day: date) -> "Quarter":
        start_year = day.year if day.month >= 4 else day.year - 1
        return cls(start_year, (day.month - 4) % 12 // 3 + 1)

    @property
    def index(self) -> int:
        return self.start_year * 4 + self.number - 1

    def __str__(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d} Q{self.number}"

    @property
    def first_day(self) -> date:
        month = _FIRST_MONTHS[self.number]
        return date(self.start_year + (1 if self.number == 4 else 0), month, 1)

    @property
    def months(self) -> str:
        """'April to June 2025'."""
        first = self.first_day
        return f"{calendar.month_name[first.month]} to {calendar.month_name[first.month + 2]} {first.year}"

    def previous(self) -> "Quarter":
        return Quarter.from_index(self.index - 1)

    def year_before(self) -> "Quarter":
        return Quarter.from_index(self.index - 4)


def label(index: int) -> str:
    return str(Quarter.from_index(index))

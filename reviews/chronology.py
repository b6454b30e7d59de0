"""The merged multi-agency chronology: reading agencies' files and marking likely duplicates."""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

COLUMNS = ("date", "event")
PROGRESS_EVERY = 1000
# Two agencies' entries on the same day whose words overlap this much are probably one event.
DUPLICATE_SIMILARITY = 0.5
_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to", "was", "with"}
)


@dataclass(frozen=True)
class ImportProblem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Row {self.row}, column '{self.column}': {self.message}"


@dataclass(frozen=True)
class ImportedRow:
    row: int
    date: date
    event: str


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower())) - _STOP_WORDS


def similarity(first: str, second: str) -> float:
    a, b = _words(first), _words(second)
    return len(a & b) / len(a | b) if a and b else 0.0


def likely_duplicates(entries: Sequence) -> set[int]:
    """Ids of entries that probably record the same event as another agency's entry that day.

    Each entry needs `id`, `date`, `organisation_id` and `event`.
    """
    by_date: dict[date, list] = {}
    for entry in entries:
        by_date.setdefault(entry.date, []).append(entry)
    marked: set[int] = set()
    for same_day in by_date.values():
        for index, first in enumerate(same_day):
            for second in same_day[index + 1 :]:
                if (
                    first.organisation_id != second.organisation_id
                    and similarity(first.event, second.event) >= DUPLICATE_SIMILARITY
                ):
                    marked.update({first.id, second.id})
    return marked


def _parse_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def read_chronology(
    table: Iterable[list], progress: Callable[[int], None] | None = None
) -> tuple[list[ImportedRow], list[ImportProblem]]:
    """The dated entries of a table (`core.tables.read_table`) whose header names date and event.

    `progress` is told how many rows have been read, every PROGRESS_EVERY rows.
    """
    rows = iter(table)
    header = [str(cell or "").strip().lower() for cell in next(rows, [])]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        return [], [
            ImportProblem(1, column, "this column is missing from the header row")
            for column in missing
        ]
    at = {column: header.index(column) for column in COLUMNS}
    found, problems = [], []
    for number, cells in enumerate(rows, start=2):
        if progress and (number - 1) % PROGRESS_EVERY == 0:
            progress(number - 1)
        cells = list(cells) + [None] * (len(header) - len(cells))
        if not any(str(cell or "").strip() for cell in cells):
            continue
        raw_date, event = cells[at["date"]], str(cells[at["event"]] or "").strip()
        day = _parse_date(raw_date)
        if day is None:
            problems.append(
                ImportProblem(
                    number,
                    "date",
                    f"{raw_date or 'blank'} is not a date like 2026-03-27 or 27/03/2026",
                )
            )
        elif day > timezone.localdate():
            problems.append(ImportProblem(number, "date", "the date is in the future"))
        if not event:
            problems.append(ImportProblem(number, "event", "describe what happened"))
        if day is not None and event:
            found.append(ImportedRow(number, day, event))
    if not found and not problems:
        problems.append(ImportProblem(2, "date", "the file has no entries"))
    return found, problems

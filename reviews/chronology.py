"""The merged multi-agency chronology: reading agencies' files and marking likely duplicates."""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from core.tables import DATE_EXAMPLES, RowProblem, cell_date

COLUMNS = ("date", "event")
PROGRESS_EVERY = 1000
# Two agencies' entries on the same day whose words overlap this much are probably one event.
DUPLICATE_SIMILARITY = 0.5
_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to", "was", "with"}
)


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


def read_chronology(
    table: Iterable[list], progress: Callable[[int], None] | None = None
) -> tuple[list[ImportedRow], list[RowProblem]]:
    """The dated entries of a table (`core.tables.read_table`) whose header names date and event.

    `progress` is told how many rows have been read, every PROGRESS_EVERY rows.
    """
    rows = iter(table)
    header = [str(cell or "").strip().lower() for cell in next(rows, [])]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        return [], [
            RowProblem(1, column, "this column is missing from the header row")
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
        day = cell_date(raw_date)
        if day is None:
            problems.append(
                RowProblem(
                    number,
                    "date",
                    f"{raw_date or 'blank'} is not a date like {DATE_EXAMPLES}",
                )
            )
        elif day > timezone.localdate():
            problems.append(RowProblem(number, "date", "the date is in the future"))
        if not event:
            problems.append(RowProblem(number, "event", "describe what happened"))
        if day is not None and event:
            found.append(ImportedRow(number, day, event))
    if not found and not problems:
        problems.append(RowProblem(2, "date", "the file has no entries"))
    return found, problems

"""Reading the learning platform's file of e-learning completions: every row checked against the
partnership's people (by email) and e-learning courses (by title) before anything is written."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from core.tables import DATE_EXAMPLES, RowProblem, cell_date

COLUMNS = ("email", "course", "completed on")


def key(text) -> str:
    """How an email address or a course title is matched: case and spacing ignored."""
    return " ".join(str(text or "").split()).lower()


@dataclass(frozen=True)
class CompletionRow:
    row: int
    person: object
    course: object
    completed_on: date


@dataclass
class CompletionsRead:
    completions: list[CompletionRow]
    problems: list[RowProblem]
    already_recorded: int = 0


def read_completions(
    table: Iterable[list],
    *,
    people: Mapping[str, object],
    courses: Mapping[str, object],
    recorded: set[tuple[int, int]],
    today: date,
) -> CompletionsRead:
    """The completions in a table (`core.tables.read_table`) whose header names email, course and
    completed on. `people` and `courses` are keyed by `key`; `recorded` holds the (person id,
    course id) completions already held, which are counted and left as they are, so the platform's
    whole export can be imported again. A person or course twice in the file is a problem."""
    rows = iter(table)
    header = [key(cell) for cell in next(rows, [])]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        return CompletionsRead(
            [],
            [
                RowProblem(1, column, "this column is missing from the header row")
                for column in missing
            ],
        )
    at = {column: header.index(column) for column in COLUMNS}
    read = CompletionsRead([], [])
    first_seen: dict[tuple[int, int], int] = {}
    for number, cells in enumerate(rows, start=2):
        cells = list(cells) + [None] * (len(header) - len(cells))
        if not any(key(cell) for cell in cells):
            continue
        email, title, raw_date = (cells[at[column]] for column in COLUMNS)
        person = people.get(key(email))
        course = courses.get(key(title))
        completed_on = cell_date(raw_date)
        problems = []
        if not key(email):
            problems.append(RowProblem(number, "email", "enter the person's email address"))
        elif person is None:
            problems.append(
                RowProblem(number, "email", f"no one in the partnership has the email {email}")
            )
        if not key(title):
            problems.append(RowProblem(number, "course", "enter the course title"))
        elif course is None:
            problems.append(
                RowProblem(number, "course", f"there is no e-learning course called {title}")
            )
        if completed_on is None:
            problems.append(
                RowProblem(
                    number,
                    "completed on",
                    f"{raw_date or 'blank'} is not a date like {DATE_EXAMPLES}",
                )
            )
        elif completed_on > today:
            problems.append(RowProblem(number, "completed on", "the date is in the future"))
        if problems:
            read.problems.extend(problems)
            continue
        pair = (person.pk, course.pk)
        if pair in first_seen:
            read.problems.append(
                RowProblem(
                    number,
                    "email",
                    f"{email} already completed this course in row {first_seen[pair]}",
                )
            )
        elif pair in recorded:
            read.already_recorded += 1
        else:
            read.completions.append(CompletionRow(number, person, course, completed_on))
        first_seen.setdefault(pair, number)
    if not read.completions and not read.problems and not read.already_recorded:
        read.problems.append(RowProblem(2, "email", "the file has no completions"))
    return read

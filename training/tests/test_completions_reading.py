"""Reading the learning platform's completions file: each problem named by row and column."""

from datetime import date
from types import SimpleNamespace

from training.completions import read_completions

TODAY = date(2026, 12, 5)
ASHA = SimpleNamespace(pk=1, email="asha.practitioner@test.example")
BEN = SimpleNamespace(pk=2, email="ben.practitioner@test.example")
COURSE = SimpleNamespace(pk=10, title="Neglect: an introduction")


def _read(text: str, *, recorded=frozenset()):
    table = [line.split(",") for line in text.strip().splitlines()]
    return read_completions(
        table,
        people={"asha.practitioner@test.example": ASHA, "ben.practitioner@test.example": BEN},
        courses={"neglect: an introduction": COURSE},
        recorded=set(recorded),
        today=TODAY,
    )


def test_rows_match_people_by_email_and_courses_by_title_ignoring_case_and_spaces():
    read = _read(
        "Email,Course,Completed on\n"
        " Asha.Practitioner@TEST.example ,Neglect:  an introduction,2026-11-30\n"
        "ben.practitioner@test.example,neglect: an introduction,01/12/2026\n"
    )
    assert read.problems == []
    assert [(row.row, row.person, row.course, row.completed_on) for row in read.completions] == [
        (2, ASHA, COURSE, date(2026, 11, 30)),
        (3, BEN, COURSE, date(2026, 12, 1)),
    ]


def test_an_unknown_email_a_bad_date_and_a_duplicate_are_named_by_row_and_column():
    read = _read(
        "email,course,completed on\n"
        "asha.practitioner@test.example,Neglect: an introduction,2026-11-30\n"
        "someone@elsewhere.example,Neglect: an introduction,2026-11-30\n"
        "ben.practitioner@test.example,Neglect: an introduction,31/11/2026\n"
        "asha.practitioner@test.example,Neglect: an introduction,2026-12-01\n"
        "ben.practitioner@test.example,Safe sleep,2026-12-06\n"
    )
    assert [str(problem) for problem in read.problems] == [
        "Row 3, column 'email': no one in the partnership has the email someone@elsewhere.example",
        "Row 4, column 'completed on': 31/11/2026 is not a date like 2026-03-27 or 27/03/2026",
        "Row 5, column 'email': asha.practitioner@test.example already completed this course in row 2",
        "Row 6, column 'course': there is no e-learning course called Safe sleep",
        "Row 6, column 'completed on': the date is in the future",
    ]


def test_a_missing_column_is_named_in_the_header_row():
    read = _read("email,completed on\nasha.practitioner@test.example,2026-11-30\n")
    assert [str(problem) for problem in read.problems] == [
        "Row 1, column 'course': this column is missing from the header row"
    ]


def test_completions_already_recorded_are_counted_and_not_read_again():
    read = _read(
        "email,course,completed on\nasha.practitioner@test.example,Neglect: an introduction,2026-11-30\n",
        recorded={(ASHA.pk, COURSE.pk)},
    )
    assert (read.completions, read.problems, read.already_recorded) == ([], [], 1)


def test_a_file_with_no_rows_is_refused():
    read = _read("email,course,completed on\n,,\n")
    assert [str(problem) for problem in read.problems] == [
        "Row 2, column 'email': the file has no completions"
    ]

"""Reviewer independence and the chronology's duplicate marking, as pure rules (no database)."""

import io
from datetime import date
from types import SimpleNamespace

from core import tables
from reviews.chronology import likely_duplicates, read_chronology
from reviews.independence import Candidate, independence_problems

UNDER_REVIEW = {1: "Test Borough Council", 2: "Test Police"}


def _candidate(**changes):
    values = {
        "name": "Rev Testperson",
        "employer_id": None,
        "involved_with_ids": [],
        "involved_in_case": False,
    }
    return Candidate(**{**values, **changes})


def test_a_reviewer_independent_of_the_organisations_under_review_may_review_an_lcspr():
    assert (
        independence_problems(
            candidate=_candidate(employer_id=9), is_lcspr=True, under_review=UNDER_REVIEW
        )
        == []
    )


def test_a_reviewer_employed_by_an_organisation_under_review_is_refused_with_the_reason():
    problems = independence_problems(
        candidate=_candidate(employer_id=2), is_lcspr=True, under_review=UNDER_REVIEW
    )
    assert problems == [
        "Rev Testperson is employed by Test Police, whose actions are under review."
    ]


def test_a_reviewer_who_declared_involvement_with_an_organisation_under_review_is_refused():
    problems = independence_problems(
        candidate=_candidate(involved_with_ids=[1, 7]), is_lcspr=True, under_review=UNDER_REVIEW
    )
    assert problems == [
        "Rev Testperson has declared involvement with Test Borough Council, whose actions are under review."
    ]


def test_a_critical_friend_may_come_from_an_organisation_under_review():
    assert (
        independence_problems(
            candidate=_candidate(employer_id=2), is_lcspr=False, under_review=UNDER_REVIEW
        )
        == []
    )


def test_nobody_involved_in_the_case_may_review_it():
    problems = independence_problems(
        candidate=_candidate(involved_in_case=True), is_lcspr=False, under_review=UNDER_REVIEW
    )
    assert problems == ["Rev Testperson has declared involvement in the case."]


def _entry(id, organisation_id, event, day=date(2026, 2, 1)):
    return SimpleNamespace(id=id, organisation_id=organisation_id, event=event, date=day)


def test_the_same_event_on_the_same_day_from_two_agencies_is_a_likely_duplicate():
    entries = [
        _entry(1, 10, "Child R seen at the emergency department with a head injury"),
        _entry(2, 20, "Emergency department attendance: Child R, head injury"),
        _entry(3, 20, "Home visit by the health visitor"),
    ]
    assert likely_duplicates(entries) == {1, 2}


def test_entries_on_different_days_or_from_one_agency_are_not_duplicates():
    entries = [
        _entry(1, 10, "Child R seen at the emergency department"),
        _entry(2, 20, "Child R seen at the emergency department", day=date(2026, 2, 2)),
        _entry(3, 10, "Child R seen at the emergency department"),
    ]
    assert likely_duplicates(entries) == set()


def _upload(text: str, name="chronology.csv"):
    return tables.read_table(io.BytesIO(text.encode()), name)


def test_a_chronology_file_is_read_with_both_date_forms():
    rows, problems = read_chronology(
        _upload("date,event\n2026-01-05,Home visit\n06/01/2026,School contact\n")
    )
    assert problems == []
    assert [(row.row, row.date) for row in rows] == [(2, date(2026, 1, 5)), (3, date(2026, 1, 6))]


def test_each_bad_row_is_named_by_row_and_column():
    _, problems = read_chronology(_upload("date,event\n2026-13-01,Home visit\n2026-01-02,\n"))
    assert [str(problem) for problem in problems] == [
        "Row 2, column 'date': 2026-13-01 is not a date like 2026-03-27 or 27/03/2026",
        "Row 3, column 'event': describe what happened",
    ]


def test_a_file_without_the_event_column_is_refused():
    _, problems = read_chronology(_upload("date,what\n2026-01-05,Home visit\n"))
    assert [str(problem) for problem in problems] == [
        "Row 1, column 'event': this column is missing from the header row"
    ]

"""Reviewer independence and the chronology's duplicate marking, as pure rules (no database)."""

import io
from datetime import date
from types import SimpleNamespace

from core import tables
from reviews.chronology import likely_duplicates, read_chronology
from reviews.independence import Candidate, conflicts_of_interest

UNDER_REVIEW = {1: "Test Borough Council", 2: "Test Police"}


def _candidate(**changes):
    values = {
        "name": "Rev Testperson",
        "employer_id": None,
        "involved_with_ids": [],
        "involved_in_case": False,
    }
    return Candidate(**{**values, **changes})


def _conflicts(employer_rule=True, is_lcspr=True, **changes):
    return conflicts_of_interest(
        candidate=_candidate(**changes),
        is_lcspr=is_lcspr,
        under_review=UNDER_REVIEW,
        employer_rule=employer_rule,
    )


def test_a_reviewer_independent_of_the_organisations_under_review_has_no_conflict():
    """SI 2018/789 reg 12; Working Together 2023 ch. 5."""
    assert _conflicts(employer_id=9) == []


def test_employment_by_an_organisation_under_review_is_a_conflict_under_the_local_policy():
    """Local policy (the framework's employer rule), weighed by the partners: SI 2018/789 reg 12."""
    assert _conflicts(employer_id=2) == [
        "Rev Testperson is employed by Test Police, whose actions are under review (against the "
        "partnership's local policy)."
    ]


def test_without_the_employer_rule_employment_is_not_a_conflict_in_itself():
    """The employer rule is configuration, not law: SI 2018/789 reg 12 leaves suitability to the partners."""
    assert _conflicts(employer_id=2, employer_rule=False) == []


def test_declared_involvement_with_an_organisation_under_review_is_a_conflict():
    """Working Together 2023 ch. 5: any real or perceived conflict of interest."""
    assert _conflicts(involved_with_ids=[1, 7]) == [
        "Rev Testperson has declared involvement with Test Borough Council, whose actions are under review."
    ]


def test_a_critical_friend_may_come_from_an_organisation_under_review():
    """Working Together 2023 ch. 5: regs 12-13 concern LCSPR reviewers only."""
    assert _conflicts(employer_id=2, is_lcspr=False) == []


def test_involvement_in_the_case_is_a_conflict_for_any_review():
    """Working Together 2023 ch. 5: a real conflict of interest."""
    assert _conflicts(involved_in_case=True, is_lcspr=False) == [
        "Rev Testperson has declared involvement in the case."
    ]


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

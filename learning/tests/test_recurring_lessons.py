"""Recurring lessons: every year a theme appeared, the actions each time, and "learnt again"."""

import csv
import io
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from core.testing import assert_queries_do_not_grow, sign_in
from learning import selectors, services
from learning.models import Finding
from learning.services_recurring import recurring_lessons_rebuild
from learning.tests.factories import (
    ActionFactory,
    FindingFactory,
    OtherSourceFactory,
    ThemeFactory,
)
from partnership.models import Membership, Role
from partnership.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def neglect(cast):
    return ThemeFactory(partnership=cast.partnership, name="Neglect")


def _finding(cast, theme, year: int, *, aim=Finding.Aim.MUST_IMPROVE, source=None):
    with time_machine.travel(date(year, 6, 1), tick=False):
        return services.finding_record(
            source=source or OtherSourceFactory(partnership=cast.partnership),
            title=f"Neglect missed in {year}",
            description="Home conditions were accepted.",
            aim=aim,
            themes=[theme],
            by=cast.officer,
        )


def _sign_off(evidence):
    """A member of the owning group signs the evidence off."""
    member = PersonFactory(partnership=evidence.action.partnership, roles=[Role.GROUP_MEMBER])
    Membership.objects.create(group=evidence.signed_off_by_group, person=member)
    services.evidence_sign_off(evidence=evidence, by=member)


def _close_with_evidence(cast, finding, on: date):
    action = ActionFactory(recommendation__source=finding.source)
    action.recommendation.findings.set([finding])
    with time_machine.travel(on, tick=False):
        evidence = services.action_close(
            action=action,
            what_changed="Neglect toolkit in use.",
            method="re_audit",
            how_known="Re-audit of 20 cases.",
            by=cast.officer,
        )
        _sign_off(evidence)
    return action


def test_a_theme_appearing_in_2019_2021_and_2024_shows_all_three_years(cast, neglect):
    for year in (2019, 2021, 2024):
        _finding(cast, neglect, year)
    report = selectors.recurring_lessons(partnership=cast.partnership)
    assert [year.year for year in report.themes[0].years] == [2019, 2021, 2024]
    assert report.span == list(range(2019, 2025))
    assert [cell.year if cell else None for cell in report.themes[0].cells] == [
        2019,
        None,
        2021,
        None,
        None,
        2024,
    ]


def test_learnt_again_is_flagged_only_after_an_evidenced_closure(cast, neglect):
    first = _finding(cast, neglect, 2021)
    _finding(cast, neglect, 2023)
    report = selectors.recurring_lessons(partnership=cast.partnership)
    assert not report.themes[0].learnt_again
    action = ActionFactory(recommendation__source=first.source)
    action.recommendation.findings.set([first])
    services.action_update_progress(
        action=action, status="on_track", note="Started", by=cast.officer
    )
    assert not selectors.recurring_lessons(partnership=cast.partnership).themes[0].learnt_again
    evidence = services.action_close(
        action=action,
        what_changed="Neglect toolkit in use.",
        method="re_audit",
        how_known="Re-audit of 20 cases.",
        by=cast.officer,
    )
    assert not selectors.recurring_lessons(partnership=cast.partnership).themes[0].learnt_again
    with time_machine.travel(date(2022, 3, 1), tick=False):
        _sign_off(evidence)
    years = selectors.recurring_lessons(partnership=cast.partnership).themes[0].years
    assert [(year.year, year.learnt_again) for year in years] == [(2021, False), (2023, True)]
    assert (years[0].actions, years[0].evidenced) == (1, 1)


def test_works_well_findings_are_a_separate_view(cast, neglect):
    for year in (2020, 2022):
        _finding(cast, neglect, year, aim=Finding.Aim.WORKS_WELL)
    assert selectors.recurring_lessons(partnership=cast.partnership).themes == []
    works_well = selectors.recurring_lessons(
        partnership=cast.partnership, aim=Finding.Aim.WORKS_WELL
    )
    assert [year.year for year in works_well.themes[0].years] == [2020, 2022]


def test_a_theme_found_once_does_not_recur(cast, neglect):
    _finding(cast, neglect, 2022)
    assert selectors.recurring_lessons(partnership=cast.partnership).themes == []


def test_the_report_filters_by_years_and_kind_of_source(cast, neglect):
    for year in (2018, 2020, 2022, 2024):
        _finding(cast, neglect, year)
    report = selectors.recurring_lessons(partnership=cast.partnership, from_year=2020, to_year=2022)
    assert [year.year for year in report.themes[0].years] == [2020, 2022]
    (kind,) = selectors.recurring_kinds(cast.partnership)
    assert selectors.recurring_lessons(partnership=cast.partnership, kind=kind + 1000).themes == []


def test_editing_a_findings_themes_moves_it_in_the_summary(cast, neglect):
    other = ThemeFactory(partnership=cast.partnership, name="Domestic abuse")
    moved = _finding(cast, neglect, 2021)
    _finding(cast, neglect, 2023)
    services.finding_update(
        finding=moved,
        data={
            "title": moved.title,
            "description": moved.description,
            "aim": moved.aim,
            "voice_of_the_child": "",
            "themes": [other],
        },
        expected_version=moved.version,
        by=cast.officer,
    )
    assert selectors.recurring_lessons(partnership=cast.partnership).themes == []


def test_the_rebuild_writes_what_the_services_keep(cast, neglect):
    first = _finding(cast, neglect, 2021)
    _finding(cast, neglect, 2023)
    _close_with_evidence(cast, first, date(2022, 3, 1))
    kept = selectors.recurring_lessons(partnership=cast.partnership)
    recurring_lessons_rebuild(partnership=cast.partnership)
    assert selectors.recurring_lessons(partnership=cast.partnership) == kept


def test_the_page_shows_the_strip_and_exports_it_as_csv(client, cast, neglect):
    first = _finding(cast, neglect, 2021)
    _finding(cast, neglect, 2024)
    _close_with_evidence(cast, first, date(2022, 3, 1))
    sign_in(client, cast.practitioner)
    page = client.get(reverse("learning:recurring_lessons")).content.decode()
    assert "Learnt again" in page
    assert ">2022</th>" in page
    response = client.get(reverse("learning:recurring_lessons"), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1:] == [
        ["Neglect", "2021", "Other source", "1", "1", "1", "No"],
        ["Neglect", "2024", "Other source", "1", "0", "0", "Yes"],
    ]


def test_a_year_the_wrong_way_round_is_answered_with_what_to_do(client, cast, neglect):
    sign_in(client, cast.practitioner)
    page = client.get(
        reverse("learning:recurring_lessons"), {"from_year": "2024", "to_year": "2020"}
    ).content.decode()
    assert "The to year must be the same as or after the from year" in page


def test_another_partnerships_findings_never_appear(client, cast):
    theirs = ThemeFactory(partnership=cast.other_partnership, name="Exploitation")
    for year in (2020, 2022):
        with time_machine.travel(date(year, 6, 1), tick=False):
            FindingFactory(source__partnership=cast.other_partnership).themes.set([theirs])
    recurring_lessons_rebuild(partnership=cast.other_partnership)
    sign_in(client, cast.practitioner)
    page = client.get(reverse("learning:recurring_lessons")).content.decode()
    assert "Exploitation" not in page


def test_the_page_reads_a_bounded_number_of_queries(client, cast, neglect):
    sign_in(client, cast.practitioner)
    _finding(cast, neglect, 2020)
    _finding(cast, neglect, 2021)

    def add_records():
        for year in range(2012, 2020):
            theme = ThemeFactory(partnership=cast.partnership, name=f"Theme {year}")
            _finding(cast, theme, year)
            _finding(cast, theme, year + 1)

    assert_queries_do_not_grow(
        lambda: client.get(reverse("learning:recurring_lessons")), add_records
    )

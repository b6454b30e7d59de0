"""The pure rules of single-agency assurance, without a database."""

from audits import assurance
from audits.assurance import AMBER, GREEN, RED, Cell, Rated


def test_schools_make_the_section_175_return_and_other_agencies_the_section_11_one():
    assert assurance.kind_for("education") == assurance.SECTION_175
    assert assurance.kind_for("police") == assurance.SECTION_11
    assert assurance.kind_for("voluntary_sector") == assurance.SECTION_11


def test_the_usual_section_11_standards_are_the_eight_working_together_lists():
    titles = [title for title, _ in assurance.SECTION_11_STANDARDS]
    assert titles == [
        "Senior management commitment",
        "Clear line of accountability",
        "Safer recruitment",
        "Training",
        "Information sharing",
        "The child's voice",
        "Supervision",
        "Inter-agency working",
    ]


def test_a_rating_off_the_scale_is_refused_naming_the_standard():
    problems = assurance.rating_problems(
        rating="purple", evidence="x", actions="", evidence_required=True, label="training"
    )
    assert problems == {"rating": "Select a rating for training: red, amber or green"}


def test_a_standard_that_asks_for_evidence_needs_it():
    problems = assurance.rating_problems(
        rating=GREEN, evidence="  ", actions="", evidence_required=True, label="training"
    )
    assert problems == {"evidence": "Enter the evidence for training"}


def test_evidence_may_be_left_out_where_the_standard_does_not_ask_for_it():
    assert not assurance.rating_problems(
        rating=GREEN, evidence="", actions="", evidence_required=False, label="training"
    )


def test_a_standard_not_fully_met_needs_the_agencys_actions():
    for rating in (AMBER, RED):
        problems = assurance.rating_problems(
            rating=rating, evidence="Audit", actions="", evidence_required=True, label="training"
        )
        assert problems == {"actions": "Enter the actions your agency will take to meet training"}


def test_the_partnership_says_why_when_it_does_not_agree_with_the_agency():
    assert assurance.challenge_problems(
        self_rating=GREEN, partnership_rating=AMBER, comment="", label="supervision"
    ) == {"comment": "Enter why the partnership's rating for supervision differs"}
    assert not assurance.challenge_problems(
        self_rating=GREEN, partnership_rating=GREEN, comment="", label="supervision"
    )


def test_the_partnerships_view_must_be_on_the_scale():
    problems = assurance.challenge_problems(
        self_rating=GREEN, partnership_rating="blue", comment="Why", label="supervision"
    )
    assert "rating" in problems


def test_the_partnerships_rating_settles_the_agencys():
    assert assurance.settled(GREEN, AMBER) == AMBER
    assert assurance.settled(GREEN, "") == GREEN


def test_more_cases_graded_than_audited_is_refused():
    problems = assurance.grade_distribution_problems(
        cases=5, grades={"outstanding": 1, "good": 3, "requires_improvement": 2, "inadequate": 0}
    )
    assert problems == {"outstanding": "The cases graded add up to more than the 5 cases audited"}


def test_a_grade_distribution_within_the_cases_audited_is_accepted():
    assert not assurance.grade_distribution_problems(
        cases=6, grades={"outstanding": 0, "good": 3, "requires_improvement": 2, "inadequate": 1}
    )


def test_an_audit_of_no_cases_is_refused():
    assert assurance.grade_distribution_problems(cases=0, grades={}) == {
        "cases": "The number of cases audited must be 1 or more"
    }


def test_the_heat_map_has_a_cell_per_standard_in_order_for_each_agency():
    rows = assurance.heat_map(
        agencies=[(1, "Police"), (2, "Council")],
        standards=[(10, "Training"), (11, "Supervision")],
        ratings=[Rated(1, 11, RED), Rated(2, 10, GREEN, AMBER)],
    )
    assert [row.agency for row in rows] == ["Police", "Council"]
    assert [cell.label for cell in rows[0].cells] == ["Not rated", "Red"]
    assert [cell.label for cell in rows[1].cells] == ["Amber", "Not rated"]
    assert rows[1].cells[0].challenged


def test_a_rating_of_a_standard_no_longer_listed_is_left_out():
    rows = assurance.heat_map(
        agencies=[(1, "Police")], standards=[(10, "Training")], ratings=[Rated(1, 99, RED)]
    )
    assert rows[0].counts == {GREEN: 0, AMBER: 0, RED: 0}


def test_a_cell_says_how_it_changed_from_the_year_before():
    rows = assurance.heat_map(
        agencies=[(1, "Police")],
        standards=[(10, "Training"), (11, "Supervision"), (12, "Voice")],
        ratings=[Rated(1, 10, GREEN), Rated(1, 11, RED), Rated(1, 12, AMBER)],
        previous=[Rated(1, 10, AMBER), Rated(1, 11, GREEN, AMBER), Rated(1, 12, AMBER)],
    )
    assert [cell.change for cell in rows[0].cells] == ["Up from Amber", "Down from Amber", ""]


def test_a_row_counts_its_settled_ratings():
    row = assurance.Row(
        agency_id=1, agency="Police", cells=[Cell(GREEN), Cell(GREEN, RED), Cell(AMBER), Cell()]
    )
    assert row.counts == {GREEN: 1, AMBER: 1, RED: 1}


def test_the_mean_score_counts_red_one_amber_two_green_three():
    assert assurance.mean_score([GREEN, AMBER, RED, GREEN]) == 2.25
    assert assurance.mean_score([]) is None


def test_each_year_is_compared_with_the_last_year_the_agency_was_rated():
    changes = assurance.year_on_year({2024: 2.0, 2025: None, 2026: 2.5, 2027: 2.25})
    assert [change.summary for change in changes] == [
        "No earlier year",
        "Not rated",
        "Improved by 0.50",
        "Declined by 0.25",
    ]
    assert changes[2].previous_year == 2024


def test_an_unchanged_score_says_so():
    assert assurance.year_on_year({2025: 2.0, 2026: 2.0})[1].summary == "No change"

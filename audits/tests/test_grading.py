"""Grade distributions, their change at re-audit and the moderation rule: pure, no database."""

import pytest

from audits import grading

# Best first, as the four-point scale runs: outstanding, good, requires improvement, inadequate.
SCALE = (4, 3, 2, 1)


def test_a_distribution_counts_each_point_of_the_scale_including_those_no_grade_fell_on():
    spread = grading.distribution("Police", [3, 3, 2, 1, 3], SCALE)
    assert spread.counts == (0, 3, 1, 1)
    assert spread.total == 5


def test_a_grade_off_the_scale_is_an_error_not_silently_dropped():
    with pytest.raises(ValueError, match="not on the grading scale"):
        grading.distribution("Police", [3, 5], SCALE)


def test_good_or_better_is_the_top_two_points_of_the_scale():
    spread = grading.distribution("Health", [4, 3, 2, 2], SCALE)
    assert (spread.good_or_better, spread.good_or_better_percent) == (2, 50)


def test_percentages_round_halves_up_and_an_empty_distribution_has_none():
    assert grading.distribution("One of eight", [4] + [1] * 7, SCALE).percentages == (
        13,
        0,
        0,
        88,
    )
    assert grading.percent(1, 3) == 33
    assert grading.distribution("Two", [4, 1], SCALE).cells == ((1, 50), (0, 0), (0, 0), (1, 50))
    empty = grading.distribution("Nobody", [], SCALE)
    assert empty.percentages == (None, None, None, None)
    assert empty.good_or_better_percent is None


def test_distributions_follow_the_given_order_and_show_labels_without_grades():
    pairs = [("Police", 3), ("Council", 2), ("Police", 4), ("School", 1)]
    spreads = grading.distributions_by(pairs, SCALE, order=["Council", "Health", "Police"])
    assert [(spread.label, spread.counts) for spread in spreads] == [
        ("Council", (0, 0, 1, 0)),
        ("Health", (0, 0, 0, 0)),
        ("Police", (1, 1, 0, 0)),
        ("School", (0, 0, 0, 1)),
    ]


def _spread(label, *grades):
    return grading.distribution(label, grades, SCALE)


def test_a_section_with_more_graded_good_at_re_audit_improved_by_the_percentage_points():
    (change,) = grading.compare([_spread("Voice", 2, 2, 3, 1)], [_spread("Voice", 3, 3, 3, 2)])
    assert change.points == 50
    assert change.direction == grading.IMPROVED
    assert change.direction_label == "Improved"


def test_a_section_with_fewer_graded_good_declined_and_an_equal_share_is_no_change():
    declined, unchanged = grading.compare(
        [_spread("Plans", 3, 3), _spread("Voice", 4, 2)],
        [_spread("Plans", 3, 2), _spread("Voice", 3, 1)],
    )
    assert (declined.points, declined.direction) == (-50, grading.DECLINED)
    assert (unchanged.points, unchanged.direction) == (0, grading.UNCHANGED)


def test_sections_only_one_audit_has_are_listed_but_not_compared():
    changes = grading.compare(
        [_spread("Old section", 3), _spread("Voice", 2)],
        [_spread("Voice", 3), _spread("New section", 1), _spread("Ungraded")],
    )
    assert [change.label for change in changes] == [
        "Voice",
        "New section",
        "Ungraded",
        "Old section",
    ]
    assert [change.direction for change in changes] == [
        grading.IMPROVED,
        grading.NOT_COMPARABLE,
        grading.NOT_COMPARABLE,
        grading.NOT_COMPARABLE,
    ]
    assert changes[1].before is None and changes[3].after is None


def test_a_moderated_grade_equal_to_the_agencys_needs_no_reason():
    assert (
        grading.moderation_refusal(agency_grade=3, moderated_grade=3, reason="", scale=SCALE)
        is None
    )


def test_a_moderated_grade_that_differs_needs_a_reason():
    refusal = grading.moderation_refusal(
        agency_grade=3, moderated_grade=2, reason="  ", scale=SCALE
    )
    assert refusal == "Enter the reason the moderated grade differs from the agency's own grade"
    assert (
        grading.moderation_refusal(
            agency_grade=3, moderated_grade=2, reason="No plan on file", scale=SCALE
        )
        is None
    )


def test_a_moderated_grade_off_the_scale_is_refused():
    assert (
        grading.moderation_refusal(agency_grade=3, moderated_grade=7, reason="x", scale=SCALE)
        == "Select the moderated grade"
    )


def test_a_grade_the_agency_never_gave_needs_no_reason_to_be_moderated():
    assert (
        grading.moderation_refusal(agency_grade=None, moderated_grade=2, reason="", scale=SCALE)
        is None
    )

"""The rules of evaluation, attendance and training needs, without a database."""

from datetime import date
from decimal import Decimal

from training.evaluation import (
    AFTER,
    ATTENDED,
    BEFORE,
    FOLLOW_UP,
    LATE,
    NO_SHOW,
    AttendanceRow,
    attendance_by,
    attendance_total,
    certificate_available,
    confidence_changes,
    evaluation_dates,
    follow_up_is_open,
    no_show_rate,
    register_is_open,
    stage_refusal,
    training_needs,
)


def test_the_three_stages_fall_due_before_the_course_two_weeks_after_and_six_to_eight_weeks_after():
    dates = evaluation_dates(starts_on=date(2026, 3, 2), ends_on=date(2026, 3, 3))
    assert dates.before_due == date(2026, 3, 2)
    assert dates.after_due == date(2026, 3, 17)
    assert dates.follow_up_opens == date(2026, 4, 14)
    assert dates.follow_up_due == date(2026, 4, 28)


def test_the_follow_up_opens_six_weeks_after_the_last_day_and_stays_open_when_late():
    ends_on = date(2026, 3, 3)
    assert not follow_up_is_open(ends_on=ends_on, today=date(2026, 4, 13))
    assert follow_up_is_open(ends_on=ends_on, today=date(2026, 4, 14))
    assert follow_up_is_open(ends_on=ends_on, today=date(2026, 9, 1))


def test_a_certificate_needs_attendance_and_the_evaluation_after_the_course():
    assert certificate_available(attended=True, evaluated_after_course=True)
    assert not certificate_available(attended=True, evaluated_after_course=False)
    assert not certificate_available(attended=False, evaluated_after_course=True)


def test_confidence_change_counts_only_people_who_rated_an_outcome_before_and_after():
    changes = confidence_changes(
        ["spot", "escalate"],
        [
            ("spot", 2, 4),
            ("spot", 3, 4),
            ("spot", 1, None),  # no evaluation after: left out
            ("escalate", None, 5),  # no baseline: left out
        ],
    )
    spot, escalate = changes
    assert (spot.outcome, spot.people, spot.before, spot.after) == (
        "spot",
        2,
        Decimal("2.5"),
        Decimal("4.0"),
    )
    assert spot.change == Decimal("1.5")
    assert (escalate.people, escalate.before, escalate.change) == (0, None, None)


def test_confidence_means_round_half_up_to_one_decimal_place():
    (change,) = confidence_changes(["spot"], [("spot", 1, 2), ("spot", 2, 2), ("spot", 2, 3)])
    assert change.before == Decimal("1.7")
    assert change.after == Decimal("2.3")


def test_the_no_show_rate_is_of_everyone_expected_and_none_when_no_one_was():
    assert no_show_rate(attended=7, no_shows=1) == Decimal("12.5")
    assert no_show_rate(attended=2, no_shows=1) == Decimal("33.3")
    assert no_show_rate(attended=0, no_shows=0) is None


def test_attendance_is_grouped_by_label_with_late_arrivals_counted_as_attending():
    rows = attendance_by(
        [
            ("Police", ATTENDED),
            ("Police", NO_SHOW),
            ("Police", LATE),
            ("council", NO_SHOW),
        ]
    )
    assert rows == [
        AttendanceRow(label="council", attended=0, late=0, no_shows=1),
        AttendanceRow(label="Police", attended=2, late=1, no_shows=1),
    ]
    total = attendance_total(rows)
    assert (total.expected, total.no_show_rate) == (4, Decimal("50.0"))


def test_a_recurring_theme_is_a_training_need_without_a_course_or_event_in_twelve_months():
    today = date(2026, 12, 5)
    needs = training_needs(
        recurring_theme_ids=[1, 2, 3, 4],
        last_trained_on={
            2: date(2025, 12, 5),  # exactly twelve months ago: trained
            3: date(2025, 12, 4),  # a day earlier: a need again
            4: date(2027, 2, 1),  # an event planned: trained
        },
        today=today,
    )
    assert needs == [1, 3]


def _refusal(stage, *, given=(), attended=None, today=date(2026, 3, 1)):
    return stage_refusal(
        stage=stage,
        given=set(given),
        attended=attended,
        starts_on=date(2026, 3, 2),
        ends_on=date(2026, 3, 2),
        today=today,
    )


def test_the_baseline_is_given_once_before_the_course_starts():
    assert _refusal(BEFORE) == ""
    assert _refusal(BEFORE, given=[BEFORE]) == "You have already given this evaluation"
    assert _refusal(BEFORE, today=date(2026, 3, 2)) == (
        "The evaluation before the course closes when the course starts"
    )


def test_the_evaluation_after_the_course_needs_the_register_to_show_attendance():
    after = date(2026, 3, 3)
    assert _refusal(AFTER, attended=True, today=after) == ""
    for attended in (None, False):
        assert _refusal(AFTER, attended=attended, today=after) == (
            "You can give this evaluation once the register shows you attended the course"
        )


def test_the_follow_up_opens_six_weeks_after_the_course():
    assert _refusal(FOLLOW_UP, attended=True, today=date(2026, 4, 12)) == (
        "The evaluation in practice opens on 13 April 2026, 6 weeks after the course"
    )
    assert _refusal(FOLLOW_UP, attended=True, today=date(2026, 4, 13)) == ""


def test_the_register_is_taken_from_the_day_the_event_starts():
    assert not register_is_open(starts_on=date(2026, 3, 2), today=date(2026, 3, 1))
    assert register_is_open(starts_on=date(2026, 3, 2), today=date(2026, 3, 2))

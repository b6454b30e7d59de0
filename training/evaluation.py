"""What training changed, Kirkpatrick levels 1 to 3, as pure rules: when each stage of the three-stage
evaluation falls due, the change in confidence on each learning outcome, attendance and no-shows,
and which recurring themes have had no training.

Three stages (Haringey's model, reference/statutory.md 7b): a baseline before the course, one
straight after it (reaction and confidence again), and one 6 to 8 weeks later in practice with the
line manager (what changed, with an example). The certificate follows the evaluation after the
course (statutory.md 7b: "certificates after evaluation").
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

CONFIDENCE_LEVELS = (
    (1, "1: not at all confident"),
    (2, "2: a little confident"),
    (3, "3: fairly confident"),
    (4, "4: confident"),
    (5, "5: very confident"),
)

# The evaluation straight after the course is asked for while it is fresh: within two weeks.
AFTER_COURSE_WITHIN = timedelta(weeks=2)
# The follow-up in practice opens 6 weeks after the course and is due by 8 (statutory.md 7b).
FOLLOW_UP_OPENS_AFTER = timedelta(weeks=6)
FOLLOW_UP_DUE_AFTER = timedelta(weeks=8)
# A theme has had training if a course on it was added, or an event on it held or planned, since
# this long before today.
TRAINING_NEEDS_LOOKBACK_DAYS = 365

ATTENDED, LATE, NO_SHOW = "attended", "late", "no_show"
BEFORE, AFTER, FOLLOW_UP = "before", "after", "follow_up"

_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class StageDates:
    before_due: date
    after_due: date
    follow_up_opens: date
    follow_up_due: date


def evaluation_dates(*, starts_on: date, ends_on: date) -> StageDates:
    """When each of the three stages is due: the baseline by the first day, the evaluation after the
    course within two weeks of the last, the follow-up in practice 6 to 8 weeks after it
    (three-stage evaluation, statutory.md 7b)."""
    return StageDates(
        before_due=starts_on,
        after_due=ends_on + AFTER_COURSE_WITHIN,
        follow_up_opens=ends_on + FOLLOW_UP_OPENS_AFTER,
        follow_up_due=ends_on + FOLLOW_UP_DUE_AFTER,
    )


def follow_up_is_open(*, ends_on: date, today: date) -> bool:
    """The follow-up in practice is given from 6 weeks after the course (statutory.md 7b); a late
    one is still taken."""
    return today >= ends_on + FOLLOW_UP_OPENS_AFTER


def register_is_open(*, starts_on: date, today: date) -> bool:
    """The register is taken from the day the event starts, never before it."""
    return today >= starts_on


def stage_refusal(
    *,
    stage: str,
    given: set[str],
    attended: bool | None,
    starts_on: date,
    ends_on: date,
    today: date,
) -> str:
    """Why a person may not give this stage of the evaluation now, or "" if they may. `attended` is
    None until the register is taken. Each stage is given once; the baseline closes when the course
    starts; the other two follow attendance, the follow-up from 6 weeks after (statutory.md 7b)."""
    if stage in given:
        return "You have already given this evaluation"
    if stage == BEFORE:
        if today >= starts_on:
            return "The evaluation before the course closes when the course starts"
        return ""
    if not attended:
        return "You can give this evaluation once the register shows you attended the course"
    if stage == FOLLOW_UP and not follow_up_is_open(ends_on=ends_on, today=today):
        opens = ends_on + FOLLOW_UP_OPENS_AFTER
        return f"The evaluation in practice opens on {opens:%-d %B %Y}, 6 weeks after the course"
    return ""


def certificate_available(*, attended: bool, evaluated_after_course: bool) -> bool:
    """A certificate once the person attended and gave the evaluation after the course, not before
    (statutory.md 7b: certificates after evaluation)."""
    return attended and evaluated_after_course


def _mean(values: list[int]) -> Decimal | None:
    if not values:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(_TENTH, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ConfidenceChange:
    outcome: Hashable
    people: int  # who rated the outcome both before and after the course
    before: Decimal | None
    after: Decimal | None

    @property
    def change(self) -> Decimal | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def confidence_changes(
    outcomes: Sequence[Hashable], ratings: Iterable[tuple[Hashable, int | None, int | None]]
) -> list[ConfidenceChange]:
    """The mean confidence (1 to 5) on each learning outcome before and after the course, counting
    only people who rated it both times, so that a change is never read from different people
    (Kirkpatrick level 2, learning). `ratings` are (outcome, before, after) for each person."""
    pairs: dict[Hashable, list[tuple[int, int]]] = defaultdict(list)
    for outcome, before, after in ratings:
        if before is not None and after is not None:
            pairs[outcome].append((before, after))
    return [
        ConfidenceChange(
            outcome=outcome,
            people=len(pairs[outcome]),
            before=_mean([before for before, _ in pairs[outcome]]),
            after=_mean([after for _, after in pairs[outcome]]),
        )
        for outcome in outcomes
    ]


def no_show_rate(*, attended: int, no_shows: int) -> Decimal | None:
    """No-shows as a percentage of the people expected (those who came, late or not, and those
    who did not), to one decimal place; None when no one was expected."""
    expected = attended + no_shows
    if not expected:
        return None
    return (Decimal(100) * no_shows / expected).quantize(_TENTH, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class AttendanceRow:
    label: str
    attended: int  # on time or late
    late: int
    no_shows: int

    @property
    def expected(self) -> int:
        return self.attended + self.no_shows

    @property
    def no_show_rate(self) -> Decimal | None:
        return no_show_rate(attended=self.attended, no_shows=self.no_shows)


def attendance_by(marks: Iterable[tuple[str, str]]) -> list[AttendanceRow]:
    """Attendance grouped by a label (an agency, a role), from (label, mark) pairs where the mark is
    attended, late or no-show; in order of label."""
    counts: dict[str, dict[str, int]] = defaultdict(
        lambda: dict.fromkeys((ATTENDED, LATE, NO_SHOW), 0)
    )
    for label, mark in marks:
        counts[label][mark] += 1
    return [
        AttendanceRow(
            label=label,
            attended=tally[ATTENDED] + tally[LATE],
            late=tally[LATE],
            no_shows=tally[NO_SHOW],
        )
        for label, tally in sorted(counts.items(), key=lambda item: item[0].lower())
    ]


def attendance_total(rows: Sequence[AttendanceRow], label: str = "All") -> AttendanceRow:
    return AttendanceRow(
        label=label,
        attended=sum(row.attended for row in rows),
        late=sum(row.late for row in rows),
        no_shows=sum(row.no_shows for row in rows),
    )


def training_needs(
    *, recurring_theme_ids: Sequence[int], last_trained_on: dict[int, date], today: date
) -> list[int]:
    """The recurring themes (in the order given) with no course added and no event held or planned
    on them in the last 12 months: learning that keeps coming back with no training to meet it.
    `last_trained_on` is, for each theme, the latest course added or event day, future included."""
    since = today - timedelta(days=TRAINING_NEEDS_LOOKBACK_DAYS)
    return [
        theme_id
        for theme_id in recurring_theme_ids
        if theme_id not in last_trained_on or last_trained_on[theme_id] < since
    ]

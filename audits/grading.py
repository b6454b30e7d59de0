"""How a multi-agency audit's grades are spread and how they changed at re-audit: pure, no database.

Grades sit on a four-point scale, best first (outstanding, good, requires improvement, inadequate);
the functions take the scale as a sequence so they hold for the scale's values whatever they are.
"""

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

IMPROVED, DECLINED, UNCHANGED, NOT_COMPARABLE = (
    "improved",
    "declined",
    "unchanged",
    "not_comparable",
)
DIRECTION_LABELS = {
    IMPROVED: "Improved",
    DECLINED: "Declined",
    UNCHANGED: "No change",
    NOT_COMPARABLE: "Not comparable",
}
# The top two points of the scale (outstanding and good) are "good or better".
GOOD_OR_BETTER_POINTS = 2


def percent(part: int, whole: int) -> int | None:
    """`part` of `whole` as a whole percentage, halves rounded up (None of nothing)."""
    if not whole:
        return None
    return (200 * part + whole) // (2 * whole)


@dataclass(frozen=True)
class Distribution:
    """How many grades fell on each point of the scale, for one agency, section or the whole audit."""

    label: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def percentages(self) -> tuple[int | None, ...]:
        return tuple(percent(count, self.total) for count in self.counts)

    @property
    def cells(self) -> tuple[tuple[int, int | None], ...]:
        """Each point's count with its percentage, for a table."""
        return tuple(zip(self.counts, self.percentages, strict=True))

    @property
    def good_or_better(self) -> int:
        return sum(self.counts[:GOOD_OR_BETTER_POINTS])

    @property
    def good_or_better_percent(self) -> int | None:
        return percent(self.good_or_better, self.total)


def distribution(label: str, grades: Iterable[Hashable], scale: Sequence[Hashable]) -> Distribution:
    """Count `grades` on each point of `scale`; a grade off the scale is an error, never dropped."""
    counts = dict.fromkeys(scale, 0)
    for grade in grades:
        if grade not in counts:
            raise ValueError(f"{grade!r} is not on the grading scale")
        counts[grade] += 1
    return Distribution(label=label, counts=tuple(counts.values()))


def distributions_by(
    pairs: Iterable[tuple[str, Hashable]],
    scale: Sequence[Hashable],
    order: Sequence[str] = (),
) -> list[Distribution]:
    """One distribution per label of (label, grade) pairs: the labels of `order` first, in that order
    and even when they have no grade (an agency that made no return shows as none), then any other
    label in the order first met."""
    grouped: dict[str, list[Hashable]] = {label: [] for label in order}
    for label, grade in pairs:
        grouped.setdefault(label, []).append(grade)
    return [distribution(label, grades, scale) for label, grades in grouped.items()]


@dataclass(frozen=True)
class Change:
    """One agency's or section's grades at an audit and at its re-audit."""

    label: str
    before: Distribution | None
    after: Distribution | None

    @property
    def points(self) -> int | None:
        """The change in the share graded good or better, in percentage points (None when either
        audit has no grade for it)."""
        if self.before is None or self.after is None:
            return None
        before, after = self.before.good_or_better_percent, self.after.good_or_better_percent
        if before is None or after is None:
            return None
        return after - before

    @property
    def direction(self) -> str:
        points = self.points
        if points is None:
            return NOT_COMPARABLE
        if points > 0:
            return IMPROVED
        return DECLINED if points < 0 else UNCHANGED

    @property
    def direction_label(self) -> str:
        return DIRECTION_LABELS[self.direction]


def compare(before: Sequence[Distribution], after: Sequence[Distribution]) -> list[Change]:
    """Each label's change from an audit to its re-audit, matched by label (a section keeps its
    title when the tool gets a new version): the re-audit's labels in its order, then those only
    the earlier audit had."""
    earlier = {item.label: item for item in before}
    later = {item.label: item for item in after}
    labels = list(later) + [label for label in earlier if label not in later]
    return [Change(label, earlier.get(label), later.get(label)) for label in labels]


def moderation_refusal(
    *,
    agency_grade: Hashable | None,
    moderated_grade: Hashable,
    reason: str,
    scale: Sequence[Hashable],
) -> str | None:
    """Why a moderated grade cannot be recorded, or None.

    The moderation meeting may change an agency's own grade, but must say why whenever it does, so
    the agency and the report can see the reason beside both grades (a case the agency did not
    grade has nothing to differ from).
    """
    if moderated_grade not in scale:
        return "Select the moderated grade"
    changed = agency_grade is not None and moderated_grade != agency_grade
    if changed and not reason.strip():
        return "Enter the reason the moderated grade differs from the agency's own grade"
    return None

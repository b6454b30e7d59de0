"""The impact chain: the indicators an action aims to move, what they did, and when an action's
impact counts as evidenced. Pure rules and a small registry: the spine never imports a source, so
the performance framework offers its indicators here (and, like any app, the results evidence of
impact can cite through `learning.citations`).

Source: Working Together 2023 asks the partners' yearly report for evidence of the impact of what
they did, including reviews (reference/statutory.md 1.5); the South Tees framework asks the annual
report to describe "the impact on practice of reviews in reducing deaths or serious harm".
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import models


class Direction(models.TextChoices):
    UP = "up", "Up"
    DOWN = "down", "Down"


class Movement(models.TextChoices):
    AS_EXPECTED = "as_expected", "Moved as expected"
    NONE = "none", "No change"
    AGAINST = "against", "Moved the other way"
    NO_DATA = "no_data", "Not enough figures yet"


@dataclass(frozen=True)
class Point:
    """One figure of a trend: the period's label, its first and last day, and its value."""

    label: str
    starts: date
    ends: date
    value: Decimal | None


@dataclass(frozen=True)
class Trend:
    """An indicator as a source describes it, with its figures oldest first."""

    key: int
    name: str
    unit: str
    url: str
    points: tuple[Point, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class IndicatorSource:
    """What the performance framework (or any source of indicators) gives the spine.

    `model` is the indicator model (an action names an indicator by its content type and id),
    `choices(partnership)` the indicators an action may name, as (id, label), and
    `trends(partnership, ids, start, end)` each named indicator's partnership-wide figures for the
    periods from `start` to `end`, keyed by id.
    """

    model: type[models.Model]
    choices: Callable[[object], list[tuple[int, str]]]
    trends: Callable[[object, Sequence[int], date, date], dict[int, Trend]]


_indicators: list[IndicatorSource] = []


def register_indicators(source: IndicatorSource) -> None:
    if all(known.model is not source.model for known in _indicators):
        _indicators.append(source)


def indicator_source() -> IndicatorSource | None:
    """The installed source of indicators (the performance framework), if there is one."""
    return _indicators[0] if _indicators else None


def movement(points: Sequence[Point], *, opened_on: date, expected: str) -> Movement:
    """How an indicator moved since an action opened: its last figure for a period that ended
    before the action opened (the baseline) against its latest figure since."""
    before = [p for p in points if p.value is not None and p.ends < opened_on]
    after = [p for p in points if p.value is not None and p.ends >= opened_on]
    if not before or not after:
        return Movement.NO_DATA
    change = after[-1].value - before[-1].value
    if change == 0:
        return Movement.NONE
    return Movement.AS_EXPECTED if (change > 0) == (expected == Direction.UP) else Movement.AGAINST


def impact_evidenced(*, signed_off_by_member: bool, movements: Sequence[Movement]) -> bool:
    """Evidence of impact that a member of the owning group signed off and, where the action
    names indicators, every one of them moved as expected (the framework's "impact on practice",
    not its activity)."""
    return signed_off_by_member and all(seen == Movement.AS_EXPECTED for seen in movements)

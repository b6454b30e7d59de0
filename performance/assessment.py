"""How a quarter's figure is judged: RAG rating, direction of travel and the exceptions flagged for scrutiny.

Pure functions over plain numbers so that each rule is read and tested on its own. Tolerance is in the
indicator's own unit (2 means 2 percentage points for a percentage, 2 days for days). The statistical
process control limits follow the usual Shewhart rule of mean plus or minus three standard deviations,
computed from the earlier quarters of the series so that the latest quarter is judged against them.
"""

from dataclasses import dataclass
from itertools import pairwise
from statistics import mean, stdev

HIGHER = "higher_is_better"
LOWER = "lower_is_better"
NEITHER = "neither"

RED, AMBER, GREEN = "red", "amber", "green"
IMPROVING, WORSENING, NO_CHANGE, UP, DOWN = "improving", "worsening", "no change", "up", "down"
# SPC limits mean little on a short series; six earlier quarters is the shortest we judge.
SPC_MINIMUM_QUARTERS = 6


@dataclass(frozen=True)
class Flag:
    kind: str  # "tolerance", "trend" or "spc"
    reason: str


def _gap(value: float, target: float, polarity: str) -> float:
    """How far the value falls short of the target (positive when worse), in the indicator's unit."""
    if polarity == HIGHER:
        return target - value
    if polarity == LOWER:
        return value - target
    return abs(value - target)


def rag(value: float | None, target: float | None, tolerance: float, polarity: str) -> str:
    """Green on or better than target, amber within tolerance of it, red beyond; '' if no target."""
    if value is None or target is None:
        return ""
    gap = _gap(float(value), float(target), polarity)
    if gap <= 0:
        return GREEN
    return AMBER if gap <= float(tolerance) else RED


def direction(latest: float | None, earlier: float | None, polarity: str) -> str:
    """The direction of travel from `earlier` to `latest`, read through the indicator's polarity."""
    if latest is None or earlier is None:
        return ""
    if latest == earlier:
        return NO_CHANGE
    went_up = latest > earlier
    if polarity == NEITHER:
        return UP if went_up else DOWN
    return IMPROVING if went_up == (polarity == HIGHER) else WORSENING


def _number(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"


def outside_tolerance(
    value: float, target: float | None, tolerance: float, polarity: str
) -> Flag | None:
    if target is None or rag(value, target, tolerance, polarity) != RED:
        return None
    side = {HIGHER: "below", LOWER: "above"}.get(polarity, "away from")
    return Flag(
        "tolerance",
        f"{_number(value)} is {side} the target of {_number(float(target))} "
        f"by more than the tolerance of {_number(float(tolerance))}",
    )


def moving_the_wrong_way(series: list[float], polarity: str, quarters: int = 3) -> Flag | None:
    """The last `quarters` quarter-on-quarter changes all went the wrong way."""
    if polarity == NEITHER or len(series) < quarters + 1:
        return None
    recent = series[-(quarters + 1) :]
    if all(direction(later, earlier, polarity) == WORSENING for earlier, later in pairwise(recent)):
        trail = " → ".join(_number(value) for value in recent)
        return Flag("trend", f"worse in each of the last {quarters} quarters ({trail})")
    return None


def outside_control_limits(series: list[float]) -> Flag | None:
    """The latest value lies beyond mean ± 3 standard deviations of the quarters before it."""
    if len(series) < SPC_MINIMUM_QUARTERS + 1:
        return None
    *earlier, latest = series
    centre, sigma = mean(earlier), stdev(earlier)
    upper, lower = centre + 3 * sigma, centre - 3 * sigma
    if latest > upper:
        limit, side, sign = upper, "above the upper", "+"
    elif latest < lower:
        limit, side, sign = lower, "below the lower", "-"
    else:
        return None
    return Flag(
        "spc",
        f"{_number(latest)} is {side} control limit of {_number(limit)} "
        f"(mean {_number(centre)} {sign} 3 times the standard deviation {_number(sigma)} "
        f"over {len(earlier)} quarters)",
    )


def exceptions(
    series: list[float], target: float | None, tolerance: float, polarity: str
) -> list[Flag]:
    """Every exception the latest value of a quarterly series raises, each saying why."""
    if not series:
        return []
    found = [
        outside_tolerance(series[-1], target, tolerance, polarity),
        moving_the_wrong_way(series, polarity),
        outside_control_limits(series),
    ]
    return [flag for flag in found if flag is not None]

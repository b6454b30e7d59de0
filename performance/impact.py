"""The performance framework's part in the impact chain: the indicators an action may name and
their partnership-wide figures, given to the spine through `learning.impact`'s registries."""

from datetime import date, timedelta

from learning import citations, impact, selectors_impact
from performance import periods, selectors
from performance.models import Indicator


def choices(partnership) -> list[tuple[int, str]]:
    return [
        (indicator.pk, str(indicator))
        for indicator in Indicator.objects.filter(partnership=partnership, archived_at=None)
    ]


def trends(partnership, ids, start: date, end: date) -> dict[int, impact.Trend]:
    first, last = periods.Quarter.containing(start), periods.Quarter.containing(end)
    found = {}
    for indicator, values in selectors.partnership_trends(partnership, ids, first, last):
        points = []
        for index in range(first.index, last.index + 1):
            quarter = periods.Quarter.from_index(index)
            ends = periods.Quarter.from_index(index + 1).first_day - timedelta(days=1)
            points.append(impact.Point(str(quarter), quarter.first_day, ends, values.get(index)))
        found[indicator.pk] = impact.Trend(
            key=indicator.pk,
            name=str(indicator),
            unit=indicator.get_unit_display(),
            url=indicator.get_absolute_url(),
            points=tuple(points),
        )
    return found


def cited_indicators(action) -> list[citations.Citable]:
    """The indicators the action names, each with its latest figure and how it moved, for its
    evidence of impact to cite."""
    found = []
    for item in selectors_impact.action_impacts([action])[0].indicators:
        if item.trend is None or not isinstance(item.link.indicator, Indicator):
            continue
        figures = [point for point in item.trend.points if point.value is not None]
        latest = f"{figures[-1].value} in {figures[-1].label}" if figures else "no figure yet"
        found.append(
            citations.Citable(
                record=item.link.indicator,
                title=item.name,
                summary=f"Latest figure {latest}; expected to go "
                f"{item.link.get_expected_display().lower()}: {item.movement.label.lower()}",
                url=item.trend.url,
            )
        )
    return found


def register_all() -> None:
    impact.register_indicators(
        impact.IndicatorSource(model=Indicator, choices=choices, trends=trends)
    )
    citations.register(cited_indicators)

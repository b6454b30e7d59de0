"""Reads for the quarterly report: a fixed handful of queries whatever the size of the catalogue or history."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django.db.models import QuerySet

from core.caching import version_of
from core.charts import line_chart
from learning.selectors import similar_work
from partnership.models import Area, Partnership
from performance import assessment, periods
from performance.models import AuditProposal, Indicator, Observation, PerformanceImport, Scrutiny

# Quarters read for each report: the SPC baseline needs history; the chart shows the last eight.
HISTORY_QUARTERS = 12
CHART_QUARTERS = 8
_CENT = Decimal("0.01")
_SCALE = {Indicator.Unit.PERCENTAGE: Decimal(100), Indicator.Unit.RATE_PER_10000: Decimal(10000)}


@dataclass
class Figure:
    """One indicator in one place (an area or the whole partnership) for the report's quarter."""

    place: str
    value: Decimal | None
    previous: Decimal | None
    year_ago: Decimal | None
    rag: str
    vs_previous: str
    vs_year_ago: str
    flags: list[assessment.Flag]
    points: list[tuple[str, Decimal | None]]
    derived: bool = False

    @cached_property
    def chart(self) -> dict:
        return line_chart(self.points)


@dataclass
class IndicatorRow:
    indicator: Indicator
    figures: list[Figure]
    chosen: Figure

    @property
    def flagged(self) -> bool:
        return any(figure.flags for figure in self.figures)


@dataclass
class Report:
    """The report's filters straight away; its rows are worked out only when first read, so a page
    that finds them already rendered in the cache never works them out."""

    partnership: Partnership
    quarter: periods.Quarter | None
    quarters: list[periods.Quarter]
    places: list[str]
    place: str
    theme: str
    areas: list[Area] = field(default_factory=list)
    only_indicator: Indicator | None = None

    @cached_property
    def rows(self) -> list[IndicatorRow]:
        return _rows(self) if self.quarter is not None else []

    @property
    def exceptions(self) -> list[tuple[Indicator, Figure, assessment.Flag]]:
        return [
            (row.indicator, figure, flag)
            for row in self.rows
            for figure in row.figures
            for flag in figure.flags
        ]

    @property
    def by_theme(self) -> list[tuple[str, list[IndicatorRow]]]:
        grouped: dict[str, list[IndicatorRow]] = defaultdict(list)
        for row in self.rows:
            grouped[row.indicator.get_theme_display()].append(row)
        return list(grouped.items())


def quarters_with_data(partnership: Partnership) -> list[periods.Quarter]:
    found = (
        Observation.objects.filter(partnership=partnership)
        .order_by("-period")
        .values_list("period", flat=True)
        .distinct()
    )
    return [periods.Quarter.from_index(index) for index in found]


def _partnership_value(indicator: Indicator, parts: list[tuple]) -> Decimal | None:
    """The whole partnership's figure, added up from every area's (None unless every area has one)."""
    if indicator.has_fraction:
        numerator = sum(part[1] for part in parts)
        denominator = sum(part[2] for part in parts)
        if not denominator:
            return None
        return (numerator / denominator * _SCALE[indicator.unit]).quantize(_CENT, ROUND_HALF_UP)
    return sum(part[0] for part in parts)


def _series(values: dict[int, Decimal], quarter: periods.Quarter) -> list[float]:
    """The unbroken run of quarters ending at the report's quarter, oldest first."""
    series = []
    index = quarter.index
    while index in values:
        series.append(float(values[index]))
        index -= 1
    return series[::-1]


def _figure(
    place: str,
    indicator: Indicator,
    values: dict[int, Decimal],
    quarter: periods.Quarter,
    derived: bool,
) -> Figure:
    value = values.get(quarter.index)
    previous = values.get(quarter.index - 1)
    year_ago = values.get(quarter.index - 4)
    # A count's target is for the whole partnership: an area's share of it is compared, not rated.
    is_area_count = indicator.unit == Indicator.Unit.COUNT and not derived
    target = None if is_area_count else indicator.target
    polarity = indicator.polarity
    return Figure(
        place=place,
        value=value,
        previous=previous,
        year_ago=year_ago,
        rag=assessment.rag(value, target, indicator.tolerance, polarity),
        vs_previous=assessment.direction(value, previous, polarity),
        vs_year_ago=assessment.direction(value, year_ago, polarity),
        flags=assessment.exceptions(
            _series(values, quarter),
            float(target) if target is not None else None,
            float(indicator.tolerance),
            polarity,
        )
        if value is not None
        else [],
        points=[
            (periods.label(index), values.get(index))
            for index in range(quarter.index - CHART_QUARTERS + 1, quarter.index + 1)
        ],
        derived=derived,
    )


def quarterly_report(
    *,
    partnership: Partnership,
    quarter: periods.Quarter | None,
    place: str = "",
    theme: str = "",
    only_indicator: Indicator | None = None,
) -> Report:
    """Every indicator (of `theme`, or just `only_indicator`, if given) for each area and the partnership."""
    quarters = quarters_with_data(partnership)
    areas = list(Area.objects.filter(partnership=partnership, archived_at=None))
    places = [area.name for area in areas] + [_whole(partnership)]
    return Report(
        partnership=partnership,
        quarter=quarter or (quarters[0] if quarters else None),
        quarters=quarters,
        places=places,
        place=place if place in places else _whole(partnership),
        theme=theme,
        areas=areas,
        only_indicator=only_indicator,
    )


def report_version(partnership: Partnership) -> str:
    """Changes whenever anything the report shows changes: its values, catalogue or areas."""
    return "/".join(
        (
            partnership.short_name,
            version_of(Observation.objects.filter(partnership=partnership), changed="updated_at"),
            version_of(Indicator.objects.filter(partnership=partnership, archived_at=None)),
            version_of(Area.objects.filter(partnership=partnership, archived_at=None)),
        )
    )


def _whole(partnership: Partnership) -> str:
    return f"{partnership.short_name} (all areas)"


def _whole_values(indicator: Indicator, by_place: dict, areas: list[Area]) -> dict[int, Decimal]:
    """The partnership's figure for each quarter: added up from the areas' where the unit adds up
    (and every area has one), else the figure entered for the whole partnership."""
    if indicator.is_additive and areas:
        area_values = [by_place.get((indicator.pk, area.pk), {}) for area in areas]
        shared = set.intersection(*(set(held) for held in area_values))
        whole_values = {
            period: _partnership_value(indicator, [held[period] for held in area_values])
            for period in shared
        }
        return {p: v for p, v in whole_values.items() if v is not None}
    return {p: v[0] for p, v in by_place.get((indicator.pk, None), {}).items()}


def _by_place(partnership, indicators, first: int, last: int) -> dict:
    """{(indicator id, area id or None): {quarter index: (value, numerator, denominator)}}."""
    by_place: dict[tuple[int, int | None], dict[int, tuple]] = defaultdict(dict)
    for indicator_id, area_id, period, value, numerator, denominator in Observation.objects.filter(
        partnership=partnership, indicator__in=indicators, period__gte=first, period__lte=last
    ).values_list("indicator_id", "area_id", "period", "value", "numerator", "denominator"):
        by_place[(indicator_id, area_id)][period] = (value, numerator or 0, denominator or 0)
    return by_place


def partnership_trends(
    partnership: Partnership, indicator_ids, first: periods.Quarter, last: periods.Quarter
) -> list[tuple[Indicator, dict[int, Decimal]]]:
    """Each indicator's partnership-wide figure for the quarters `first` to `last` (three queries,
    however many indicators): what an action's page and the yearly report show."""
    indicators = list(Indicator.objects.filter(partnership=partnership, pk__in=indicator_ids))
    areas = list(Area.objects.filter(partnership=partnership, archived_at=None))
    by_place = _by_place(partnership, indicators, first.index, last.index)
    return [(indicator, _whole_values(indicator, by_place, areas)) for indicator in indicators]


def _rows(report: Report) -> list[IndicatorRow]:
    partnership, quarter, areas = report.partnership, report.quarter, report.areas
    indicators = Indicator.objects.filter(partnership=partnership, archived_at=None)
    if report.theme:
        indicators = indicators.filter(theme=report.theme)
    if report.only_indicator is not None:
        indicators = indicators.filter(pk=report.only_indicator.pk)
    indicators = list(indicators)
    by_place = _by_place(partnership, indicators, quarter.index - HISTORY_QUARTERS, quarter.index)
    rows = []
    for indicator in indicators:
        figures = []
        for area in areas:
            held = by_place.get((indicator.pk, area.pk), {})
            figures.append(
                _figure(area.name, indicator, {p: v[0] for p, v in held.items()}, quarter, False)
            )
        whole_values = _whole_values(indicator, by_place, areas)
        figures.append(
            _figure(_whole(partnership), indicator, whole_values, quarter, indicator.is_additive)
        )
        chosen = next(figure for figure in figures if figure.place == report.place)
        rows.append(IndicatorRow(indicator=indicator, figures=figures, chosen=chosen))
    return rows


def scrutinies_for(*, partnership: Partnership, period: int | None = None) -> list[Scrutiny]:
    found = Scrutiny.objects.filter(partnership=partnership).select_related(
        "indicator", "area", "asked_of", "audit_proposal"
    )
    if period is not None:
        found = found.filter(period=period)
    return list(found)


def audit_proposals(*, partnership: Partnership) -> list[AuditProposal]:
    return list(
        AuditProposal.objects.filter(partnership=partnership).select_related(
            "scrutiny__indicator", "proposed_by"
        )
    )


def audit_proposals_to_plan(*, partnership: Partnership) -> QuerySet[AuditProposal]:
    """The proposals the audit programme has not yet taken up or declined (read by `audits`, which
    plans audits from them)."""
    return AuditProposal.objects.filter(
        partnership=partnership, status=AuditProposal.Status.PROPOSED
    ).select_related("scrutiny__asked_of")


def recent_imports(*, partnership: Partnership, limit: int = 10) -> list[PerformanceImport]:
    return list(
        PerformanceImport.objects.filter(partnership=partnership).select_related("uploaded_by")[
            :limit
        ]
    )


def similar_to_audit_proposal(proposal: AuditProposal, user) -> list:
    """Before an audit is planned: work like its focus, so it is not done twice (principle 2)."""
    return similar_work(
        partnership=proposal.partnership,
        text=f"{proposal.title}\n{proposal.focus}",
        agencies=[proposal.scrutiny.asked_of.name],
        user=user,
        exclude=[proposal, proposal.scrutiny],
    )

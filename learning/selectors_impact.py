"""Reads of the impact chain: an action's indicators and how they moved, and a finding's whole
chain (recommendations, actions, evidence, indicators, and whether its themes were learnt again).
The figures come from the registered source of indicators (`learning.impact`), never an import."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Min, Prefetch
from django.utils import timezone

from core.charts import line_chart
from learning import impact
from learning.models import Action, ActionIndicator, Finding, Recommendation

# How far before an action opened its indicators' trend starts: a year of quarters as baseline.
BASELINE_DAYS = 366


@dataclass
class IndicatorImpact:
    link: ActionIndicator
    trend: impact.Trend | None
    movement: impact.Movement
    chart: dict

    @property
    def name(self) -> str:
        return self.trend.name if self.trend else "An indicator no longer in the framework"


@dataclass
class ActionImpact:
    action: Action
    indicators: list[IndicatorImpact]

    @property
    def evidence(self):
        return getattr(self.action, "evidence", None) if self.action.closed_at else None

    @property
    def impact_evidenced(self) -> bool:
        evidence = self.evidence
        return evidence is not None and impact.impact_evidenced(
            signed_off_by_member=evidence.signed_off_by_member,
            movements=[item.movement for item in self.indicators],
        )


def _position(points: tuple[impact.Point, ...], day: date) -> float:
    """Where a day falls along the points, counted in points (see `core.charts.line_chart`)."""
    for index, point in enumerate(points):
        if point.starts <= day <= point.ends:
            span = (point.ends - point.starts).days or 1
            return index + (day - point.starts).days / span - 0.5
    return 0 if not points or day < points[0].starts else len(points) - 1


def _marks(action: Action, points) -> list[tuple[str, float]]:
    marks = [("Action opened", _position(points, timezone.localdate(action.created_at)))]
    if action.closed_at:
        marks.append(("Action closed", _position(points, timezone.localdate(action.closed_at))))
    return marks


def action_impacts(actions: Iterable[Action], *, today: date | None = None) -> list[ActionImpact]:
    """Each action with its named indicators' trends (from a year before it opened to `today`) and
    how they moved; the actions' indicator links are read in one query and the figures in one
    call to the source of indicators per partnership."""
    actions = list(actions)
    today = today or timezone.localdate()
    links: dict[int, list[ActionIndicator]] = defaultdict(list)
    for link in ActionIndicator.objects.filter(action__in=actions):
        links[link.action_id].append(link)
    source = impact.indicator_source()
    trends: dict[int, impact.Trend] = {}
    if source is not None and links:
        by_partnership: dict[int, list[Action]] = defaultdict(list)
        for action in actions:
            if links.get(action.pk):
                by_partnership[action.partnership_id].append(action)
        for grouped in by_partnership.values():
            earliest = min(timezone.localdate(action.created_at) for action in grouped)
            ids = sorted({link.indicator_id for a in grouped for link in links[a.pk]})
            trends.update(
                source.trends(
                    grouped[0].partnership, ids, earliest - timedelta(days=BASELINE_DAYS), today
                )
            )
    found = []
    for action in actions:
        opened = timezone.localdate(action.created_at)
        items = []
        for link in links.get(action.pk, []):
            trend = trends.get(link.indicator_id)
            points = tuple(
                p
                for p in (trend.points if trend else ())
                if p.ends >= opened - timedelta(BASELINE_DAYS)
            )
            items.append(
                IndicatorImpact(
                    link=link,
                    trend=trend,
                    movement=impact.movement(points, opened_on=opened, expected=link.expected),
                    chart=line_chart(
                        [(p.label, p.value) for p in points],
                        width=560,
                        height=180,
                        padding=32,
                        marks=_marks(action, points),
                    )
                    if points
                    else {},
                )
            )
        found.append(ActionImpact(action=action, indicators=items))
    return found


@dataclass
class RecurredTheme:
    name: str
    findings: int
    first_on: date


@dataclass
class FindingChain:
    finding: Finding
    recommendations: list[tuple[Recommendation, list[ActionImpact]]]
    closed_on: date | None
    recurred: list[RecurredTheme]

    @property
    def learnt_again(self) -> bool:
        return bool(self.recurred)


def finding_chain(finding: Finding) -> FindingChain:
    """A finding's recommendations, their actions with evidence and indicators, and whether any of
    its themes was found again (in any source) after the first of its actions closed: the
    recurring-lessons report's "learnt again", for one finding."""
    recommendations = list(
        finding.recommendations.select_related("owning_group").prefetch_related(
            Prefetch(
                "actions",
                queryset=Action.objects.select_related(
                    "owner_organisation", "evidence__signed_off_by", "partnership"
                ),
            )
        )
    )
    actions = [action for rec in recommendations for action in rec.actions.all()]
    impacts = {item.action.pk: item for item in action_impacts(actions)}
    closed = [action.closed_at for action in actions if action.closed_at]
    closed_on = timezone.localdate(min(closed)) if closed else None
    recurred = []
    if closed:
        rows = (
            Finding.objects.filter(
                partnership=finding.partnership_id,
                themes__in=finding.themes.all(),
                recorded_at__gt=min(closed),
            )
            .exclude(pk=finding.pk)
            .values("themes__name")
            .annotate(count=Count("pk", distinct=True), first=Min("recorded_at"))
            .order_by("themes__name")
        )
        theme_names = {theme.name for theme in finding.themes.all()}
        recurred = [
            RecurredTheme(
                name=row["themes__name"],
                findings=row["count"],
                first_on=timezone.localdate(row["first"]),
            )
            for row in rows
            if row["themes__name"] in theme_names
        ]
    return FindingChain(
        finding=finding,
        recommendations=[
            (rec, [impacts[action.pk] for action in rec.actions.all()]) for rec in recommendations
        ],
        closed_on=closed_on,
        recurred=recurred,
    )

"""Reads of the inspection register: the list, an inspection's page, judgement history, the next
inspection window and the quarterly progress report. Each reads a bounded number of queries."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Prefetch, QuerySet, Value, When

from core.charts import line_chart
from core.models import Document
from inspections import deadlines, schedule
from inspections.models import Grade, Inspection, InspectionPoint, InspectionSetting, Judgement
from learning.models import Action
from partnership.models import Partnership

# Areas for priority action first, then the other points in the order they were recorded.
PRIORITY_FIRST = Case(
    When(kind=InspectionPoint.Kind.PRIORITY_ACTION, then=Value(0)), default=Value(1)
)

# The self-evaluation is reviewed every year (the ILACS annual engagement meeting).
CHECKLIST_FRESH_FOR = timedelta(days=365)


def setting_for(partnership: Partnership) -> InspectionSetting:
    return InspectionSetting.objects.filter(partnership=partnership).first() or InspectionSetting(
        partnership=partnership
    )


def jtai_working_days(partnership: Partnership) -> int:
    found = (
        InspectionSetting.objects.filter(partnership=partnership)
        .values_list("jtai_statement_working_days", flat=True)
        .first()
    )
    return found or deadlines.JTAI_STATEMENT_OF_ACTION_WORKING_DAYS


def register(partnership: Partnership) -> QuerySet[Inspection]:
    return (
        Inspection.objects.filter(partnership=partnership)
        .select_related("area", "partnership")
        .prefetch_related(
            Prefetch("judgements", queryset=Judgement.objects.filter(aspect="overall"))
        )
    )


def points_of(inspection: Inspection) -> QuerySet[InspectionPoint]:
    """The report's points with their spine finding, recommendation and actions, for one page."""
    return (
        inspection.points.select_related("finding", "recommendation__owning_group")
        .prefetch_related(
            "indicators",
            Prefetch(
                "recommendation__actions",
                queryset=Action.objects.select_related(
                    "owner_organisation", "owner_person", "evidence"
                ).prefetch_related("updates"),
            ),
        )
        .order_by(PRIORITY_FIRST, "id")
    )


def documents_of(inspection: Inspection) -> QuerySet[Document]:
    return Document.objects.filter(
        owner_type=ContentType.objects.get_for_model(Inspection),
        owner_id=inspection.pk,
        archived_at__isnull=True,
    ).order_by("kind", "title")


# History of judgements


@dataclass
class AreaHistory:
    name: str
    rows: list[dict] = field(default_factory=list)
    chart: dict = field(default_factory=dict)


# The four-point scale as the chart's fixed levels (shortened to fit beside the chart).
GRADE_LEVELS = [
    ("Outstanding", Grade.OUTSTANDING),
    ("Good", Grade.GOOD),
    ("Requires improvement", Grade.REQUIRES_IMPROVEMENT),
    ("Inadequate", Grade.INADEQUATE),
]


def judgement_history(partnership: Partnership) -> list[AreaHistory]:
    """Each area's ILACS judgements, oldest first, with a chart of overall effectiveness (4 outstanding, 1 inadequate)."""
    inspections = (
        Inspection.objects.filter(partnership=partnership, kind__in=Inspection.JUDGED_KINDS)
        .select_related("area")
        .prefetch_related("judgements")
        .order_by("on_site_from", "id")
    )
    areas: dict[str, AreaHistory] = {}
    for inspection in inspections:
        name = inspection.area.name if inspection.area else inspection.inspected_body
        history = areas.setdefault(name, AreaHistory(name=name))
        grades = {judgement.aspect: judgement for judgement in inspection.judgements.all()}
        history.rows.append(
            {
                "inspection": inspection,
                "grades": [grades.get(aspect) for aspect in Judgement.Aspect.values],
            }
        )
    for history in areas.values():
        history.chart = line_chart(
            [
                (
                    f"{row['inspection'].on_site_from:%b %Y}"
                    if row["inspection"].on_site_from
                    else "",
                    row["grades"][0].grade if row["grades"][0] else None,
                )
                for row in history.rows
            ],
            width=640,
            height=180,
            levels=GRADE_LEVELS,
            label_width=170,
        )
    return list(areas.values())


# The next inspection, on the business unit's dashboard


@dataclass(frozen=True)
class AreaWindow:
    area: str
    last: Inspection
    overall: str
    window: schedule.Window | None
    now_due: bool = False


@dataclass(frozen=True)
class ChecklistItem:
    label: str
    updated_on: date | None
    up_to_date: bool


def next_inspections(partnership: Partnership, today: date) -> list[AreaWindow]:
    """Each area's expected window for its next standard ILACS inspection, from its last one, and
    whether it may come now (the window has opened).

    After an inadequate judgement there is no window: monitoring visits and a re-inspection follow.
    """
    latest: dict[str, Inspection] = {}
    for inspection in (
        Inspection.objects.filter(
            partnership=partnership,
            kind__in=Inspection.JUDGED_KINDS,
            on_site_to__isnull=False,
        )
        .select_related("area")
        .prefetch_related(
            Prefetch("judgements", queryset=Judgement.objects.filter(aspect="overall"))
        )
        .order_by("on_site_to", "id")
    ):
        latest[inspection.area.name if inspection.area else inspection.inspected_body] = inspection
    windows = []
    for name, inspection in sorted(latest.items()):
        overall = next(iter(inspection.judgements.all()), None)
        inadequate = overall is not None and overall.grade == Grade.INADEQUATE
        window = (
            None if inadequate else schedule.next_standard_inspection_window(inspection.on_site_to)
        )
        windows.append(
            AreaWindow(
                area=name,
                last=inspection,
                overall=overall.get_grade_display() if overall else "Not recorded",
                window=window,
                now_due=window is not None and today >= window.earliest,
            )
        )
    return windows


def checklist(partnership: Partnership, today: date) -> list[ChecklistItem]:
    setting = setting_for(partnership)
    items = []
    for name, label in InspectionSetting.CHECKLIST:
        updated_on = getattr(setting, name)
        items.append(
            ChecklistItem(
                label=label,
                updated_on=updated_on,
                up_to_date=updated_on is not None and today - updated_on <= CHECKLIST_FRESH_FOR,
            )
        )
    return items


# The quarterly progress report


@dataclass(frozen=True)
class ActionProgress:
    action: Action
    rag: str
    rag_label: str
    latest_update: object


def _progress(action: Action, today: date) -> ActionProgress:
    rating = schedule.rag(
        status=action.status, closed=action.closed_at is not None, due=action.due_date, today=today
    )
    updates = list(action.updates.all())
    return ActionProgress(
        action=action,
        rag=rating,
        rag_label=schedule.RAG_LABELS[rating],
        latest_update=updates[0] if updates else None,
    )


@dataclass
class PointProgress:
    point: InspectionPoint
    actions: list[ActionProgress]


@dataclass
class InspectionProgress:
    inspection: Inspection
    points: list[PointProgress]
    counts: dict[str, int]


def progress_report(partnership: Partnership, today: date) -> list[InspectionProgress]:
    """Every open inspection's action plan: each point needing action (priority actions first) with
    its actions' RAG, latest progress, evidence of impact and the indicators it aims to move."""
    inspections = (
        Inspection.objects.filter(partnership=partnership)
        .exclude(status=Inspection.Status.CLOSED)
        .filter(points__recommendation__isnull=False)
        .distinct()
        .select_related("area", "partnership")
        .prefetch_related(
            Prefetch(
                "points",
                queryset=InspectionPoint.objects.filter(recommendation__isnull=False)
                .select_related("finding", "recommendation__owning_group")
                .prefetch_related(
                    "indicators",
                    Prefetch(
                        "recommendation__actions",
                        queryset=Action.objects.select_related(
                            "owner_organisation", "owner_person", "evidence"
                        ).prefetch_related("updates"),
                    ),
                )
                .order_by(PRIORITY_FIRST, "id"),
            )
        )
        .order_by("on_site_from", "id")
    )
    report = []
    for inspection in inspections:
        points = [
            PointProgress(
                point=point,
                actions=[_progress(action, today) for action in point.recommendation.actions.all()],
            )
            for point in inspection.points.all()
        ]
        counts = dict.fromkeys(schedule.RAG_LABELS, 0)
        for point in points:
            for progress in point.actions:
                counts[progress.rag] += 1
        report.append(InspectionProgress(inspection=inspection, points=points, counts=counts))
    return report

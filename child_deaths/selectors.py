"""Reads of child death review: duplicates, the panel's agenda, trends, the yearly report, exports."""

import statistics
from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone

from child_deaths import access as death_access
from child_deaths import rules
from child_deaths.models import (
    AgencyReportingRequest,
    Analysis,
    ChildDeath,
    ChildIdentity,
    PanelMeeting,
)
from core.charts import bar_chart
from learning.models import Action, Finding, Recommendation
from partnership import access
from partnership.models import Area, Group, Partnership


def possible_duplicates(
    user, *, forenames: str, surname: str, date_of_birth: date, date_of_death: date
) -> tuple[list[ChildDeath], list[ChildDeath]]:
    """Deaths already notified that look like the same child (two of name, birth and death dates):
    those the person may see, and those they may not, which only the business unit is shown."""
    same_name = Q(identity__surname__iexact=surname.strip()) & Q(
        identity__forenames__iexact=forenames.strip()
    )
    same_birth = Q(identity__date_of_birth=date_of_birth)
    same_death = Q(date_of_death=date_of_death)
    found = list(
        ChildDeath.objects.filter(
            (same_name & same_birth) | (same_name & same_death) | (same_birth & same_death)
        ).only("pk", "reference", "pseudonym", "partnership_id")[:5]
    )
    seen = set(
        ChildDeath.objects.visible_to(user)
        .filter(pk__in=[death.pk for death in found])
        .values_list("pk", flat=True)
    )
    return (
        [death for death in found if death.pk in seen],
        [death for death in found if death.pk not in seen],
    )


def later_possible_duplicates(death: ChildDeath) -> QuerySet[ChildDeath]:
    """Deaths notified later, perhaps in another partnership, that may be the same child."""
    return ChildDeath.objects.filter(possible_duplicate_of=death).select_related("partnership")


def areas_for_notification(user) -> QuerySet[Area]:
    """Areas a person may notify a death for: their partnerships and those their panels also serve."""
    own = access.partnership_ids(user)
    panels_serving_own = access.agreed_serving().filter(
        group__kind=Group.Kind.CHILD_DEATH_OVERVIEW_PANEL, partnership__in=own
    )
    served = (
        access.agreed_serving()
        .filter(group__in=panels_serving_own.values("group_id"))
        .values("partnership_id")
    )
    return (
        Area.objects.filter(Q(partnership__in=own) | Q(partnership__in=served))
        .filter(archived_at__isnull=True)
        .select_related("partnership")
        .order_by("partnership__name", "name")
    )


def deaths_for(user, *, status: str = "") -> QuerySet[ChildDeath]:
    deaths = ChildDeath.objects.visible_to(user).select_related("area", "partnership")
    return deaths.filter(status=status) if status else deaths


def identity_of(death: ChildDeath) -> ChildIdentity:
    return ChildIdentity.objects.get(child_death=death)


def requests_for_contributor(user) -> QuerySet[AgencyReportingRequest]:
    return (
        AgencyReportingRequest.objects.for_contributor(user)
        .select_related("child_death", "form", "organisation")
        .order_by("returned_at", "due_date")
    )


def panels_for(user) -> QuerySet[Group]:
    """Panels whose meetings a person can arrange: their own, and those their business unit hosts."""
    return Group.objects.filter(
        Q(pk__in=death_access.panels_of(user))
        | Q(
            kind=Group.Kind.CHILD_DEATH_OVERVIEW_PANEL,
            partnership__in=access.business_unit_partnership_ids(user),
        )
    ).filter(archived_at__isnull=True)


def agenda_candidates(panel: Group) -> QuerySet[ChildDeath]:
    """Cases ready for review from every partnership the panel serves, oldest death first."""
    return (
        ChildDeath.objects.filter(
            partnership__in=access.served_partnership_ids(panel), status=ChildDeath.Status.READY
        )
        .select_related("partnership")
        .order_by("date_of_death")
    )


def meetings_for(user) -> QuerySet[PanelMeeting]:
    return (
        PanelMeeting.objects.visible_to(user)
        .select_related("panel")
        .annotate(case_count=Count("cases"))
    )


# Trends -----------------------------------------------------------------------------------------


@dataclass
class Breakdown:
    """One dimension of the trends: rows of (label, safe count) with a chart of the same data."""

    key: str
    title: str
    rows: list[tuple[str, int | str]]
    chart: dict = field(default_factory=dict)


def _labelled(counts: dict, labels: dict, order: list) -> list[tuple[str, int]]:
    return [(labels.get(key, str(key)), counts.get(key, 0)) for key in order]


def _safe(rows: list[tuple[str, int]]) -> list[tuple[str, int | str]]:
    labels = [label for label, _ in rows]
    return list(zip(labels, rules.suppress_table([count for _, count in rows]), strict=True))


def _breakdown(key: str, title: str, rows: list[tuple[str, int]]) -> Breakdown:
    safe = _safe(rows)
    chart_items = [(label, value if isinstance(value, int) else None) for label, value in safe]
    return Breakdown(key=key, title=title, rows=safe, chart=bar_chart(chart_items))


def _counts(deaths: QuerySet, field_name: str) -> dict:
    return {
        row[field_name]: row["n"]
        for row in deaths.order_by().values(field_name).annotate(n=Count("pk"))
    }


def trends(deaths: QuerySet[ChildDeath]) -> list[Breakdown]:
    """Deaths by each dimension the panel looks at; counts under 5 shown as "fewer than 5"."""
    not_reviewed = {None: "Not yet reviewed"}
    category = _counts(deaths, "analysis__category")
    modifiable = _counts(deaths, "analysis__modifiable")
    years = {
        row["year"]: row["n"]
        for row in deaths.order_by()
        .annotate(year=ExtractYear("date_of_death"))
        .values("year")
        .annotate(n=Count("pk"))
    }
    areas = _counts(deaths, "area__name")
    return [
        _breakdown(
            "year", "Year on year (year of death)", [(str(y), years[y]) for y in sorted(years)]
        ),
        _breakdown(
            "category",
            "Category of death",
            _labelled(
                category,
                {**dict(Analysis.Category.choices), **not_reviewed},
                [*Analysis.Category.values, None],
            ),
        ),
        _breakdown(
            "modifiable",
            "Modifiable factors",
            _labelled(
                modifiable,
                {**dict(Analysis.Modifiable.choices), **not_reviewed},
                [*Analysis.Modifiable.values, None],
            ),
        ),
        _breakdown(
            "age_band",
            "Age at death",
            _labelled(
                _counts(deaths, "age_band"),
                {},
                [label for _, _, label in rules.AGE_BANDS],
            ),
        ),
        _breakdown(
            "sex",
            "Sex",
            _labelled(_counts(deaths, "sex"), dict(ChildDeath.Sex.choices), ChildDeath.Sex.values),
        ),
        _breakdown(
            "ethnicity",
            "Ethnicity",
            _labelled(
                _counts(deaths, "ethnicity"),
                dict(ChildDeath.Ethnicity.choices),
                ChildDeath.Ethnicity.values,
            ),
        ),
        _breakdown(
            "expected",
            "Expected or unexpected",
            _labelled(
                _counts(deaths, "expected"),
                dict(ChildDeath.Expected.choices),
                ChildDeath.Expected.values,
            ),
        ),
        _breakdown("area", "Area of residence", sorted(areas.items())),
    ]


def trend_filter(
    deaths: QuerySet[ChildDeath],
    *,
    partnership: Partnership | None = None,
    area: Area | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    expected: str = "",
) -> QuerySet[ChildDeath]:
    if partnership:
        deaths = deaths.filter(partnership=partnership)
    if area:
        deaths = deaths.filter(area=area)
    if year_from:
        deaths = deaths.filter(date_of_death__year__gte=year_from)
    if year_to:
        deaths = deaths.filter(date_of_death__year__lte=year_to)
    if expected:
        deaths = deaths.filter(expected=expected)
    return deaths


# The CDOP yearly report -------------------------------------------------------------------------


def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 4, 1), date(year + 1, 3, 31)


def yearly_report(deaths: QuerySet[ChildDeath], year: int) -> dict:
    """The panel's year (1 April to 31 March): notified, reviewed, categories, factors, timeliness."""
    start, end = _year_bounds(year)
    notified = deaths.filter(notified_at__date__range=(start, end))
    reviewed = deaths.filter(analysis__completed_on__range=(start, end))
    waits = [
        (row["first_panel"] - timezone.localtime(row["notified_at"]).date()).days
        for row in reviewed.annotate(first_panel=Min("panel_meetings__held_on"))
        .filter(first_panel__isnull=False)
        .values("notified_at", "first_panel")
    ]
    return {
        "year": year,
        "label": f"1 April {year} to 31 March {year + 1}",
        "notified": rules.suppress(notified.count()),
        "reviewed": rules.suppress(reviewed.count()),
        "breakdowns": [
            item for item in trends(reviewed) if item.key in {"category", "modifiable", "expected"}
        ],
        "median_days_to_panel": round(statistics.median(waits))
        if len(waits) >= rules.SMALL_COUNT_LIMIT
        else None,
        "reviewed_within_six_months": rules.suppress(sum(1 for days in waits if days <= 183)),
        **_spine_learning(reviewed),
    }


def _spine_learning(reviewed: QuerySet[ChildDeath]) -> dict:
    """Themes of the findings from the year's reviews, and their recommendations with progress."""
    from_reviewed = {
        "source_type": ContentType.objects.get_for_model(ChildDeath),
        "source_id__in": reviewed.values("pk"),
    }
    themes = (
        Finding.themes.through.objects.filter(
            **{f"finding__{name}": value for name, value in from_reviewed.items()}
        )
        .values("theme__name")
        .annotate(n=Count("pk"))
        .order_by("theme__name")
    )
    return {
        "themes": [
            _breakdown(
                "themes",
                "Themes of the learning",
                [(row["theme__name"], row["n"]) for row in themes],
            )
        ],
        "recommendations": Recommendation.objects.filter(**from_reviewed)
        .select_related("owning_group")
        .annotate(
            actions_total=Count("actions"),
            actions_closed=Count("actions", filter=Q(actions__status=Action.Status.CLOSED)),
        ),
    }


# The NCMD-style export --------------------------------------------------------------------------

NCMD_FIELDS = (
    "case_reference",
    "partnership",
    "area_of_residence",
    "year_of_death",
    "month_of_death",
    "age_band",
    "sex",
    "ethnicity",
    "expected",
    "place_of_death",
    "joint_agency_response",
    "category_code",
    "category",
    "child_domain_grade",
    "family_domain_grade",
    "environment_domain_grade",
    "service_domain_grade",
    "modifiable_factors",
    "abuse_or_neglect_suspected",
    "panel_month",
    "days_notification_to_panel",
)


def ncmd_rows(deaths: QuerySet[ChildDeath]) -> list[dict]:
    """One row per reviewed death, with no name, date of birth, address, postcode or NHS number."""
    rows = []
    for row in (
        deaths.filter(analysis__isnull=False)
        .annotate(first_panel=Min("panel_meetings__held_on"))
        .values(
            "reference",
            "partnership__short_name",
            "area__name",
            "date_of_death",
            "age_band",
            "sex",
            "ethnicity",
            "expected",
            "place_of_death",
            "jar_status",
            "analysis__category",
            "analysis__child_grade",
            "analysis__family_grade",
            "analysis__environment_grade",
            "analysis__service_grade",
            "analysis__modifiable",
            "analysis__abuse_or_neglect_suspected",
            "notified_at",
            "first_panel",
        )
        .order_by("date_of_death", "reference")
    ):
        panel = row["first_panel"]
        rows.append(
            dict(
                zip(
                    NCMD_FIELDS,
                    (
                        row["reference"],
                        row["partnership__short_name"],
                        row["area__name"],
                        row["date_of_death"].year,
                        row["date_of_death"].month,
                        row["age_band"],
                        row["sex"],
                        row["ethnicity"],
                        row["expected"],
                        row["place_of_death"],
                        row["jar_status"] != ChildDeath.JarStatus.NOT_NEEDED,
                        row["analysis__category"],
                        Analysis.Category(row["analysis__category"]).label,
                        row["analysis__child_grade"],
                        row["analysis__family_grade"],
                        row["analysis__environment_grade"],
                        row["analysis__service_grade"],
                        row["analysis__modifiable"],
                        row["analysis__abuse_or_neglect_suspected"],
                        panel.strftime("%Y-%m") if panel else "",
                        (panel - timezone.localtime(row["notified_at"]).date()).days
                        if panel
                        else "",
                    ),
                    strict=True,
                )
            )
        )
    return rows

"""Reads of child death review: duplicates, the panel's agenda, trends, the yearly report, exports."""

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, Min, Q, QuerySet, Value, When
from django.db.models.functions import ExtractYear

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
    seen = Q(cases__partnership__in=death_access.death_partnership_ids(user))
    return (
        PanelMeeting.objects.visible_to(user)
        .select_related("panel")
        .annotate(case_count=Count("cases", filter=seen))
    )


def meeting_cases(meeting: PanelMeeting, user) -> QuerySet[ChildDeath]:
    """The cases on a meeting's agenda that this person still sees: a case of a partnership
    whose link with the panel has ended leaves the agenda of those who no longer serve it."""
    return meeting.cases.visible_to(user).select_related("partnership", "analysis")


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


def _safe(
    rows: list[tuple[str, int]], outside: list[int] | None = None
) -> list[tuple[str, int | str]]:
    labels = [label for label, _ in rows]
    counts = [count for _, count in rows]
    return list(zip(labels, rules.suppress_table(counts, outside), strict=True))


def _breakdown(
    key: str, title: str, rows: list[tuple[str, int]], outside: list[int] | None = None
) -> Breakdown:
    safe = _safe(rows, outside)
    chart_items = [(label, value if isinstance(value, int) else None) for label, value in safe]
    return Breakdown(key=key, title=title, rows=safe, chart=bar_chart(chart_items))


def _counts(deaths: QuerySet, field_name: str) -> dict:
    return {
        row[field_name]: row["n"]
        for row in deaths.order_by().values(field_name).annotate(n=Count("pk"))
    }


def child_deaths_only(deaths: QuerySet[ChildDeath]) -> QuerySet[ChildDeath]:
    """Without suspected stillbirths confirmed as stillbirths: they left the review, so no child
    death statistic counts them."""
    return deaths.exclude(status=ChildDeath.Status.LEFT_REVIEW)


def _with_reporting_year(deaths: QuerySet[ChildDeath]) -> QuerySet[ChildDeath]:
    """Each death's reporting year (1 April to 31 March, named by its start), as rules.financial_year."""
    return deaths.annotate(
        reporting_year=ExtractYear("date_of_death")
        - Case(When(date_of_death__month__lt=4, then=Value(1)), default=Value(0))
    )


def _residence_counts(deaths: QuerySet) -> dict[str, int]:
    """Deaths by area of residence; a child from outside the partnership counted as such."""
    labels = dict(ChildDeath.Residence.choices)
    counts: dict[str, int] = {}
    for row in deaths.order_by().values("area__name", "residence").annotate(n=Count("pk")):
        label = row["area__name"] or labels[row["residence"]]
        counts[label] = counts.get(label, 0) + row["n"]
    return counts


def _ethnic_group_counts(deaths: QuerySet) -> dict[str, int]:
    """Deaths by the five census groups: the full category is recorded, only statistics group it."""
    counts: dict[str, int] = {}
    for ethnicity, n in _counts(deaths, "ethnicity").items():
        group = rules.ethnic_group(ethnicity)
        counts[group] = counts.get(group, 0) + n
    return counts


def _dimensions() -> list[tuple[str, str, Callable[[QuerySet], list[tuple[str, int]]]]]:
    """Each dimension the panel looks at: key, title, and its rows of (label, count) for deaths."""
    not_reviewed = {None: "Not yet reviewed"}
    groups = [*rules.ETHNIC_GROUPS.values(), rules.NOT_STATED]

    def years(deaths):
        counts = _counts(_with_reporting_year(deaths), "reporting_year")
        return [(rules.reporting_year_label(y), counts[y]) for y in sorted(counts)]

    def choice(field_name, labels, order):
        return lambda deaths: _labelled(_counts(deaths, field_name), labels, order)

    return [
        ("year", "Year on year (reporting year of death, 1 April to 31 March)", years),
        (
            "category",
            "Category of death",
            choice(
                "analysis__category",
                {**dict(Analysis.Category.choices), **not_reviewed},
                [*Analysis.Category.values, None],
            ),
        ),
        (
            "modifiable",
            "Modifiable factors",
            choice(
                "analysis__modifiable",
                {**dict(Analysis.Modifiable.choices), **not_reviewed},
                [*Analysis.Modifiable.values, None],
            ),
        ),
        ("age_band", "Age at death", choice("age_band", {}, list(rules.AGE_BANDS))),
        ("sex", "Sex", choice("sex", dict(ChildDeath.Sex.choices), ChildDeath.Sex.values)),
        (
            "ethnicity",
            "Ethnic group",
            lambda deaths: _labelled(_ethnic_group_counts(deaths), {}, groups),
        ),
        (
            "expected",
            "Expected or unexpected",
            choice("expected", dict(ChildDeath.Expected.choices), ChildDeath.Expected.values),
        ),
        (
            "area",
            "Area of residence",
            lambda deaths: sorted(_residence_counts(deaths).items()),
        ),
    ]


def trends(
    deaths: QuerySet[ChildDeath], *, outside: QuerySet[ChildDeath] | None = None
) -> list[Breakdown]:
    """Deaths by each dimension the panel looks at; counts under 5 shown as "fewer than 5".

    For a filtered view, `outside` is the deaths the filters leave out of what the person may read:
    a cell whose outside count is under 5 is hidden too, so that no two views differ by a small
    number."""
    deaths = child_deaths_only(deaths)
    outside = child_deaths_only(outside) if outside is not None else None
    breakdowns = []
    for key, title, rows_of in _dimensions():
        rows = rows_of(deaths)
        left_out = dict(rows_of(outside)) if outside is not None else {}
        breakdowns.append(
            _breakdown(key, title, rows, [left_out.get(label, 0) for label, _ in rows])
        )
    return breakdowns


def outside_filters(
    everything: QuerySet[ChildDeath], filtered: QuerySet[ChildDeath]
) -> QuerySet[ChildDeath]:
    """The deaths a person may read that the filters leave out."""
    return everything.exclude(pk__in=filtered.values("pk"))


def trend_filter(
    deaths: QuerySet[ChildDeath],
    *,
    partnership: Partnership | None = None,
    area: Area | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    expected: str = "",
) -> QuerySet[ChildDeath]:
    """Deaths filtered; the years are reporting years, 1 April to 31 March."""
    if partnership:
        deaths = deaths.filter(partnership=partnership)
    if area:
        deaths = deaths.filter(area=area)
    if year_from:
        deaths = deaths.filter(date_of_death__gte=_year_bounds(year_from)[0])
    if year_to:
        deaths = deaths.filter(date_of_death__lte=_year_bounds(year_to)[1])
    if expected:
        deaths = deaths.filter(expected=expected)
    return deaths


# The CDOP yearly report -------------------------------------------------------------------------


def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 4, 1), date(year + 1, 3, 31)


def yearly_report_deaths(deaths: QuerySet[ChildDeath], year: int) -> QuerySet[ChildDeath]:
    """The deaths a year's report counts (notified or reviewed in it), with their identities."""
    start, end = _year_bounds(year)
    return (
        deaths.filter(
            Q(notified_at__date__range=(start, end)) | Q(analysis__completed_on__range=(start, end))
        )
        .select_related("identity")
        .distinct()
    )


def yearly_report(deaths: QuerySet[ChildDeath], year: int) -> dict:
    """The panel's year (1 April to 31 March): notified, reviewed, categories, factors, timeliness.

    Timeliness runs from the date of death to the panel's completed review.
    """
    start, end = _year_bounds(year)
    notified_in_year = deaths.filter(notified_at__date__range=(start, end))
    notified = child_deaths_only(notified_in_year)
    reviewed = child_deaths_only(deaths).filter(analysis__completed_on__range=(start, end))
    timings = list(reviewed.values_list("date_of_death", "analysis__completed_on"))
    waits = [
        rules.days_to_completed_review(date_of_death=died, review_completed_on=completed)
        for died, completed in timings
    ]
    return {
        "year": year,
        "label": f"1 April {year} to 31 March {year + 1}",
        "notified": rules.suppress(notified.count()),
        "stillbirths_left_review": rules.suppress(
            notified_in_year.filter(status=ChildDeath.Status.LEFT_REVIEW).count()
        ),
        "reviewed": rules.suppress(reviewed.count()),
        "breakdowns": [
            item
            for item in trends(reviewed)
            if item.key in {"category", "modifiable", "expected", "age_band", "ethnicity"}
        ],
        "median_days_death_to_review": round(statistics.median(waits))
        if len(waits) >= rules.SMALL_COUNT_LIMIT
        else None,
        **{
            f"reviewed_within_{months}_months": rules.suppress(
                sum(
                    rules.reviewed_within_months(
                        date_of_death=died, review_completed_on=completed, months=months
                    )
                    for died, completed in timings
                )
            )
            for months in (6, 12)
        },
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
    "residence",
    "area_of_residence",
    "year_of_death",
    "month_of_death",
    "reporting_year",
    "age_band",
    "sex",
    "ethnicity",
    "ethnic_group",
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
    "review_completed_month",
    "days_death_to_completed_review",
)


def ncmd_rows(deaths: QuerySet[ChildDeath]) -> list[dict]:
    """One row per reviewed death, with no name, date of birth, address, postcode or NHS number.

    Ethnicity is the census category with its group beside it; the years are reporting years.
    """
    rows = []
    for row in (
        child_deaths_only(deaths)
        .filter(analysis__isnull=False)
        .annotate(first_panel=Min("panel_meetings__held_on"))
        .values(
            "reference",
            "partnership__short_name",
            "residence",
            "area__name",
            "lived_elsewhere",
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
            "analysis__completed_on",
            "first_panel",
        )
        .order_by("date_of_death", "reference")
    ):
        panel, died, completed = (
            row["first_panel"],
            row["date_of_death"],
            row["analysis__completed_on"],
        )
        rows.append(
            dict(
                zip(
                    NCMD_FIELDS,
                    (
                        row["reference"],
                        row["partnership__short_name"],
                        row["residence"],
                        row["area__name"] or row["lived_elsewhere"],
                        died.year,
                        died.month,
                        rules.reporting_year_label(rules.financial_year(died)),
                        row["age_band"],
                        row["sex"],
                        row["ethnicity"],
                        rules.ethnic_group(row["ethnicity"]),
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
                        completed.strftime("%Y-%m"),
                        rules.days_to_completed_review(
                            date_of_death=died, review_completed_on=completed
                        ),
                    ),
                    strict=True,
                )
            )
        )
    return rows

"""Reads of single-agency assurance: rounds, self-assessments, the agency × standard heat map of a
year with each agency's year-on-year change, and its export. Each reads a bounded number of queries
whatever the number of agencies, standards and years."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf

from audits import assurance
from audits.models_assurance import (
    AgencyAuditSummary,
    AssuranceRound,
    AssuranceStandard,
    SelfAssessment,
    StandardRating,
)
from partnership.models import Organisation, Partnership


def standards_asked(assessment: SelfAssessment) -> QuerySet[AssuranceStandard]:
    """The standards an agency rates: the partnership's for the round's kind, less those archived."""
    return AssuranceStandard.objects.filter(
        partnership_id=assessment.round.partnership_id,
        kind=assessment.round.kind,
        archived_at__isnull=True,
    )


def rounds_for(user, partnership: Partnership) -> QuerySet[AssuranceRound]:
    return (
        AssuranceRound.objects.visible_to(user)
        .filter(partnership=partnership)
        .select_related("overseeing_group")
        .annotate(
            asked=Count("self_assessments"),
            sent=Count(
                "self_assessments",
                filter=~Q(self_assessments__status=SelfAssessment.Status.REQUESTED),
            ),
        )
    )


def assessments_for(user, partnership: Partnership) -> QuerySet[SelfAssessment]:
    """Self-assessments the person sees, newest round first (a contributor: their own agency's)."""
    return (
        SelfAssessment.objects.visible_to(user)
        .filter(round__partnership=partnership)
        .select_related("round", "organisation")
        .order_by("-round__year", "organisation__name")
    )


def assessments_in(round: AssuranceRound, user) -> QuerySet[SelfAssessment]:
    return (
        SelfAssessment.objects.visible_to(user)
        .filter(round=round)
        .select_related("organisation", "submitted_by")
    )


def ratings_of(assessment: SelfAssessment) -> QuerySet[StandardRating]:
    return assessment.ratings.select_related("standard")


def eligible_agencies(partnership: Partnership, kind: str) -> QuerySet[Organisation]:
    """The agencies a round of `kind` asks: schools for section 175, every other agency for section 11."""
    agencies = Organisation.objects.filter(partnership=partnership, archived_at__isnull=True)
    if kind == assurance.SECTION_175:
        return agencies.filter(organisation_type=assurance.EDUCATION)
    return agencies.exclude(organisation_type=assurance.EDUCATION)


# The heat map

SETTLED = Coalesce(NullIf(F("partnership_rating"), Value("")), F("rating"))


def _rated(round: AssuranceRound) -> list[assurance.Rated]:
    return [
        assurance.Rated(agency_id, standard_id, rating, partnership_rating)
        for agency_id, standard_id, rating, partnership_rating in StandardRating.objects.filter(
            assessment__round=round
        ).values_list("assessment__organisation_id", "standard_id", "rating", "partnership_rating")
    ]


@dataclass
class HeatMap:
    round: AssuranceRound
    previous: AssuranceRound | None
    standards: list[AssuranceStandard]
    rows: list[assurance.Row]
    years: list[int]
    changes: dict[int, list[assurance.YearOnYear]]

    def change_of(self, agency_id: int) -> assurance.YearOnYear | None:
        """The agency's change in the round's year on the last year it was rated before."""
        return next(
            (
                change
                for change in self.changes.get(agency_id, [])
                if change.year == self.round.year
            ),
            None,
        )

    @property
    def lines(self) -> list[tuple[assurance.Row, assurance.YearOnYear | None]]:
        return [(row, self.change_of(row.agency_id)) for row in self.rows]

    @property
    def history(self) -> list[tuple[str, list[assurance.YearOnYear | None]]]:
        """Each agency's mean score and change in every year up to the round's, oldest first."""
        lines = []
        for row in self.rows:
            by_year = {change.year: change for change in self.changes.get(row.agency_id, [])}
            lines.append((row.agency, [by_year.get(year) for year in self.years]))
        return lines

    def table(self) -> list[list]:
        """The heat map and each agency's change on the year before, as the export writes it."""
        header = ["Agency", *(standard.title for standard in self.standards)]
        header += [
            "Green",
            "Amber",
            "Red",
            f"Mean score {self.round.year}",
            "Change on the year before",
        ]
        lines = [header]
        for row in self.rows:
            latest = self.change_of(row.agency_id)
            lines.append(
                [
                    row.agency,
                    *(
                        f"{cell.label} (agency: {assurance.SHORT[cell.self_rating]})"
                        if cell.challenged
                        else cell.label
                        for cell in row.cells
                    ),
                    *row.counts.values(),
                    round(latest.score, 2) if latest and latest.score is not None else None,
                    latest.summary if latest else "Not rated",
                ]
            )
        return lines


def heat_map(round: AssuranceRound) -> HeatMap:
    """Every agency asked in the round against the partnership's standards, each cell with the
    year before's rating, and each agency's mean score in every year up to this one."""
    standards = list(
        AssuranceStandard.objects.filter(
            partnership_id=round.partnership_id, kind=round.kind
        ).filter(Q(archived_at__isnull=True) | ratings_exist(round))
    )
    agencies = list(
        round.self_assessments.order_by("organisation__name").values_list(
            "organisation_id", "organisation__name"
        )
    )
    previous = (
        AssuranceRound.objects.filter(
            partnership_id=round.partnership_id, kind=round.kind, year__lt=round.year
        )
        .order_by("-year")
        .first()
    )
    rows = assurance.heat_map(
        agencies=agencies,
        standards=[(standard.pk, standard.title) for standard in standards],
        ratings=_rated(round),
        previous=_rated(previous) if previous else (),
    )
    years, changes = _year_on_year(round, [agency_id for agency_id, _ in agencies])
    return HeatMap(
        round=round,
        previous=previous,
        standards=standards,
        rows=rows,
        years=years,
        changes=changes,
    )


def ratings_exist(round: AssuranceRound) -> Q:
    """Standards archived since the round was answered still show their ratings in it."""
    return Q(pk__in=StandardRating.objects.filter(assessment__round=round).values("standard_id"))


def _year_on_year(
    round: AssuranceRound, agency_ids: list[int]
) -> tuple[list[int], dict[int, list[assurance.YearOnYear]]]:
    """One query: the count of each settled rating by agency and year, for the round's agencies."""
    counts = (
        StandardRating.objects.filter(
            assessment__round__partnership_id=round.partnership_id,
            assessment__round__kind=round.kind,
            assessment__round__year__lte=round.year,
            assessment__organisation_id__in=agency_ids,
        )
        .annotate(settled=SETTLED)
        .values("assessment__organisation_id", "assessment__round__year", "settled")
        .annotate(count=Count("id"))
    )
    found: dict[int, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    years = set()
    for line in counts:
        years.add(line["assessment__round__year"])
        found[line["assessment__organisation_id"]][line["assessment__round__year"]] += [
            line["settled"]
        ] * line["count"]
    ordered = sorted(years)
    return ordered, {
        agency_id: assurance.year_on_year(
            {year: assurance.mean_score(by_year.get(year, [])) for year in ordered}
        )
        for agency_id, by_year in found.items()
    }


def agency_audits_for(user, partnership: Partnership) -> QuerySet[AgencyAuditSummary]:
    return (
        AgencyAuditSummary.objects.visible_to(user)
        .filter(partnership=partnership)
        .select_related("organisation")
    )

"""Section 11 assurance at scale: in the first partnership, 40 agencies asked every year for ten
years against the eight usual standards (3,200 ratings; a quarter of them challenged), and in every
other partnership last year's round for its own agencies. Measures the heat map of the latest year
(each cell's change on the year before, each agency's change over the ten years) against the
minimal page."""

from django.urls import reverse

from audits import services_assurance
from audits.assurance import RATINGS, SECTION_11
from audits.models_assurance import (
    AssuranceRound,
    AssuranceStandard,
    SelfAssessment,
    StandardRating,
)
from partnership.models import Group, Organisation, Partnership, Role

AGENCIES = 40
YEARS = 10


def _rounds(world, partnership, agencies, years) -> None:
    services_assurance.standards_seed(partnership=partnership, kind=SECTION_11)
    standards = list(AssuranceStandard.objects.filter(partnership=partnership, kind=SECTION_11))
    group = Group.objects.filter(partnership=partnership).first() or Group.objects.create(
        partnership=partnership, name="Benchmark sub-group", kind=Group.Kind.SUBGROUP
    )
    manager = world.person(partnership, Role.BUSINESS_UNIT_MANAGER)
    rounds = AssuranceRound.objects.bulk_create(
        AssuranceRound(
            partnership=partnership,
            kind=SECTION_11,
            year=year,
            due_date=world.today.replace(year=year, month=9, day=30),
            overseeing_group=group,
            opened_by=manager,
        )
        for year in years
    )
    assessments = SelfAssessment.objects.bulk_create(
        (
            SelfAssessment(
                round=opened,
                organisation=agency,
                status=SelfAssessment.Status.CHALLENGED,
                submitted_by=manager,
            )
            for opened in rounds
            for agency in agencies
        ),
        batch_size=2000,
    )
    ratings = list(RATINGS)
    StandardRating.objects.bulk_create(
        (
            StandardRating(
                assessment=assessment,
                standard=standard,
                rating=world.rng.choice(ratings),
                evidence="Policy, audit and training records",
                actions="Refresh the plan",
                partnership_rating=world.rng.choice(ratings) if world.rng.random() < 0.25 else "",
            )
            for assessment in assessments
            for standard in standards
        ),
        batch_size=5000,
    )


def seed(world) -> None:
    first = world.partnerships[0]
    agencies = Organisation.objects.bulk_create(
        Organisation(
            partnership=first,
            name=f"Benchmark section 11 agency {n}",
            organisation_type=Organisation.Type.OTHER,
            standing=Organisation.Standing.RELEVANT_AGENCY,
        )
        for n in range(AGENCIES)
    )
    _rounds(world, first, agencies, range(world.today.year - YEARS + 1, world.today.year + 1))
    for partnership in world.partnerships[1:]:
        _rounds(
            world,
            partnership,
            list(
                Organisation.objects.filter(partnership=partnership).exclude(
                    organisation_type="education"
                )
            ),
            [world.today.year - 1],
        )


def measure(bench) -> None:
    partnership = Partnership.objects.order_by("pk").first()
    manager = partnership.role_assignments.get(role=Role.BUSINESS_UNIT_MANAGER).person
    latest = AssuranceRound.objects.filter(partnership=partnership).order_by("-year").first()
    bench.page(
        f"Section 11 heat map ({AGENCIES} agencies x 8 standards, {YEARS} years)",
        reverse("audits:assurance_heat_map", args=[latest.pk]),
        manager,
    )

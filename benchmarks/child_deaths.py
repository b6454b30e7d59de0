"""Child death review at national scale: ten years of deaths (about 3,500 a year, 35,000 in all).

Panels serve three partnerships each, as the Tees CDOP serves two, so a panel member's trends cover
about 700 deaths; the aggregation over all 35,000 is measured against one partnership's.
"""

from datetime import UTC, date, datetime, timedelta

from django.urls import reverse

from child_deaths import rules
from child_deaths.models import Analysis, ChildDeath, ChildIdentity
from partnership.models import Area, Group, Membership, Role, RoleAssignment, User

DEATHS = 35_000
PARTNERSHIPS_PER_PANEL = 3
NATIONAL_MEMBER = "national.panel.member@bench.example"


# New deaths are recorded with a census category; the group-only values are for older records.
CENSUS_CATEGORIES = [
    value for value in ChildDeath.Ethnicity.values if not value.endswith("_not_recorded")
]


def seed(world) -> None:
    areas: dict[int, list[Area]] = {}
    for area in Area.objects.filter(partnership__in=world.partnerships):
        areas.setdefault(area.partnership_id, []).append(area)
    _seed_panels(world)
    rng = world.rng
    first_day = world.today - timedelta(days=365 * world.years)
    deaths = []
    for n in range(DEATHS):
        partnership = world.partnerships[n % len(world.partnerships)]
        died = first_day + timedelta(days=rng.randrange(365 * world.years))
        days = rng.choice((3, 20, 100, 300, 800, 2500, 5000, 6000))
        deaths.append(
            ChildDeath(
                partnership=partnership,
                area=rng.choice(areas[partnership.pk]),
                reference=f"{partnership.short_name}-CD-{died.year}-{n:05d}",
                pseudonym=f"Child {n}",
                status=ChildDeath.Status.REVIEWED,
                date_of_death=died,
                place_of_death=rng.choice(ChildDeath.Place.values),
                expected=rng.choice(ChildDeath.Expected.values),
                sex=rng.choice(ChildDeath.Sex.values[:2]),
                ethnicity=rng.choice(CENSUS_CATEGORIES),
                age_in_days=days,
                age_band=rules.age_band(
                    date_of_birth=died - timedelta(days=days), date_of_death=died
                ),
                circumstances="Benchmark circumstances",
                jar_status=ChildDeath.JarStatus.NOT_NEEDED,
                notified_by=world.person(partnership, Role.BUSINESS_UNIT_OFFICER),
            )
        )
    ChildDeath.objects.bulk_create(deaths, batch_size=2000)
    saved = list(ChildDeath.objects.values_list("pk", "date_of_death"))
    ChildIdentity.objects.bulk_create(
        (
            ChildIdentity(
                child_death_id=pk,
                forenames="Bench",
                surname=f"Child {pk}",
                date_of_birth=died - timedelta(days=1),
                address="Benchmark address",
                postcode="ZZ1 1ZZ",
                nhs_number_status=ChildIdentity.NhsNumberStatus.NOT_AVAILABLE,
            )
            for pk, died in saved
        ),
        batch_size=2000,
    )
    Analysis.objects.bulk_create(
        (
            Analysis(
                child_death_id=pk,
                category=rng.choice(Analysis.Category.values),
                child_grade=rng.choice(Analysis.Grade.values),
                family_grade=rng.choice(Analysis.Grade.values),
                environment_grade=rng.choice(Analysis.Grade.values),
                service_grade=rng.choice(Analysis.Grade.values),
                modifiable=rng.choice(Analysis.Modifiable.values),
                completed_on=min(died + timedelta(days=200), world.today),
                completed_by=world.people[next(iter(world.people))],
            )
            for pk, died in saved
            if died < world.today - timedelta(days=200)
        ),
        batch_size=2000,
    )
    # bulk_create stamps every notification now; put each in the year of its death instead.
    for year in range(first_day.year, world.today.year + 1):
        ChildDeath.objects.filter(date_of_death__year=year).update(
            notified_at=datetime(year, 7, 1, tzinfo=UTC)
        )


def _seed_panels(world) -> None:
    panels = Group.objects.bulk_create(
        Group(
            partnership=world.partnerships[start],
            name="Child Death Overview Panel",
            kind=Group.Kind.CHILD_DEATH_OVERVIEW_PANEL,
        )
        for start in range(0, len(world.partnerships), PARTNERSHIPS_PER_PANEL)
    )
    Group.serves.through.objects.bulk_create(
        Group.serves.through(group_id=panel.pk, partnership_id=partnership.pk)
        for index, panel in enumerate(panels)
        for partnership in world.partnerships[
            index * PARTNERSHIPS_PER_PANEL : (index + 1) * PARTNERSHIPS_PER_PANEL
        ]
    )
    Membership.objects.bulk_create(
        Membership(
            group=panel,
            person=world.person(
                world.partnerships[index * PARTNERSHIPS_PER_PANEL], Role.CDOP_MEMBER
            ),
        )
        for index, panel in enumerate(panels)
    )
    # One person sits on every panel in England, so the trends page covers all 35,000 deaths.
    national = User.objects.create(
        email=NATIONAL_MEMBER,
        full_name="Bench national panel member",
        partnership=world.partnerships[0],
        password="!",
    )
    RoleAssignment.objects.create(
        person=national, partnership=world.partnerships[0], role=Role.CDOP_MEMBER
    )
    Membership.objects.bulk_create(Membership(group=panel, person=national) for panel in panels)


def measure(bench) -> None:
    from partnership.models import Partnership

    first = Partnership.objects.order_by("pk").first()
    manager = User.objects.get(email=f"{Role.BUSINESS_UNIT_MANAGER}.{first.pk}@bench.example")
    panel_member = User.objects.get(email=f"{Role.CDOP_MEMBER}.{first.pk}@bench.example")
    trends = reverse("child_deaths:trends")
    bench.page("Child death trends (business unit, ~230 deaths)", trends, manager)
    bench.page("Child death trends (panel of 3 partnerships, ~700 deaths)", trends, panel_member)
    bench.page(
        "Child death trends filtered (one area, 5 years)",
        f"{trends}?area={Area.objects.filter(partnership=first).first().pk}&year_from={date.today().year - 5}",
        panel_member,
    )
    bench.page("Child deaths list (panel)", reverse("child_deaths:death_list"), panel_member)
    bench.page("CDOP yearly report (panel)", reverse("child_deaths:yearly_report"), panel_member)
    bench.page(
        "Child death trends over all 35,000 deaths (a member of every panel)",
        trends,
        User.objects.get(email=NATIONAL_MEMBER),
        name="child_death_trends_national",
    )

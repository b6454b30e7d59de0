"""The yearly report at national scale: the first partnership's draft for its last full year,
counting everything the other modules seeded (reviews, deaths, inspections, ten years of
performance figures) and 2,000 actions closed in the year, each with evidence of impact signed off
by a member of its group and a quarter of them naming an indicator, so the impact chain has every
action's trend to read. Measures the draft report's page against the baseline page."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from learning.models import Action, ActionIndicator, EvidenceOfImpact, OtherSource, Recommendation
from partnership.models import Group, Membership, Organisation, Role
from performance.models import Indicator
from yearly_report import sections
from yearly_report.models import Narrative, YearlyReport

CLOSED_ACTIONS = 2000


def seed(world) -> None:
    partnership = world.partnerships[0]
    manager = world.person(partnership, Role.BUSINESS_UNIT_MANAGER)
    start_year = sections.last_full_year(world.today)
    first, last = sections.period(start_year)
    group = Group.objects.filter(partnership=partnership).first()
    member = world.person(partnership, Role.GROUP_MEMBER)
    Membership.objects.get_or_create(group=group, person=member)
    source = OtherSource.objects.create(
        partnership=partnership,
        number=9000,
        kind=OtherSource.Kind.NATIONAL_REVIEW,
        title="Benchmark national review",
        summary="A national review whose recommendations the partnership acted on.",
    )
    recommendation = Recommendation.objects.create(
        partnership=partnership,
        source_type=ContentType.objects.get_for_model(source),
        source_id=source.pk,
        text="Act on the national review",
        owning_group=group,
        recorded_by=manager,
    )
    organisation = Organisation.objects.filter(partnership=partnership).first()
    span = (last - first).days

    def moment(day):
        return timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))

    opened = [first - timedelta(days=world.rng.randint(30, 300)) for _ in range(CLOSED_ACTIONS)]
    actions = Action.objects.bulk_create(
        (
            Action(
                partnership=partnership,
                recommendation=recommendation,
                description=f"Benchmark action {n}",
                owner_organisation=organisation,
                due_date=first + timedelta(days=world.rng.randint(0, span)),
                status=Action.Status.CLOSED,
                created_at=moment(day),
                closed_at=moment(first + timedelta(days=world.rng.randint(0, span))),
            )
            for n, day in enumerate(opened)
        ),
        batch_size=2000,
    )
    EvidenceOfImpact.objects.bulk_create(
        (
            EvidenceOfImpact(
                action=action,
                what_changed="Practice changed as the re-audit shows.",
                method=EvidenceOfImpact.Method.RE_AUDIT,
                how_known="Re-audit of 20 cases.",
                signed_off_by_group=group,
                signed_off_by=member,
                signed_off_on=timezone.localdate(action.closed_at),
                recorded_by=manager,
            )
            for action in actions
        ),
        batch_size=2000,
    )
    indicators = list(Indicator.objects.filter(partnership=partnership)[:20])
    if indicators:
        indicator_type = ContentType.objects.get_for_model(Indicator)
        ActionIndicator.objects.bulk_create(
            (
                ActionIndicator(
                    action=action,
                    indicator_type=indicator_type,
                    indicator_id=world.rng.choice(indicators).pk,
                    expected=world.rng.choice(["up", "down"]),
                    added_by=manager,
                )
                for action in actions[: CLOSED_ACTIONS // 4]
            ),
            batch_size=2000,
        )
    report = YearlyReport.objects.create(
        partnership=partnership, start_year=start_year, created_by=manager
    )
    Narrative.objects.bulk_create(
        Narrative(
            report=report,
            section=section.key,
            text=f"What we did: {section.title}.",
            updated_by=manager,
        )
        for section in sections.SECTIONS
    )


def measure(bench) -> None:
    report = YearlyReport.objects.order_by("pk").first()
    manager = report.partnership.role_assignments.get(role=Role.BUSINESS_UNIT_MANAGER).person
    bench.page(
        f"The yearly report's draft, every section, {CLOSED_ACTIONS} closed actions",
        report.get_absolute_url(),
        manager,
    )

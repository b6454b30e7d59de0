"""Inspections at national scale: every partnership's ten years of ILACS inspections (one about every
three years per area, five judgements each), JTAIs and focused visits; in the first partnership 200
inspections whose reports made six points each, with three actions per point needing action, as the
spine holds them. Measures the register, the judgement history, the progress report and one
inspection's page."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from inspections.models import Grade, Inspection, InspectionPoint, Judgement
from learning.models import Action, ActionUpdate, Finding, Recommendation
from partnership.models import Area, Group, Organisation, Partnership, Role

ILACS_EVERY_DAYS = 3 * 365
FIRST_PARTNERSHIP_INSPECTIONS = 200
POINTS_PER_INSPECTION = 6
ACTIONS_PER_POINT = 3


def _inspection(partnership, number, kind, on_site, recorded_by, **fields) -> Inspection:
    return Inspection(
        partnership=partnership,
        number=number,
        kind=kind,
        inspectorate=Inspection.Inspectorate.OFSTED,
        inspected_body=f"Benchmark body {number}",
        notice_date=on_site - timedelta(days=7),
        on_site_from=on_site,
        on_site_to=on_site + timedelta(days=11),
        report_received=on_site + timedelta(days=50),
        recorded_by=recorded_by,
        **{"status": Inspection.Status.CLOSED, **fields},
    )


def seed(world) -> None:
    areas: dict[int, list[Area]] = {}
    for area in Area.objects.filter(partnership__in=world.partnerships):
        areas.setdefault(area.partnership_id, []).append(area)
    start = world.today - timedelta(days=world.years * 365)
    rows = []
    for partnership in world.partnerships:
        manager = world.person(partnership, Role.BUSINESS_UNIT_MANAGER)
        number = 0
        for area in areas.get(partnership.pk, []):
            on_site = start + timedelta(days=world.rng.randint(0, 200))
            while on_site < world.today:
                number += 1
                rows.append(
                    _inspection(
                        partnership,
                        number,
                        Inspection.Kind.ILACS_STANDARD,
                        on_site,
                        manager,
                        area=area,
                    )
                )
                on_site += timedelta(days=ILACS_EVERY_DAYS + world.rng.randint(-180, 180))
        for kind, theme in (
            (Inspection.Kind.JTAI, Inspection.JtaiTheme.FRONT_DOOR),
            (Inspection.Kind.JTAI, Inspection.JtaiTheme.DOMESTIC_ABUSE),
            (Inspection.Kind.FOCUSED_VISIT, ""),
            (Inspection.Kind.FOCUSED_VISIT, ""),
        ):
            number += 1
            on_site = start + timedelta(days=world.rng.randint(0, world.years * 365 - 60))
            rows.append(_inspection(partnership, number, kind, on_site, manager, jtai_theme=theme))
    inspections = Inspection.objects.bulk_create(rows, batch_size=2000)
    Judgement.objects.bulk_create(
        (
            Judgement(inspection=inspection, aspect=aspect, grade=world.rng.choice(Grade.values))
            for inspection in inspections
            if inspection.kind == Inspection.Kind.ILACS_STANDARD
            for aspect in Judgement.Aspect.values
        ),
        batch_size=5000,
    )
    _action_plans(world, world.partnerships[0])


def _action_plans(world, partnership) -> None:
    """Open inspections with their points in the spine, as `services.point_record` would leave them."""
    manager = world.person(partnership, Role.BUSINESS_UNIT_MANAGER)
    group = Group.objects.filter(partnership=partnership).first()
    organisation = Organisation.objects.filter(partnership=partnership).first()
    base = Inspection.objects.filter(partnership=partnership).count()
    inspections = Inspection.objects.bulk_create(
        _inspection(
            partnership,
            base + n + 1,
            Inspection.Kind.JTAI,
            world.today - timedelta(days=world.rng.randint(60, 700)),
            manager,
            jtai_theme=Inspection.JtaiTheme.CRIMINAL_EXPLOITATION,
            status=Inspection.Status.PLAN_SUBMITTED,
        )
        for n in range(FIRST_PARTNERSHIP_INSPECTIONS)
    )
    source_type = ContentType.objects.get_for_model(Inspection)
    kinds = [InspectionPoint.Kind.STRENGTH] + [InspectionPoint.Kind.AREA_FOR_IMPROVEMENT] * (
        POINTS_PER_INSPECTION - 1
    )
    planned = [(inspection, n, kind) for inspection in inspections for n, kind in enumerate(kinds)]
    findings = Finding.objects.bulk_create(
        (
            Finding(
                partnership=partnership,
                source_type=source_type,
                source_id=inspection.pk,
                title=f"Point {n} of {inspection.inspected_body}",
                description="What the letter of findings says about the front door.",
                aim=Finding.Aim.WORKS_WELL
                if kind == InspectionPoint.Kind.STRENGTH
                else Finding.Aim.MUST_IMPROVE,
                recorded_by=manager,
            )
            for inspection, n, kind in planned
        ),
        batch_size=2000,
    )
    recommendations = Recommendation.objects.bulk_create(
        (
            Recommendation(
                partnership=partnership,
                source_type=source_type,
                source_id=inspection.pk,
                text=finding.title,
                owning_group=group,
                recorded_by=manager,
            )
            for (inspection, _, kind), finding in zip(planned, findings, strict=True)
            if kind != InspectionPoint.Kind.STRENGTH
        ),
        batch_size=2000,
    )
    remaining = iter(recommendations)
    InspectionPoint.objects.bulk_create(
        (
            InspectionPoint(
                inspection=inspection,
                kind=kind,
                finding=finding,
                recommendation=None if kind == InspectionPoint.Kind.STRENGTH else next(remaining),
            )
            for (inspection, _, kind), finding in zip(planned, findings, strict=True)
        ),
        batch_size=2000,
    )
    statuses = [status for status in Action.Status.values if status != Action.Status.CLOSED]
    actions = Action.objects.bulk_create(
        (
            Action(
                partnership=partnership,
                recommendation=recommendation,
                description=f"Action {n} for {recommendation.text}",
                owner_organisation=organisation,
                due_date=world.today + timedelta(days=world.rng.randint(-60, 240)),
                status=world.rng.choice(statuses),
            )
            for recommendation in recommendations
            for n in range(ACTIONS_PER_POINT)
        ),
        batch_size=2000,
    )
    ActionUpdate.objects.bulk_create(
        (
            ActionUpdate(action=action, status=action.status, note="Quarterly update", by=manager)
            for action in actions
        ),
        batch_size=5000,
    )


def measure(bench) -> None:
    partnership = Partnership.objects.order_by("pk").first()
    manager = partnership.role_assignments.get(role=Role.BUSINESS_UNIT_MANAGER).person
    count = Inspection.objects.filter(partnership=partnership).count()
    bench.page(
        f"Inspection register ({count} inspections)",
        reverse("inspections:inspection_list"),
        manager,
    )
    bench.page("History of ILACS judgements", reverse("inspections:judgement_history"), manager)
    bench.page(
        f"Progress report on action plans ({FIRST_PARTNERSHIP_INSPECTIONS} inspections, "
        f"{FIRST_PARTNERSHIP_INSPECTIONS * (POINTS_PER_INSPECTION - 1) * ACTIONS_PER_POINT} actions)",
        reverse("inspections:progress_report"),
        manager,
    )
    one = Inspection.objects.filter(partnership=partnership, points__isnull=False).first()
    bench.page("One inspection with its points and actions", one.get_absolute_url(), manager)

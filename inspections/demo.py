"""Demo inspections for South Tees: its last ILACS inspections with judgements, and a JTAI letter of
findings whose action plan is in progress. Every judgement, date and finding is fictional."""

from datetime import date, timedelta

from django.utils import timezone

from inspections import services
from inspections.models import Grade, Inspection, InspectionPoint
from learning import services as learning
from learning.impact import Direction
from learning.models import Theme
from partnership.demo import SOUTH_TEES, demo_email
from partnership.models import Area, Group, Organisation, Partnership, Role, User

FICTIONAL = "(fictional demo record)"

ILACS = (
    # kind, area, on site (from, to), report received, overall, leaders, help, care, care leavers
    (
        Inspection.Kind.ILACS_STANDARD,
        "Middlesbrough",
        ("2019-09-23", "2019-10-04"),
        "2019-11-29",
        (Grade.INADEQUATE, Grade.INADEQUATE, Grade.INADEQUATE, Grade.REQUIRES_IMPROVEMENT, None),
    ),
    (
        Inspection.Kind.ILACS_STANDARD,
        "Middlesbrough",
        ("2023-06-05", "2023-06-16"),
        "2023-07-28",
        (Grade.REQUIRES_IMPROVEMENT,) * 4 + (Grade.GOOD,),
    ),
    (
        Inspection.Kind.ILACS_SHORT,
        "Redcar & Cleveland",
        ("2024-05-13", "2024-05-17"),
        "2024-06-28",
        (Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, None),
    ),
)
ASPECTS = ("overall", "leaders", "help_and_protection", "in_care", "care_leavers")


def load(partnerships: dict[str, Partnership]) -> None:
    partnership = partnerships["south-tees"]
    if Inspection.objects.filter(partnership=partnership).exists():
        return
    manager = User.objects.get(email=demo_email(SOUTH_TEES, Role.BUSINESS_UNIT_MANAGER))
    areas = {area.name: area for area in Area.objects.filter(partnership=partnership)}
    for kind, area, (start, end), received, grades in ILACS:
        inspection = services.inspection_record(
            partnership=partnership,
            data={
                "kind": kind,
                "inspectorate": Inspection.Inspectorate.OFSTED,
                "area": areas[area],
                "inspected_body": f"{area} children's services {FICTIONAL}",
                "on_site_from": date.fromisoformat(start),
                "on_site_to": date.fromisoformat(end),
                "report_received": date.fromisoformat(received),
                "status": Inspection.Status.CLOSED,
            },
            by=manager,
        )
        services.judgements_record(
            inspection=inspection,
            grades=dict(zip(ASPECTS, grades, strict=True)),
            expected_version=inspection.version,
            by=manager,
        )
    _jtai(partnership, manager)
    services.setting_update(
        partnership=partnership,
        data={"self_evaluation_updated_on": timezone.localdate() - timedelta(days=90)},
        expected_version=None,
        by=manager,
    )


def _jtai(partnership: Partnership, manager: User) -> None:
    """A front-door JTAI whose letter arrived six weeks ago: strengths, areas for improvement, actions."""
    today = timezone.localdate()
    organisations = {org.name: org for org in Organisation.objects.filter(partnership=partnership)}
    themes = {theme.name: theme for theme in Theme.objects.for_partnership(partnership)}
    quality = Group.objects.get(partnership=partnership, name="Quality and Performance sub-group")
    indicators = InspectionPoint.indicators.field.related_model.objects.filter(
        partnership=partnership
    )
    jtai = services.inspection_record(
        partnership=partnership,
        data={
            "kind": Inspection.Kind.JTAI,
            "inspectorate": Inspection.Inspectorate.JOINT,
            "jtai_theme": Inspection.JtaiTheme.FRONT_DOOR,
            "area": Area.objects.get(partnership=partnership, name="Middlesbrough"),
            "inspected_body": f"The South Tees partnership's front door {FICTIONAL}",
            "notice_date": today - timedelta(days=100),
            "on_site_from": today - timedelta(days=86),
            "on_site_to": today - timedelta(days=82),
            "report_received": today - timedelta(days=42),
            "status": Inspection.Status.REPORT_RECEIVED,
        },
        by=manager,
    )
    for title, text in (
        (
            "Strategy discussions are timely",
            "Police, health and children's social care share information well at strategy discussions.",
        ),
        (
            "Leaders know the front door well",
            "Partners have a shared understanding of the strengths and weaknesses of the front door.",
        ),
    ):
        services.point_record(
            inspection=jtai, kind=InspectionPoint.Kind.STRENGTH, title=title, text=text, by=manager
        )
    improvements = (
        (
            "Health is not always part of strategy discussions",
            "Health professionals are not consistently invited to strategy discussions.",
            ("Information sharing",),
            ("DQ04", Direction.UP),
            "South Tees Hospitals NHS Foundation Trust",
            Role.AGENCY_CONTRIBUTOR,
            "Add the named nurse to the strategy discussion rota.",
            "on_track",
            "The rota started; health attended 18 of 20 discussions last month.",
        ),
        (
            "Re-referrals show that needs are not always met",
            "Too many children are referred again within a year of their case being closed.",
            ("Escalation and challenge",),
            ("DQ01", Direction.DOWN),
            "Middlesbrough Council",
            Role.PARTNER_LEAD,
            "Audit twenty re-referred children's cases and report to the sub-group.",
            "at_risk",
            "The audit started late: only eight cases reviewed so far.",
        ),
    )
    for title, text, theme_names, measure, owner, role, action_text, status, note in improvements:
        code, expected = measure
        # Each action's owner, in the owning agency, adds its progress.
        owner_person = User.objects.get(email=demo_email(SOUTH_TEES, role))
        point = services.point_record(
            inspection=jtai,
            kind=InspectionPoint.Kind.AREA_FOR_IMPROVEMENT,
            title=title,
            text=text,
            themes=[themes[name] for name in theme_names if name in themes],
            owning_group=quality,
            indicators=indicators.filter(code=code),
            by=manager,
        )
        action = learning.action_create(
            recommendation=point.recommendation,
            description=action_text,
            owner_organisation=organisations[owner],
            owner_person=owner_person,
            due_date=today + timedelta(days=60),
            by=manager,
        )
        # The figure the action aims to move, followed on the action's page.
        learning.action_indicator_add(
            action=action,
            indicator_id=indicators.get(code=code).pk,
            expected=expected,
            by=manager,
        )
        learning.action_update_progress(action=action, status=status, note=note, by=owner_person)
    for agency, reference in (
        ("Middlesbrough Council", "DEMO-CSC-0001"),
        ("Cleveland Police", "DEMO-POL-0002"),
        ("South Tees Hospitals NHS Foundation Trust", "DEMO-HOS-0003"),
    ):
        services.sample_case_add(
            inspection=jtai,
            agency=organisations[agency],
            case_reference=reference,
            note="Fictional sampled case",
            by=manager,
        )

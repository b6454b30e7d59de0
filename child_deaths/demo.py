"""Demo child deaths: a handful of plainly fictional cases across the two Tees partnerships."""

from datetime import timedelta

from django.utils import timezone

from child_deaths import services
from child_deaths.models import Analysis, ChildDeath, ChildIdentity, ReportingForm
from partnership.demo import HARTLEPOOL_STOCKTON, SOUTH_TEES, demo_email
from partnership.models import Area, Group, Partnership, Role, User

# (partnership slug, area, days ago, age in days, expected, sex, JAR trigger, stage)
CASES = (
    ("south-tees", "Middlesbrough", 300, 60, "unexpected", "male", True, "reviewed"),
    ("south-tees", "Redcar & Cleveland", 200, 4000, "expected", "female", False, "ready"),
    ("south-tees", "Middlesbrough", 40, 700, "unexpected", "female", True, "gathering"),
    ("hartlepool-stockton", "Hartlepool", 250, 12, "expected", "male", False, "reviewed"),
    ("hartlepool-stockton", "Stockton-on-Tees", 90, 5500, "unexpected", "male", True, "ready"),
    ("hartlepool-stockton", "Stockton-on-Tees", 10, 200, "unexpected", "female", True, "notified"),
)


def load(partnerships: dict[str, Partnership]) -> None:
    if ChildDeath.objects.filter(partnership__in=partnerships.values()).exists():
        return
    today = timezone.localdate()
    officer = User.objects.get(email=demo_email(SOUTH_TEES, Role.BUSINESS_UNIT_OFFICER))
    panel_member = User.objects.get(email=demo_email(SOUTH_TEES, Role.CDOP_MEMBER))
    form = ReportingForm.objects.filter(kind=ReportingForm.Kind.REPORTING).order_by("-version")[0]
    deaths = []
    for number, (slug, area_name, days_ago, age, expected, sex, jar, stage) in enumerate(CASES):
        died = today - timedelta(days=days_ago)
        contributor = User.objects.get(
            email=demo_email(
                SOUTH_TEES if slug == "south-tees" else HARTLEPOOL_STOCKTON,
                Role.AGENCY_CONTRIBUTOR,
            )
        )
        death = services.death_notify(
            area=Area.objects.get(partnership=partnerships[slug], name=area_name),
            identity={
                "forenames": "Demochild",
                "surname": f"Fictional {chr(65 + number)}",
                "date_of_birth": died - timedelta(days=age),
                "address": f"{number + 1} Example Road, Demotown",
                "postcode": "TS0 0AA",
                "nhs_number": "",
                "nhs_number_status": ChildIdentity.NhsNumberStatus.NOT_AVAILABLE,
            },
            details={
                "date_of_death": died,
                "place_of_death": ChildDeath.Place.HOSPITAL,
                "expected": expected,
                "sex": sex,
                "ethnicity": ChildDeath.Ethnicity.NOT_STATED,
                "circumstances": "Fictional circumstances for the demonstration.",
                "professionals_involved": "Health visitor; GP (fictional)",
                "sudden_no_apparent_cause": jar,
            },
            kind_of_death="child",
            by=officer,
        )
        if stage != "notified":
            services.reporting_request_send(
                death=death,
                organisation=contributor.organisation,
                professional="",
                form=form,
                due_date=today + timedelta(days=14),
                by=officer,
            )
        if stage in {"ready", "reviewed"}:
            services.death_mark_ready(death=death, by=officer)
        deaths.append((death, stage, jar))
    panel = Group.objects.get(kind=Group.Kind.CHILD_DEATH_OVERVIEW_PANEL, name__startswith="Tees")
    meeting = services.panel_meeting_schedule(
        panel=panel,
        held_on=today - timedelta(days=30),
        location="Demo meeting room",
        cases=[death for death, stage, _ in deaths if stage == "reviewed"],
        by=panel_member,
    )
    for death, stage, sudden in deaths:
        if stage == "reviewed":
            services.analysis_record(
                death=death,
                panel_meeting=meeting,
                values={
                    "category": Analysis.Category.SUDDEN_UNEXPLAINED
                    if sudden
                    else Analysis.Category.PERINATAL,
                    "child_grade": Analysis.Grade.NONE_OR_UNLIKELY,
                    "family_grade": Analysis.Grade.MAY_HAVE_CONTRIBUTED,
                    "family_factors": "Unsafe sleeping arrangement (fictional).",
                    "environment_grade": Analysis.Grade.MAY_HAVE_CONTRIBUTED,
                    "service_grade": Analysis.Grade.NONE_OR_UNLIKELY,
                    "modifiable": Analysis.Modifiable.IDENTIFIED,
                    "learning": "Safer sleep advice to be repeated at every health visitor contact.",
                },
                recommendation="Health visitors repeat safer sleep advice at every contact.",
                owning_group=Group.objects.get(
                    partnership=death.partnership, name="Case Review sub-group"
                ),
                by=panel_member,
            )

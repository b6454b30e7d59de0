"""Demo child deaths: a handful of plainly fictional cases across the two Tees partnerships."""

from datetime import timedelta

from django.utils import timezone

from child_deaths import services
from child_deaths.models import Analysis, ChildDeath, ChildIdentity, ReportingForm
from partnership.demo import HARTLEPOOL_STOCKTON, SOUTH_TEES, demo_email
from partnership.models import Area, Group, Partnership, Role, User

Residence = ChildDeath.Residence
Ethnicity = ChildDeath.Ethnicity

# (partnership slug, where the child lived: an area, or (residence, where), days ago, age in days,
#  expected, sex, census ethnicity, JAR trigger, stage)
CASES = (
    (
        "south-tees",
        "Middlesbrough",
        300,
        60,
        "unexpected",
        "male",
        Ethnicity.WHITE_BRITISH,
        True,
        "reviewed",
    ),
    (
        "south-tees",
        "Redcar & Cleveland",
        200,
        4000,
        "expected",
        "female",
        Ethnicity.ASIAN_PAKISTANI,
        False,
        "ready",
    ),
    (
        "south-tees",
        "Middlesbrough",
        40,
        700,
        "unexpected",
        "female",
        Ethnicity.MIXED_WHITE_BLACK_CARIBBEAN,
        True,
        "gathering",
    ),
    (
        "hartlepool-stockton",
        "Hartlepool",
        250,
        12,
        "expected",
        "male",
        Ethnicity.WHITE_GYPSY_TRAVELLER,
        False,
        "reviewed",
    ),
    (
        "hartlepool-stockton",
        "Stockton-on-Tees",
        90,
        5500,
        "unexpected",
        "male",
        Ethnicity.BLACK_AFRICAN,
        True,
        "ready",
    ),
    (
        "hartlepool-stockton",
        (Residence.ELSEWHERE_IN_ENGLAND, "Leeds (fictional visit)"),
        10,
        200,
        "unexpected",
        "female",
        Ethnicity.NOT_STATED,
        True,
        "notified",
    ),
    (
        "south-tees",
        (Residence.OUTSIDE_ENGLAND, "Scotland (fictional visit)"),
        20,
        3000,
        "unexpected",
        "male",
        Ethnicity.OTHER_ARAB,
        True,
        "notified",
    ),
)
# A suspected stillbirth at home: notified, Joint Agency Response, later confirmed at 38+2 weeks.
SUSPECTED_STILLBIRTH = ("south-tees", "Redcar & Cleveland", 25, Ethnicity.WHITE_IRISH)


def _where(partnership: Partnership, lived) -> tuple[Area | None, dict]:
    if isinstance(lived, str):
        return Area.objects.get(partnership=partnership, name=lived), {}
    residence, where = lived
    return None, {"residence": residence, "lived_elsewhere": where}


def _notify(*, number, partnership, lived, died, age, details, kind, by) -> ChildDeath:
    area, residence = _where(partnership, lived)
    return services.death_notify(
        area=area,
        partnership=partnership,
        identity={
            "forenames": "Demochild",
            "surname": f"Fictional {chr(65 + number)}",
            "date_of_birth": died - timedelta(days=age),
            "address": f"{number + 1} Example Road, Demotown",
            "postcode": "TS0 0AA",
            "nhs_number": "",
            "nhs_number_status": ChildIdentity.NhsNumberStatus.NOT_RESIDENT
            if residence.get("residence") == Residence.OUTSIDE_ENGLAND
            else ChildIdentity.NhsNumberStatus.NOT_AVAILABLE,
        },
        details={
            "date_of_death": died,
            "place_of_death": ChildDeath.Place.HOSPITAL,
            "circumstances": "Fictional circumstances for the demonstration.",
            "professionals_involved": "Health visitor; GP (fictional)",
            **residence,
            **details,
        },
        kind_of_death=kind,
        by=by,
    )


def _stillbirth(partnerships, officer, today) -> None:
    slug, area_name, days_ago, ethnicity = SUSPECTED_STILLBIRTH
    died = today - timedelta(days=days_ago)
    death = _notify(
        number=len(CASES),
        partnership=partnerships[slug],
        lived=area_name,
        died=died,
        age=0,
        details={
            "place_of_death": ChildDeath.Place.HOME,
            "expected": "unexpected",
            "sex": "female",
            "ethnicity": ethnicity,
            "circumstances": "Born at home before the midwife arrived; no signs of life (fictional).",
        },
        kind="suspected_stillbirth",
        by=officer,
    )
    services.stillbirth_confirm(
        death=death,
        confirmed_on=died + timedelta(days=3),
        gestation_weeks=38,
        gestation_days=2,
        expected_version=death.version,
        by=officer,
    )


def load(partnerships: dict[str, Partnership]) -> None:
    if ChildDeath.objects.filter(partnership__in=partnerships.values()).exists():
        return
    today = timezone.localdate()
    officer = User.objects.get(email=demo_email(SOUTH_TEES, Role.BUSINESS_UNIT_OFFICER))
    panel_member = User.objects.get(email=demo_email(SOUTH_TEES, Role.CDOP_MEMBER))
    services.reporting_forms_seed()
    form = ReportingForm.objects.filter(kind=ReportingForm.Kind.REPORTING).order_by("-version")[0]
    deaths = []
    for number, (slug, lived, days_ago, age, expected, sex, ethnicity, jar, stage) in enumerate(
        CASES
    ):
        contributor = User.objects.get(
            email=demo_email(
                SOUTH_TEES if slug == "south-tees" else HARTLEPOOL_STOCKTON,
                Role.AGENCY_CONTRIBUTOR,
            )
        )
        death = _notify(
            number=number,
            partnership=partnerships[slug],
            lived=lived,
            died=today - timedelta(days=days_ago),
            age=age,
            details={
                "expected": expected,
                "sex": sex,
                "ethnicity": ethnicity,
                "sudden_no_apparent_cause": jar,
            },
            kind="child",
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
    _stillbirth(partnerships, officer, today)
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

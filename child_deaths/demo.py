"""Demo child deaths: plainly fictional cases across the two Tees partnerships, told on the days
they happened (`partnership.demo.on_day`): the deaths the panel reviewed in the reporting year
2025-26, and the work in hand today at every stage."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from child_deaths import services
from child_deaths.models import Analysis, ChildDeath, ChildIdentity, ReportingForm
from learning import services as learning
from learning.models import Recommendation
from partnership.demo import HARTLEPOOL_STOCKTON, SOUTH_TEES, demo_email, on_day
from partnership.models import Area, Group, Partnership, Role, User

Residence = ChildDeath.Residence
Ethnicity = ChildDeath.Ethnicity
Category = Analysis.Category
# Panel meetings in the reporting year 2025-26; "recent" is a meeting thirty days ago.
YEAR_MEETINGS = (date(2025, 11, 11), date(2026, 3, 10))
RECENT = "recent"


@dataclass(frozen=True)
class Case:
    partnership: str
    lived: str | tuple[str, str]  # an area, or (residence, where) for a child from elsewhere
    died: date | int  # a date, or so many days ago
    age_days: int
    expected: str
    sex: str
    ethnicity: str
    jar: bool
    stage: str  # notified, gathering, ready, or the panel meeting that reviewed it
    category: int | None = None

    def date_of_death(self, today: date) -> date:
        return self.died if isinstance(self.died, date) else today - timedelta(days=self.died)


CASES = (
    # Reviewed in the reporting year 2025-26.
    Case("south-tees", "Middlesbrough", date(2025, 4, 18), 30, "unexpected", "male",
         Ethnicity.WHITE_BRITISH, True, YEAR_MEETINGS[0], Category.SUDDEN_UNEXPLAINED),
    Case("south-tees", "Redcar & Cleveland", date(2025, 6, 3), 3300, "expected", "female",
         Ethnicity.ASIAN_BANGLADESHI, False, YEAR_MEETINGS[0], Category.MALIGNANCY),
    Case("hartlepool-stockton", "Stockton-on-Tees", date(2025, 5, 12), 5, "expected", "male",
         Ethnicity.WHITE_BRITISH, False, YEAR_MEETINGS[0], Category.PERINATAL),
    Case("south-tees", "Middlesbrough", date(2025, 8, 21), 6000, "unexpected", "male",
         Ethnicity.BLACK_CARIBBEAN, True, YEAR_MEETINGS[1], Category.TRAUMA),
    Case("south-tees", "Middlesbrough", date(2025, 10, 2), 2, "expected", "female",
         Ethnicity.ASIAN_PAKISTANI, False, YEAR_MEETINGS[1], Category.PERINATAL),
    Case("hartlepool-stockton", "Hartlepool", date(2025, 12, 2), 4400, "unexpected", "female",
         Ethnicity.MIXED_WHITE_ASIAN, True, YEAR_MEETINGS[1], Category.ACUTE),
    # Notified in 2025-26, reviewed since.
    Case("south-tees", "Redcar & Cleveland", date(2026, 1, 14), 400, "unexpected", "female",
         Ethnicity.WHITE_OTHER, True, RECENT, Category.INFECTION),
    # The work in hand today, at every stage.
    Case("south-tees", "Middlesbrough", 300, 60, "unexpected", "male",
         Ethnicity.WHITE_BRITISH, True, RECENT, Category.SUDDEN_UNEXPLAINED),
    Case("south-tees", "Redcar & Cleveland", 200, 4000, "expected", "female",
         Ethnicity.ASIAN_PAKISTANI, False, "ready"),
    Case("south-tees", "Middlesbrough", 40, 700, "unexpected", "female",
         Ethnicity.MIXED_WHITE_BLACK_CARIBBEAN, True, "gathering"),
    Case("hartlepool-stockton", "Hartlepool", 250, 12, "expected", "male",
         Ethnicity.WHITE_GYPSY_TRAVELLER, False, RECENT, Category.PERINATAL),
    Case("hartlepool-stockton", "Stockton-on-Tees", 90, 5500, "unexpected", "male",
         Ethnicity.BLACK_AFRICAN, True, "ready"),
    Case("hartlepool-stockton", (Residence.ELSEWHERE_IN_ENGLAND, "Leeds (fictional visit)"), 10,
         200, "unexpected", "female", Ethnicity.NOT_STATED, True, "notified"),
    Case("south-tees", (Residence.OUTSIDE_ENGLAND, "Scotland (fictional visit)"), 20, 3000,
         "unexpected", "male", Ethnicity.OTHER_ARAB, True, "notified"),
)  # fmt: skip
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
    with on_day(died):
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
    with on_day(died + timedelta(days=3)):
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
    services.reporting_forms_seed()
    form = ReportingForm.objects.filter(kind=ReportingForm.Kind.REPORTING).order_by("-version")[0]
    reviewed: dict[date, list[tuple[ChildDeath, Case]]] = {}
    for number, case in enumerate(CASES):
        death = _gathered(number, case, partnerships[case.partnership], form, officer, today)
        if isinstance(case.stage, date) or case.stage == RECENT:
            held_on = today - timedelta(days=30) if case.stage == RECENT else case.stage
            reviewed.setdefault(held_on, []).append((death, case))
    _stillbirth(partnerships, officer, today)
    for held_on, deaths in sorted(reviewed.items()):
        _panel_meeting(held_on, deaths)
    _panel_action(today)


def _gathered(number, case: Case, partnership, form, officer, today) -> ChildDeath:
    """Notified the day after the death; the agency's reporting form asked for and, for a death
    the panel has reviewed, returned; ready for the panel three weeks after the death."""
    died = case.date_of_death(today)
    with on_day(died + timedelta(days=1)):
        death = _notify(
            number=number,
            partnership=partnership,
            lived=case.lived,
            died=died,
            age=case.age_days,
            details={
                "expected": case.expected,
                "sex": case.sex,
                "ethnicity": case.ethnicity,
                "sudden_no_apparent_cause": case.jar,
            },
            kind="child",
            by=officer,
        )
    if case.stage == "notified":
        return death
    contributor = User.objects.get(
        email=demo_email(
            SOUTH_TEES if case.partnership == SOUTH_TEES.slug else HARTLEPOOL_STOCKTON,
            Role.AGENCY_CONTRIBUTOR,
        )
    )
    returned = case.stage not in ("gathering", "ready")
    with on_day(died + timedelta(days=2)):
        request = services.reporting_request_send(
            death=death,
            organisation=contributor.organisation,
            professional="",
            form=form,
            due_date=died + timedelta(days=16) if returned else today + timedelta(days=14),
            by=officer,
        )
    if returned:
        with on_day(died + timedelta(days=12)):
            services.reporting_request_return(
                request=request,
                answers={
                    question["key"]: "Not known"
                    if question["kind"] == "yes_no"
                    else "A fictional answer for the demonstration."
                    for question in form.questions
                },
                by=contributor,
            )
    if case.stage != "gathering":
        with on_day(min(died + timedelta(days=20), today)):
            services.death_mark_ready(death=death, by=officer)
    return death


def _panel_meeting(held_on: date, deaths: list[tuple[ChildDeath, Case]]) -> None:
    """The Tees panel's meeting: its agenda set three weeks before, each death's analysis on the day."""
    panel_member = User.objects.get(email=demo_email(SOUTH_TEES, Role.CDOP_MEMBER))
    panel = Group.objects.get(kind=Group.Kind.CHILD_DEATH_OVERVIEW_PANEL, name__startswith="Tees")
    with on_day(held_on - timedelta(days=21)):
        meeting = services.panel_meeting_schedule(
            panel=panel,
            held_on=held_on,
            location="Demo meeting room",
            cases=[death for death, _ in deaths],
            by=panel_member,
        )
    with on_day(held_on):
        services.panel_meeting_record(
            meeting=meeting,
            attendees="The panel's members (fictional)",
            apologies="",
            minutes="The panel reviewed each death on the agenda (fictional minutes).",
            expected_version=meeting.version,
            by=panel_member,
        )
        for death, case in deaths:
            sudden = case.category == Category.SUDDEN_UNEXPLAINED
            services.analysis_record(
                death=death,
                panel_meeting=meeting,
                values={
                    "category": case.category,
                    "child_grade": Analysis.Grade.NONE_OR_UNLIKELY,
                    "family_grade": Analysis.Grade.MAY_HAVE_CONTRIBUTED
                    if sudden
                    else Analysis.Grade.NONE_OR_UNLIKELY,
                    "family_factors": "Unsafe sleeping arrangement (fictional)." if sudden else "",
                    "environment_grade": Analysis.Grade.MAY_HAVE_CONTRIBUTED
                    if sudden
                    else Analysis.Grade.NONE_OR_UNLIKELY,
                    "service_grade": Analysis.Grade.NONE_OR_UNLIKELY,
                    "modifiable": Analysis.Modifiable.IDENTIFIED
                    if sudden
                    else Analysis.Modifiable.NOT_IDENTIFIED,
                    "learning": "Safer sleep advice to be repeated at every health visitor contact."
                    if sudden
                    else "",
                },
                recommendation="Health visitors repeat safer sleep advice at every contact."
                if sudden
                else "",
                owning_group=Group.objects.get(
                    partnership=death.partnership, name="Case Review sub-group"
                ),
                by=panel_member,
            )


def _panel_action(today: date) -> None:
    """The panel's latest safer sleep recommendation, with an action its designated doctor owns."""
    panel_member = User.objects.get(email=demo_email(SOUTH_TEES, Role.CDOP_MEMBER))
    recommendation = (
        Recommendation.objects.filter(
            partnership__slug=SOUTH_TEES.slug,
            source_type=ContentType.objects.get_for_model(ChildDeath),
        )
        .order_by("-recorded_at", "-id")
        .first()
    )
    learning.action_create(
        recommendation=recommendation,
        description="Audit whether safer sleep advice was given at every health visitor contact.",
        owner_organisation=panel_member.organisation,
        owner_person=panel_member,
        due_date=today + timedelta(days=30),
        by=panel_member,
    )

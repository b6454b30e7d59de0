"""Demo catalogue and figures for South Tees: fictional indicators with synthetic quarterly values."""

import random
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from learning import citations
from learning import services as learning
from learning.impact import Direction
from learning.models import Action, EvidenceOfImpact, Finding, Theme
from partnership.demo import on_day
from partnership.models import Group, Organisation, Partnership, Role, User
from performance import services
from performance.models import Indicator, Observation, Scrutiny
from performance.periods import Quarter

QUARTERS = 10
# The quarter of the reporting year 2025-26 the Quality and Performance sub-group scrutinised.
SCRUTINISED = Quarter(2025, 3)
_U, _P, _T = Indicator.Unit, Indicator.Polarity, Indicator.Theme
# code, title, unit, polarity, target, tolerance, supplier, theme, typical value, typical denominator
CATALOGUE = (
    (
        "OC01",
        "Children in need per 10,000 children",
        _U.RATE_PER_10000,
        _P.NEITHER,
        480,
        40,
        "Local authority children's services",
        _T.OUTCOMES,
        470,
        30000,
    ),
    (
        "OC02",
        "Children looked after per 10,000 children",
        _U.RATE_PER_10000,
        _P.NEITHER,
        150,
        15,
        "Local authority children's services",
        _T.OUTCOMES,
        160,
        30000,
    ),
    (
        "OC03",
        "Young people not in education, employment or training",
        _U.PERCENTAGE,
        _P.LOWER_IS_BETTER,
        5,
        1,
        "Local authority education",
        _T.OUTCOMES,
        5.5,
        4000,
    ),
    (
        "CP01",
        "Referrals to children's social care",
        _U.COUNT,
        _P.NEITHER,
        None,
        0,
        "Local authority children's services",
        _T.CHILD_PROTECTION_ACTIVITY,
        650,
        0,
    ),
    (
        "CP02",
        "Early help assessments started",
        _U.COUNT,
        _P.HIGHER_IS_BETTER,
        300,
        30,
        "Local authority early help",
        _T.CHILD_PROTECTION_ACTIVITY,
        290,
        0,
    ),
    (
        "CP03",
        "Children subject to a child protection plan per 10,000",
        _U.RATE_PER_10000,
        _P.NEITHER,
        60,
        8,
        "Local authority children's services",
        _T.CHILD_PROTECTION_ACTIVITY,
        62,
        30000,
    ),
    (
        "CP04",
        "Section 47 enquiries started",
        _U.COUNT,
        _P.NEITHER,
        None,
        0,
        "Local authority children's services",
        _T.CHILD_PROTECTION_ACTIVITY,
        220,
        0,
    ),
    (
        "CP05",
        "Police notifications of domestic abuse involving children",
        _U.COUNT,
        _P.NEITHER,
        None,
        0,
        "Police",
        _T.CHILD_PROTECTION_ACTIVITY,
        900,
        0,
    ),
    (
        "DQ01",
        "Re-referrals within 12 months",
        _U.PERCENTAGE,
        _P.LOWER_IS_BETTER,
        20,
        3,
        "Local authority children's services",
        _T.DECISION_QUALITY,
        21,
        650,
    ),
    (
        "DQ02",
        "Assessments completed within 45 working days",
        _U.PERCENTAGE,
        _P.HIGHER_IS_BETTER,
        85,
        5,
        "Local authority children's services",
        _T.DECISION_QUALITY,
        84,
        500,
    ),
    (
        "DQ03",
        "Initial child protection conferences within 15 working days",
        _U.PERCENTAGE,
        _P.HIGHER_IS_BETTER,
        90,
        5,
        "Local authority children's services",
        _T.DECISION_QUALITY,
        88,
        90,
    ),
    (
        "DQ04",
        "Strategy discussions with health present",
        _U.PERCENTAGE,
        _P.HIGHER_IS_BETTER,
        80,
        10,
        "Integrated care board",
        _T.DECISION_QUALITY,
        72,
        150,
    ),
    (
        "PQ01",
        "Child protection plans lasting two years or more",
        _U.PERCENTAGE,
        _P.LOWER_IS_BETTER,
        3,
        1,
        "Local authority children's services",
        _T.PLAN_QUALITY,
        3.2,
        200,
    ),
    (
        "PQ02",
        "Children becoming subject to a plan for a second or later time",
        _U.PERCENTAGE,
        _P.LOWER_IS_BETTER,
        18,
        3,
        "Local authority children's services",
        _T.PLAN_QUALITY,
        19,
        120,
    ),
    (
        "PQ03",
        "Review conferences held on time",
        _U.PERCENTAGE,
        _P.HIGHER_IS_BETTER,
        95,
        3,
        "Local authority children's services",
        _T.PLAN_QUALITY,
        94,
        140,
    ),
    (
        "PQ04",
        "Average days from referral to plan",
        _U.DAYS,
        _P.LOWER_IS_BETTER,
        30,
        5,
        "Local authority children's services",
        _T.PLAN_QUALITY,
        31,
        0,
    ),
    (
        "WF01",
        "Social worker vacancy rate",
        _U.PERCENTAGE,
        _P.LOWER_IS_BETTER,
        10,
        3,
        "Local authority human resources",
        _T.WORKFORCE,
        14,
        180,
    ),
    (
        "WF02",
        "Agency social workers",
        _U.PERCENTAGE,
        _P.LOWER_IS_BETTER,
        12,
        3,
        "Local authority human resources",
        _T.WORKFORCE,
        13,
        180,
    ),
    (
        "LP01",
        "Children missing from home episodes",
        _U.COUNT,
        _P.LOWER_IS_BETTER,
        120,
        15,
        "Police",
        _T.LOCAL_PRIORITY,
        125,
        0,
    ),
    (
        "LP02",
        "Children discussed at the exploitation panel",
        _U.COUNT,
        _P.NEITHER,
        None,
        0,
        "Police",
        _T.LOCAL_PRIORITY,
        45,
        0,
    ),
)
_CENT = Decimal("0.01")


def synthetic_figure(
    unit: str, typical: float, denominator: int, rng: random.Random, spread: float = 0.15
) -> tuple:
    """A plausible (value, numerator, denominator) around a typical value; plainly made up."""
    if unit in (_U.PERCENTAGE, _U.RATE_PER_10000):
        scale = 100 if unit == _U.PERCENTAGE else 10000
        base = max(int(denominator * rng.uniform(0.9, 1.1)), 1)
        numerator = min(
            max(round(base * typical / scale * rng.uniform(1 - spread, 1 + spread)), 0), base
        )
        value = (Decimal(numerator) / Decimal(base) * scale).quantize(_CENT, ROUND_HALF_UP)
        return value, Decimal(numerator), Decimal(base)
    return Decimal(round(typical * rng.uniform(1 - spread, 1 + spread))), None, None


# Indicators that follow a story rather than noise: (from, typical value), (to, typical value).
# Initial conferences on time fell short in 2025-26 Q1 and rose once police checks came sooner.
TRENDS = {"DQ03": ((Quarter(2025, 1), 82.0), (Quarter(2025, 4), 93.0))}


def _typical(code: str, typical: float, period: int) -> tuple[float, float]:
    """The typical value in `period` and the spread around it: the catalogue's, or the trend's."""
    if code not in TRENDS:
        return typical, 0.15
    (start, low), (end, high) = TRENDS[code]
    share = min(max((period - start.index) / (end.index - start.index), 0), 1)
    return low + (high - low) * share, 0.02


def load(partnerships: dict[str, Partnership]) -> None:
    partnership = partnerships["south-tees"]
    rng = random.Random(2025)
    indicators = []
    for (
        code,
        title,
        unit,
        polarity,
        target,
        tolerance,
        supplier,
        theme,
        typical,
        denominator,
    ) in CATALOGUE:
        indicator, _ = Indicator.objects.get_or_create(
            partnership=partnership,
            code=code,
            defaults={
                "title": title,
                "unit": unit,
                "polarity": polarity,
                "target": target,
                "tolerance": tolerance,
                "supplier": supplier,
                "theme": theme,
                "definition": f"Fictional demonstration indicator: {title.lower()}.",
            },
        )
        indicators.append((indicator, typical, denominator))
    if not Observation.objects.filter(partnership=partnership).exists():
        _figures(partnership, indicators, rng)
    _scrutiny(partnership)


def last_quarter() -> Quarter:
    """The last quarter ended before today: the figures run up to it."""
    return Quarter.from_index(Quarter.containing(timezone.localdate()).index - 1)


def _figures(partnership: Partnership, indicators: list, rng: random.Random) -> None:
    areas = list(partnership.areas.all())
    last = last_quarter()
    first = last.index - QUARTERS + 1
    observations = []
    for indicator, typical, denominator in indicators:
        for area in areas:
            share = denominator // len(areas)
            for period in range(first, last.index + 1):
                typical_then, spread = _typical(indicator.code, typical, period)
                value, numerator, base = synthetic_figure(
                    indicator.unit,
                    typical_then / (len(areas) if indicator.unit == _U.COUNT else 1),
                    share,
                    rng,
                    spread,
                )
                observations.append(
                    Observation(
                        partnership=partnership,
                        indicator=indicator,
                        area=area,
                        period=period,
                        value=value,
                        numerator=numerator,
                        denominator=base,
                    )
                )
        if not indicator.is_additive:
            for period in range(first, last.index + 1):
                typical_then, spread = _typical(indicator.code, typical, period)
                value, numerator, base = synthetic_figure(
                    indicator.unit, typical_then, denominator, rng, spread
                )
                observations.append(
                    Observation(
                        partnership=partnership,
                        indicator=indicator,
                        area=None,
                        period=period,
                        value=value,
                        numerator=numerator,
                        denominator=base,
                    )
                )
    Observation.objects.bulk_create(observations)


def _person(partnership: Partnership, role: str, organisation: str = "") -> User:
    people = User.objects.filter(
        role_assignments__partnership=partnership, role_assignments__role=role
    )
    if organisation:
        people = people.filter(organisation__name=organisation)
    return people.order_by("pk").first()


def _scrutiny(partnership: Partnership) -> None:
    """The Quality and Performance sub-group's scrutiny in 2025-26: late initial conferences
    become a finding whose action's impact shows in the figures, and re-referrals an audit
    proposal."""
    if Scrutiny.objects.filter(partnership=partnership).exists():
        return
    manager = _person(partnership, Role.BUSINESS_UNIT_MANAGER)
    _late_conferences(partnership, manager)
    with on_day(date(2026, 2, 10)):
        services.scrutiny_record(
            partnership=partnership,
            period=SCRUTINISED.index,
            indicator=Indicator.objects.get(partnership=partnership, code="DQ01"),
            area=None,
            question="Re-referrals within 12 months are above target: what lies behind the rise?",
            asked_of=Organisation.objects.get(
                partnership=partnership, name="Middlesbrough Council"
            ),
            answer="Cases closed at assessment without a step-down plan to early help come back within months.",
            outcome=Scrutiny.Outcome.AUDIT,
            by=manager,
            audit_proposal={
                "title": "Step-down from children's social care to early help",
                "focus": "Children re-referred within 12 months of a case closing: was a step-down plan made and followed?",
            },
        )


def _late_conferences(partnership: Partnership, manager: User) -> None:
    """Scrutinised in August 2025, acted on by the police, closed with the indicator as evidence
    in January 2026 and signed off by a member of the sub-group in February."""
    indicator = Indicator.objects.get(partnership=partnership, code="DQ03")
    police = Organisation.objects.get(partnership=partnership, name="Cleveland Police")
    quality = Group.objects.get(partnership=partnership, name="Quality and Performance sub-group")
    with on_day(date(2025, 8, 12)):
        scrutiny = services.scrutiny_record(
            partnership=partnership,
            period=Quarter(2025, 1).index,
            indicator=indicator,
            area=None,
            question="Fewer initial child protection conferences were held within 15 working days: why?",
            asked_of=police,
            answer="Police checks for conferences took up to ten working days to come back.",
            outcome=Scrutiny.Outcome.FINDING,
            by=manager,
            finding={
                "title": "Initial conferences waited for police checks",
                "description": "Conferences were put back because police checks came late.",
                "aim": Finding.Aim.MUST_IMPROVE,
                "themes": Theme.objects.for_partnership(partnership).filter(
                    name__in=("Information sharing", "Thresholds")
                ),
            },
        )
        recommendation = learning.recommendation_record(
            source=scrutiny,
            findings=Finding.objects.filter(
                source_type=ContentType.objects.get_for_model(scrutiny), source_id=scrutiny.pk
            ),
            text="Police checks for initial conferences are ready within five working days.",
            owning_group=quality,
            by=manager,
        )
    lead = _person(partnership, Role.PARTNER_LEAD, police.name)
    with on_day(date(2025, 8, 20)):
        action = learning.action_create(
            recommendation=recommendation,
            description="A named officer completes police checks within five working days.",
            owner_organisation=police,
            owner_person=lead,
            due_date=date(2025, 12, 31),
            by=manager,
        )
        learning.action_indicator_add(
            action=action, indicator_id=indicator.pk, expected=Direction.UP, by=manager
        )
    with on_day(date(2025, 10, 15)):
        learning.action_update_progress(
            action=action,
            status=Action.Status.ON_TRACK,
            note="The named officer started in September; checks now take four days.",
            by=lead,
        )
    with on_day(date(2026, 1, 30)):
        evidence = learning.action_close(
            action=action,
            what_changed="Initial conferences are no longer put back for police checks.",
            method=EvidenceOfImpact.Method.PERFORMANCE_INDICATOR,
            how_known="Conferences held within 15 working days rose in every quarter since the officer started.",
            citing=citations.citable_for(action),
            by=lead,
        )
    with on_day(date(2026, 2, 10)):
        learning.evidence_sign_off(evidence=evidence, by=_person(partnership, Role.GROUP_MEMBER))

"""Demo single-agency assurance for South Tees: last year's section 11 round, all returned, and this
year's with most agencies' ratings, one challenge session and a single-agency audit summary. Every
rating, name and finding is fictional."""

from datetime import date, timedelta

from django.utils import timezone

from audits import selectors_assurance, services_assurance
from audits.assurance import AMBER, GREEN, RED, SECTION_11
from audits.models_assurance import AssuranceRound
from audits.services_assurance import Answer, View
from partnership.demo import SOUTH_TEES, demo_email, on_day
from partnership.models import Group, Membership, Partnership, Role, User

FICTIONAL = "(fictional demo record)"
# Each agency's ratings of the eight standards, last year and this year, cycled over the agencies.
PATTERNS = (
    ((GREEN, GREEN, AMBER, AMBER, AMBER, RED, AMBER, GREEN), (GREEN,) * 6 + (AMBER, GREEN)),
    ((AMBER,) * 8, (GREEN, GREEN, GREEN, AMBER, GREEN, AMBER, AMBER, GREEN)),
    ((GREEN,) * 8, (GREEN, GREEN, AMBER, GREEN, RED, GREEN, AMBER, GREEN)),
)
# This year the charity has not yet returned its self-assessment.
NOT_YET_RETURNED = "Example Family Support Charity"


def load(partnerships: dict[str, Partnership]) -> None:
    partnership = partnerships["south-tees"]
    if AssuranceRound.objects.filter(partnership=partnership).exists():
        return
    manager = User.objects.get(email=demo_email(SOUTH_TEES, Role.BUSINESS_UNIT_MANAGER))
    contributor = User.objects.get(email=demo_email(SOUTH_TEES, Role.AGENCY_CONTRIBUTOR))
    group = Group.objects.get(partnership=partnership, name="Quality and Performance sub-group")
    # The demo group member sits on the sub-group, so sees every agency's return.
    Membership.objects.get_or_create(
        group=group, person=User.objects.get(email=demo_email(SOUTH_TEES, Role.GROUP_MEMBER))
    )
    today = timezone.localdate()
    agencies = list(selectors_assurance.eligible_agencies(partnership, SECTION_11))
    for which, year, due in (
        (0, today.year - 1, date(today.year - 1, 9, 30)),
        (1, today.year, today + timedelta(days=30)),
    ):
        # Last year's round was opened and returned last year: the services read the clock.
        with on_day(min(due - timedelta(days=20), today)):
            opened = services_assurance.round_open(
                partnership=partnership,
                kind=SECTION_11,
                year=year,
                due_date=due,
                overseeing_group=group,
                agencies=agencies,
                by=manager,
            )
            _answer(opened, which, manager=manager, contributor=contributor)
    _agency_audit(partnership, contributor, today)


def _answer(opened: AssuranceRound, which: int, *, manager: User, contributor: User) -> None:
    """Every agency's answer (the hospital's by its own contributor, the others entered by the
    business unit for the demo); this year the charity's is still to come and the hospital's has
    had its challenge session."""
    standards = list(selectors_assurance.standards_asked(opened.self_assessments.first()))
    for n, assessment in enumerate(opened.self_assessments.select_related("organisation")):
        if which and assessment.organisation.name == NOT_YET_RETURNED:
            continue
        own = assessment.organisation_id == contributor.organisation_id
        services_assurance.self_assessment_submit(
            assessment=assessment,
            answers={
                standard.pk: Answer(
                    rating=rating,
                    evidence=f"{standard.title}: policy, audit and training records {FICTIONAL}",
                    actions=""
                    if rating == GREEN
                    else f"Improve {standard.title.lower()} {FICTIONAL}",
                )
                for standard, rating in zip(
                    standards, PATTERNS[n % len(PATTERNS)][which], strict=True
                )
            },
            expected_version=assessment.version,
            by=contributor if own else manager,
        )
        if which and own:
            _challenge(assessment, manager)


def _challenge(assessment, manager: User) -> None:
    """The hospital's challenge session: the partnership rates supervision lower than the trust did."""
    views = {}
    for rating in assessment.ratings.select_related("standard"):
        lower = rating.standard.title == "Supervision"
        views[rating.standard_id] = View(
            rating=RED if lower else rating.rating,
            comment="Supervision records for ward staff were not seen." if lower else "",
        )
    services_assurance.challenge_record(
        assessment=assessment,
        held_on=timezone.localdate(),
        summary=f"Met the trust's named nurse and head of safeguarding {FICTIONAL}.",
        views=views,
        expected_version=assessment.version,
        by=manager,
    )


def _agency_audit(partnership: Partnership, contributor: User, today: date) -> None:
    services_assurance.agency_audit_submit(
        partnership=partnership,
        organisation=contributor.organisation,
        data={
            "title": f"Neglect in the emergency department {FICTIONAL}",
            "audited_on": today - timedelta(days=45),
            "cases": 12,
            "headline_findings": "The child's voice was recorded in 9 of 12 cases; referrals to "
            "children's social care were timely; follow-up of missed appointments was weak.",
            "outstanding": 1,
            "good": 6,
            "requires_improvement": 4,
            "inadequate": 1,
        },
        by=contributor,
    )

"""Demo reviews: plainly fictional cases ("Child R", "Child T") at different stages.

South Tees' reporting year 2025-26 is in `demo_year`; the work in hand today is here: a referral
awaiting triage, a rapid review gathering information, an LCSPR in progress and a case review
being scoped.
"""

from datetime import timedelta

from django.utils import timezone

from partnership.demo import HARTLEPOOL_STOCKTON, SOUTH_TEES, demo_email, on_day
from partnership.models import Organisation, Partnership, Role, User
from reviews import demo_year, services, services_reports, services_reviews
from reviews.demo_year import Incident, rapid_review_decided
from reviews.models import (
    AgencyRequest,
    LearningReferral,
    LocalReviewPolicy,
    RapidReview,
    Review,
    ReviewerAssignment,
)


def _person(demo, role) -> User:
    return User.objects.get(email=demo_email(demo, role))


def _organisation(partnership: Partnership, name: str) -> Organisation:
    return Organisation.objects.get(partnership=partnership, name=name)


def load(partnerships: dict[str, Partnership]) -> None:
    south_tees = partnerships[SOUTH_TEES.slug]
    # South Tees' local review policy is its framework's list (configuration, not law).
    LocalReviewPolicy.objects.get_or_create(
        partnership=south_tees,
        defaults={
            "always_review_death_in_custody": True,
            "always_review_death_detained_under_mental_health_act": True,
            "always_review_death_at_16_or_17_deprived_of_liberty": True,
            "reviewer_not_employed_by_agency_under_review": True,
        },
    )
    if Review.objects.filter(partnership__in=partnerships.values()).exists():
        return
    demo_year.load(south_tees)
    officer = _person(SOUTH_TEES, Role.BUSINESS_UNIT_OFFICER)
    practitioner = _person(SOUTH_TEES, Role.PRACTITIONER)
    _referral(south_tees, practitioner, "Child P: repeated missing episodes")
    _lcspr(south_tees, officer, practitioner)
    _rapid_review_gathering(south_tees, officer)
    case_review_referral = _referral(
        south_tees, practitioner, "Child T: neglect and school absence"
    )
    services.learning_referral_triage(
        referral=case_review_referral,
        outcome=LearningReferral.Outcome.CASE_REVIEW,
        reason="Below the serious incident threshold; a multi-agency learning review is proportionate.",
        by=officer,
    )
    services_reviews.review_open(
        partnership=south_tees,
        review_type=Review.Type.MULTI_AGENCY,
        title="Child T",
        referral=case_review_referral,
        by=officer,
    )
    hartlepool = partnerships[HARTLEPOOL_STOCKTON.slug]
    _referral(
        hartlepool, _person(HARTLEPOOL_STOCKTON, Role.PRACTITIONER), "Child V: pre-birth planning"
    )


def _referral(partnership, practitioner, title: str) -> LearningReferral:
    return services.learning_referral_submit(
        partnership=partnership,
        referred_by=practitioner,
        title=title,
        what_happened="A fictional case for the demonstration.",
        agencies_involved="Children's services, health, police",
        why_learning="Information may not have been shared between agencies.",
        child_voice="The child told a teacher they did not feel safe at home.",
    )


def _lcspr(partnership, officer, practitioner) -> Review:
    today = timezone.localdate()
    with on_day(today - timedelta(days=39)):
        referral = _referral(partnership, practitioner, "Child R: unexplained injuries")
        services.learning_referral_triage(
            referral=referral,
            outcome=LearningReferral.Outcome.RAPID_REVIEW,
            reason="Serious harm.",
            by=officer,
        )
    child_r = Incident(
        pseudonym="Child R",
        summary="Child R, aged 4, was admitted to hospital with unexplained injuries.",
        incident=today - timedelta(days=40),
        aware=today - timedelta(days=39),
        notified=today - timedelta(days=37),
        age=4,
        answers={
            "abuse_or_neglect": "suspected",
            "seriously_harmed": True,
            "interagency_concerns": "concerns",
            "immediate_actions": "Child R's sibling was seen the same day and is safe.",
            "context": "The family had moved between two local authority areas in a year.",
            "parallel_processes": "Police investigation ongoing.",
            "highlights_improvements": True,
            "highlights_recurrent_themes": False,
            "highlights_interagency_concerns": True,
            "panel_considered_local_review": False,
            "several_areas_involved": True,
        },
        decided=today - timedelta(days=22),
        decision=RapidReview.Decision.LCSPR,
        rationale="Serious harm with cause for concern about how agencies worked together.",
        learning_identified="Earlier bruising was not shared with children's services.",
        alternative_learning="",
    )
    rapid_review = rapid_review_decided(
        partnership, child_r, referral=referral, sent_on=today - timedelta(days=20), by=officer
    )
    with on_day(today - timedelta(days=19)):
        review = services_reviews.review_open(
            partnership=partnership,
            review_type=Review.Type.LCSPR,
            title="Child R",
            rapid_review=rapid_review,
            by=officer,
        )
        hospital = _organisation(partnership, "South Tees Hospitals NHS Foundation Trust")
        police = _organisation(partnership, "Cleveland Police")
        council = _organisation(partnership, "Middlesbrough Council")
        services.versioned_update(
            record=review,
            data={"organisations_under_review": [hospital, police, council]},
            expected_version=review.version,
            by=officer,
        )
        services_reviews.reviewer_assign(
            review=review,
            person=_person(SOUTH_TEES, Role.INDEPENDENT_REVIEWER),
            role=ReviewerAssignment.Role.INDEPENDENT_REVIEWER,
            involved_with=[],
            involved_in_case=False,
            statement="I have not worked for any of the partnership's agencies.",
            by=officer,
        )
        terms = services_reviews.terms_of_reference_draft(
            review=review,
            text="The review covers the twelve months before the incident.",
            key_lines_of_enquiry="How was information about injuries shared?",
            by=officer,
        )
        services_reviews.terms_of_reference_approve(
            terms=terms, by=_person(SOUTH_TEES, Role.PARTNER_LEAD)
        )
    request = services.agency_request_send(
        review=review,
        organisation=hospital,
        kind=AgencyRequest.Kind.CHRONOLOGY,
        due_date=today + timedelta(days=10),
        details="Contact with Child R and their family in the scope period.",
        by=officer,
    )
    contributor = _person(SOUTH_TEES, Role.AGENCY_CONTRIBUTOR)
    services_reviews.chronology_entry_add(
        review=review,
        organisation=hospital,
        request=request,
        date=today - timedelta(days=90),
        event="Child R seen at the emergency department with bruising",
        by=contributor,
    )
    services_reviews.chronology_entry_add(
        review=review,
        organisation=police,
        date=today - timedelta(days=90),
        event="Emergency department reports Child R's bruising to police",
        by=officer,
    )
    services_reports.report_draft_add(
        review=review,
        summary="Share every injury to a pre-mobile child with children's services.",
        body="Child R was known to three agencies; earlier bruising was not shared.",
        by=_person(SOUTH_TEES, Role.INDEPENDENT_REVIEWER),
    )
    return review


def _rapid_review_gathering(partnership: Partnership, officer: User) -> RapidReview:
    """A serious incident notified this week: the rapid review is gathering the agencies'
    summaries, and every partner lead watches its statutory deadline."""
    today = timezone.localdate()
    with on_day(today - timedelta(days=4)):
        notification = services.notification_create(
            partnership=partnership,
            incident_summary="Child Q, aged 9, was admitted to hospital after an overdose.",
            incident_date=today - timedelta(days=6),
            aware_date=today - timedelta(days=5),
            notified_date=today - timedelta(days=4),
            notifying_authority=_organisation(partnership, "Redcar & Cleveland Borough Council"),
            by=officer,
        )
        services.notified_child_add(
            notification=notification,
            pseudonym="Child Q",
            outcome="seriously_harmed",
            age=9,
            full_name="Demochild Fictional Q",
            address="81 Example Road, Demotown",
            by=officer,
        )
        services.agency_request_send(
            rapid_review=notification.rapid_review,
            organisation=_organisation(partnership, "South Tees Hospitals NHS Foundation Trust"),
            kind=AgencyRequest.Kind.AGENCY_SUMMARY,
            due_date=today + timedelta(days=3),
            details="The hospital's contact with Child Q and the family in the last year.",
            by=officer,
        )
    return notification.rapid_review

"""Reviews at national scale: ten years of referrals, notifications, rapid reviews and reviews in
every partnership, and one LCSPR with a long multi-agency chronology.

Per partnership: 20 referrals, 6 notifications (each with its rapid review) and 8 reviews a year,
each review with three agency requests, a milestone and its reviewer; 150 partnerships make about
30,000 referrals, 9,000 rapid reviews and 12,000 reviews. The first partnership's newest LCSPR has
a 1,000-entry chronology from its agencies.
"""

from datetime import UTC, datetime, timedelta

from django.urls import reverse

from partnership.models import Organisation, Role
from reviews.models import (
    AgencyRequest,
    ChronologyEntry,
    LearningReferral,
    Milestone,
    RapidReview,
    Review,
    ReviewerAssignment,
    SeriousIncidentNotification,
)

REFERRALS_PER_YEAR = 20
NOTIFICATIONS_PER_YEAR = 6
REVIEWS_PER_YEAR = 8
CHRONOLOGY_ENTRIES = 1_000
EVENTS = [
    "Home visit by the health visitor",
    "Child seen at the emergency department",
    "Police attend a domestic incident",
    "School reports absence to the education welfare service",
    "Strategy discussion held",
]


def seed(world) -> None:
    for partnership in world.partnerships:
        _seed_partnership(world, partnership)
    _seed_chronology(world, world.partnerships[0])


def _seed_partnership(world, partnership) -> None:
    officer = world.person(partnership, Role.BUSINESS_UNIT_OFFICER)
    practitioner = world.person(partnership, Role.PRACTITIONER)
    reviewer = world.person(partnership, Role.INDEPENDENT_REVIEWER)
    organisations = list(Organisation.objects.filter(partnership=partnership))
    first_year = world.today.year - world.years + 1
    LearningReferral.objects.bulk_create(
        LearningReferral(
            partnership=partnership,
            reference=f"{partnership.short_name}-LR-{year}-{n + 1:03d}",
            title=f"Child {chr(65 + n % 26)}: referral {n + 1} of {year}",
            what_happened="Benchmark referral.",
            agencies_involved="Health, police",
            why_learning="Benchmark.",
            referred_by=practitioner,
            status=LearningReferral.Status.TRIAGED
            if year < world.today.year
            else LearningReferral.Status.AWAITING_TRIAGE,
        )
        for year in range(first_year, world.today.year + 1)
        for n in range(REFERRALS_PER_YEAR)
    )
    notifications = SeriousIncidentNotification.objects.bulk_create(
        SeriousIncidentNotification(
            partnership=partnership,
            reference=f"{partnership.short_name}-SIN-{year}-{n + 1:03d}",
            incident_summary="Benchmark incident.",
            incident_date=_day(year, n),
            aware_date=_day(year, n),
            notified_date=_day(year, n) + timedelta(days=3),
            notify_panel_by=_day(year, n) + timedelta(days=7),
            rapid_review_by=_day(year, n) + timedelta(days=24),
            created_by=officer,
        )
        for year in range(first_year, world.today.year + 1)
        for n in range(NOTIFICATIONS_PER_YEAR)
    )
    rapid_reviews = RapidReview.objects.bulk_create(
        RapidReview(
            partnership=partnership,
            notification=notification,
            status=RapidReview.Status.DECIDED,
            abuse_or_neglect="suspected",
            seriously_harmed=True,
            interagency_concerns="concerns",
            decision=RapidReview.Decision.LCSPR if n % 2 else RapidReview.Decision.NO_LCSPR,
        )
        for n, notification in enumerate(notifications)
    )
    reviews = Review.objects.bulk_create(
        Review(
            partnership=partnership,
            reference=f"{partnership.short_name}-{year}-{n + 1:03d}",
            review_type=Review.Type.LCSPR if n % 4 == 0 else Review.Type.MULTI_AGENCY,
            title=f"Child {chr(65 + n)}",
            status=Review.Status.CLOSED if year < world.today.year else Review.Status.IN_PROGRESS,
            rapid_review=rapid_reviews[(year - first_year) * NOTIFICATIONS_PER_YEAR]
            if n % 4 == 0
            else None,
            opened_by=officer,
        )
        for year in range(first_year, world.today.year + 1)
        for n in range(REVIEWS_PER_YEAR)
    )
    Review.objects.filter(pk__in=[review.pk for review in reviews]).update(
        opened_at=datetime(first_year, 1, 1, tzinfo=UTC)
    )
    ReviewerAssignment.objects.bulk_create(
        ReviewerAssignment(
            review=review,
            person=reviewer,
            role=ReviewerAssignment.Role.INDEPENDENT_REVIEWER,
            assigned_by=officer,
        )
        for review in reviews
    )
    Milestone.objects.bulk_create(
        Milestone(
            review=review, title="Final report completed", due_date=world.today + timedelta(days=90)
        )
        for review in reviews
    )
    AgencyRequest.objects.bulk_create(
        AgencyRequest(
            partnership=partnership,
            review=review,
            organisation=organisation,
            kind=AgencyRequest.Kind.CHRONOLOGY,
            due_date=world.today + timedelta(days=10),
            requested_by=officer,
        )
        for review in reviews
        for organisation in organisations[:3]
    )


def _day(year: int, n: int):
    return datetime(year, 1 + n * 2, 10).date()


def _seed_chronology(world, partnership) -> None:
    review = _measured_review(partnership)
    organisations = list(Organisation.objects.filter(partnership=partnership)[:4])
    officer = world.person(partnership, Role.BUSINESS_UNIT_OFFICER)
    ChronologyEntry.objects.bulk_create(
        ChronologyEntry(
            review=review,
            organisation=organisations[n % len(organisations)],
            date=world.today - timedelta(days=world.rng.randrange(700)),
            event=f"{world.rng.choice(EVENTS)} (entry {n + 1})",
            entered_by=officer,
        )
        for n in range(CHRONOLOGY_ENTRIES)
    )


def _measured_review(partnership) -> Review:
    return (
        Review.objects.filter(partnership=partnership, review_type=Review.Type.LCSPR)
        .order_by("-reference")
        .first()
    )


def measure(bench) -> None:
    from partnership.models import Partnership

    partnership = Partnership.objects.order_by("pk").first()
    officer = partnership.role_assignments.get(role=Role.BUSINESS_UNIT_OFFICER).person
    reviewer = partnership.role_assignments.get(role=Role.INDEPENDENT_REVIEWER).person
    review = _measured_review(partnership)
    bench.page(
        "Reviews: review list (80 reviews, 60 rapid reviews)",
        reverse("reviews:review_list"),
        officer,
    )
    bench.page("Reviews: review list as the reviewer", reverse("reviews:review_list"), reviewer)
    bench.page(
        "Reviews: an LCSPR's page", reverse("reviews:review_detail", args=[review.pk]), officer
    )
    bench.page(
        "Reviews: merged chronology of 1,000 entries",
        reverse("reviews:chronology", args=[review.pk]),
        reviewer,
    )
    bench.page("Reviews: learning referrals (200)", reverse("reviews:referral_list"), officer)

"""The reviews' part of the partnership's yearly report (`core.yearly`): referrals, notifications,
rapid reviews and their decisions, reviews started, completed and published, the progress of their
recommendations' actions, and decisions against the local review policy.

Source: Working Together 2023 asks the yearly report for what was done as a result of the
arrangements, including child safeguarding practice reviews (reference/statutory.md 1.5).
"""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from core.yearly import YearSummary
from learning.models import Action
from reviews.models import (
    LearningReferral,
    RapidReview,
    ReportDraft,
    Review,
    SeriousIncidentNotification,
)
from reviews.selectors import local_policy_departures


def review_counts(partnership, first: date, last: date) -> dict[str, int]:
    """Each count the report shows, from the records of the period (first to last inclusive)."""
    within = (first, last)
    rapid = RapidReview.objects.filter(partnership=partnership).aggregate(
        completed=Count("pk", filter=Q(decided_at__date__range=within)),
        lcspr=Count("pk", filter=Q(decided_at__date__range=within, decision="lcspr")),
        no_lcspr=Count("pk", filter=Q(decided_at__date__range=within, decision="no_lcspr")),
        sent=Count("pk", filter=Q(sent_to_panel_on__range=within)),
    )
    reviews = Review.objects.filter(partnership=partnership).aggregate(
        lcspr_started=Count("pk", filter=Q(opened_at__date__range=within, review_type="lcspr")),
        other_started=Count(
            "pk", filter=Q(opened_at__date__range=within) & ~Q(review_type="lcspr")
        ),
        lcspr_published=Count(
            "pk", filter=Q(published_at__date__range=within, review_type="lcspr")
        ),
        other_published=Count(
            "pk", filter=Q(published_at__date__range=within) & ~Q(review_type="lcspr")
        ),
    )
    completed = ReportDraft.objects.filter(
        review__partnership=partnership, agreed_at__date__range=within
    ).aggregate(
        lcspr=Count("review", distinct=True, filter=Q(review__review_type="lcspr")),
        other=Count("review", distinct=True, filter=~Q(review__review_type="lcspr")),
    )
    return {
        "referrals": LearningReferral.objects.filter(
            partnership=partnership, referred_at__date__range=within
        ).count(),
        "notifications": SeriousIncidentNotification.objects.filter(
            partnership=partnership, notified_date__range=within
        ).count(),
        "rapid_reviews": rapid["completed"],
        "decided_lcspr": rapid["lcspr"],
        "decided_no_lcspr": rapid["no_lcspr"],
        "sent_to_panel": rapid["sent"],
        "lcspr_started": reviews["lcspr_started"],
        "other_started": reviews["other_started"],
        "lcspr_completed": completed["lcspr"],
        "other_completed": completed["other"],
        "lcspr_published": reviews["lcspr_published"],
        "other_published": reviews["other_published"],
    }


def recommendation_progress(partnership, last: date) -> dict[str, int]:
    """The actions of every review's recommendations, by status at the end of the period."""
    actions = Action.objects.filter(
        partnership=partnership,
        recommendation__source_type=ContentType.objects.get_for_model(Review),
    )
    return actions.aggregate(
        actions=Count("pk"),
        closed=Count("pk", filter=Q(closed_at__date__lte=last)),
        overdue=Count("pk", filter=Q(due_date__lt=last) & ~Q(closed_at__date__lte=last)),
    )


def summarise(partnership, first: date, last: date) -> YearSummary:
    counts = review_counts(partnership, first, last)
    progress = recommendation_progress(partnership, last)
    departures = list(local_policy_departures(partnership, start=first, end=last))
    return YearSummary(
        figures=[
            ("Learning referrals received", counts["referrals"]),
            ("Serious incidents notified to the national panel", counts["notifications"]),
            ("Rapid reviews completed", counts["rapid_reviews"]),
            ("Decided to hold an LCSPR", counts["decided_lcspr"]),
            ("Decided not to hold an LCSPR", counts["decided_no_lcspr"]),
            ("Rapid reviews sent to the national panel", counts["sent_to_panel"]),
            ("LCSPRs started", counts["lcspr_started"]),
            ("LCSPRs completed (final report agreed)", counts["lcspr_completed"]),
            ("LCSPRs published", counts["lcspr_published"]),
            ("Other reviews started", counts["other_started"]),
            ("Other reviews completed", counts["other_completed"]),
            ("Other reviews published", counts["other_published"]),
            ("Actions from reviews' recommendations", progress["actions"]),
            ("of which closed by the end of the year", progress["closed"]),
            ("of which overdue at the end of the year", progress["overdue"]),
        ],
        lists=[
            (
                "Decisions against the local review policy",
                [
                    f"{review.notification.reference}: {review.get_decision_display()}. "
                    f"{review.local_policy_departure_reason}"
                    for review in departures
                ],
            )
        ],
        sources=[review.notification for review in departures],
    )

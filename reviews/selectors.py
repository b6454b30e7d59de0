"""Reads of review records for pages, exports and dashboards."""

from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from learning import selectors as learning_selectors
from learning.models import Publication
from learning.selectors import SimilarItem
from reviews import chronology
from reviews.criteria import Assessment, assess
from reviews.models import (
    AgencyRequest,
    ChronologyEntry,
    LearningReferral,
    RapidReview,
    ReportDraft,
    Review,
)
from reviews.services import criteria_case
from reviews.similar_work import AGENCY_SEPARATORS


def referrals_for(user, partnership) -> QuerySet[LearningReferral]:
    return (
        LearningReferral.objects.visible_to(user)
        .filter(partnership=partnership)
        .select_related("referred_by")
    )


def referrals_awaiting_triage(partnership) -> QuerySet[LearningReferral]:
    return LearningReferral.objects.filter(
        partnership=partnership, status=LearningReferral.Status.AWAITING_TRIAGE
    ).order_by("referred_at")


def similar_to(referral: LearningReferral, user) -> list[SimilarItem]:
    """Work in progress or recently done like the referral, for triage (framework principle 2)."""
    return learning_selectors.similar_work(
        partnership=referral.partnership,
        text=" ".join([referral.title, referral.what_happened, referral.why_learning]),
        agencies=AGENCY_SEPARATORS.split(referral.agencies_involved),
        user=user,
        exclude=[referral],
    )


def similar_to_rapid_review(rapid_review: RapidReview, user) -> list[SimilarItem]:
    """Work like the incident and what the rapid review found, for the partners' decision."""
    episodes = rapid_review.key_practice_episodes.values_list("title", "analysis")
    return learning_selectors.similar_work(
        partnership=rapid_review.partnership,
        text=" ".join(
            [
                rapid_review.notification.incident_summary,
                rapid_review.context,
                rapid_review.learning_identified,
                *(f"{title} {analysis}" for title, analysis in episodes),
            ]
        ),
        agencies=rapid_review.agency_requests.values_list("organisation__name", flat=True),
        user=user,
        exclude=[rapid_review, rapid_review.notification],
    )


def similar_to_origin(origin, user) -> list[SimilarItem]:
    """Before a review is opened: work like the rapid review or referral it comes from."""
    if isinstance(origin, RapidReview):
        return similar_to_rapid_review(origin, user)
    return similar_to(origin, user)


def rapid_reviews_for(user, partnership) -> QuerySet[RapidReview]:
    return (
        RapidReview.objects.visible_to(user)
        .filter(partnership=partnership)
        .select_related("notification")
        .order_by("-notification__aware_date", "-id")
    )


def reviews_for(user, partnership) -> QuerySet[Review]:
    open_requests = (
        AgencyRequest.objects.filter(review=OuterRef("pk"), status=AgencyRequest.Status.REQUESTED)
        .values("review")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        Review.objects.visible_to(user)
        .filter(partnership=partnership)
        .annotate(open_requests=Coalesce(Subquery(open_requests), 0))
        .order_by("-opened_at", "-id")
    )


def requests_for(user, partnership) -> QuerySet[AgencyRequest]:
    return (
        AgencyRequest.objects.visible_to(user)
        .filter(partnership=partnership)
        .select_related("organisation", "review", "rapid_review__notification")
    )


def criteria_result(rapid_review: RapidReview) -> Assessment | None:
    case = criteria_case(rapid_review)
    return assess(case) if case is not None else None


@dataclass(frozen=True)
class ChronologyRow:
    entry: ChronologyEntry
    likely_duplicate: bool


def merged_chronology(review: Review) -> list[ChronologyRow]:
    """Every agency's entries in date order, each attributed, likely duplicates marked."""
    entries = list(
        review.chronology.select_related("organisation").order_by(
            "date", "organisation__name", "id"
        )
    )
    duplicates = chronology.likely_duplicates(entries)
    return [ChronologyRow(entry, entry.id in duplicates) for entry in entries]


@dataclass(frozen=True)
class TimelineItem:
    date: date
    text: str


def review_timeline(review: Review) -> list[TimelineItem]:
    """What has happened in the review and what is due, in date order."""
    items = [TimelineItem(review.opened_at.date(), f"{review.get_review_type_display()} opened")]
    if review.rapid_review_id:
        notification = review.rapid_review.notification
        items.append(
            TimelineItem(notification.aware_date, "Local authority became aware of the incident")
        )
        if review.rapid_review.decided_at:
            items.append(
                TimelineItem(
                    review.rapid_review.decided_at.date(), "Rapid review decision recorded"
                )
            )
    for terms in review.terms_of_reference.all():
        items.append(
            TimelineItem(
                terms.drafted_at.date(), f"Terms of reference version {terms.version} drafted"
            )
        )
        if terms.approved_at:
            items.append(
                TimelineItem(
                    terms.approved_at.date(), f"Terms of reference version {terms.version} approved"
                )
            )
    for assignment in review.reviewer_assignments.all():
        items.append(
            TimelineItem(
                assignment.assigned_at.date(),
                f"{assignment.person} assigned as {assignment.get_role_display().lower()}",
            )
        )
    for milestone in review.milestones.all():
        status = f"done {milestone.completed_on:%d %B %Y}" if milestone.completed_on else "due"
        items.append(TimelineItem(milestone.due_date, f"Milestone: {milestone.title} ({status})"))
    for event in review.learning_events.all():
        items.append(TimelineItem(event.date, f"Practitioner learning event: {event.title}"))
    for draft in review.report_drafts.all():
        items.append(TimelineItem(draft.written_at.date(), f"Draft report version {draft.version}"))
    for task in review.tasks.all():
        items.append(
            TimelineItem(
                task.done_on or task.due_date, f"{task} ({'done' if task.done_on else 'due'})"
            )
        )
    return sorted(items, key=lambda item: item.date)


def review_page(review: Review) -> Review:
    """The review with everything its page shows, fetched in a fixed number of queries."""
    return (
        Review.objects.filter(pk=review.pk)
        .select_related("rapid_review__notification", "referral", "opened_by")
        .prefetch_related(
            "organisations_under_review",
            "terms_of_reference__approved_by",
            "milestones",
            "reviewer_assignments__person__organisation",
            "declarations__person",
            "declarations__involved_with",
            Prefetch(
                "agency_requests", queryset=AgencyRequest.objects.select_related("organisation")
            ),
            "learning_events__invitations",
            Prefetch("report_drafts", queryset=ReportDraft.objects.prefetch_related("sign_offs")),
            "tasks",
        )
        .get()
    )


def publication_of(review: Review) -> Publication | None:
    """The review's published report on the public site, if it has one."""
    return (
        Publication.objects.filter(
            source_type=ContentType.objects.get_for_model(review),
            source_id=review.pk,
            kind=Publication.Kind.REVIEW_REPORT,
        )
        .order_by("-published_at")
        .first()
    )

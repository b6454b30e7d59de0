"""How referrals, notifications, rapid reviews and reviews appear in similar-work search.

Registered with the learning spine in `ReviewsConfig.ready`; each service that changes what these
describe calls `learning.services_similar.similar_work_changed`.
"""

import re

from django.utils import timezone

from learning.services_similar import SimilarWorkDocument, day_of, register
from reviews.models import LearningReferral, RapidReview, Review, SeriousIncidentNotification

# "Police, health visiting and school" names three agencies.
AGENCY_SEPARATORS = re.compile(r"[,;\n]|\band\b")


def _joined(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def referral(record: LearningReferral) -> SimilarWorkDocument:
    return SimilarWorkDocument(
        partnership_id=record.partnership_id,
        kind="Learning referral",
        reference=record.reference,
        title=record.title,
        text=_joined(record.what_happened, record.why_learning),
        url=record.get_absolute_url(),
        stage=record.get_outcome_display() or record.get_status_display(),
        closed_on=day_of(record.triaged_at),
        recorded_on=day_of(record.referred_at),
        agencies=AGENCY_SEPARATORS.split(record.agencies_involved),
    )


def _decided_on(rapid_review: RapidReview | None):
    if rapid_review is None or rapid_review.status != RapidReview.Status.DECIDED:
        return None
    return day_of(rapid_review.decided_at)


def notification(record: SeriousIncidentNotification) -> SimilarWorkDocument:
    rapid_review = RapidReview.objects.filter(notification=record).first()
    return SimilarWorkDocument(
        partnership_id=record.partnership_id,
        kind="Serious incident notification",
        reference=record.reference,
        title=f"Serious incident notification {record.reference}",
        text=record.incident_summary,
        url=record.get_absolute_url(),
        closed_on=_decided_on(rapid_review),
        recorded_on=record.aware_date,
    )


def _agencies_asked(record) -> list[str]:
    return list(record.agency_requests.values_list("organisation__name", flat=True).distinct())


def rapid_review(record: RapidReview) -> SimilarWorkDocument:
    episodes = record.key_practice_episodes.values_list("title", "analysis")
    return SimilarWorkDocument(
        partnership_id=record.partnership_id,
        kind="Rapid review",
        reference=record.learning_reference,
        title=record.learning_title,
        text=_joined(
            record.context,
            record.learning_identified,
            record.rationale,
            record.alternative_learning,
            *(f"{title}\n{analysis}" for title, analysis in episodes),
        ),
        url=record.get_absolute_url(),
        stage=record.get_decision_display() or record.get_status_display(),
        closed_on=_decided_on(record),
        recorded_on=record.notification.aware_date,
        agencies=_agencies_asked(record),
    )


def review(record: Review) -> SimilarWorkDocument:
    """A review by its latest terms of reference and report summary (never its children)."""
    terms = record.terms_of_reference.first()
    draft = record.report_drafts.first()
    closed = record.status == Review.Status.CLOSED
    return SimilarWorkDocument(
        partnership_id=record.partnership_id,
        kind=f"Review: {record.get_review_type_display()}",
        reference=record.reference,
        title=record.learning_title,
        text=_joined(
            terms.text if terms else "",
            terms.key_lines_of_enquiry if terms else "",
            draft.summary if draft else "",
        ),
        url=record.get_absolute_url(),
        stage=record.get_status_display(),
        # A review keeps no closing date: its publication, or the day the index saw it closed.
        closed_on=(day_of(record.published_at) or timezone.localdate()) if closed else None,
        recorded_on=day_of(record.opened_at),
        agencies=record.organisations_under_review.values_list("name", flat=True),
    )


def register_all() -> None:
    register(LearningReferral, referral)
    register(SeriousIncidentNotification, notification)
    register(RapidReview, rapid_review)
    register(Review, review)

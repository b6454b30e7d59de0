"""Reads of review records for pages, exports and dashboards."""

from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from learning import selectors as learning_selectors
from learning.models import Publication
from learning.selectors import SimilarItem
from partnership.models import Organisation, Role, User
from reviews import chronology
from reviews.criteria import (
    HAVE_REGARD_TO,
    LOCAL_POLICY_CIRCUMSTANCES,
    REGULATION_11,
    Assessment,
    Case,
    StatutoryConsiderations,
    assess,
    statutory_considerations,
)
from reviews.models import (
    AgencyRequest,
    ChronologyEntry,
    LearningReferral,
    LocalReviewPolicy,
    RapidReview,
    ReportDraft,
    Review,
)
from reviews.sign_off import StatutoryPartner
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


def reviews_awaiting_reviewer(user) -> QuerySet[Review]:
    """Reviews `user` is assigned to (and not removed from) whose final report is not yet agreed."""
    return (
        Review.objects.visible_to(user)
        .filter(reviewer_assignments__person=user, reviewer_assignments__removed_at__isnull=True)
        .filter(
            status__in=(
                Review.Status.SCOPING,
                Review.Status.IN_PROGRESS,
                Review.Status.DRAFT_REPORT,
            )
        )
        .distinct()
        .order_by("opened_at", "id")
    )


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


def criteria_case(rapid_review: RapidReview) -> Case | None:
    """The rapid review's answers as a criteria case, once the essential answers are given."""
    if not rapid_review.abuse_or_neglect or not rapid_review.interagency_concerns:
        return None
    oldest = max((child.age for child in rapid_review.notification.children.all()), default=0)
    return Case(
        abuse_or_neglect=rapid_review.abuse_or_neglect,
        child_died=rapid_review.child_died,
        suspected_suicide=rapid_review.suspected_suicide,
        seriously_harmed=rapid_review.seriously_harmed,
        interagency_concerns=rapid_review.interagency_concerns,
        death_in_custody=rapid_review.death_in_custody or None,
        detained_under_mental_health_act=rapid_review.detained_under_mental_health_act,
        age=oldest,
        deprivation_of_liberty_order=rapid_review.deprivation_of_liberty_order,
    )


def local_review_policy(partnership) -> LocalReviewPolicy:
    """The partnership's local review policy; an empty one where none is configured."""
    policy = LocalReviewPolicy.objects.filter(partnership=partnership).first()
    return policy or LocalReviewPolicy(partnership=partnership)


def local_review_policy_labels(partnership) -> list[str]:
    """The circumstances the partnership has decided always lead to an LCSPR, in words."""
    always = local_review_policy(partnership).always_review
    return [label for key, label in LOCAL_POLICY_CIRCUMSTANCES.items() if key in always]


def criteria_result(rapid_review: RapidReview) -> Assessment | None:
    """The local review policy's answer for the rapid review, once its questions are answered."""
    case = criteria_case(rapid_review)
    if case is None:
        return None
    return assess(case, local_review_policy(rapid_review.partnership).always_review)


def statutory_considerations_of(rapid_review: RapidReview) -> StatutoryConsiderations:
    return statutory_considerations(
        answers={key: getattr(rapid_review, key) for key in REGULATION_11},
        have_regard_to=[key for key in HAVE_REGARD_TO if getattr(rapid_review, key)],
    )


def statutory_partners_signing(partnership, sign_offs) -> list[StatutoryPartner]:
    """Each statutory partner of the partnership, its partner leads and whether it has signed."""
    leads = User.objects.filter(
        role_assignments__partnership=partnership,
        role_assignments__role=Role.PARTNER_LEAD,
        is_active=True,
        organisation__isnull=False,
    ).distinct()
    leads_by_organisation: dict[int, list[str]] = {}
    for lead in leads.order_by("full_name"):
        leads_by_organisation.setdefault(lead.organisation_id, []).append(str(lead))
    answers: dict[int, set[bool]] = {}
    for sign_off in sign_offs:
        answers.setdefault(sign_off.organisation_id, set()).add(sign_off.agrees)
    partners = Organisation.objects.filter(
        partnership=partnership, standing=Organisation.Standing.STATUTORY_PARTNER
    ).active()
    return [
        StatutoryPartner(
            name=organisation.name,
            leads=tuple(leads_by_organisation.get(organisation.pk, ())),
            agrees=None
            if organisation.pk not in answers
            else False not in answers[organisation.pk],
        )
        for organisation in partners
    ]


def local_policy_departures(partnership, *, start: date, end: date) -> QuerySet[RapidReview]:
    """Rapid review decisions against the local review policy, decided from `start` to `end`
    inclusive, for the yearly report."""
    return (
        RapidReview.objects.filter(
            partnership=partnership,
            departs_from_local_policy=True,
            decided_at__date__gte=start,
            decided_at__date__lte=end,
        )
        .select_related("notification")
        .order_by("decided_at", "id")
    )


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

"""Factories for review records. Every name and case is plainly fictional."""

import factory
from factory.django import DjangoModelFactory

from partnership.tests.factories import PartnershipFactory, PersonFactory
from reviews.models import LearningReferral


class LearningReferralFactory(DjangoModelFactory):
    class Meta:
        model = LearningReferral

    partnership = factory.SubFactory(PartnershipFactory)
    reference = factory.Sequence(lambda n: f"TEST-LR-2026-{n:03d}")
    title = "Child R: missed school health appointments"
    what_happened = "Child R missed three health appointments; no agency followed up."
    agencies_involved = "School nursing, children's services"
    why_learning = "Information was not shared between agencies."
    child_voice = "Child R told the school nurse they were worried about home."
    referred_by = factory.SubFactory(
        PersonFactory, partnership=factory.SelfAttribute("..partnership")
    )


# Regulation 11 (a) to (d) answered, as every decided rapid review has them.
REGULATION_11_ANSWERED = {
    "highlights_improvements": True,
    "highlights_recurrent_themes": False,
    "highlights_interagency_concerns": True,
    "panel_considered_local_review": False,
}


def notification_for(cast, *, by=None, aware=None, **values):
    """A serious incident notification (and its rapid review) in the cast's partnership."""
    from datetime import date

    from reviews import services

    aware = aware or date(2026, 3, 2)
    return services.notification_create(
        partnership=cast.partnership,
        incident_summary=values.get(
            "incident_summary", "Child R was found seriously injured at home."
        ),
        incident_date=values.get("incident_date", aware),
        aware_date=aware,
        notified_date=values.get("notified_date"),
        by=by or cast.officer,
    )


def lcspr_for(cast, *, with_reviewer=True):
    """An LCSPR opened from a rapid review decided by its partners; the cast's reviewer assigned."""
    from reviews import services, services_reviews
    from reviews.models import RapidReview, Review, ReviewerAssignment

    rapid_review = notification_for(cast).rapid_review
    RapidReview.objects.filter(pk=rapid_review.pk).update(
        abuse_or_neglect="known",
        seriously_harmed=True,
        interagency_concerns="concerns",
        **REGULATION_11_ANSWERED,
    )
    rapid_review.refresh_from_db()
    services.rapid_review_decide(
        rapid_review=rapid_review,
        decision=RapidReview.Decision.LCSPR,
        national_review_recommended=False,
        rationale="Criterion (b)(ii) met.",
        learning_identified="Information sharing between health and police.",
        alternative_learning="",
        by=cast.officer,
    )
    review = services_reviews.review_open(
        partnership=cast.partnership,
        review_type=Review.Type.LCSPR,
        title="Child R",
        rapid_review=rapid_review,
        by=cast.officer,
    )
    review.organisations_under_review.set([cast.council, cast.police])
    if with_reviewer:
        services_reviews.reviewer_assign(
            review=review,
            person=cast.reviewer,
            role=ReviewerAssignment.Role.INDEPENDENT_REVIEWER,
            involved_with=[],
            involved_in_case=False,
            statement="No conflict of interest.",
            by=cast.officer,
        )
    return review


def chronology_request_for(cast, review=None):
    from datetime import timedelta

    from django.utils import timezone

    from reviews import services
    from reviews.models import AgencyRequest

    review = review or lcspr_for(cast)
    return services.agency_request_send(
        review=review,
        organisation=cast.hospital,
        kind=AgencyRequest.Kind.CHRONOLOGY,
        due_date=timezone.localdate() + timedelta(days=14),
        details="Your agency's contact with Child R from 2025.",
        by=cast.officer,
    )


def partner_leads_of_every_statutory_partner(cast) -> list:
    """The cast's partner lead (the police) and a partner lead for the council: together they
    sign for every statutory partner of the cast's partnership."""
    from partnership.models import Role, User
    from partnership.tests.factories import PersonFactory

    council_lead = User.objects.filter(email="council_lead@test.example").first() or PersonFactory(
        email="council_lead@test.example",
        full_name="Council Lead Testperson",
        partnership=cast.partnership,
        organisation=cast.council,
        roles=[Role.PARTNER_LEAD],
    )
    return [cast.partner_lead, council_lead]

"""Who sees which review records: the business unit and partner leads see their partnership's
case work; referrers see their own referrals; reviewers only the reviews they are assigned to;
agency contributors only the requests addressed to their organisation."""

from django.db import models

from partnership.models import Role
from partnership.querysets import PartnershipRecordQuerySet

# People who oversee all of a partnership's case work (and so may see it).
CASE_OVERSIGHT = frozenset(
    {Role.BUSINESS_UNIT_MANAGER, Role.BUSINESS_UNIT_OFFICER, Role.PARTNER_LEAD}
)


def _oversight_ids(user) -> list[int]:
    from partnership import access

    return access.partnership_ids(user, CASE_OVERSIGHT)


class CaseWorkQuerySet(PartnershipRecordQuerySet):
    """Seen by the business unit and partner leads; changed by the business unit."""

    @classmethod
    def scoped_by(cls, lookup: str) -> type["CaseWorkQuerySet"]:
        """The same rule for a record that reaches its partnership through `lookup`."""
        return type(f"{cls.__name__}By{lookup.title()}", (cls,), {"partnership_lookup": lookup})

    def visible_to(self, user):
        return self.filter(**{f"{self.partnership_lookup}__in": _oversight_ids(user)})


class LearningReferralQuerySet(CaseWorkQuerySet):
    def visible_to(self, user):
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            models.Q(partnership__in=_oversight_ids(user)) | models.Q(referred_by=user)
        )


class ReviewQuerySet(CaseWorkQuerySet):
    def visible_to(self, user):
        from partnership import access
        from reviews.models import ReviewerAssignment

        if not getattr(user, "is_authenticated", False):
            return self.none()
        # A subquery rather than a join, so that the list needs no DISTINCT over every review.
        assigned = ReviewerAssignment.objects.filter(
            person=user,
            removed_at__isnull=True,
            review__partnership__in=access.partnership_ids(user, {Role.INDEPENDENT_REVIEWER}),
        ).values("review")
        return self.filter(
            models.Q(partnership__in=_oversight_ids(user)) | models.Q(pk__in=assigned)
        )


class ReviewPartQuerySet(CaseWorkQuerySet):
    """Records inside a review (milestones, chronology, events, drafts): seen with the review."""

    partnership_lookup = "review__partnership"

    def visible_to(self, user):
        from reviews.models import Review

        return self.filter(review__in=Review.objects.visible_to(user).values("pk"))


class AgencyRequestQuerySet(CaseWorkQuerySet):
    def visible_to(self, user):
        from partnership import access
        from reviews.models import Review

        if not getattr(user, "is_authenticated", False):
            return self.none()
        contributor_in = access.partnership_ids(user, {Role.AGENCY_CONTRIBUTOR})
        own = models.Q(
            partnership__in=contributor_in,
            organisation_id=user.organisation_id,
            organisation__isnull=False,
        )
        of_my_reviews = models.Q(review__in=Review.objects.visible_to(user).values("pk"))
        return self.filter(models.Q(partnership__in=_oversight_ids(user)) | own | of_my_reviews)

    def answerable_by(self, user):
        """Requests the person may answer: their own organisation's, as a contributor."""
        from partnership import access

        return self.filter(
            partnership__in=access.partnership_ids(user, {Role.AGENCY_CONTRIBUTOR}),
            organisation_id=user.organisation_id,
        )

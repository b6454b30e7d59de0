"""Single-agency assurance: the yearly section 11 self-assessment (Children Act 2004) of each partner
agency and the section 175 return (Education Act 2002) of schools, their challenge sessions, and
the summaries of audits an agency ran itself. The rules are in `audits/assurance.py`."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from audits import assurance
from core.models import Versioned
from partnership.querysets import PartnershipRecordQuerySet

Kind = models.TextChoices("Kind", [(key, (key, label)) for key, label in assurance.KINDS.items()])
Rating = models.TextChoices(
    "Rating", [(key, (key, label)) for key, label in assurance.RATINGS.items()]
)


class AssuranceStandard(Versioned):
    """One standard of the partnership's section 11 or section 175 self-assessment (configuration)."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="assurance_standards"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    evidence_required = models.BooleanField(
        default=True, help_text="Agencies must give evidence for their rating."
    )
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "kind", "title"], name="assurance_standard_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


def _member_of(user) -> list[int]:
    from audits import policy_assurance

    return policy_assurance.overseeing_group_ids(user)


class AssuranceRoundQuerySet(PartnershipRecordQuerySet):
    """Rounds: seen by the business unit and the overseeing sub-group, and by contributors of the
    agencies asked (who see only their own agency's self-assessment in it)."""

    def visible_to(self, user):
        from partnership import access
        from partnership.models import Role

        if not getattr(user, "is_authenticated", False):
            return self.none()
        asked = SelfAssessment.objects.filter(
            round__partnership__in=access.partnership_ids(user, {Role.AGENCY_CONTRIBUTOR}),
            organisation_id=user.organisation_id,
        ).values("round")
        return self.filter(
            models.Q(partnership__in=access.business_unit_partnership_ids(user))
            | models.Q(overseeing_group__in=_member_of(user))
            | models.Q(pk__in=asked)
        )


class AssuranceRound(models.Model):
    """A year's section 11 or section 175 self-assessment, sent to the agencies it asks."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="assurance_rounds"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    year = models.PositiveSmallIntegerField()
    due_date = models.DateField()
    overseeing_group = models.ForeignKey(
        "partnership.Group",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The sub-group that scrutinises the returns and sees them all.",
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)

    objects = AssuranceRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "kind", "year"], name="one_assurance_round_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{assurance.NAMES[self.kind]} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("audits:assurance_round", args=[self.pk])


class SelfAssessmentQuerySet(PartnershipRecordQuerySet):
    """An agency's self-assessment: its own contributors, the business unit and the sub-group."""

    partnership_lookup = "round__partnership"

    def visible_to(self, user):
        from partnership import access
        from partnership.models import Role

        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            models.Q(round__partnership__in=access.business_unit_partnership_ids(user))
            | models.Q(round__overseeing_group__in=_member_of(user))
            | models.Q(
                round__partnership__in=access.partnership_ids(user, {Role.AGENCY_CONTRIBUTOR}),
                organisation_id=user.organisation_id,
            )
        )


class SelfAssessment(Versioned):
    """One agency's answer to a round: a rating, evidence and actions per standard."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        SUBMITTED = "submitted", "Submitted"
        CHALLENGED = "challenged", "Challenge session held"

    round = models.ForeignKey(
        AssuranceRound, on_delete=models.CASCADE, related_name="self_assessments"
    )
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REQUESTED)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    challenged_on = models.DateField(null=True, blank=True)
    challenge_summary = models.TextField(blank=True)

    objects = SelfAssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"], name="one_self_assessment_per_agency"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.round}"

    @property
    def partnership(self):
        return self.round.partnership

    @property
    def partnership_id(self) -> int:
        return self.round.partnership_id

    def get_absolute_url(self) -> str:
        return reverse("audits:self_assessment", args=[self.pk])


class StandardRating(models.Model):
    """An agency's rating of one standard, and the partnership's view from the challenge session."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="ratings")
    standard = models.ForeignKey(AssuranceStandard, on_delete=models.PROTECT, related_name="+")
    rating = models.CharField(max_length=8, choices=Rating.choices)
    evidence = models.TextField(blank=True)
    actions = models.TextField(blank=True)
    partnership_rating = models.CharField(max_length=8, choices=Rating.choices, blank=True)
    partnership_comment = models.TextField(blank=True)

    class Meta:
        ordering = ["standard__position", "standard_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "standard"], name="one_rating_per_standard"
            )
        ]

    def __str__(self) -> str:
        return f"{self.standard}: {self.get_rating_display()}"


class AgencyAuditSummaryQuerySet(PartnershipRecordQuerySet):
    """Seen by the business unit and group members, and by the submitting agency's contributors."""

    def visible_to(self, user):
        from partnership import access
        from partnership.models import Role

        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            models.Q(
                partnership__in=access.partnership_ids(
                    user, {*access.BUSINESS_UNIT, Role.GROUP_MEMBER}
                )
            )
            | models.Q(
                partnership__in=access.partnership_ids(user, {Role.AGENCY_CONTRIBUTOR}),
                organisation_id=user.organisation_id,
            )
        )


class AgencyAuditSummary(models.Model):
    """An audit an agency ran itself, summarised so the partnership sees assurance it did not run."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="agency_audit_summaries"
    )
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(max_length=200)
    audited_on = models.DateField()
    cases = models.PositiveIntegerField()
    headline_findings = models.TextField()
    outstanding = models.PositiveIntegerField(default=0)
    good = models.PositiveIntegerField(default=0)
    requires_improvement = models.PositiveIntegerField(default=0)
    inadequate = models.PositiveIntegerField(default=0)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)

    objects = AgencyAuditSummaryQuerySet.as_manager()

    class Meta:
        ordering = ["-audited_on", "-id"]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("audits:agency_audit", args=[self.pk])

    @property
    def grades(self) -> list[tuple[str, int]]:
        return [(label, getattr(self, name)) for name, label in assurance.GRADES]

    @property
    def ungraded(self) -> int:
        return self.cases - sum(count for _, count in self.grades)

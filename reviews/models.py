"""Reviews: learning referrals, serious incident notifications, rapid reviews, LCSPRs and other
case reviews (framework components 1 and 2)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse

from core.models import Versioned
from reviews.querysets import LearningReferralQuerySet


class LearningReferral(Versioned):
    """A practitioner's referral of a case or an area of practice for learning (principle 1)."""

    class Status(models.TextChoices):
        AWAITING_TRIAGE = "awaiting_triage", "Awaiting triage"
        TRIAGED = "triaged", "Triaged"

    class Outcome(models.TextChoices):
        RAPID_REVIEW = "rapid_review", "Serious incident notification and rapid review"
        CASE_REVIEW = "case_review", "Non-statutory case review"
        AUDIT = "audit", "Multi-agency audit programme"
        NO_FURTHER_ACTION = "no_further_action", "No further action"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="learning_referrals"
    )
    reference = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=200)
    what_happened = models.TextField()
    agencies_involved = models.TextField()
    why_learning = models.TextField()
    child_voice = models.TextField(blank=True)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="learning_referrals"
    )
    referred_at = models.DateTimeField(auto_now_add=True)
    # The record that gave rise to the referral, if any (for example a child death).
    origin_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    origin_id = models.PositiveBigIntegerField(null=True, blank=True)
    origin = GenericForeignKey("origin_type", "origin_id")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AWAITING_TRIAGE)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_reason = models.TextField(blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    triaged_at = models.DateTimeField(null=True, blank=True)

    objects = LearningReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-referred_at", "-id"]
        indexes = [models.Index(fields=["partnership", "status"])]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:referral_detail", args=[self.pk])

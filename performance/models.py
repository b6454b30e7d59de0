"""The performance management framework: an indicator catalogue, quarterly values, imports and scrutiny."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse

from core.models import TableImport, Versioned
from partnership.querysets import PartnershipRecordQuerySet
from performance import periods


class PerformanceQuerySet(PartnershipRecordQuerySet):
    """Aggregate figures, no child's details: seen by the business unit, partner leads and group members."""

    partnership_lookup = "partnership"

    def visible_to(self, user):
        from performance.policy import reader_partnership_ids

        return self.filter(**{f"{self.partnership_lookup}__in": reader_partnership_ids(user)})


class ImportQuerySet(PartnershipRecordQuerySet):
    """Uploaded files may hold figures not yet checked: only the business unit sees them."""

    def visible_to(self, user):
        return self.editable_by(user)


class Indicator(Versioned):
    class Unit(models.TextChoices):
        COUNT = "count", "Count"
        PERCENTAGE = "percentage", "Percentage"
        RATE_PER_10000 = "rate_per_10000", "Rate per 10,000 children"
        DAYS = "days", "Days"

    class Polarity(models.TextChoices):
        HIGHER_IS_BETTER = "higher_is_better", "Higher is better"
        LOWER_IS_BETTER = "lower_is_better", "Lower is better"
        NEITHER = "neither", "Neither (context)"

    class Theme(models.TextChoices):
        # The DfE Children's Safeguarding Performance Information Framework (2012) themes, plus local ones.
        OUTCOMES = "outcomes", "Outcomes for children and families"
        CHILD_PROTECTION_ACTIVITY = (
            "child_protection_activity",
            "Child protection activity, including early help",
        )
        DECISION_QUALITY = "decision_quality", "Quality and timeliness of decisions"
        PLAN_QUALITY = "plan_quality", "Quality of child protection plans"
        WORKFORCE = "workforce", "Workforce"
        LOCAL_PRIORITY = "local_priority", "Local priorities"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="indicators"
    )
    code = models.CharField(max_length=20, help_text="A short code used in data files, e.g. CP01.")
    title = models.CharField(max_length=200)
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=16, choices=Unit.choices)
    polarity = models.CharField(max_length=20, choices=Polarity.choices)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    tolerance = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        default=0,
        help_text="How far from the target is amber rather than red, in the indicator's unit.",
    )
    supplier = models.CharField(
        max_length=200, blank=True, help_text="The agency that supplies the figure."
    )
    theme = models.CharField(max_length=32, choices=Theme.choices)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = PerformanceQuerySet.as_manager()

    class Meta:
        ordering = ["theme", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "code"], name="indicator_code_unique_in_partnership"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("performance:indicator_detail", args=[self.pk])

    @property
    def learning_title(self) -> str:
        return f"Performance indicator {self.code}: {self.title}"

    @property
    def learning_reference(self) -> str:
        return f"{self.partnership.short_name}-PI-{self.code}"

    @property
    def has_fraction(self) -> bool:
        """Percentages and rates are computed from a numerator and a denominator, not typed."""
        return self.unit in (self.Unit.PERCENTAGE, self.Unit.RATE_PER_10000)

    @property
    def is_additive(self) -> bool:
        """The partnership figure is the areas' sum (counts) or their summed fraction; days are entered."""
        return self.unit != self.Unit.DAYS


class Observation(models.Model):
    """One figure: an indicator's value for an area (or the whole partnership) in a quarter."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="observations")
    # Blank for a partnership-wide figure entered because it cannot be added up from the areas.
    area = models.ForeignKey(
        "partnership.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    period = models.PositiveIntegerField(help_text="The quarter's index (see performance.periods).")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    numerator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    note = models.CharField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PerformanceQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "period", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "period"],
                condition=models.Q(area__isnull=False),
                name="one_value_per_indicator_area_quarter",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period"],
                condition=models.Q(area__isnull=True),
                name="one_partnership_value_per_indicator_quarter",
            ),
        ]
        indexes = [models.Index(fields=["partnership", "period"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {periods.label(self.period)}"


def import_path(instance: "PerformanceImport", filename: str) -> str:
    # A random name: the original is kept in the database, never trusted as a path. The suffix,
    # checked to be .csv or .xlsx on upload, stays because the spreadsheet reader goes by it.
    suffix = ".xlsx" if filename.lower().endswith(".xlsx") else ".csv"
    return f"performance-imports/{instance.partnership_id}/{uuid.uuid4().hex}{suffix}"


class PerformanceImport(TableImport):
    """An uploaded file of quarterly values: previewed, then applied all at once or not at all."""

    class Status(models.TextChoices):
        CHECKING = "checking", "Checking the file"
        PREVIEWED = "previewed", "Ready to apply"
        INVALID = "invalid", "Has errors"
        APPLYING = "applying", "Applying"
        APPLIED = "applied", "Applied"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(upload_to=import_path)
    status = models.CharField(max_length=16, choices=Status.choices)
    summary = models.JSONField(default=dict, blank=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    objects = ImportQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"Import of {self.original_name}"

    @property
    def is_working(self) -> bool:
        return self.status in (self.Status.CHECKING, self.Status.APPLYING)


class Scrutiny(models.Model):
    """The Quality and Performance group's question about an indicator or a quarter, and what came of it."""

    class Outcome(models.TextChoices):
        NO_ACTION = "no_action", "No further action"
        FINDING = "finding", "A finding for the learning spine"
        AUDIT = "audit", "A proposal for a multi-agency audit"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    period = models.PositiveIntegerField()
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.PROTECT, related_name="scrutinies"
    )
    area = models.ForeignKey(
        "partnership.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    question = models.TextField()
    asked_of = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    answer = models.TextField(blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = PerformanceQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name_plural = "scrutinies"

    def __str__(self) -> str:
        subject = self.indicator.code if self.indicator_id else "the quarter"
        return f"Scrutiny of {subject}, {periods.label(self.period)}"

    def get_absolute_url(self) -> str:
        return reverse("performance:scrutiny_detail", args=[self.pk])

    @property
    def quarter(self) -> str:
        return periods.label(self.period)

    @property
    def learning_title(self) -> str:
        return str(self)

    @property
    def learning_reference(self) -> str:
        return f"{self.partnership.short_name}-PS-{self.pk}"


class AuditProposal(models.Model):
    """A proposed multi-agency audit arising from scrutiny, tracked until the audit programme takes it up."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        ACCEPTED = "accepted", "Taken into the audit programme"
        DECLINED = "declined", "Declined"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    scrutiny = models.OneToOneField(
        Scrutiny, on_delete=models.PROTECT, related_name="audit_proposal"
    )
    title = models.CharField(max_length=200)
    focus = models.TextField(help_text="The practice the audit should look at, and why.")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)

    objects = PerformanceQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("performance:scrutiny_detail", args=[self.scrutiny_id])

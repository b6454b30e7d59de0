"""The partnership's yearly report: one per 12 months, assembled from the records when read, with
the business unit's narrative beside each section, signed off by every statutory partner and
published through the publication gate (see `sections.py` for the statutory basis)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.models import Versioned
from partnership.querysets import PartnershipRecordQuerySet
from yearly_report import sections


class YearlyReport(Versioned):
    """A draft until published; its version rises with every change of narrative, and a partner's
    sign-off counts only for the version signed."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="yearly_reports"
    )
    start_year = models.PositiveSmallIntegerField(
        help_text="The year the 12 months begin: 2025 for 1 April 2025 to 31 March 2026."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    publication = models.OneToOneField(
        "learning.Publication",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="yearly_report",
    )
    sent_on = models.DateField(
        null=True, blank=True, help_text="Sent to the national panel, Foundations and the DfE."
    )

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-start_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "start_year"], name="one_yearly_report_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"Yearly report {self.label}"

    def get_absolute_url(self) -> str:
        return reverse("yearly_report:report_detail", args=[self.pk])

    @property
    def label(self) -> str:
        return sections.label(self.start_year)

    @property
    def period(self):
        return sections.period(self.start_year)


class NarrativeQuerySet(PartnershipRecordQuerySet):
    partnership_lookup = "report__partnership"


class Narrative(Versioned):
    """What the business unit writes beside one section of a report (its history: the audit
    trail's narrative versions, `core.models.NarrativeVersion`)."""

    report = models.ForeignKey(YearlyReport, on_delete=models.CASCADE, related_name="narratives")
    section = models.CharField(
        max_length=32, choices=[(section.key, section.title) for section in sections.SECTIONS]
    )
    text = models.TextField(blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    objects = NarrativeQuerySet.as_manager()

    class Meta:
        ordering = ["report", "section"]
        constraints = [
            models.UniqueConstraint(fields=["report", "section"], name="one_narrative_per_section")
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.get_section_display()}"

    @property
    def partnership_id(self) -> int:
        return self.report.partnership_id


class SignOff(models.Model):
    """One partner lead's sign-off of one version of a report, for their statutory partner."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    report = models.ForeignKey(YearlyReport, on_delete=models.CASCADE, related_name="sign_offs")
    report_version = models.PositiveIntegerField()
    partner_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    agrees = models.BooleanField(default=True)
    comment = models.TextField(blank=True)
    signed_at = models.DateTimeField(default=timezone.now)

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["signed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "report_version", "partner_lead"],
                name="one_yearly_report_sign_off_each",
            )
        ]

    def __str__(self) -> str:
        return f"Signed off by {self.partner_lead}"

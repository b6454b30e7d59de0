"""Moderation of a multi-agency case audit (the meeting, each case discussed, the moderated grades
beside the agencies' own, the actions agreed) and the audit's report with what it found."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from audits.models import Grade
from core.models import Versioned
from partnership.querysets import PartnershipRecordQuerySet


class ModerationQuerySet(PartnershipRecordQuerySet):
    """Moderation goes case by case: the business unit, who runs and records it, sees it."""

    partnership_lookup = "audit__partnership"

    def visible_to(self, user):
        return self.editable_by(user)


class ModerationMeeting(Versioned):
    """The multi-agency meeting that discusses each case and moderates the agencies' own grades."""

    audit = models.ForeignKey(
        "audits.Audit", on_delete=models.PROTECT, related_name="moderation_meetings"
    )
    held_on = models.DateField()
    attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    other_attendees = models.TextField(
        blank=True, help_text="Anyone present without an account, with their agency."
    )
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ModerationQuerySet.as_manager()

    class Meta:
        ordering = ["audit", "held_on", "id"]

    def __str__(self) -> str:
        return f"Moderation meeting of {self.held_on:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("audits:moderation_detail", args=[self.pk])

    @property
    def partnership_id(self) -> int:
        return self.audit.partnership_id


class CaseDiscussion(models.Model):
    """What the moderation meeting said of one case, and the case's moderated overall grade."""

    meeting = models.ForeignKey(
        ModerationMeeting, on_delete=models.CASCADE, related_name="discussions"
    )
    case = models.OneToOneField(
        "audits.AuditCase", on_delete=models.PROTECT, related_name="discussion"
    )
    summary = models.TextField()
    overall_grade = models.PositiveSmallIntegerField(choices=Grade.choices)
    overall_reason = models.TextField(
        blank=True, help_text="Why the moderated overall grade differs from the auditor's."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case__reference"]

    def __str__(self) -> str:
        return f"{self.case} at the {self.meeting}"


class ModeratedGrade(models.Model):
    """The meeting's grade of one agency's involvement in a case, beside the agency's own."""

    discussion = models.ForeignKey(CaseDiscussion, on_delete=models.CASCADE, related_name="grades")
    request = models.OneToOneField(
        "audits.AuditRequest", on_delete=models.PROTECT, related_name="moderated_grade"
    )
    # The agency's own grade as it stood when moderated, so the two stay side by side.
    agency_grade = models.PositiveSmallIntegerField(choices=Grade.choices, null=True, blank=True)
    grade = models.PositiveSmallIntegerField(choices=Grade.choices)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["discussion", "request__organisation__name"]

    def __str__(self) -> str:
        return f"{self.request}: {self.get_grade_display()}"

    @property
    def changed(self) -> bool:
        return self.agency_grade is not None and self.grade != self.agency_grade


class ModerationAction(models.Model):
    """An action the moderation meeting agreed, kept in the spine (`learning.Action`)."""

    meeting = models.ForeignKey(
        ModerationMeeting, on_delete=models.CASCADE, related_name="actions_agreed"
    )
    action = models.OneToOneField(
        "learning.Action", on_delete=models.PROTECT, related_name="moderation"
    )

    class Meta:
        ordering = ["meeting", "id"]

    def __str__(self) -> str:
        return f"{self.action.reference} agreed at the {self.meeting}"


class ReportQuerySet(PartnershipRecordQuerySet):
    """An audit's report is read by whoever reads the programme."""

    partnership_lookup = "audit__partnership"

    def visible_to(self, user):
        from audits import policy

        return self.filter(
            **{f"{self.partnership_lookup}__in": policy.reader_partnership_ids(user)}
        )


class AuditReport(Versioned):
    """The report of an audit: its summary, with the grades, findings and comparison drawn from
    the audit's records and the spine."""

    audit = models.OneToOneField("audits.Audit", on_delete=models.PROTECT, related_name="report")
    summary = models.TextField(help_text="What the audit found, in a few paragraphs.")
    re_audit_due_on = models.DateField(
        null=True, blank=True, help_text="When the audit should be done again."
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Report of {self.audit}"

    def get_absolute_url(self) -> str:
        return reverse("audits:report", args=[self.audit_id])

    @property
    def partnership_id(self) -> int:
        return self.audit.partnership_id


class ReportPoint(models.Model):
    """Good practice or an area for development the report names, kept in the spine as a finding
    (an area for development with its recommendation), with the child's voice where it bears."""

    class Kind(models.TextChoices):
        GOOD_PRACTICE = "good_practice", "Good practice"
        AREA_FOR_DEVELOPMENT = "area_for_development", "Area for development"

    report = models.ForeignKey(AuditReport, on_delete=models.CASCADE, related_name="points")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    finding = models.OneToOneField(
        "learning.Finding", on_delete=models.PROTECT, related_name="audit_report_point"
    )
    recommendation = models.OneToOneField(
        "learning.Recommendation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_report_point",
    )

    class Meta:
        ordering = ["report", "kind", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.finding.title}"

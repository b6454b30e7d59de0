"""The inspection register: inspections of the partnership's area and agencies, their judgements and
what they found, which becomes findings and recommendations in the learning spine."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.models import Versioned
from inspections import deadlines
from partnership.querysets import PartnershipRecordQuerySet


class InspectionQuerySet(PartnershipRecordQuerySet):
    """Inspections and their action plans: read by the business unit, partner leads and group members."""

    def visible_to(self, user):
        from inspections import policy

        return self.filter(
            **{f"{self.partnership_lookup}__in": policy.reader_partnership_ids(user)}
        )


class Inspection(Versioned):
    class Kind(models.TextChoices):
        ILACS_STANDARD = deadlines.ILACS_STANDARD, "ILACS standard inspection"
        ILACS_SHORT = deadlines.ILACS_SHORT, "ILACS short inspection"
        FOCUSED_VISIT = deadlines.FOCUSED_VISIT, "Focused visit"
        MONITORING_VISIT = deadlines.MONITORING_VISIT, "Monitoring visit"
        JTAI = deadlines.JTAI, "Joint targeted area inspection (JTAI)"
        PARTNER = "partner", "Inspection of a partner agency"

    class Inspectorate(models.TextChoices):
        OFSTED = "ofsted", "Ofsted"
        JOINT = "joint", "Ofsted, CQC, HMICFRS and HMI Probation (joint)"
        CQC = "cqc", "Care Quality Commission (CQC)"
        HMICFRS = "hmicfrs", "HMICFRS"
        HMI_PROBATION = "hmi_probation", "HMI Probation"

    class JtaiTheme(models.TextChoices):
        FRONT_DOOR = "front_door", "The front door: identification of initial need and risk"
        DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
        CHILD_SEXUAL_ABUSE = "child_sexual_abuse", "Child sexual abuse in the family environment"
        CRIMINAL_EXPLOITATION = "criminal_exploitation", "Criminal exploitation"
        SERIOUS_YOUTH_VIOLENCE = "serious_youth_violence", "Serious youth violence"
        DISABLED_CHILDREN = "disabled_children", "Children with disabilities"

    class Status(models.TextChoices):
        NOTIFIED = "notified", "Notified"
        ON_SITE = "on_site", "On site"
        AWAITING_REPORT = "awaiting_report", "Awaiting the report"
        REPORT_RECEIVED = "report_received", "Report received: action plan in preparation"
        PLAN_SUBMITTED = "plan_submitted", "Action plan submitted: in progress"
        CLOSED = "closed", "Closed"

    # ILACS inspections that carry the four-point judgements.
    JUDGED_KINDS = (Kind.ILACS_STANDARD, Kind.ILACS_SHORT)

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="inspections"
    )
    number = models.PositiveIntegerField(editable=False)
    kind = models.CharField(max_length=32, choices=Kind.choices)
    inspectorate = models.CharField(max_length=32, choices=Inspectorate.choices)
    jtai_theme = models.CharField(max_length=32, choices=JtaiTheme.choices, blank=True)
    area = models.ForeignKey(
        "partnership.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The local authority area inspected, for ILACS inspections and JTAIs.",
    )
    inspected_body = models.CharField(max_length=200)
    notice_date = models.DateField(null=True, blank=True)
    on_site_from = models.DateField(null=True, blank=True)
    on_site_to = models.DateField(null=True, blank=True)
    report_received = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    priority_actions = models.BooleanField(
        default=False, help_text="The report names areas for priority action."
    )
    status = models.CharField(max_length=32, choices=Status.choices, default=Status.NOTIFIED)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = InspectionQuerySet.as_manager()

    class Meta:
        ordering = ["-on_site_from", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "number"], name="inspection_number_unique"
            )
        ]

    def __str__(self) -> str:
        when = f", {self.on_site_from:%B %Y}" if self.on_site_from else ""
        return f"{self.get_kind_display()} of {self.inspected_body}{when}"

    def get_absolute_url(self) -> str:
        return reverse("inspections:inspection_detail", args=[self.pk])

    @property
    def learning_title(self) -> str:
        return str(self)

    @property
    def learning_reference(self) -> str:
        return f"{self.partnership.short_name}-IN-{self.number:03d}"

    @property
    def learning_status(self) -> str:
        return self.get_status_display()

    @property
    def is_judged(self) -> bool:
        return self.kind in self.JUDGED_KINDS

    def action_plan_clock(self, jtai_working_days: int) -> deadlines.ActionPlanClock | None:
        """The action plan's due date once the report is received (None before)."""
        if self.report_received is None:
            return None
        return deadlines.action_plan_due(
            kind=self.kind,
            received=self.report_received,
            priority_actions=self.priority_actions,
            jtai_working_days=jtai_working_days,
        )


class Grade(models.IntegerChoices):
    """Ofsted's four-point scale; the number orders the grades for charts (higher is better)."""

    OUTSTANDING = 4, "Outstanding"
    GOOD = 3, "Good"
    REQUIRES_IMPROVEMENT = 2, "Requires improvement to be good"
    INADEQUATE = 1, "Inadequate"


class JudgementQuerySet(InspectionQuerySet):
    partnership_lookup = "inspection__partnership"


class Judgement(models.Model):
    class Aspect(models.TextChoices):
        OVERALL = "overall", "Overall effectiveness"
        LEADERS = (
            "leaders",
            "The impact of leaders on social work practice with children and families",
        )
        HELP_AND_PROTECTION = (
            "help_and_protection",
            "The experiences and progress of children who need help and protection",
        )
        IN_CARE = "in_care", "The experiences and progress of children in care"
        CARE_LEAVERS = "care_leavers", "The experiences and progress of care leavers"

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    aspect = models.CharField(max_length=32, choices=Aspect.choices)
    grade = models.PositiveSmallIntegerField(choices=Grade.choices)

    objects = JudgementQuerySet.as_manager()

    class Meta:
        ordering = ["inspection", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "aspect"], name="one_judgement_per_aspect"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_aspect_display()}: {self.get_grade_display()}"


class PointQuerySet(InspectionQuerySet):
    partnership_lookup = "inspection__partnership"


class InspectionPoint(models.Model):
    """One thing the report or letter says, kept in the spine as a finding (and a recommendation)."""

    class Kind(models.TextChoices):
        PRIORITY_ACTION = "priority_action", "Area for priority action"
        RECOMMENDATION = "recommendation", "Recommendation: what needs to improve"
        AREA_FOR_IMPROVEMENT = "area_for_improvement", "Area for improvement"
        STRENGTH = "strength", "Strength"

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="points")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    finding = models.OneToOneField(
        "learning.Finding", on_delete=models.PROTECT, related_name="inspection_point"
    )
    recommendation = models.OneToOneField(
        "learning.Recommendation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspection_point",
    )
    indicators = models.ManyToManyField(
        "performance.Indicator",
        blank=True,
        related_name="+",
        help_text="The performance indicators the action aims to move.",
    )

    objects = PointQuerySet.as_manager()

    class Meta:
        ordering = ["inspection", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.finding.title}"

    @property
    def needs_action(self) -> bool:
        return self.kind != self.Kind.STRENGTH


class SampleCaseQuerySet(PartnershipRecordQuerySet):
    """Sampled cases identify children: only the business unit sees them."""

    partnership_lookup = "inspection__partnership"

    def visible_to(self, user):
        return self.editable_by(user)


class SampleCase(models.Model):
    """A child's case the inspectors sampled (a JTAI audits them), named by the agency's reference only."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="sample_cases"
    )
    agency = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    case_reference = models.CharField(
        max_length=50, help_text="The agency's own case reference. Do not enter a name."
    )
    note = models.CharField(max_length=300, blank=True)

    objects = SampleCaseQuerySet.as_manager()

    class Meta:
        ordering = ["agency__name", "case_reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "agency", "case_reference"], name="sample_case_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} case {self.case_reference}"


class InspectionSetting(Versioned):
    """The partnership's local policy for inspections, held as configuration."""

    partnership = models.OneToOneField(
        "partnership.Partnership", on_delete=models.CASCADE, related_name="inspection_setting"
    )
    jtai_statement_working_days = models.PositiveSmallIntegerField(
        default=deadlines.JTAI_STATEMENT_OF_ACTION_WORKING_DAYS,
        help_text="Working days after a JTAI letter of findings to send the written statement of action.",
    )
    # The preparation checklist for the next inspection: when each was last brought up to date.
    self_evaluation_updated_on = models.DateField(null=True, blank=True)
    case_audits_updated_on = models.DateField(null=True, blank=True)
    evidence_library_updated_on = models.DateField(null=True, blank=True)

    CHECKLIST = (
        ("self_evaluation_updated_on", "Self-evaluation up to date"),
        ("case_audits_updated_on", "Multi-agency case audits of the areas inspected"),
        ("evidence_library_updated_on", "Evidence library ready for the inspectors"),
    )

    objects = PartnershipRecordQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Inspection settings of {self.partnership}"

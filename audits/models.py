"""Multi-agency case audits: the yearly programme, the audit tools, the cases audited and each
agency's return. An audit is a source of learning (its findings go into the spine)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from audits import periods
from core.models import Versioned
from learning.models import CaseIdentifiers
from partnership.querysets import PartnershipRecordQuerySet


class Grade(models.IntegerChoices):
    """The four-point scale auditors rate each agency's involvement on (statutory.md section 7); the
    number orders the grades (higher is better)."""

    OUTSTANDING = 4, "Outstanding"
    GOOD = 3, "Good"
    REQUIRES_IMPROVEMENT = 2, "Requires improvement"
    INADEQUATE = 1, "Inadequate"


class ProgrammeQuerySet(PartnershipRecordQuerySet):
    """The programme and its audits: read by the business unit, partner leads and group members."""

    def visible_to(self, user):
        from audits import policy

        return self.filter(
            **{f"{self.partnership_lookup}__in": policy.reader_partnership_ids(user)}
        )


class AuditProgramme(Versioned):
    """The partnership's audit programme for one financial year (April to March)."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="audit_programmes"
    )
    year = models.PositiveSmallIntegerField(
        help_text="The calendar year the financial year starts in (2026 for 2026 to 2027)."
    )
    summary = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "year"], name="one_programme_a_year")
        ]

    def __str__(self) -> str:
        return f"Audit programme {periods.year_label(self.year)}"

    def get_absolute_url(self) -> str:
        return reverse("audits:programme_detail", args=[self.pk])


class ToolQuerySet(PartnershipRecordQuerySet):
    """Tools are read by everyone who reads the programme or answers a request; changed by the
    business unit."""

    def visible_to(self, user):
        from audits import policy

        return self.filter(
            **{f"{self.partnership_lookup}__in": policy.tool_reader_partnership_ids(user)}
        )


class AuditTool(Versioned):
    """An audit tool: a named set of sections and questions, kept in versions so that an audit
    keeps the questions it started with."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="audit_tools"
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    is_standard = models.BooleanField(
        default=False, help_text="The standard multi-agency tool every partnership starts with."
    )
    copied_from = models.ForeignKey(
        "ToolVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="copies"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = ToolQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="audit_tool_name_unique")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("audits:tool_detail", args=[self.pk])


class ToolVersionQuerySet(ToolQuerySet):
    partnership_lookup = "tool__partnership"


class ToolVersion(models.Model):
    """One version of a tool's sections and questions; fixed once an audit uses it."""

    tool = models.ForeignKey(AuditTool, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ToolVersionQuerySet.as_manager()

    class Meta:
        ordering = ["tool", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["tool", "number"], name="one_tool_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.tool} (version {self.number})"

    @property
    def partnership_id(self) -> int:
        return self.tool.partnership_id

    @property
    def in_use(self) -> bool:
        return self.audits.exists()


class ToolSection(models.Model):
    """A section of a tool version; each records good practice, areas for development and
    recommendations beside its questions."""

    version = models.ForeignKey(ToolVersion, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="one_section_a_position")
        ]

    def __str__(self) -> str:
        return self.title


class ToolQuestion(models.Model):
    class Kind(models.TextChoices):
        YES_PARTLY_NO = "yes_partly_no", "Yes, partly, no or not applicable"
        GRADE = "grade", "A grade (outstanding, good, requires improvement, inadequate)"
        TEXT = "text", "Written answer"

    section = models.ForeignKey(ToolSection, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=500)
    kind = models.CharField(max_length=16, choices=Kind.choices)

    class Meta:
        ordering = ["section", "position"]
        constraints = [
            models.UniqueConstraint(fields=["section", "position"], name="one_question_a_position")
        ]

    def __str__(self) -> str:
        return self.text


class Audit(Versioned):
    """A planned multi-agency case audit in the programme, from planning to re-audit."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        CASE_SELECTION = "case_selection", "Case selection"
        AGENCY_RETURNS = "agency_returns", "Agency returns"
        MODERATION = "moderation", "Moderation"
        REPORT = "report", "Report"
        RE_AUDIT_DUE = "re_audit_due", "Re-audit due"

    class Prompt(models.TextChoices):
        AUDIT_PROPOSAL = "audit_proposal", "An audit proposal from performance scrutiny"
        REVIEW_RECOMMENDATION = "review_recommendation", "A review's recommendation"
        INSPECTION_FINDING = "inspection_finding", "An inspection finding"
        RECURRING_THEME = "recurring_theme", "A recurring theme"
        OTHER = "other", "Something else"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="audits"
    )
    programme = models.ForeignKey(AuditProgramme, on_delete=models.PROTECT, related_name="audits")
    number = models.PositiveIntegerField(editable=False)
    title = models.CharField(max_length=200)
    quarter = models.PositiveSmallIntegerField(
        choices=[(number, periods.quarter_label(number)) for number in periods.QUARTERS]
    )
    theme = models.ForeignKey(
        "learning.Theme", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    practice_focus = models.TextField(help_text="The practice the audit looks at.")
    scope = models.TextField(default=periods.DEFAULT_SCOPE)
    owner_group = models.ForeignKey("partnership.Group", on_delete=models.PROTECT, related_name="+")
    rationale = models.TextField(help_text="Why this audit was chosen.")
    prompt = models.CharField(max_length=32, choices=Prompt.choices)
    audit_proposal = models.ForeignKey(
        "performance.AuditProposal",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    prompting_recommendation = models.ForeignKey(
        "learning.Recommendation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    prompting_finding = models.ForeignKey(
        "learning.Finding", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    tool_version = models.ForeignKey(ToolVersion, on_delete=models.PROTECT, related_name="audits")
    re_audit_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="re_audits",
        help_text="The earlier audit this one looks at again.",
    )
    status = models.CharField(max_length=32, choices=Status.choices, default=Status.PLANNED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "quarter", "number"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "number"], name="audit_number_unique")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("audits:audit_detail", args=[self.pk])

    @property
    def learning_title(self) -> str:
        return f"Multi-agency case audit: {self.title}"

    @property
    def learning_reference(self) -> str:
        return f"{self.partnership.short_name}-AU-{self.number:03d}"

    @property
    def learning_status(self) -> str:
        return self.get_status_display()

    @property
    def learning_subjects(self):
        """The identifying details of every child whose case the audit looked at."""
        from learning.publication import combine

        return combine(
            identity.learning_subjects
            for identity in AuditCaseIdentity.objects.filter(case__audit=self)
        )


class CaseQuerySet(PartnershipRecordQuerySet):
    """An audit's cases: the business unit sees them all, an agency's contributors only the cases
    their agency was asked about. Readers of the programme see counts, not cases."""

    partnership_lookup = "audit__partnership"

    def visible_to(self, user):
        return self.filter(
            models.Q(**{f"{self.partnership_lookup}__in": _business_unit_ids(user)})
            | models.Q(pk__in=AuditRequest.objects.for_contributor(user).values("case"))
        )


def _business_unit_ids(user) -> list[int]:
    from partnership import access

    return access.business_unit_partnership_ids(user)


class AuditCase(models.Model):
    """A child's case selected for an audit, known everywhere by its pseudonymous reference."""

    class Selection(models.TextChoices):
        RANDOM = "random", "At random within the practice focus"
        CHOSEN = "chosen", "Chosen by the business unit"

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="cases")
    reference = models.CharField(max_length=40, editable=False)
    selection = models.CharField(max_length=16, choices=Selection.choices)
    overall_grade = models.PositiveSmallIntegerField(choices=Grade.choices, null=True, blank=True)
    selected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    selected_at = models.DateTimeField(default=timezone.now)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["audit", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "reference"], name="audit_case_reference")
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("audits:case_detail", args=[self.pk])

    @property
    def partnership_id(self) -> int:
        return self.audit.partnership_id

    @property
    def partnership(self):
        return self.audit.partnership

    @cached_property
    def asked_organisation_ids(self) -> frozenset[int]:
        """The agencies asked to audit their involvement in this case."""
        return frozenset(self.requests.values_list("organisation_id", flat=True))


class CaseIdentityQuerySet(CaseQuerySet):
    partnership_lookup = "case__audit__partnership"

    def visible_to(self, user):
        return self.filter(case__in=AuditCase.objects.visible_to(user).values("pk"))


class AuditCaseIdentity(CaseIdentifiers):
    """The one place an audited child's identifying details are kept; every view of them is audited."""

    case = models.OneToOneField(AuditCase, on_delete=models.CASCADE, related_name="identity")
    case_number = models.CharField(
        "Case number", max_length=50, help_text="The case's number in the agency's own records."
    )
    full_name = models.CharField("Child's full name", max_length=200, blank=True)
    date_of_birth = models.DateField("Date of birth", null=True, blank=True)

    objects = CaseIdentityQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "audit case identities"

    def __str__(self) -> str:
        return f"Identifying details of {self.case}"

    @property
    def learning_subjects(self):
        return self.identifier_subjects(
            names=[self.full_name] if self.full_name else [],
            dates_of_birth=[self.date_of_birth] if self.date_of_birth else [],
        )


class RequestQuerySet(PartnershipRecordQuerySet):
    """Requests to agencies: the business unit sees all of its partnership's, an agency's
    contributors only their own agency's."""

    def visible_to(self, user):
        return self.filter(
            models.Q(partnership__in=_business_unit_ids(user)) | self._own_agency(user)
        )

    def for_contributor(self, user):
        """The requests the person answers: their own agency's, as its contributor."""
        return self.filter(self._own_agency(user))

    @staticmethod
    def _own_agency(user) -> models.Q:
        from partnership import access
        from partnership.models import Role

        if not getattr(user, "organisation_id", None):
            return models.Q(pk__in=[])
        return models.Q(
            organisation_id=user.organisation_id,
            partnership__in=access.partnership_ids(user, {Role.AGENCY_CONTRIBUTOR}),
        )


class AuditRequest(Versioned):
    """One agency asked to audit its involvement in one case, with the tool of the audit."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        IN_PROGRESS = "in_progress", "In progress"
        RETURNED = "returned", "Returned"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(AuditCase, on_delete=models.PROTECT, related_name="requests")
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REQUESTED)
    grade = models.PositiveSmallIntegerField(
        choices=Grade.choices,
        null=True,
        blank=True,
        help_text="The agency's grade of its own involvement in the case.",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    returned_at = models.DateTimeField(null=True, blank=True)

    objects = RequestQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "organisation"], name="one_request_per_agency")
        ]

    def __str__(self) -> str:
        return f"{self.case}: {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("audits:request_detail", args=[self.pk])


class AnswerQuerySet(RequestQuerySet):
    partnership_lookup = "request__partnership"

    def visible_to(self, user):
        return self.filter(request__in=AuditRequest.objects.visible_to(user).values("pk"))


class Answer(models.Model):
    """An agency's answer to one question of the tool version its audit uses."""

    class Choice(models.TextChoices):
        YES = "yes", "Yes"
        PARTLY = "partly", "Partly"
        NO = "no", "No"
        NOT_APPLICABLE = "not_applicable", "Not applicable"

    request = models.ForeignKey(AuditRequest, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(ToolQuestion, on_delete=models.PROTECT, related_name="answers")
    choice = models.CharField(max_length=16, choices=Choice.choices, blank=True)
    grade = models.PositiveSmallIntegerField(choices=Grade.choices, null=True, blank=True)
    text = models.TextField(blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["request", "question__section__position", "question__position"]
        constraints = [
            models.UniqueConstraint(fields=["request", "question"], name="one_answer_a_question")
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.value}"

    @property
    def value(self) -> str:
        if self.question.kind == ToolQuestion.Kind.GRADE:
            return self.get_grade_display() if self.grade else ""
        if self.question.kind == ToolQuestion.Kind.YES_PARTLY_NO:
            return self.get_choice_display()
        return self.text


class SectionReturn(models.Model):
    """What an agency records for one section of the tool: good practice, areas for development
    and recommendations."""

    request = models.ForeignKey(
        AuditRequest, on_delete=models.CASCADE, related_name="section_returns"
    )
    section = models.ForeignKey(ToolSection, on_delete=models.PROTECT, related_name="returns")
    good_practice = models.TextField(blank=True)
    areas_for_development = models.TextField(blank=True)
    recommendations = models.TextField(blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["request", "section__position"]
        constraints = [
            models.UniqueConstraint(fields=["request", "section"], name="one_return_a_section")
        ]

    def __str__(self) -> str:
        return f"{self.request}: {self.section}"


# Single-agency assurance (section 11 and section 175) keeps its models in their own module.
from audits.models_assurance import (  # noqa: E402, F401
    AgencyAuditSummary,
    AssuranceRound,
    AssuranceStandard,
    SelfAssessment,
    StandardRating,
)

# Moderation and the report keep their models in their own module.
from audits.models_moderation import (  # noqa: E402, F401
    AuditReport,
    CaseDiscussion,
    ModeratedGrade,
    ModerationAction,
    ModerationMeeting,
    ReportPoint,
)

"""Child death review: notification, information gathering, the panel and its analysis.

Identifying details of the child live only in `ChildIdentity`; everywhere else a death is its
reference and pseudonym ("TTSCP-CD-2026-004", "Child D").
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from child_deaths import access as death_access
from child_deaths import rules
from core.models import Versioned
from learning.models import CaseIdentifiers
from partnership.querysets import PartnershipRecordQuerySet


class DeathQuerySet(PartnershipRecordQuerySet):
    """Deaths (and records of a death) seen only by the owning business unit and the serving panel."""

    def visible_to(self, user):
        return self.filter(
            **{f"{self.partnership_lookup}__in": death_access.death_partnership_ids(user)}
        )

    def editable_by(self, user):
        return self.filter(
            **{f"{self.partnership_lookup}__in": death_access.death_editable_partnership_ids(user)}
        )

    def for_statistics(self, user):
        return self.filter(
            **{f"{self.partnership_lookup}__in": death_access.statistics_partnership_ids(user)}
        )


class DeathRecordQuerySet(DeathQuerySet):
    partnership_lookup = "child_death__partnership"


class ChildDeath(Versioned):
    class Status(models.TextChoices):
        NOTIFIED = "notified", "Notified"
        GATHERING = "gathering", "Gathering information"
        READY = "ready", "Ready for panel"
        REVIEWED = "reviewed", "Reviewed by panel"
        # A suspected stillbirth later confirmed: not a child death, so it leaves the review.
        LEFT_REVIEW = "left_review", "Confirmed stillbirth: left the review"

    class Expected(models.TextChoices):
        EXPECTED = "expected", "Expected"
        UNEXPECTED = "unexpected", "Unexpected"

    class Sex(models.TextChoices):
        FEMALE = "female", "Female"
        MALE = "male", "Male"
        INDETERMINATE = "indeterminate", "Indeterminate"
        NOT_KNOWN = "not_known", "Not known"

    class Ethnicity(models.TextChoices):
        # The 19 categories of the ONS 2021 census (England and Wales). Each code begins with the
        # key of its high-level group (rules.ETHNIC_GROUPS), the only grouping statistics use.
        ASIAN_BANGLADESHI = "asian_bangladeshi", "Bangladeshi"
        ASIAN_CHINESE = "asian_chinese", "Chinese"
        ASIAN_INDIAN = "asian_indian", "Indian"
        ASIAN_PAKISTANI = "asian_pakistani", "Pakistani"
        ASIAN_OTHER = "asian_other", "Any other Asian background"
        BLACK_AFRICAN = "black_african", "African"
        BLACK_CARIBBEAN = "black_caribbean", "Caribbean"
        BLACK_OTHER = "black_other", "Any other Black, Black British, or Caribbean background"
        MIXED_WHITE_ASIAN = "mixed_white_asian", "White and Asian"
        MIXED_WHITE_BLACK_AFRICAN = "mixed_white_black_african", "White and Black African"
        MIXED_WHITE_BLACK_CARIBBEAN = "mixed_white_black_caribbean", "White and Black Caribbean"
        MIXED_OTHER = "mixed_other", "Any other Mixed or Multiple ethnic background"
        WHITE_BRITISH = (
            "white_british",
            "English, Welsh, Scottish, Northern Irish or British",
        )
        WHITE_IRISH = "white_irish", "Irish"
        WHITE_GYPSY_TRAVELLER = "white_gypsy_traveller", "Gypsy or Irish Traveller"
        WHITE_ROMA = "white_roma", "Roma"
        WHITE_OTHER = "white_other", "Any other White background"
        OTHER_ARAB = "other_arab", "Arab"
        OTHER_ANY = "other_any", "Any other ethnic group"
        NOT_STATED = "not_stated", "Not stated"
        # Deaths notified before the full list was recorded only the high-level group; they keep
        # it rather than being given a category nobody chose. Never offered on the form.
        ASIAN_NOT_RECORDED = (
            "asian_not_recorded",
            "Asian, Asian British or Asian Welsh (category not recorded)",
        )
        BLACK_NOT_RECORDED = (
            "black_not_recorded",
            "Black, Black British, Black Welsh, Caribbean or African (category not recorded)",
        )
        MIXED_NOT_RECORDED = (
            "mixed_not_recorded",
            "Mixed or Multiple ethnic groups (category not recorded)",
        )
        WHITE_NOT_RECORDED = "white_not_recorded", "White (category not recorded)"
        OTHER_NOT_RECORDED = "other_not_recorded", "Other ethnic group (category not recorded)"

    class Residence(models.TextChoices):
        PARTNERSHIP_AREA = "partnership_area", "In an area of the partnership"
        ELSEWHERE_IN_ENGLAND = "elsewhere_in_england", "Elsewhere in England"
        OUTSIDE_ENGLAND = "outside_england", "Not resident in England"

    class Place(models.TextChoices):
        HOME = "home", "Usual residence"
        HOSPITAL = "hospital", "Hospital"
        HOSPICE = "hospice", "Hospice"
        PUBLIC_PLACE = "public_place", "Public place"
        OTHER = "other", "Other place"

    class JarStatus(models.TextChoices):
        NOT_NEEDED = "not_needed", "Not needed"
        NEEDED = "needed", "Needed, not yet started"
        STARTED = "started", "Started"
        COMPLETED = "completed", "Completed"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="child_deaths"
    )
    residence = models.CharField(
        max_length=24, choices=Residence.choices, default=Residence.PARTNERSHIP_AREA
    )
    area = models.ForeignKey(
        "partnership.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="child_deaths",
        help_text="Area where the child normally lived, when it is one of the partnership's; it "
        "decides the owning partnership.",
    )
    lived_elsewhere = models.CharField(
        max_length=200,
        blank=True,
        help_text="Local authority, or country, where a child from outside the partnership lived.",
    )
    reference = models.CharField(max_length=40, unique=True)
    pseudonym = models.CharField(max_length=20)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NOTIFIED)
    date_of_death = models.DateField(db_index=True)
    place_of_death = models.CharField(max_length=16, choices=Place.choices)
    expected = models.CharField(max_length=16, choices=Expected.choices)
    sex = models.CharField(max_length=16, choices=Sex.choices)
    ethnicity = models.CharField(max_length=40, choices=Ethnicity.choices)
    age_in_days = models.PositiveIntegerField()
    age_band = models.CharField(max_length=40)
    circumstances = models.TextField()
    professionals_involved = models.TextField(blank=True)
    external_causes = models.BooleanField(default=False)
    sudden_no_apparent_cause = models.BooleanField(default=False)
    in_custody_or_detained = models.BooleanField(default=False)
    suspicion_not_natural = models.BooleanField(default=False)
    suspected_stillbirth = models.BooleanField(
        default=False,
        help_text="Notified as a suspected stillbirth at home or a birth with no healthcare "
        "professional present.",
    )
    stillbirth_confirmed_on = models.DateField(null=True, blank=True)
    gestation_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Gestation at delivery of a confirmed stillbirth, in days."
    )
    jar_status = models.CharField(max_length=16, choices=JarStatus.choices)
    jar_started_on = models.DateField(null=True, blank=True)
    jar_completed_on = models.DateField(null=True, blank=True)
    possible_duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    notified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    notifying_organisation = models.ForeignKey(
        "partnership.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notified_at = models.DateTimeField(auto_now_add=True)

    objects = DeathQuerySet.as_manager()

    class Meta:
        ordering = ["-date_of_death", "-id"]
        indexes = [models.Index(fields=["partnership", "date_of_death"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(residence="partnership_area", area__isnull=False)
                | (~models.Q(residence="partnership_area") & models.Q(area__isnull=True)),
                name="child_death_area_only_when_resident_in_partnership",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} ({self.pseudonym})"

    @property
    def learning_title(self) -> str:
        return f"Child death review: {self.pseudonym}"

    @property
    def learning_reference(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("child_deaths:death_detail", args=[self.pk])

    @property
    def learning_subjects(self):
        """The child's identifying details, which nothing published from this death may contain."""
        from learning.publication import Subjects

        identity = getattr(self, "identity", None)
        if identity is None:
            return Subjects(dates_of_death=[self.date_of_death])
        return identity.identifier_subjects(
            dates_of_death=[self.date_of_death],
            names=[f"{identity.forenames} {identity.surname}"],
            dates_of_birth=[identity.date_of_birth],
            addresses=[f"{identity.address}, {identity.postcode}"],
            nhs_numbers=[identity.nhs_number] if identity.nhs_number else [],
        )

    @property
    def jar_facts(self) -> rules.JarFacts:
        return rules.JarFacts(
            external_causes=self.external_causes,
            sudden_no_apparent_cause=self.sudden_no_apparent_cause,
            in_custody_or_detained=self.in_custody_or_detained,
            suspicion_not_natural=self.suspicion_not_natural,
            stillbirth_without_healthcare_professional=self.suspected_stillbirth,
        )

    @property
    def jar_triggers(self) -> list[str]:
        return rules.jar_triggers(self.jar_facts)

    @property
    def residence_display(self) -> str:
        """Where the child lived, as recorded: an area of the partnership, or where else."""
        if self.area_id:
            return str(self.area)
        where = f": {self.lived_elsewhere}" if self.lived_elsewhere else ""
        return f"{self.get_residence_display()}{where}"

    @property
    def ethnic_group(self) -> str:
        return rules.ethnic_group(self.ethnicity)

    @property
    def pregnancy_outcome(self) -> str:
        """What a confirmed stillbirth was found to be, by gestation ("" until confirmed)."""
        if self.gestation_days is None:
            return ""
        return rules.PREGNANCY_OUTCOMES[rules.baby_born_without_signs_of_life(self.gestation_days)]

    @property
    def gestation(self) -> str:
        return "" if self.gestation_days is None else rules.gestation_label(self.gestation_days)


class ChildIdentity(CaseIdentifiers):
    """The one place a child's identifying details are kept; every view of it is audited."""

    class NhsNumberStatus(models.TextChoices):
        PROVIDED = "provided", "NHS number given"
        NOT_AVAILABLE = "not_available", "NHS number not currently available"
        NOT_RESIDENT = "not_resident", "Child not resident in England"

    child_death = models.OneToOneField(
        ChildDeath, on_delete=models.CASCADE, related_name="identity"
    )
    forenames = models.CharField(max_length=200)
    surname = models.CharField(max_length=200)
    date_of_birth = models.DateField()
    address = models.TextField()
    postcode = models.CharField(max_length=10)
    nhs_number = models.CharField(max_length=10, blank=True)
    nhs_number_status = models.CharField(max_length=16, choices=NhsNumberStatus.choices)

    objects = DeathRecordQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(nhs_number_status="provided") | ~models.Q(nhs_number=""),
                name="nhs_number_given_when_provided",
            )
        ]

    def __str__(self) -> str:
        return f"Identifying details of {self.child_death}"

    @property
    def partnership(self):
        return self.child_death.partnership


class ReportingForm(models.Model):
    """One version of a national reporting form: its questions are fixed once answers exist."""

    class Kind(models.TextChoices):
        REPORTING = "reporting", "Child death reporting form"
        SUPPLEMENTARY = "supplementary", "Supplementary reporting form"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    version = models.PositiveSmallIntegerField()
    published_on = models.DateField()
    # The national form changes yearly; each version keeps its own questions (STYLE.md allows JSON
    # for such forms) so a return completed on an older version still reads as it was answered.
    questions = models.JSONField()

    class Meta:
        ordering = ["kind", "name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="one_reporting_form_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} (version {self.version}, {self.published_on:%B %Y})"


class AgencyRequestQuerySet(DeathQuerySet):
    """Requests: the panel and business unit see all; an agency's contributors see only their own."""

    def visible_to(self, user):
        return self.filter(
            models.Q(partnership__in=death_access.death_partnership_ids(user))
            | self._own_agency(user)
        )

    def editable_by(self, user):
        # An agency's contributor returns its own form through `for_contributor`, never as an edit.
        return self.filter(partnership__in=death_access.death_editable_partnership_ids(user))

    def for_contributor(self, user):
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


class AgencyReportingRequest(models.Model):
    """A request to one agency (and named professional) to complete a reporting form."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    child_death = models.ForeignKey(
        ChildDeath, on_delete=models.PROTECT, related_name="reporting_requests"
    )
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    professional = models.CharField(max_length=200, blank=True)
    form = models.ForeignKey(ReportingForm, on_delete=models.PROTECT, related_name="requests")
    due_date = models.DateField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    answers = models.JSONField(default=dict, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    returned_at = models.DateTimeField(null=True, blank=True)

    objects = AgencyRequestQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return f"{self.form.name} from {self.organisation} for {self.child_death.reference}"

    @property
    def is_returned(self) -> bool:
        return self.returned_at is not None

    def answered_questions(self) -> list[tuple[str, str]]:
        """Each question of the form's own version with its answer, in the form's order."""
        return [
            (question["label"], self.answers.get(question["key"], ""))
            for question in self.form.questions
        ]


class ReviewMeeting(models.Model):
    """The child death review meeting of the professionals who knew the child."""

    child_death = models.ForeignKey(
        ChildDeath, on_delete=models.CASCADE, related_name="review_meetings"
    )
    held_on = models.DateField()
    attendees = models.TextField()
    outcome = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = DeathRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"Child death review meeting on {self.held_on:%d %B %Y}"


class PanelMeetingQuerySet(PartnershipRecordQuerySet):
    """Panel meetings: its members and the business unit of the hosting partnership."""

    def visible_to(self, user):
        from partnership import access

        return self.filter(
            models.Q(panel__in=death_access.panels_of(user))
            | models.Q(panel__partnership__in=access.business_unit_partnership_ids(user))
        )

    def editable_by(self, user):
        return self.visible_to(user)


class PanelMeeting(Versioned):
    panel = models.ForeignKey(
        "partnership.Group", on_delete=models.PROTECT, related_name="panel_meetings"
    )
    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField()
    location = models.CharField(max_length=200, blank=True)
    cases = models.ManyToManyField(ChildDeath, blank=True, related_name="panel_meetings")
    attendees = models.TextField(blank=True)
    apologies = models.TextField(blank=True)
    minutes = models.TextField(blank=True)

    objects = PanelMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.panel} on {self.held_on:%d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("child_deaths:panel_meeting_detail", args=[self.pk])


class Analysis(Versioned):
    """The panel's analysis of one death (the child death analysis form)."""

    class Category(models.IntegerChoices):
        # The ten categories in their hierarchy: where several apply, the panel chooses the first.
        DELIBERATELY_INFLICTED = 1, "1. Deliberately inflicted injury, abuse or neglect"
        SUICIDE = 2, "2. Suicide or deliberate self-inflicted harm"
        TRAUMA = (
            3,
            "3. Trauma and other external factors, including medical or surgical complications or error",
        )
        MALIGNANCY = 4, "4. Malignancy"
        ACUTE = 5, "5. Acute medical or surgical condition"
        CHRONIC = 6, "6. Chronic medical condition"
        CHROMOSOMAL = 7, "7. Chromosomal, genetic and congenital anomalies"
        PERINATAL = 8, "8. Perinatal or neonatal event"
        INFECTION = 9, "9. Infection"
        SUDDEN_UNEXPLAINED = 10, "10. Sudden unexpected, unexplained death"

    class Grade(models.IntegerChoices):
        # Wording of the national child death analysis form (NCMD).
        NOT_AVAILABLE = 0, "0: Information not available"
        NONE_OR_UNLIKELY = (
            1,
            "1: No factors identified, or factors identified but are unlikely to have contributed "
            "to the death",
        )
        MAY_HAVE_CONTRIBUTED = (
            2,
            "2: Factors identified that may have contributed to the vulnerability, ill-health or "
            "death",
        )

    class Modifiable(models.TextChoices):
        IDENTIFIED = "identified", "Modifiable factors identified"
        NOT_IDENTIFIED = "not_identified", "No modifiable factors identified"
        INSUFFICIENT = "insufficient", "Inadequate information upon which to make a judgement"

    child_death = models.OneToOneField(
        ChildDeath, on_delete=models.PROTECT, related_name="analysis"
    )
    panel_meeting = models.ForeignKey(
        PanelMeeting, null=True, blank=True, on_delete=models.PROTECT, related_name="analyses"
    )
    category = models.PositiveSmallIntegerField(choices=Category.choices)
    child_factors = models.TextField(blank=True)
    child_grade = models.PositiveSmallIntegerField(choices=Grade.choices)
    family_factors = models.TextField(blank=True)
    family_grade = models.PositiveSmallIntegerField(choices=Grade.choices)
    environment_factors = models.TextField(blank=True)
    environment_grade = models.PositiveSmallIntegerField(choices=Grade.choices)
    service_factors = models.TextField(blank=True)
    service_grade = models.PositiveSmallIntegerField(choices=Grade.choices)
    modifiable = models.CharField(max_length=16, choices=Modifiable.choices)
    abuse_or_neglect_suspected = models.BooleanField(default=False)
    learning = models.TextField(blank=True)
    completed_on = models.DateField()
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = DeathRecordQuerySet.as_manager()

    DOMAINS = (
        ("child", "Factors intrinsic to the child"),
        ("family", "Factors in the social environment including family and parenting capacity"),
        ("environment", "Factors in the physical environment"),
        ("service", "Factors in service provision"),
    )

    def __str__(self) -> str:
        return f"Analysis of {self.child_death}"

    def domains(self) -> list[dict]:
        return [
            {
                "name": label,
                "factors": getattr(self, f"{key}_factors"),
                "grade": getattr(self, f"get_{key}_grade_display")(),
            }
            for key, label in self.DOMAINS
        ]


class RapidReviewReferral(models.Model):
    """A death referred to the partnership to consider a rapid review (abuse or neglect suspected).

    The referral itself is a learning referral in the reviews capability; this record keeps the
    panel's reason and the link from the child death to it.
    """

    child_death = models.ForeignKey(
        ChildDeath, on_delete=models.PROTECT, related_name="rapid_review_referrals"
    )
    reason = models.TextField()
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    referred_at = models.DateTimeField(auto_now_add=True)
    learning_referral = models.ForeignKey(
        "reviews.LearningReferral",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = DeathRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-referred_at"]

    def __str__(self) -> str:
        return f"Referral of {self.child_death} for rapid review consideration"

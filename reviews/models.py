"""Reviews: learning referrals, serious incident notifications, rapid reviews, LCSPRs and other
case reviews (framework components 1 and 2)."""

import operator
import uuid
from functools import reduce

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse

from core.models import TableImport, Versioned
from learning.models import CaseIdentifiers
from reviews import criteria
from reviews.querysets import (
    AgencyRequestQuerySet,
    CaseWorkQuerySet,
    LearningReferralQuerySet,
    ReviewPartQuerySet,
    ReviewQuerySet,
)


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

    @property
    def origin_subjects(self):
        """The identifying details of the record behind the referral (a child death), if any."""
        from learning.publication import Subjects

        subjects = getattr(self.origin, "learning_subjects", None) if self.origin_id else None
        return subjects if subjects is not None else Subjects()


class SeriousIncidentNotification(Versioned):
    """A serious incident notified to the national panel: one per child who died; siblings
    seriously harmed may share one (Working Together; the Panel's notification form rules)."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="notifications"
    )
    reference = models.CharField(max_length=40, unique=True)
    referral = models.ForeignKey(
        LearningReferral,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notifications",
    )
    # The local authority that notified the panel: a partnership can hold two or more (s16C).
    notifying_authority = models.ForeignKey(
        "partnership.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    incident_summary = models.TextField()
    incident_date = models.DateField()
    aware_date = models.DateField(help_text="The date the local authority became aware.")
    notified_date = models.DateField(null=True, blank=True)
    notify_panel_by = models.DateField()
    rapid_review_by = models.DateField()
    # A looked-after child's or a care leaver's death (reviews.register).
    secretary_of_state_notified_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CaseWorkQuerySet.as_manager()

    class Meta:
        ordering = ["-aware_date", "-id"]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("reviews:notification_detail", args=[self.pk])

    @property
    def learning_subjects(self):
        """The identifying details of the notified children and the date of the incident."""
        from learning.publication import Subjects, combine

        return combine(
            [
                Subjects(incident_dates=[self.incident_date]),
                *(child.learning_subjects for child in self.children.all()),
                self.referral.origin_subjects if self.referral_id else Subjects(),
            ]
        )


class NotifiedChild(CaseIdentifiers):
    """A child in a notification. The pseudonym is used everywhere; the identifying details are
    seen only on their own audited page, by people with a need to know."""

    class Outcome(models.TextChoices):
        DIED = "died", "Died"
        SERIOUSLY_HARMED = "seriously_harmed", "Seriously harmed"

    notification = models.ForeignKey(
        SeriousIncidentNotification, on_delete=models.CASCADE, related_name="children"
    )
    pseudonym = models.CharField(max_length=60, help_text="For example, Child R.")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    age = models.PositiveSmallIntegerField(help_text="Age in years at the time of the incident.")
    looked_after = models.BooleanField(default=False)
    care_leaver = models.BooleanField(default=False)
    full_name = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    address = models.TextField(blank=True)
    nhs_number = models.CharField(max_length=12, blank=True)

    objects = CaseWorkQuerySet.scoped_by("notification__partnership").as_manager()

    class Meta:
        ordering = ["pseudonym"]

    def __str__(self) -> str:
        return self.pseudonym

    @property
    def learning_subjects(self):
        return self.identifier_subjects(
            names=[self.full_name] if self.full_name else [],
            dates_of_birth=[self.date_of_birth] if self.date_of_birth else [],
            addresses=[self.address] if self.address else [],
            nhs_numbers=[self.nhs_number] if self.nhs_number else [],
        )


class RapidReview(Versioned):
    """The rapid review of a notified incident, due 15 working days from notification."""

    class Status(models.TextChoices):
        GATHERING = "gathering", "Gathering information"
        DECIDED = "decided", "Decided"

    class Decision(models.TextChoices):
        LCSPR = "lcspr", "Hold a local child safeguarding practice review"
        NO_LCSPR = "no_lcspr", "Do not hold an LCSPR: alternative learning activity"

    class PanelResponse(models.TextChoices):
        AGREES = "agrees", "Agrees with the decision"
        DISAGREES = "disagrees", "Disagrees with the decision"
        NATIONAL_REVIEW = "national_review", "Will consider a national review"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="rapid_reviews"
    )
    notification = models.OneToOneField(
        SeriousIncidentNotification, on_delete=models.PROTECT, related_name="rapid_review"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.GATHERING)
    meeting_date = models.DateField(null=True, blank=True)
    # Purpose (1): the facts and the key practice episodes are separate records.
    immediate_actions = models.TextField(
        "Immediate safeguarding actions", blank=True, help_text="Including for other children."
    )
    context = models.TextField(
        "Context of the child's and family's lives",
        blank=True,
        help_text="Including how race, culture, disability and other inequalities may have influenced experiences and practice.",
    )
    parallel_processes = models.TextField(
        blank=True,
        help_text="Police investigation, inquest, child death review, domestic homicide or safeguarding adults review, disciplinary, Ofsted.",
    )
    family_involvement = models.TextField(blank=True)
    # The answers the criteria assessment is made on (reviews.criteria.Case).
    abuse_or_neglect = models.CharField(
        max_length=20,
        blank=True,
        choices=[
            ("known", "Known"),
            ("suspected", "Suspected"),
            ("not_suspected", "Not suspected"),
        ],
    )
    child_died = models.BooleanField(default=False)
    suspected_suicide = models.BooleanField(default=False)
    seriously_harmed = models.BooleanField(default=False)
    interagency_concerns = models.CharField(
        max_length=30,
        blank=True,
        choices=[
            ("concerns", "There is cause for concern"),
            ("no_concerns_definitive", "Definitive evidence of no concerns"),
            ("unknown", "Not yet known"),
        ],
    )
    death_in_custody = models.CharField(
        max_length=40,
        blank=True,
        choices=[
            ("police_custody", "Police custody"),
            ("remand", "On remand"),
            ("young_offender_institution", "Young offender institution, following sentencing"),
            ("secure_training_centre", "Secure training centre"),
            ("secure_childrens_home", "Secure children's home"),
        ],
    )
    detained_under_mental_health_act = models.BooleanField(default=False)
    deprivation_of_liberty_order = models.BooleanField(default=False)
    # Regulation 11 (a) to (d), SI 2018/789: None until the partners have answered.
    highlights_improvements = models.BooleanField(null=True, blank=True)
    highlights_recurrent_themes = models.BooleanField(null=True, blank=True)
    highlights_interagency_concerns = models.BooleanField(null=True, blank=True)
    panel_considered_local_review = models.BooleanField(null=True, blank=True)
    # Working Together 2023 ch. 5: circumstances the partners have regard to.
    single_agency_concern = models.BooleanField(default=False)
    no_agency_involvement_concern = models.BooleanField(default=False)
    several_areas_involved = models.BooleanField(default=False)
    institutional_setting = models.BooleanField(default=False)
    # The decision of the safeguarding partners.
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    national_review_recommended = models.BooleanField(default=False)
    rationale = models.TextField(blank=True)
    learning_identified = models.TextField(blank=True)
    alternative_learning = models.TextField(blank=True)
    # Lawful, but against the partnership's local review policy: explained, and shown in the
    # yearly report (reviews.selectors.local_policy_departures).
    departs_from_local_policy = models.BooleanField(default=False)
    local_policy_departure_reason = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    sent_to_panel_on = models.DateField(null=True, blank=True)
    panel_response = models.CharField(max_length=20, choices=PanelResponse.choices, blank=True)
    panel_response_on = models.DateField(null=True, blank=True)
    panel_response_notes = models.TextField(blank=True)

    objects = CaseWorkQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"Rapid review {self.notification.reference}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:rapid_review_detail", args=[self.pk])

    @property
    def learning_title(self) -> str:
        return str(self)

    @property
    def learning_reference(self) -> str:
        return self.notification.reference

    @property
    def learning_subjects(self):
        """The notified children: nothing published from the rapid review may identify them."""
        return self.notification.learning_subjects


class LocalReviewPolicy(models.Model):
    """A partnership's local review policy, held as configuration: the circumstances it has
    decided always lead to an LCSPR, and its rule for reviewers' employers. The law leaves both
    decisions to the partners (docs/statutory-notes.md)."""

    partnership = models.OneToOneField(
        "partnership.Partnership", on_delete=models.CASCADE, related_name="local_review_policy"
    )
    always_review_death_in_custody = models.BooleanField(
        criteria.LOCAL_POLICY_CIRCUMSTANCES[criteria.DEATH_IN_CUSTODY], default=False
    )
    always_review_death_detained_under_mental_health_act = models.BooleanField(
        criteria.LOCAL_POLICY_CIRCUMSTANCES[criteria.DEATH_DETAINED_UNDER_MENTAL_HEALTH_ACT],
        default=False,
    )
    always_review_death_at_16_or_17_deprived_of_liberty = models.BooleanField(
        criteria.LOCAL_POLICY_CIRCUMSTANCES[criteria.DEATH_AT_16_OR_17_DEPRIVED_OF_LIBERTY],
        default=False,
    )
    reviewer_not_employed_by_agency_under_review = models.BooleanField(
        "An LCSPR's reviewer is not employed by an organisation whose actions are under review",
        default=False,
    )

    objects = CaseWorkQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Local review policy of {self.partnership}"

    @property
    def always_review(self) -> frozenset[str]:
        """The listed circumstances, as `reviews.criteria` names them."""
        return frozenset(
            circumstance
            for circumstance in criteria.LOCAL_POLICY_CIRCUMSTANCES
            if getattr(self, f"always_review_{circumstance}")
        )


class KeyPracticeEpisode(models.Model):
    rapid_review = models.ForeignKey(
        RapidReview, on_delete=models.CASCADE, related_name="key_practice_episodes"
    )
    date = models.DateField()
    title = models.CharField(max_length=200)
    analysis = models.TextField(help_text="What happened, and why practitioners acted as they did.")
    went_well = models.TextField(blank=True)
    could_be_different = models.TextField("Could have been done differently", blank=True)

    objects = CaseWorkQuerySet.scoped_by("rapid_review__partnership").as_manager()

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return self.title


class PartnerSignOff(models.Model):
    """One safeguarding partner lead's sign-off of a rapid review decision or a final report."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    rapid_review = models.ForeignKey(
        RapidReview, null=True, blank=True, on_delete=models.CASCADE, related_name="sign_offs"
    )
    report_draft = models.ForeignKey(
        "ReportDraft", null=True, blank=True, on_delete=models.CASCADE, related_name="sign_offs"
    )
    partner_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "partnership.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    agrees = models.BooleanField(default=True)
    comment = models.TextField(blank=True)
    signed_at = models.DateTimeField(auto_now_add=True)

    objects = CaseWorkQuerySet.as_manager()

    class Meta:
        ordering = ["signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["rapid_review", "partner_lead"], name="one_rapid_review_sign_off_each"
            ),
            models.UniqueConstraint(
                fields=["report_draft", "partner_lead"], name="one_report_sign_off_each"
            ),
        ]

    def __str__(self) -> str:
        return f"Signed off by {self.partner_lead}"


class Review(Versioned):
    """A local child safeguarding practice review (LCSPR) or a non-statutory case review."""

    class Type(models.TextChoices):
        LCSPR = "lcspr", "Local child safeguarding practice review (LCSPR)"
        MULTI_AGENCY = "multi_agency", "Multi-agency learning review"
        SINGLE_AGENCY = "single_agency", "Single-agency learning review"
        PRACTITIONER_EVENT = "practitioner_event", "Practitioner learning event"
        APPRECIATIVE_INQUIRY = "appreciative_inquiry", "Appreciative inquiry"
        SYSTEMS = "systems", "Systems review (Learning Together)"

    class Status(models.TextChoices):
        SCOPING = "scoping", "Scoping"
        IN_PROGRESS = "in_progress", "In progress"
        DRAFT_REPORT = "draft_report", "Draft report"
        FINAL = "final", "Final report agreed"
        PUBLISHED = "published", "Published"
        CLOSED = "closed", "Closed"

    class ParallelReview(models.TextChoices):
        NONE = "", "None"
        DOMESTIC_HOMICIDE = "dhr", "Domestic homicide review"
        SAFEGUARDING_ADULTS = "sar", "Safeguarding adults review"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="reviews"
    )
    reference = models.CharField(max_length=40, unique=True)
    review_type = models.CharField(max_length=30, choices=Type.choices)
    title = models.CharField(max_length=200, help_text="Pseudonymous, for example 'Child R'.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCOPING)
    rapid_review = models.ForeignKey(
        RapidReview, null=True, blank=True, on_delete=models.PROTECT, related_name="reviews"
    )
    referral = models.ForeignKey(
        LearningReferral, null=True, blank=True, on_delete=models.PROTECT, related_name="reviews"
    )
    scope_start = models.DateField(null=True, blank=True)
    scope_end = models.DateField(null=True, blank=True)
    methodology = models.TextField(blank=True)
    organisations_under_review = models.ManyToManyField(
        "partnership.Organisation", blank=True, related_name="reviews_under"
    )
    parallel_review = models.CharField(max_length=5, choices=ParallelReview.choices, blank=True)
    parallel_review_reference = models.CharField(max_length=100, blank=True)
    family_involvement = models.TextField(blank=True)
    child_voice = models.TextField("The child's voice", blank=True)
    family_not_involved_reason = models.TextField(blank=True)
    planned_publication_date = models.DateField(null=True, blank=True)
    # SI 2018/789 reg 16: where the partners consider the full report inappropriate to publish,
    # they publish information about the improvements to be made instead.
    improvements_only = models.BooleanField(default=False)
    improvements_only_reason = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(auto_now_add=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-id"]
        indexes = [models.Index(fields=["partnership", "status"])]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:review_detail", args=[self.pk])

    @property
    def learning_title(self) -> str:
        return f"{self.get_review_type_display()}: {self.title}"

    @property
    def learning_reference(self) -> str:
        return self.reference

    @property
    def learning_status(self) -> str:
        return self.get_status_display()

    @property
    def learning_subjects(self):
        """The identifying details of the review's children, from its rapid review or, for a
        review opened from a referral, the referral's notifications and the record behind it (a
        child death): nothing published from the review may contain them."""
        from learning.publication import combine

        conditions = [models.Q(rapid_review=self.rapid_review_id)] if self.rapid_review_id else []
        if self.referral_id:
            conditions.append(models.Q(referral=self.referral_id))
        notifications = (
            SeriousIncidentNotification.objects.filter(reduce(operator.or_, conditions))
            if conditions
            else []
        )
        found = [notification.learning_subjects for notification in notifications]
        if self.referral_id:
            found.append(self.referral.origin_subjects)
        return combine(found)

    # A review's report stays published for the minimum period whatever kind it was published as.
    learning_publishes_review_reports = True

    @property
    def is_lcspr(self) -> bool:
        return self.review_type == self.Type.LCSPR


class TermsOfReference(models.Model):
    """One version of a review's terms of reference; approved versions are never changed."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="terms_of_reference")
    version = models.PositiveSmallIntegerField()
    text = models.TextField()
    key_lines_of_enquiry = models.TextField(blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drafted_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    objects = ReviewPartQuerySet.as_manager()

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["review", "version"], name="one_terms_version")
        ]

    def __str__(self) -> str:
        return f"Terms of reference version {self.version}"


class Milestone(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    due_date = models.DateField()
    is_statutory = models.BooleanField(default=False)
    basis = models.CharField(max_length=300, blank=True)
    completed_on = models.DateField(null=True, blank=True)

    objects = ReviewPartQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.title


class ReviewerAssignment(models.Model):
    class Role(models.TextChoices):
        INDEPENDENT_REVIEWER = "independent_reviewer", "Independent reviewer"
        CRITICAL_FRIEND = "critical_friend", "Critical friend"

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="reviewer_assignments"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviewer_assignments"
    )
    role = models.CharField(max_length=30, choices=Role.choices)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    # Regulation 13: partners may remove a reviewer at any time before publication.
    removed_at = models.DateTimeField(null=True, blank=True)

    objects = ReviewPartQuerySet.as_manager()

    class Meta:
        ordering = ["assigned_at"]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class ConflictOfInterestDeclaration(models.Model):
    """A reviewer's declaration for one review: the organisations they have been involved with."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="declarations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    involved_with = models.ManyToManyField("partnership.Organisation", blank=True, related_name="+")
    involved_in_case = models.BooleanField(default=False)
    statement = models.TextField()
    # The conflicts found when the reviewer was appointed, and how the partners weighed them
    # (SI 2018/789 reg 12: the partners decide who is suitable).
    conflicts = models.TextField(blank=True)
    partners_weighing = models.TextField(blank=True)
    declared_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = ReviewPartQuerySet.as_manager()

    class Meta:
        ordering = ["-declared_at"]

    def __str__(self) -> str:
        return f"Declaration by {self.person}"


class AgencyRequest(models.Model):
    """A request to one agency: an agency summary for a rapid review, or a chronology or agency
    report for a review. Answered by that agency's contributors."""

    class Kind(models.TextChoices):
        AGENCY_SUMMARY = "agency_summary", "Individual agency summary"
        CHRONOLOGY = "chronology", "Chronology"
        AGENCY_REPORT = "agency_report", "Agency report"

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        RETURNED = "returned", "Returned"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    rapid_review = models.ForeignKey(
        RapidReview, null=True, blank=True, on_delete=models.CASCADE, related_name="agency_requests"
    )
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="agency_requests"
    )
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    details = models.TextField(blank=True)
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REQUESTED)
    response = models.TextField(blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    returned_at = models.DateTimeField(null=True, blank=True)
    last_chased_at = models.DateTimeField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)

    objects = AgencyRequestQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rapid_review__isnull=False) | models.Q(review__isnull=False),
                name="agency_request_belongs_to_a_review",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:request_detail", args=[self.pk])

    @property
    def case(self):
        return self.review or self.rapid_review


class ChronologyEntry(models.Model):
    """One dated event in an agency's chronology; the review sees all agencies' entries merged."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="chronology")
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    request = models.ForeignKey(
        AgencyRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries"
    )
    date = models.DateField()
    event = models.TextField()
    source_row = models.PositiveIntegerField(
        null=True, blank=True, help_text="Row of the imported file."
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now_add=True)

    objects = ReviewPartQuerySet.as_manager()

    class Meta:
        ordering = ["date", "organisation__name", "id"]
        indexes = [models.Index(fields=["review", "date"])]

    def __str__(self) -> str:
        return f"{self.date}: {self.event[:60]}"


def chronology_import_path(instance: "ChronologyImport", filename: str) -> str:
    # A random name: the original is kept in the database, never trusted as a path.
    return f"chronology-imports/{instance.request.partnership_id}/{uuid.uuid4().hex}"


class ChronologyImport(TableImport):
    """An agency's chronology file: every row added, or none; large files by the background worker."""

    class Status(models.TextChoices):
        IMPORTING = "importing", "Importing"
        IMPORTED = "imported", "Imported"
        INVALID = "invalid", "Not imported"

    request = models.ForeignKey(
        AgencyRequest, on_delete=models.CASCADE, related_name="chronology_imports"
    )
    file = models.FileField(upload_to=chronology_import_path)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.IMPORTING)
    entries_added = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"Chronology file {self.original_name}"

    @property
    def partnership(self):
        return self.request.partnership


class LearningEvent(models.Model):
    """A practitioner learning event: practitioners contribute without fear of blame (principle 4)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="learning_events")
    title = models.CharField(max_length=200)
    date = models.DateField()
    venue = models.CharField(max_length=200, blank=True)
    what_practitioners_said = models.TextField(blank=True)
    why_it_happened = models.TextField(
        "Why things happened as they did",
        blank=True,
        help_text="The 'why' question, answered from practitioners' view at the time.",
    )

    objects = ReviewPartQuerySet.as_manager()

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return self.title


class LearningEventInvitation(models.Model):
    event = models.ForeignKey(LearningEvent, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    attended = models.BooleanField(null=True)

    class Meta:
        ordering = ["person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="one_invitation_each")
        ]

    def __str__(self) -> str:
        return str(self.person)


class ReportDraft(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="report_drafts")
    version = models.PositiveSmallIntegerField()
    summary = models.TextField(help_text="Summary of the improvements recommended.")
    body = models.TextField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(auto_now_add=True)
    # Agreeing the final report freezes this draft: what is sent and published is exactly it.
    agreed_at = models.DateTimeField(null=True, blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ReviewPartQuerySet.as_manager()

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["review", "version"], name="one_draft_version")
        ]

    def __str__(self) -> str:
        return f"Draft report version {self.version}"

    def get_absolute_url(self) -> str:
        return self.review.get_absolute_url()


class ReportComment(models.Model):
    draft = models.ForeignKey(ReportDraft, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["written_at"]

    def __str__(self) -> str:
        return f"Comment by {self.author}"


class ReviewTask(models.Model):
    """A tracked statutory step of publication."""

    class Kind(models.TextChoices):
        SEND_TO_PANEL = (
            "send_to_panel",
            "Send the final report, or the information about improvements, to the national panel, "
            "the Secretary of State and Ofsted",
        )
        NATIONAL_REPOSITORY = (
            "national_repository",
            "Send the published report to the national case review repository",
        )

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    due_date = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The agreed draft that was sent: a later draft must be agreed and sent again.
    report_draft = models.ForeignKey(
        ReportDraft, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ReviewPartQuerySet.as_manager()

    class Meta:
        ordering = ["due_date"]
        constraints = [
            models.UniqueConstraint(fields=["review", "kind"], name="one_task_of_each_kind")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()

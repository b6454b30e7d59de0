"""The learning spine: what every source of learning feeds into.

A "source of learning" is any model with a `partnership`, a `learning_title`, a `learning_reference`
and `get_absolute_url()`. The spine holds sources by content type and id and never imports source
apps, so reviews, child deaths, audits and performance all call the same services.

Two optional properties of a source are used when present:
- `learning_subjects` (a `learning.publication.Subjects`): the child-identifying details recorded
  against the source, checked before anything drawn from it is published (a briefing from its
  findings, a report published from its page).
- `learning_status` (str): how similar-work search describes the source ("Open", "Closed", ...).
"""

import uuid
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from core.models import Versioned
from learning.impact import Direction
from partnership.querysets import PartnershipRecordQuerySet


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class CaseIdentifiers(models.Model):
    """The other details that identify a child, recorded on the case beside their name: what they
    are also called, their family, and the places they are known at. Nothing published from the
    case may contain them."""

    known_as = models.TextField(
        "Other names the child is known by",
        blank=True,
        help_text="Nicknames and short forms, one a line.",
    )
    family_members = models.TextField(
        "Family members",
        blank=True,
        help_text="Full names of parents, siblings and other family members, one a line.",
    )
    places = models.TextField(
        "Places on the case",
        blank=True,
        help_text="Schools, nurseries, GP surgeries, children's homes and other places, one a line.",
    )

    IDENTIFIER_FIELDS = ("known_as", "family_members", "places")

    class Meta:
        abstract = True

    def identifier_rows(self) -> list[tuple[str, str]]:
        """(label, value) of each detail, for the audited page that shows them."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in self.IDENTIFIER_FIELDS
        ]

    def identifier_subjects(self, **details):
        """These details, with `details` (names, dates, addresses...), as publication subjects."""
        from learning.publication import Subjects

        names = [*details.pop("names", []), *_lines(self.known_as)]
        return Subjects(
            names=names,
            family_names=_lines(self.family_members),
            places=_lines(self.places),
            **details,
        )


class ThemeQuerySet(PartnershipRecordQuerySet):
    def for_partnership(self, partnership):
        """The themes a partnership uses now: its own, not archived, not merged into another."""
        return self.filter(partnership=partnership, archived_at__isnull=True, merged_into=None)


class Theme(Versioned):
    """A safeguarding theme (neglect, domestic abuse, ...) used to connect learning across sources."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="themes"
    )
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    # A duplicate merged into another keeps its row so old audit rows still name it.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged"
    )
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                "partnership", Lower("name"), name="theme_name_unique_in_partnership"
            )
        ]

    def __str__(self) -> str:
        return self.name


class SourceLink(models.Model):
    """A link to a source of learning of any kind (content type and id)."""

    source_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    source_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("source_type", "source_id")

    class Meta:
        abstract = True


class Finding(SourceLink, Versioned):
    """A learning point from a source: something that works well, or something that must improve."""

    class Aim(models.TextChoices):
        # The framework's two aims: consolidate good practice, and improve what must improve.
        WORKS_WELL = "works_well", "Works well: consolidate"
        MUST_IMPROVE = "must_improve", "Must improve"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="findings"
    )
    title = models.CharField(max_length=300)
    description = models.TextField()
    aim = models.CharField(max_length=16, choices=Aim.choices)
    themes = models.ManyToManyField(Theme, blank=True, related_name="findings")
    voice_of_the_child = models.TextField(
        blank=True, help_text="The child's voice and lived experience, where it bears on this."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at", "-id"]
        indexes = [
            models.Index(fields=["source_type", "source_id"]),
            models.Index(fields=["partnership", "-recorded_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:finding_detail", args=[self.pk])

    @property
    def reference(self) -> str:
        return f"F{self.pk}"


class Recommendation(SourceLink):
    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="recommendations"
    )
    findings = models.ManyToManyField(Finding, blank=True, related_name="recommendations")
    text = models.TextField()
    owning_group = models.ForeignKey(
        "partnership.Group",
        on_delete=models.PROTECT,
        related_name="recommendations",
        help_text="The group that oversees the actions and signs off evidence of impact.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["recorded_at", "id"]
        indexes = [models.Index(fields=["source_type", "source_id"])]

    def __str__(self) -> str:
        return self.text[:120]

    @property
    def reference(self) -> str:
        return f"R{self.pk}"


class ActionQuerySet(PartnershipRecordQuerySet):
    def updatable_by(self, user):
        """Actions a person may add progress to: the business unit's, or their own organisation's."""
        from partnership import access

        organisation_id = getattr(user, "organisation_id", None)
        return self.filter(
            models.Q(partnership__in=access.business_unit_partnership_ids(user))
            | models.Q(
                partnership__in=access.partnership_ids(user),
                owner_organisation_id=organisation_id,
                owner_organisation__isnull=False,
            )
        )

    def open(self):
        return self.filter(closed_at__isnull=True)

    def overdue(self, today: date):
        return self.open().filter(due_date__lt=today)


class Action(Versioned):
    class Status(models.TextChoices):
        # Overdue is not a stored status: it is derived from the due date (see `display_status`).
        NOT_STARTED = "not_started", "Not started"
        ON_TRACK = "on_track", "On track"
        AT_RISK = "at_risk", "At risk"
        CLOSED = "closed", "Closed"

    OVERDUE = "Overdue"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="learning_actions"
    )
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="actions"
    )
    description = models.TextField()
    owner_organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="learning_actions"
    )
    owner_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="learning_actions",
    )
    due_date = models.DateField(db_index=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NOT_STARTED)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["partnership", "owner_organisation", "due_date"])]

    def __str__(self) -> str:
        return self.description[:120]

    def get_absolute_url(self) -> str:
        return reverse("learning:action_detail", args=[self.pk])

    @property
    def reference(self) -> str:
        return f"A{self.pk}"

    def is_overdue(self, today: date | None = None) -> bool:
        return self.closed_at is None and self.due_date < (today or timezone.localdate())

    def display_status(self, today: date | None = None) -> str:
        return self.OVERDUE if self.is_overdue(today) else self.get_status_display()


class ActionUpdate(models.Model):
    """A progress note on an action, by the owning agency or the business unit."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(max_length=16, choices=Action.Status.choices)
    note = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_status_display()}: {self.note[:80]}"


class ActionIndicator(models.Model):
    """An indicator of the performance framework that an action aims to move, and which way.

    The spine names the indicator by content type and id (`learning.impact` asks the registered
    source of indicators for its figures), so it never imports the performance app.
    """

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="indicators")
    indicator_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    indicator_id = models.PositiveBigIntegerField()
    indicator = GenericForeignKey("indicator_type", "indicator_id")
    expected = models.CharField("Expected direction", max_length=8, choices=Direction.choices)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "indicator_type", "indicator_id"],
                name="one_link_per_action_indicator",
            )
        ]

    def __str__(self) -> str:
        return f"{self.action.reference}: indicator {self.indicator_id} {self.expected}"


class EvidenceOfImpact(models.Model):
    """What changed in practice because of an action and how it is known, signed off by a member
    of its recommendation's owning group (never the business unit on the group's behalf)."""

    class Method(models.TextChoices):
        RE_AUDIT = "re_audit", "Re-audit"
        TRAINING_EVALUATION = "training_evaluation", "Training evaluation"
        PERFORMANCE_INDICATOR = "performance_indicator", "Performance indicator"
        PRACTITIONER_SURVEY = "practitioner_survey", "Practitioner feedback"
        CHILD_AND_FAMILY_VOICE = "voice", "The child's and family's voice"
        CASE_FILE_EVIDENCE = "case_file_evidence", "Case file evidence"
        OTHER = "other", "Other"

    action = models.OneToOneField(Action, on_delete=models.PROTECT, related_name="evidence")
    what_changed = models.TextField()
    method = models.CharField(max_length=32, choices=Method.choices)
    how_known = models.TextField()
    signed_off_by_group = models.ForeignKey(
        "partnership.Group", on_delete=models.PROTECT, related_name="+"
    )
    # Empty until a member of the group signs it off; the date alone (no person) is the business
    # unit's record of a sign-off made before the group signed here.
    signed_off_on = models.DateField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Evidence of impact for {self.action.reference}"

    @property
    def owning_group_id(self) -> int:
        return self.signed_off_by_group_id

    @property
    def partnership_id(self) -> int:
        return self.action.partnership_id

    @property
    def signed_off_by_member(self) -> bool:
        return self.signed_off_by_id is not None


class EvidenceCitation(models.Model):
    """Results held elsewhere in the hub (a course's evaluation, ...) that evidence of impact
    cites, kept as they read when cited (`learning/citations.py`)."""

    evidence = models.ForeignKey(
        EvidenceOfImpact, on_delete=models.CASCADE, related_name="citations"
    )
    cited_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    cited_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=300)
    summary = models.TextField()
    url = models.CharField(max_length=300)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["cited_type", "cited_id"])]

    def __str__(self) -> str:
        return self.title


class DisseminationPlan(SourceLink):
    """How a source's learning will reach practice; opened with the source, never an afterthought."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="dissemination_plans"
    )
    opened_at = models.DateTimeField(default=timezone.now)

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id"], name="one_dissemination_plan_per_source"
            )
        ]

    def __str__(self) -> str:
        return f"Dissemination plan {self.pk}"


class DisseminationChannelQuerySet(PartnershipRecordQuerySet):
    partnership_lookup = "plan__partnership"


class DisseminationChannel(Versioned):
    class Channel(models.TextChoices):
        NEWSLETTER = "newsletter", "Newsletter"
        WEBSITE = "website", "Website"
        TRAINING = "training", "Training programme change"
        BRIEFING = "briefing", "7-minute briefing"
        PROCEDURE = "procedure", "Multi-agency procedure change"
        LINKED_PARTNERSHIP = "linked_partnership", "Linked strategic partnership"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        DONE = "done", "Done"
        WITHDRAWN = "withdrawn", "Withdrawn"

    plan = models.ForeignKey(DisseminationPlan, on_delete=models.CASCADE, related_name="channels")
    channel = models.CharField(max_length=32, choices=Channel.choices)
    linked_partnership = models.ForeignKey(
        "partnership.LinkedPartnership",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    target_date = models.DateField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PLANNED)
    withdrawn_reason = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    objects = DisseminationChannelQuerySet.as_manager()

    class Meta:
        ordering = ["target_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="withdrawn") | ~models.Q(withdrawn_reason=""),
                name="withdrawn_channel_has_reason",
            )
        ]

    def __str__(self) -> str:
        label = self.get_channel_display()
        return f"{label}: {self.linked_partnership}" if self.linked_partnership_id else label


class DisseminationActivity(models.Model):
    """Something that went out: what, to whom, and how far it reached."""

    channel = models.ForeignKey(
        DisseminationChannel, on_delete=models.CASCADE, related_name="activities"
    )
    happened_on = models.DateField()
    description = models.TextField()
    audience = models.CharField(max_length=300)
    reach = models.PositiveIntegerField(help_text="How many people it reached.")
    agency_returns = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-happened_on", "-id"]

    def __str__(self) -> str:
        return f"{self.happened_on:%d %B %Y}: {self.audience}"


class PublicationQuerySet(PartnershipRecordQuerySet):
    def live(self):
        return self.filter(withdrawn_at__isnull=True)


def rendered_pdf_path(instance: "Publication", filename: str) -> str:
    return f"public/{instance.partnership_id}/{instance.pk}-{uuid.uuid4().hex}.pdf"


class Publication(models.Model):
    """Something on the public site: a review report, a 7-minute briefing, a newsletter."""

    class Kind(models.TextChoices):
        REVIEW_REPORT = "review_report", "Review report"
        BRIEFING = "briefing", "7-minute briefing"
        NEWSLETTER = "newsletter", "Newsletter"
        YEARLY_REPORT = "yearly_report", "Yearly report"
        OTHER = "other", "Other learning"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="publications"
    )
    source_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    title = models.CharField(max_length=300)
    summary = models.TextField()
    body = models.TextField(blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="publications")
    document = models.ForeignKey(
        "core.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(default=timezone.now, db_index=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # What exactly was published: the version of the source's text, and a digest of the text
    # (and attached document's text) the identifying-detail check passed.
    version_label = models.CharField(max_length=200, blank=True)
    content_digest = models.CharField(max_length=64, blank=True)
    # The printable PDF, rendered once per published version and kept; removed on withdrawal.
    rendered_pdf = models.FileField(upload_to=rendered_pdf_path, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["partnership", "kind", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("public:publication", args=[self.partnership.slug, self.pk])


class Briefing(Versioned):
    """A 7-minute briefing with its seven headings, written from findings and published when approved."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        APPROVED = "approved", "Approved"
        PUBLISHED = "published", "Published"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="briefings"
    )
    title = models.CharField(max_length=300)
    findings = models.ManyToManyField(Finding, related_name="briefings")
    background = models.TextField()
    why_it_matters = models.TextField()
    information_1 = models.TextField("Key information and learning (1)")
    information_2 = models.TextField("Key information and learning (2)")
    information_3 = models.TextField("Key information and learning (3)")
    reflect = models.TextField("Things to reflect on")
    what_to_do = models.TextField("What to do")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    publication = models.OneToOneField(
        Publication, null=True, blank=True, on_delete=models.PROTECT, related_name="briefing"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = PartnershipRecordQuerySet.as_manager()

    HEADINGS = (
        ("background", "Background"),
        ("why_it_matters", "Why it matters"),
        ("information_1", "Key information and learning"),
        ("information_2", "Key information and learning"),
        ("information_3", "Key information and learning"),
        ("reflect", "Things to reflect on"),
        ("what_to_do", "What to do"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def sections(self) -> list[tuple[str, str]]:
        return [(heading, getattr(self, name)) for name, heading in self.HEADINGS]

    def get_absolute_url(self) -> str:
        return reverse("learning:briefing_detail", args=[self.pk])


class Newsletter(models.Model):
    """A newsletter assembled from chosen items, approved by someone other than its author, then
    published as a page and an email-ready version."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"
        PUBLISHED = "published", "Published"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="newsletters"
    )
    title = models.CharField(max_length=300)
    introduction = models.TextField()
    items = models.ManyToManyField(Publication, blank=True, related_name="in_newsletters")
    extra_items = models.TextField(
        blank=True, help_text="Training, procedure changes, national learning: one item a line."
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    publication = models.OneToOneField(
        Publication, null=True, blank=True, on_delete=models.PROTECT, related_name="newsletter"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class PracticeChange(models.Model):
    """A multi-agency procedure change or a training programme change made because of findings."""

    class Kind(models.TextChoices):
        PROCEDURE = "procedure", "Multi-agency procedure change"
        TRAINING = "training", "Training programme change"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="practice_changes"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    title = models.CharField(max_length=300)
    description = models.TextField()
    findings = models.ManyToManyField(Finding, related_name="practice_changes")
    changed_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-changed_on", "-id"]

    def __str__(self) -> str:
        return self.title


class OtherSource(Versioned):
    """Learning from another source, entered by hand: national reviews, others' reviews, research."""

    class Kind(models.TextChoices):
        NATIONAL_REVIEW = "national_review", "National review"
        OTHER_PARTNERSHIP_REVIEW = "other_partnership_review", "Another partnership's review"
        RESEARCH = "research", "Research"
        INSPECTION = "inspection", "Inspection"
        OTHER = "other", "Other"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="other_sources"
    )
    number = models.PositiveIntegerField(editable=False)
    kind = models.CharField(max_length=32, choices=Kind.choices)
    title = models.CharField(max_length=300)
    summary = models.TextField()
    link = models.URLField(blank=True)
    published_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "number"], name="other_source_number_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def learning_title(self) -> str:
        return self.title

    @property
    def learning_reference(self) -> str:
        return f"{self.partnership.short_name}-LS-{self.number:03d}"

    def get_absolute_url(self) -> str:
        return reverse("learning:other_source_detail", args=[self.pk])


class SimilarWorkEntry(models.Model):
    """One record of any kind in the similar-work index, as its source described it.

    Written only by the index services (`learning.services_similar`), from the background worker,
    so every process reads the same index and no request builds it.
    """

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    source_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=80)
    reference = models.CharField(max_length=80)
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    stage = models.CharField(max_length=80, blank=True)
    # Open while empty; closed work drops out of search three years after this date.
    closed_on = models.DateField(null=True, blank=True)
    text = models.TextField()
    # The text's terms (`learning.retrieval.terms`) in order, space separated and padded with
    # spaces, so " term " finds a word; PostgreSQL reads them through a GIN index.
    terms = models.TextField()
    length = models.PositiveIntegerField()
    themes = models.ManyToManyField(Theme, blank=True, related_name="+")
    agencies = models.TextField(blank=True, help_text="One agency name a line.")
    recorded_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id"], name="similar_work_entry_one_per_record"
            )
        ]
        indexes = [models.Index(fields=["partnership", "closed_on"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.reference}"

    @property
    def agency_names(self) -> list[str]:
        return [name for name in self.agencies.splitlines() if name]


class SimilarWorkTerm(models.Model):
    """How many of a partnership's index entries hold a term (BM25's document frequency)."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    term = models.CharField(max_length=100)
    documents = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "term"], name="similar_work_term_unique")
        ]

    def __str__(self) -> str:
        return f"{self.term}: {self.documents}"


class SimilarWorkCorpus(models.Model):
    """The size of a partnership's index: its entries and their terms (BM25's average length)."""

    partnership = models.OneToOneField(
        "partnership.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    documents = models.PositiveIntegerField(default=0)
    total_length = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.documents} entries"

    @property
    def average_length(self) -> float:
        return self.total_length / self.documents if self.documents else 0.0


class SimilarWorkPosting(models.Model):
    """A term of an index entry with its BM25 weight (the term's count, scaled for the entry's
    length), read best first: the entries weighing most for a term are found without a scan."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    term = models.CharField(max_length=100)
    entry = models.ForeignKey(
        SimilarWorkEntry, on_delete=models.CASCADE, related_name="postings", db_index=False
    )
    weight = models.FloatField()

    class Meta:
        indexes = [
            models.Index(
                fields=["partnership", "term", "-weight", "entry"], name="similar_work_best_first"
            ),
            models.Index(fields=["entry"], name="similar_work_posting_entry"),
        ]

    def __str__(self) -> str:
        return f"{self.term}: {self.weight:.2f}"


class RecurringLessonSummary(models.Model):
    """Findings of one theme, year, kind of source and aim in a partnership, with the actions
    taken on them: kept up to date by the services that write findings and actions, so the
    recurring-lessons report reads a few hundred rows however many findings there are."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    aim = models.CharField(max_length=16, choices=Finding.Aim.choices)
    findings = models.PositiveIntegerField()
    sources = models.PositiveIntegerField()
    actions = models.PositiveIntegerField()
    actions_evidenced = models.PositiveIntegerField()
    last_recorded_at = models.DateTimeField()
    first_evidenced_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "theme", "year", "source_type", "aim"],
                name="recurring_lesson_summary_cell",
            )
        ]
        indexes = [models.Index(fields=["partnership", "aim", "year"])]

    def __str__(self) -> str:
        return f"{self.theme_id} {self.year}: {self.findings}"


def named(record) -> str:
    """A finding, recommendation, action or any source of learning as people read it: its code with
    its words, an action with its recommendation and source."""
    if isinstance(record, Action):
        recommendation = record.recommendation
        return (
            f"{record.reference}: {record.description} "
            f"({recommendation.reference}, {recommendation.source.learning_reference})"
        )
    if isinstance(record, Recommendation):
        return f"{record.reference}: {record.text}"
    if isinstance(record, Finding):
        return f"{record.reference}: {record.title}"
    return f"{record.learning_reference}: {record.learning_title}"

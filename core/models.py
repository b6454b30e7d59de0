"""Shared records every capability uses: the audit trail, closure days, deadlines, documents."""

import uuid
from collections.abc import Iterator

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connection, connections, models

from core import audit_words, tables


class AuditEvent(models.Model):
    """One append-only row of the audit trail. Never updated or deleted (PostgreSQL refuses it)."""

    class Event(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
        SIGNED_OUT = "signed_out", "Signed out"
        CREATED = "created", "Created"
        CHANGED = "changed", "Changed"
        ARCHIVED = "archived", "Archived"
        VIEWED_IDENTIFYING_DETAILS = "viewed_identifying", "Viewed identifying details"
        EXPORTED = "exported", "Exported"
        SENT = "sent", "Sent"
        DECIDED = "decided", "Decided"
        PUBLISHED = "published", "Published"
        WITHDRAWN = "withdrawn", "Withdrawn"
        DOWNLOADED = "downloaded", "Downloaded"

    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Kept as text too, so the row reads the same whatever later happens to the account.
    actor_label = models.CharField(max_length=200, blank=True)
    partnership = models.ForeignKey(
        "partnership.Partnership", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    event = models.CharField(max_length=32, choices=Event.choices)
    subject_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject_id = models.CharField(max_length=64, blank=True)
    subject_label = models.CharField(max_length=300, blank=True)
    details = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    # One id for all rows written by one action of one person (one request or one command).
    action_group = models.UUIDField(default=uuid.uuid4, db_index=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["partnership", "-occurred_at"]),
            models.Index(fields=["subject_type", "subject_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.get_event_display()} {self.subject_label}"

    @property
    def who(self) -> str:
        """The person by name, with the address recorded at the time; or what acted ("system")."""
        name = self.actor.full_name if self.actor_id else ""
        return (
            f"{name} ({self.actor_label})"
            if name and name != self.actor_label
            else self.actor_label
        )

    @property
    def what(self) -> str:
        """What was done, in words ("Signed off", "Changed the title, due date")."""
        return audit_words.describe(self.get_event_display(), self.details or {})


class ClosureDay(models.Model):
    """A day a partnership does not count as a working day, beyond England's bank holidays."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.CASCADE, related_name="closure_days"
    )
    date = models.DateField()
    reason = models.CharField(max_length=200)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "date"], name="one_closure_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.date:%d %B %Y}: {self.reason}"


class DeadlineQuerySet(models.QuerySet):
    def open(self):
        return self.filter(completed_at__isnull=True)

    def for_person(self, person):
        return self.filter(models.Q(responsible=person) | models.Q(watchers=person)).distinct()

    def unowned(self):
        """Open deadlines with no one active to remind before they fall due, or to tell once overdue.

        Each carries `has_active_watcher`, so the page can say which of the two is missing.
        """
        active_watcher = models.Exists(
            self.model.watchers.through.objects.filter(
                deadline=models.OuterRef("pk"), user__is_active=True
            )
        )
        no_responsible = models.Q(responsible__isnull=True) | models.Q(responsible__is_active=False)
        no_escalation = models.Q(escalate_to__isnull=True) | models.Q(escalate_to__is_active=False)
        return (
            self.open()
            .annotate(has_active_watcher=active_watcher)
            .filter(no_responsible & (no_escalation | models.Q(has_active_watcher=False)))
        )


class Deadline(models.Model):
    """Something that must be done by a date, with a reminder before it and escalation after."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="deadlines"
    )
    title = models.CharField(max_length=300)
    due_date = models.DateField(db_index=True)
    is_statutory = models.BooleanField(default=False)
    basis = models.CharField(max_length=300, blank=True, help_text="Why the date is what it is.")
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    link = models.CharField(max_length=300, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deadlines_responsible",
    )
    watchers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="deadlines_watched"
    )
    escalate_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deadlines_escalated",
    )
    remind_days_before = models.PositiveSmallIntegerField(default=5)
    reminded_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self) -> str:
        return f"{self.title} by {self.due_date:%d %B %Y}"

    def to_remind(self) -> list:
        """The active people reminded as the deadline nears."""
        return _active([self.responsible, *self.watchers.all()])

    def to_escalate_to(self) -> list:
        """The active people told once the deadline has passed."""
        return _active([self.escalate_to, self.responsible])


def _active(people) -> list:
    return [person for person in people if person is not None and person.is_active]


class TableImport(models.Model):
    """An uploaded CSV or XLSX file, imported all or nothing, with its progress and errors.

    Each kind of import adds its own `file` field and statuses. Progress is saved as rows are read,
    outside the import's transaction, so a page read meanwhile shows how far the worker has got.
    """

    original_name = models.CharField(max_length=255)
    rows = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def percent_done(self) -> int:
        return min(round(100 * self.rows_done / self.rows), 100) if self.rows else 0

    def report_progress(self, done: int) -> None:
        """Save how far the import has got, for its page to show.

        While figures are written, the import's transaction is open and hides its own updates until
        the end; on PostgreSQL progress then goes through a connection of its own so the page sees it
        as it happens (skipping a count rather than waiting if the row is locked). SQLite allows one
        writer at a time, so there the writing's progress shows when it is done.
        """
        if connection.vendor != "postgresql" or not connection.in_atomic_block:
            type(self).objects.filter(pk=self.pk).update(rows_done=done)
            return
        table = connection.ops.quote_name(self._meta.db_table)
        reporter = connections.create_connection(DEFAULT_DB_ALIAS)
        try:
            with reporter.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET rows_done = %s WHERE id IN "
                    f"(SELECT id FROM {table} WHERE id = %s FOR UPDATE SKIP LOCKED)",
                    [done, self.pk],
                )
        finally:
            reporter.close()

    def read_rows(self) -> Iterator[list]:
        """The stored file's rows, header first; UnreadableTable if it cannot be read."""
        with self.file.open("rb") as handle:
            yield from tables.read_table(handle, self.original_name)


def document_path(instance: "Document", filename: str) -> str:
    # A random name: the original is kept in the database, never trusted as a path.
    return f"documents/{instance.partnership_id}/{uuid.uuid4().hex}"


class Document(models.Model):
    """An uploaded file belonging to one record; downloaded only through an access-checked view."""

    class Kind(models.TextChoices):
        REPORT = "report", "Report"
        CHRONOLOGY = "chronology", "Chronology"
        AGENCY_RETURN = "agency_return", "Agency return"
        MINUTES = "minutes", "Minutes"
        TERMS_OF_REFERENCE = "terms_of_reference", "Terms of reference"
        EVIDENCE = "evidence", "Evidence"
        OTHER = "other", "Other"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="documents"
    )
    owner_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    owner_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("owner_type", "owner_id")
    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to=document_path)
    original_name = models.CharField(max_length=255)
    media_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]
        indexes = [models.Index(fields=["owner_type", "owner_id"])]

    def __str__(self) -> str:
        return self.title


class Versioned(models.Model):
    """A record edited through forms: its version number makes concurrent edits conflict, not overwrite."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class NarrativeVersion(models.Model):
    """One version of a narrative (free-text) field of a record. The audit trail, which is
    append-only, records only that the field changed and a digest; the text lives here, where the
    business unit can correct or erase it under a recorded reason (UK GDPR articles 16 and 17)."""

    partnership = models.ForeignKey(
        "partnership.Partnership", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.CharField(max_length=64)
    field_name = models.CharField(max_length=100)
    text = models.TextField(blank=True)
    digest = models.CharField(max_length=64)
    # None for the text a record held before its history was kept.
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(null=True, blank=True)
    corrected_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["field_name", "id"]
        indexes = [models.Index(fields=["subject_type", "subject_id", "field_name"])]

    def __str__(self) -> str:
        return f"{self.field_name} version {self.pk}"

"""Writes of shared records: closure days, deadlines, documents and uploaded tables."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from core import audit, tables
from core.documents import check_upload
from core.models import (
    AuditEvent,
    ClosureDay,
    Deadline,
    Document,
    NarrativeVersion,
    TableImport,
)


@transaction.atomic
def closure_day_add(*, partnership, day: date, reason: str, by) -> ClosureDay:
    closure = ClosureDay.objects.create(partnership=partnership, date=day, reason=reason)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=closure,
        details={"date": day, "reason": reason},
    )
    return closure


@transaction.atomic
def closure_day_remove(*, closure: ClosureDay, by) -> None:
    audit.record(
        event=AuditEvent.Event.ARCHIVED, actor=by, subject=closure, details={"date": closure.date}
    )
    closure.delete()


@transaction.atomic
def deadline_set(
    *,
    subject: models.Model,
    partnership,
    title: str,
    due_date: date,
    responsible=None,
    escalate_to=None,
    watchers=(),
    is_statutory: bool = False,
    basis: str = "",
    link: str = "",
    remind_days_before: int = 5,
) -> Deadline:
    """Create or move the deadline called `title` on `subject` (one per subject and title)."""
    deadline, _ = Deadline.objects.update_or_create(
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        title=title,
        defaults={
            "partnership": partnership,
            "due_date": due_date,
            "responsible": responsible,
            "escalate_to": escalate_to,
            "is_statutory": is_statutory,
            "basis": basis,
            "link": link,
            "remind_days_before": remind_days_before,
        },
    )
    deadline.watchers.set(watchers)
    return deadline


@transaction.atomic
def deadline_complete(*, subject: models.Model, title: str) -> int:
    return Deadline.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        title=title,
        completed_at__isnull=True,
    ).update(completed_at=timezone.now())


@transaction.atomic
def document_upload(
    *, owner: models.Model, partnership, upload, title: str, kind: str, by
) -> Document:
    """Store an uploaded file against `owner` once its type and size have been checked."""
    media_type = check_upload(upload)
    document = Document.objects.create(
        partnership=partnership,
        owner_type=ContentType.objects.get_for_model(owner),
        owner_id=owner.pk,
        kind=kind,
        title=title,
        file=upload,
        original_name=upload.name[:255],
        media_type=media_type,
        size=upload.size,
        uploaded_by=by,
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=document,
        details={"owner": str(owner), "name": document.original_name, "size": document.size},
    )
    return document


@transaction.atomic
def table_import_keep(
    *, model: type[TableImport], upload, by, **fields
) -> tuple[TableImport, tables.TableSize]:
    """Keep an uploaded table as an import of `model` (with `fields`), measured for the worker.

    The upload has passed `core.tables.check_table_upload` (the form's TableFileField).
    """
    size = tables.measure(upload, upload.name)
    kept = model.objects.create(
        file=upload, original_name=upload.name[:255], rows=size.rows, uploaded_by=by, **fields
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=kept,
        details={"name": kept.original_name, "size": upload.size},
    )
    return kept, size


@transaction.atomic
def download_recorded(
    *,
    by,
    partnership,
    subject: models.Model | None = None,
    details: dict | None = None,
    event: str = AuditEvent.Event.EXPORTED,
):
    """Record that someone took data out of Learning Hub: an export, or a document's file."""
    return audit.record(
        event=event, actor=by, subject=subject, partnership=partnership, details=details
    )


def _narrative_version_change(
    *, version: NarrativeVersion, text: str, reason: str, by, erased: bool
):
    if not reason.strip():
        raise ValidationError("Give the reason for correcting or erasing the text")
    version.text, version.digest = text, audit.digest(text)
    version.changed_by, version.reason = by, reason.strip()
    if erased:
        version.erased_at = timezone.now()
    else:
        version.corrected_at = timezone.now()
    version.save()
    # The audit row names the version, the field and the reason; never the text.
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=version,
        partnership=version.partnership,
        details={
            "field": version.field_name,
            "record": f"{version.subject_type.model} {version.subject_id}",
            "erased" if erased else "corrected": True,
            "reason": reason.strip(),
        },
    )
    return version


@transaction.atomic
def narrative_version_correct(
    *, version: NarrativeVersion, text: str, reason: str, by
) -> NarrativeVersion:
    """Correct an earlier version of a record's text (UK GDPR article 16, rectification)."""
    return _narrative_version_change(version=version, text=text, reason=reason, by=by, erased=False)


@transaction.atomic
def narrative_version_erase(*, version: NarrativeVersion, reason: str, by) -> NarrativeVersion:
    """Erase an earlier version of a record's text (UK GDPR article 17, erasure)."""
    return _narrative_version_change(version=version, text="", reason=reason, by=by, erased=True)

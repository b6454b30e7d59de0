"""Reads of shared records: audit history, the audit trail search, deadlines and documents."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet

from core.models import AuditEvent, ClosureDay, Deadline, Document


def audit_history(record: models.Model, limit: int = 50, partnership=None) -> QuerySet[AuditEvent]:
    """The audit rows about one record, newest first; with `partnership`, only that partnership's
    (a record shared by partnerships, such as a person, shows each only its own rows)."""
    rows = AuditEvent.objects.filter(
        subject_type=ContentType.objects.get_for_model(record), subject_id=str(record.pk)
    )
    if partnership is not None:
        rows = rows.filter(partnership=partnership)
    return rows.select_related("actor")[:limit]


def audit_search(
    *,
    partnership_id: int,
    text: str = "",
    event: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AuditEvent]:
    """The partnership's audit trail, filtered as the business unit manager asks."""
    events = AuditEvent.objects.filter(
        Q(partnership_id=partnership_id)
        | Q(partnership__isnull=True, actor__role_assignments__partnership_id=partnership_id)
    ).distinct()
    if text:
        events = events.filter(Q(actor_label__icontains=text) | Q(subject_label__icontains=text))
    if event:
        events = events.filter(event=event)
    if date_from:
        events = events.filter(occurred_at__date__gte=date_from)
    if date_to:
        events = events.filter(occurred_at__date__lte=date_to)
    return events.select_related("subject_type", "actor").order_by("-occurred_at", "-id")


def closure_dates(partnership_id: int) -> list[date]:
    return list(
        ClosureDay.objects.filter(partnership_id=partnership_id).values_list("date", flat=True)
    )


def open_deadlines_for(person, *, limit: int = 20) -> QuerySet[Deadline]:
    return Deadline.objects.open().for_person(person).select_related("partnership")[:limit]


def unowned_deadlines(partnership_id: int) -> QuerySet[Deadline]:
    """The partnership's open deadlines that no one would be reminded of or told about once overdue."""
    return (
        Deadline.objects.unowned()
        .filter(partnership_id=partnership_id)
        .select_related("responsible", "escalate_to")
    )


def documents_of(record: models.Model) -> QuerySet[Document]:
    return Document.objects.filter(
        owner_type=ContentType.objects.get_for_model(record),
        owner_id=record.pk,
        archived_at__isnull=True,
    ).select_related("uploaded_by")

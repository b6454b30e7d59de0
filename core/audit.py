"""Writing the audit trail. Services call `record` inside their own transaction."""

import contextvars
import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from core.models import AuditEvent


@dataclass(frozen=True)
class AuditContext:
    """Where the current action comes from: set per request by middleware, per run by commands."""

    ip_address: str | None = None
    user_agent: str = ""
    action_group: uuid.UUID = field(default_factory=uuid.uuid4)


_context: contextvars.ContextVar[AuditContext | None] = contextvars.ContextVar(
    "audit_context", default=None
)


def set_context(context: AuditContext) -> contextvars.Token:
    return _context.set(context)


def reset_context(token: contextvars.Token) -> None:
    _context.reset(token)


def current_context() -> AuditContext:
    return _context.get() or AuditContext()


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return {"id": value.pk, "label": str(value)}
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


class NarrativeText(str):
    """A narrative (free-text) field's text in a snapshot: `record` keeps it out of the audit trail,
    writing a digest there and the text to the record's `NarrativeVersion` history."""


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields of a record as plain JSON values, for before/after comparison; narrative
    text fields as `NarrativeText`."""
    values = {}
    for name in fields:
        model_field = instance._meta.get_field(name)
        if model_field.many_to_many:
            values[name] = sorted(str(item) for item in getattr(instance, name).all())
        elif model_field.is_relation:
            related = getattr(instance, name)
            values[name] = str(related) if related is not None else None
        elif isinstance(model_field, models.TextField):
            values[name] = NarrativeText(getattr(instance, name) or "")
        else:
            values[name] = _plain(getattr(instance, name))
    return values


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: {"before": before.get(name), "after": after.get(name)}
        for name in after
        if before.get(name) != after.get(name)
    }


def _without_narrative_text(details: Any, found: list, field_name: str = "") -> Any:
    """`details` with each narrative change replaced by its digest; the changes go to `found` as
    (field, before, after)."""
    if isinstance(details, dict):
        after = details.get("after")
        if isinstance(after, NarrativeText):
            found.append((field_name, details.get("before") or "", after))
            return {"changed": True, "digest": digest(after)}
        return {
            key: _without_narrative_text(value, found, str(key)) for key, value in details.items()
        }
    if isinstance(details, NarrativeText):
        return {"digest": digest(details)}
    return details


def _keep_narrative_history(subject, partnership, actor, found) -> None:
    from django.utils import timezone

    from core.models import NarrativeVersion

    where = {
        "subject_type": ContentType.objects.get_for_model(subject),
        "subject_id": str(subject.pk),
    }
    for field_name, before, after in found:
        if not NarrativeVersion.objects.filter(**where, field_name=field_name).exists():
            NarrativeVersion.objects.create(
                **where,
                partnership=partnership,
                field_name=field_name,
                text=before,
                digest=digest(before),
            )
        NarrativeVersion.objects.create(
            **where,
            partnership=partnership,
            field_name=field_name,
            text=after,
            digest=digest(after),
            written_by=actor if actor is not None and actor.pk else None,
            written_at=timezone.now(),
        )


def record(
    *,
    event: str,
    actor=None,
    subject: models.Model | None = None,
    partnership=None,
    details: dict[str, Any] | None = None,
    actor_label: str = "",
) -> AuditEvent:
    context = current_context()
    if partnership is None and subject is not None:
        partnership = getattr(subject, "partnership", None)
    narratives: list = []
    details = _without_narrative_text(details or {}, narratives)
    if narratives and subject is not None:
        _keep_narrative_history(subject, partnership, actor, narratives)
    return AuditEvent.objects.create(
        event=event,
        actor=actor if actor is not None and actor.pk else None,
        actor_label=actor_label or (actor.email if actor is not None else "system"),
        partnership=partnership,
        subject_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
        subject_id=str(subject.pk) if subject is not None else "",
        subject_label=str(subject)[:300] if subject is not None else "",
        details=_plain(details),
        ip_address=context.ip_address,
        user_agent=context.user_agent[:300],
        action_group=context.action_group,
    )

"""Writing the audit trail. Services call `record` inside their own transaction."""

import contextvars
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


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields of a record as plain JSON values, for before/after comparison."""
    values = {}
    for name in fields:
        model_field = instance._meta.get_field(name)
        if model_field.many_to_many:
            values[name] = sorted(str(item) for item in getattr(instance, name).all())
        elif model_field.is_relation:
            related = getattr(instance, name)
            values[name] = str(related) if related is not None else None
        else:
            values[name] = _plain(getattr(instance, name))
    return values


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: {"before": before.get(name), "after": after.get(name)}
        for name in after
        if before.get(name) != after.get(name)
    }


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
    return AuditEvent.objects.create(
        event=event,
        actor=actor if actor is not None and actor.pk else None,
        actor_label=actor_label or (actor.email if actor is not None else "system"),
        partnership=partnership,
        subject_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
        subject_id=str(subject.pk) if subject is not None else "",
        subject_label=str(subject)[:300] if subject is not None else "",
        details=_plain(details or {}),
        ip_address=context.ip_address,
        user_agent=context.user_agent[:300],
        action_group=context.action_group,
    )

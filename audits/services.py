"""Every change to multi-agency case audits. Each writes its audit row in its own transaction."""

from django.db import transaction

from audits.models import AuditProgramme
from core import audit
from core.models import AuditEvent
from partnership.models import Partnership, User


@transaction.atomic
def programme_create(
    *, partnership: Partnership, year: int, summary: str, by: User
) -> AuditProgramme:
    """Open the audit programme of a financial year (one a year)."""
    programme = AuditProgramme.objects.create(
        partnership=partnership, year=year, summary=summary, created_by=by
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=programme,
        details={"year": year, "summary": summary},
    )
    return programme

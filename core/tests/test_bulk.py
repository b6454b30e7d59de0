"""Many plain rows written at once (COPY on PostgreSQL) read back as the ORM would have written them."""

import uuid
from datetime import UTC, datetime

import pytest

from core.bulk import copy_rows
from core.models import AuditEvent

pytestmark = pytest.mark.django_db
COLUMNS = (
    *("occurred_at", "actor", "actor_label", "partnership", "event", "subject_id"),
    *("subject_label", "details", "ip_address", "user_agent", "action_group"),
)


def test_rows_copied_read_back_with_every_kind_of_value_intact(cast):
    group = uuid.uuid4()
    written = copy_rows(
        AuditEvent,
        COLUMNS,
        (
            (
                datetime(2026, 3, n + 1, 9, 30, tzinfo=UTC),
                cast.officer.pk,
                "officer@test.example",
                cast.partnership.pk,
                AuditEvent.Event.CHANGED,
                str(n),
                f"Record {n} – “quoted”",
                {"changed": ["title"], "n": n},
                "192.0.2.1" if n else None,
                "",
                group,
            )
            for n in range(3)
        ),
    )
    assert written == 3
    events = list(AuditEvent.objects.order_by("occurred_at"))
    assert [event.occurred_at for event in events] == [
        datetime(2026, 3, n + 1, 9, 30, tzinfo=UTC) for n in range(3)
    ]
    assert events[2].details == {"changed": ["title"], "n": 2}
    assert events[0].ip_address is None and events[1].ip_address == "192.0.2.1"
    assert events[1].subject_label == "Record 1 – “quoted”"
    assert {event.action_group for event in events} == {group}
    assert {event.actor for event in events} == {cast.officer}


def test_no_rows_write_nothing(cast):
    assert copy_rows(AuditEvent, ("event",), iter(())) == 0
    assert not AuditEvent.objects.exists()

"""The audit trail: append-only, searchable by the business unit manager, exportable, never shared across partnerships."""

import csv
import io

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.urls import reverse

from core import audit, audit_words
from core.models import AuditEvent
from core.testing import sign_in

pytestmark = pytest.mark.django_db


def test_an_audit_row_records_who_what_when_and_from_where(client, cast):
    sign_in(client, cast.officer)
    client.post(
        reverse("partnership:structure_archive", args=["organisations", cast.hospital.pk]),
        REMOTE_ADDR="192.0.2.10",
    )
    row = AuditEvent.objects.get(event=AuditEvent.Event.ARCHIVED)
    assert (row.actor, row.partnership, row.subject_label, row.ip_address) == (
        cast.officer,
        cast.partnership,
        cast.hospital.name,
        "192.0.2.10",
    )
    assert row.occurred_at is not None


def test_rows_written_by_one_request_share_one_action_group(client, cast):
    sign_in(client, cast.manager)
    client.post(reverse("partnership:person_deactivate", args=[cast.practitioner.pk]))
    client.post(reverse("partnership:person_reactivate", args=[cast.practitioner.pk]))
    groups = set(
        AuditEvent.objects.filter(subject_id=str(cast.practitioner.pk)).values_list(
            "action_group", flat=True
        )
    )
    assert len(groups) == 2


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the database itself enforces this on PostgreSQL"
)
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE core_auditevent SET actor_label = 'someone else'",
        "DELETE FROM core_auditevent",
    ],
)
def test_postgresql_refuses_to_change_or_delete_audit_rows(cast, statement):
    audit.record(event=AuditEvent.Event.CHANGED, actor=cast.manager, partnership=cast.partnership)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert AuditEvent.objects.filter(actor_label=cast.manager.email).count() == 1


def test_the_manager_searches_the_trail_by_person_and_event(client, cast):
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=cast.officer,
        partnership=cast.partnership,
        subject=cast.council,
    )
    audit.record(
        event=AuditEvent.Event.EXPORTED, actor=cast.partner_lead, partnership=cast.partnership
    )
    sign_in(client, cast.manager)
    page = client.get(reverse("core:audit_trail"), {"q": "officer", "event": "changed"}).context[
        "page"
    ]
    assert [row.actor for row in page] == [cast.officer]


def test_a_bad_date_range_is_refused_naming_the_field(client, cast):
    sign_in(client, cast.manager)
    response = client.get(
        reverse("core:audit_trail"),
        {
            "date_from_0": "5",
            "date_from_1": "3",
            "date_from_2": "2026",
            "date_to_0": "1",
            "date_to_1": "3",
            "date_to_2": "2026",
        },
    )
    assert response.context["form"].errors["date_to"] == [
        "The 'to' date must be the same as or after the 'from' date"
    ]


def test_the_trail_downloads_as_csv_and_the_download_is_itself_recorded(client, cast):
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=cast.officer,
        partnership=cast.partnership,
        subject=cast.council,
    )
    sign_in(client, cast.manager)
    response = client.get(reverse("core:audit_trail"), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["time", "person", "event"]
    assert any(row[1] == cast.officer.email and row[5] == cast.council.name for row in rows[1:])
    assert AuditEvent.objects.filter(event=AuditEvent.Event.EXPORTED, actor=cast.manager).exists()


def test_another_partnerships_manager_never_sees_this_partnerships_rows(client, cast):
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=cast.officer,
        partnership=cast.partnership,
        subject=cast.council,
    )
    sign_in(client, cast.outsider)
    page = client.get(reverse("core:audit_trail")).context["page"]
    assert all(row.partnership_id == cast.other_partnership.pk for row in page)
    csv_rows = b"".join(
        client.get(reverse("core:audit_trail"), {"format": "csv"}).streaming_content
    ).decode()
    assert cast.officer.email not in csv_rows


def test_the_trail_names_the_person_and_says_what_they_did(client, cast):
    audit.record(
        event=AuditEvent.Event.DECIDED,
        actor=cast.partner_lead,
        subject=cast.council,
        details={"signed_off": True},
    )
    sign_in(client, cast.manager)
    page = client.get(reverse("core:audit_trail")).content.decode()
    assert f"{cast.partner_lead.full_name} ({cast.partner_lead.email})" in page
    assert "Signed off" in page


@pytest.mark.parametrize(
    ("label", "details", "words"),
    [
        ("Decided", {"signed_off": False}, "Declined to sign off"),
        ("Decided", {"to": "approved"}, "Approved"),
        ("Changed", {"changes": {"title": "…", "due_date": "…"}}, "Changed the title, due date"),
        ("Decided", {"outcome": "no_further_action"}, "Decided: outcome no further action"),
        ("Created", {}, "Created"),
    ],
)
def test_a_row_says_what_was_done_from_its_details(label, details, words):
    assert audit_words.describe(label, details) == words

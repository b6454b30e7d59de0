"""The application's PostgreSQL role, granted as the README says, cannot undo the audit trail.

The test runs the README's own GRANT lines against a fresh role, then acts as that role. Everything
happens inside the test's transaction, so the role and its grants are gone afterwards.
"""

import re
import uuid

import pytest
from django.conf import settings
from django.db import DatabaseError, connection, transaction

from core import audit
from core.models import AuditEvent, ClosureDay

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="database roles and grants are PostgreSQL's"
    ),
]


def _readme_grants() -> list[str]:
    readme = (settings.BASE_DIR / "README.md").read_text()
    block = re.search(r"<!-- application role grants -->\s*```sql\n(.*?)```", readme, re.S)
    assert block, "the README has lost its block of grants for the application's role"
    return [statement.strip() for statement in block.group(1).split(";") if statement.strip()]


@pytest.fixture
def as_application_role(cast):
    """The connection acting as a new role with exactly the README's grants."""
    role = f"learninghub_app_{uuid.uuid4().hex[:12]}"
    audit.record(event=AuditEvent.Event.CHANGED, actor=cast.manager, partnership=cast.partnership)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        owner = cursor.fetchone()[0]
        cursor.execute(f'CREATE ROLE "{role}" NOLOGIN')
        cursor.execute(f'GRANT USAGE ON SCHEMA public TO "{role}"')
        for statement in _readme_grants():
            cursor.execute(
                statement.replace("learninghub_owner", f'"{owner}"').replace(
                    "learninghub_app", f'"{role}"'
                )
            )
        # SET LOCAL lasts to the end of the test's transaction, through the savepoints below.
        cursor.execute(f'SET LOCAL ROLE "{role}"')
    return role


def test_the_application_role_reads_and_adds_to_the_audit_trail_and_works_elsewhere(
    as_application_role, cast
):
    audit.record(event=AuditEvent.Event.CREATED, actor=cast.officer, partnership=cast.partnership)
    assert AuditEvent.objects.count() == 2
    closure = ClosureDay.objects.create(partnership=cast.partnership, date="2026-12-29")
    closure.reason = "Council closure day"
    closure.save()
    closure.delete()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE core_auditevent SET actor_label = 'someone else'",
        "DELETE FROM core_auditevent",
        "TRUNCATE core_auditevent",
        "DROP TRIGGER core_auditevent_no_update_or_delete ON core_auditevent",
        "ALTER TABLE core_auditevent DISABLE TRIGGER ALL",
        "DROP FUNCTION core_auditevent_append_only() CASCADE",
        "CREATE OR REPLACE FUNCTION core_auditevent_append_only() RETURNS trigger AS"
        " $$ BEGIN RETURN OLD; END; $$ LANGUAGE plpgsql",
        "DROP TABLE core_auditevent",
    ],
)
def test_the_application_role_cannot_change_or_remove_the_audit_trail(
    as_application_role, statement
):
    with (
        pytest.raises(DatabaseError, match=r"permission denied|must be owner"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert AuditEvent.objects.count() == 1

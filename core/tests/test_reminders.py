"""Deadlines are reminded before they fall due and escalated once overdue, by the real task worker."""

from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from core import services
from core.reminders import send_deadline_reminders
from core.tasks import send_deadline_reminders as reminder_task

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def deadline(cast):
    return services.deadline_set(
        subject=cast.council,
        partnership=cast.partnership,
        title="Notify the national panel",
        due_date=date(2026, 3, 11),
        responsible=cast.officer,
        escalate_to=cast.manager,
        watchers=[cast.partner_lead],
        is_statutory=True,
        basis="within 5 working days of becoming aware",
        remind_days_before=3,
    )


def test_no_reminder_is_sent_before_the_reminder_window(deadline):
    assert send_deadline_reminders(today=date(2026, 3, 7)) == {"reminded": 0, "escalated": 0}
    assert mail.outbox == []


def test_the_responsible_person_and_watchers_are_reminded_once_in_the_window(deadline):
    assert send_deadline_reminders(today=date(2026, 3, 9)) == {"reminded": 1, "escalated": 0}
    assert sorted(mail.outbox[0].to) == sorted(
        [deadline.responsible.email, deadline.watchers.get().email]
    )
    assert "Notify the national panel" in mail.outbox[0].subject
    assert send_deadline_reminders(today=date(2026, 3, 10)) == {"reminded": 0, "escalated": 0}


def test_an_overdue_deadline_is_escalated_once(deadline):
    assert send_deadline_reminders(today=date(2026, 3, 12)) == {"reminded": 0, "escalated": 1}
    assert deadline.escalate_to.email in mail.outbox[0].to
    assert "overdue" in mail.outbox[0].body
    assert send_deadline_reminders(today=date(2026, 3, 13))["escalated"] == 0


def test_a_completed_deadline_is_neither_reminded_nor_escalated(deadline, cast):
    services.deadline_complete(subject=cast.council, title=deadline.title)
    assert send_deadline_reminders(today=date(2026, 3, 12)) == {"reminded": 0, "escalated": 0}


def test_the_database_task_worker_runs_the_queued_reminder_task(deadline):
    with time_machine.travel(date(2026, 3, 10)):
        result = reminder_task.enqueue()
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0, reload=False)
    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert result.return_value == {"reminded": 1, "escalated": 0}
    assert len(mail.outbox) == 1

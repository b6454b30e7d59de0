"""Deadlines are reminded before they fall due and escalated once overdue, by the real task worker;
one with no one to remind or escalate to is shown to the business unit as unowned, never marked done."""

from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from core import services
from core.reminders import send_deadline_reminders
from core.tasks import send_deadline_reminders as reminder_task
from core.testing import assert_queries_do_not_grow, sign_in

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
    assert send_deadline_reminders(today=date(2026, 3, 7)) == {
        "reminded": 0,
        "escalated": 0,
        "unowned": 0,
    }
    assert mail.outbox == []


def test_the_responsible_person_and_watchers_are_reminded_once_in_the_window(deadline):
    assert send_deadline_reminders(today=date(2026, 3, 9)) == {
        "reminded": 1,
        "escalated": 0,
        "unowned": 0,
    }
    assert sorted(mail.outbox[0].to) == sorted(
        [deadline.responsible.email, deadline.watchers.get().email]
    )
    assert "Notify the national panel" in mail.outbox[0].subject
    assert send_deadline_reminders(today=date(2026, 3, 10)) == {
        "reminded": 0,
        "escalated": 0,
        "unowned": 0,
    }


def test_an_overdue_deadline_is_escalated_once(deadline):
    assert send_deadline_reminders(today=date(2026, 3, 12)) == {
        "reminded": 0,
        "escalated": 1,
        "unowned": 0,
    }
    assert deadline.escalate_to.email in mail.outbox[0].to
    assert "overdue" in mail.outbox[0].body
    assert send_deadline_reminders(today=date(2026, 3, 13))["escalated"] == 0


def test_a_completed_deadline_is_neither_reminded_nor_escalated(deadline, cast):
    services.deadline_complete(subject=cast.council, title=deadline.title)
    assert send_deadline_reminders(today=date(2026, 3, 12)) == {
        "reminded": 0,
        "escalated": 0,
        "unowned": 0,
    }


def test_the_database_task_worker_runs_the_queued_reminder_task(deadline):
    with time_machine.travel(date(2026, 3, 10)):
        result = reminder_task.enqueue()
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0, reload=False)
    result.refresh()
    assert result.status == "SUCCESSFUL"
    # Apps add their own runs' counts (`reminders.app_reminder_runs`).
    assert result.return_value.items() >= {"reminded": 1, "escalated": 0, "unowned": 0}.items()
    assert len(mail.outbox) == 1


def _unowned(cast, title="Action LA-7: update the neglect toolkit", due=date(2026, 3, 11)):
    return services.deadline_set(
        subject=cast.council, partnership=cast.partnership, title=title, due_date=due
    )


def test_an_overdue_deadline_with_no_one_to_tell_is_not_marked_escalated(cast):
    deadline = _unowned(cast)
    assert send_deadline_reminders(today=date(2026, 3, 12)) == {
        "reminded": 0,
        "escalated": 0,
        "unowned": 1,
    }
    deadline.refresh_from_db()
    assert deadline.escalated_at is None
    assert mail.outbox == []


def test_an_unowned_deadline_is_escalated_on_the_first_run_after_someone_is_given_it(cast):
    _unowned(cast)
    send_deadline_reminders(today=date(2026, 3, 12))
    services.deadline_set(
        subject=cast.council,
        partnership=cast.partnership,
        title="Action LA-7: update the neglect toolkit",
        due_date=date(2026, 3, 11),
        responsible=cast.officer,
    )
    assert send_deadline_reminders(today=date(2026, 3, 13))["escalated"] == 1
    assert mail.outbox[0].to == [cast.officer.email]


def test_a_deadline_whose_only_people_have_left_is_not_marked_reminded(deadline, cast):
    for person in (cast.officer, cast.partner_lead):
        person.is_active = False
        person.save(update_fields=["is_active"])
    assert send_deadline_reminders(today=date(2026, 3, 9))["unowned"] == 1
    deadline.refresh_from_db()
    assert deadline.reminded_at is None
    assert mail.outbox == []


def _dashboard(client, person) -> str:
    client.logout()
    sign_in(client, person)
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_business_unit_dashboard_shows_unowned_deadlines(client, cast, deadline):
    _unowned(cast)
    page = _dashboard(client, cast.officer)
    assert "Deadlines with no one to remind" in page
    assert "Action LA-7: update the neglect toolkit" in page
    assert "No one to remind, no one to tell once overdue" in page
    # A deadline with people to remind and tell is not unowned.
    assert page.count("Notify the national panel") == 1


def test_a_deadline_with_people_to_remind_but_no_one_to_tell_is_unowned(client, cast):
    request_deadline = _unowned(cast)
    request_deadline.watchers.set([cast.contributor])
    page = _dashboard(client, cast.manager)
    assert "Action LA-7: update the neglect toolkit" in page
    assert "No one to tell once overdue" in page


@pytest.mark.parametrize("persona", ["partner_lead", "contributor", "outsider"])
def test_only_the_partnerships_own_business_unit_sees_its_unowned_deadlines(client, cast, persona):
    _unowned(cast)
    page = _dashboard(client, cast.persona(persona))
    assert "Action LA-7" not in page
    assert "Deadlines with no one to remind" not in page


def test_the_dashboard_queries_do_not_grow_with_unowned_deadlines(client, cast):
    _unowned(cast)
    sign_in(client, cast.officer)
    assert_queries_do_not_grow(
        lambda: client.get(reverse("core:dashboard")),
        lambda: [_unowned(cast, title=f"Action LA-{number}") for number in range(10)],
    )

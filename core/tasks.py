"""Background tasks of the shared services, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task

from core import reminders


@task()
def send_deadline_reminders() -> dict[str, int]:
    sent = reminders.send_deadline_reminders()
    for run in reminders.app_reminder_runs():
        sent.update(run())
    return sent

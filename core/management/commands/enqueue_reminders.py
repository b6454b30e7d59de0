from django.core.management.base import BaseCommand

from core.tasks import send_deadline_reminders


class Command(BaseCommand):
    help = "Queue the daily reminder and escalation run (call from cron or a systemd timer)."

    def handle(self, *args, **options):
        result = send_deadline_reminders.enqueue()
        self.stdout.write(f"Queued reminders as task {result.id}")

import time

from django.core.management.base import BaseCommand

from core.tasks import send_deadline_reminders


class Command(BaseCommand):
    help = "Queue the reminder run now and then every --every seconds (for the demo; production uses cron)."

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=3600)

    def handle(self, *args, every, **options):
        while True:
            send_deadline_reminders.enqueue()
            time.sleep(every)

"""Print a serious incident's statutory deadlines as JSON, counted in England's working days."""

import json

from django.core.management.base import BaseCommand

from core.management.arguments import iso_date
from reviews.deadlines import statutory_deadlines


class Command(BaseCommand):
    help = "Deadlines to notify the national panel and to complete the rapid review."

    def add_arguments(self, parser):
        parser.add_argument(
            "--aware",
            required=True,
            type=iso_date,
            help="Date the local authority became aware (YYYY-MM-DD)",
        )
        parser.add_argument(
            "--notified", type=iso_date, help="Date the national panel was notified (YYYY-MM-DD)"
        )

    def handle(self, *args, **options):
        deadlines = statutory_deadlines(aware=options["aware"], notified=options["notified"])
        self.stdout.write(
            json.dumps(
                {
                    "notify_panel_by": deadlines.notify_panel_by.isoformat(),
                    "rapid_review_by": deadlines.rapid_review_by.isoformat(),
                }
            )
        )

"""Print when an inspection's action plan is due, as JSON, counted in England's working days."""

import json

from django.core.management.base import BaseCommand

from core.management.arguments import iso_date
from inspections.deadlines import KINDS, action_plan_due


class Command(BaseCommand):
    help = "The date an inspection's action plan (or written statement of action) is due."

    def add_arguments(self, parser):
        parser.add_argument("--type", required=True, choices=KINDS, help="The kind of inspection")
        parser.add_argument(
            "--received",
            required=True,
            type=iso_date,
            help="Date the final report or letter was received (YYYY-MM-DD)",
        )
        parser.add_argument(
            "--priority-actions",
            action="store_true",
            help="The report names areas for priority action",
        )

    def handle(self, *args, **options):
        clock = action_plan_due(
            kind=options["type"],
            received=options["received"],
            priority_actions=options["priority_actions"],
        )
        self.stdout.write(
            json.dumps(
                {
                    "action_plan_due": clock.due.isoformat() if clock.due else None,
                    "rule": clock.rule,
                }
            )
        )

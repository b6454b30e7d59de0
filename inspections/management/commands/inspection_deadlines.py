"""Print when an inspection's action plan is due, as JSON, counted in England's working days."""

import argparse
import json
from datetime import date

from django.core.management.base import BaseCommand

from inspections.deadlines import KINDS, action_plan_due


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


class Command(BaseCommand):
    help = "The date an inspection's action plan (or written statement of action) is due."

    def add_arguments(self, parser):
        parser.add_argument("--type", required=True, choices=KINDS, help="The kind of inspection")
        parser.add_argument(
            "--received",
            required=True,
            type=_day,
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

"""Search the similar-work index of one partnership, as the operator (no access filter).

    manage.py similar_work --partnership SLUG --text TEXT [--limit N]

Prints a JSON list, best first: [{"kind", "reference", "title", "status", "score", "reasons"}].
The index is kept by the worker; `manage.py similar_work_reindex` fills it afresh.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from learning import selectors
from partnership.models import Partnership


class Command(BaseCommand):
    help = "Print the work most like TEXT in one partnership, as JSON, best first."

    def add_arguments(self, parser):
        parser.add_argument("--partnership", required=True, help="The partnership's slug")
        parser.add_argument("--text", required=True)
        parser.add_argument("--limit", type=int, default=10)

    def handle(self, *args, partnership, text, limit, **options):
        found = Partnership.objects.filter(slug=partnership).first()
        if found is None:
            raise CommandError(f"There is no partnership with the slug {partnership!r}")
        if limit < 1:
            raise CommandError("Enter a limit of 1 or more")
        items = selectors.similar_work(partnership=found, text=text, limit=limit)
        self.stdout.write(
            json.dumps(
                [
                    {
                        "kind": item.kind,
                        "reference": item.reference,
                        "title": item.title,
                        "status": item.status,
                        "score": item.score,
                        "reasons": item.reasons,
                    }
                    for item in items
                ],
                indent=2,
            )
        )

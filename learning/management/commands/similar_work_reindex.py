"""Index every record of every kind afresh for similar-work search (after loading data in bulk).

manage.py similar_work_reindex [--partnership SLUG]
"""

from django.core.management.base import BaseCommand, CommandError

from learning.services_similar import similar_work_reindex
from partnership.models import Partnership


class Command(BaseCommand):
    help = "Index every record afresh for similar-work search."

    def add_arguments(self, parser):
        parser.add_argument("--partnership", help="Only this partnership (its slug)")

    def handle(self, *args, partnership=None, **options):
        found = None
        if partnership:
            found = Partnership.objects.filter(slug=partnership).first()
            if found is None:
                raise CommandError(f"There is no partnership with the slug {partnership!r}")
        count = similar_work_reindex(partnership=found)
        self.stdout.write(f"{count} records indexed")

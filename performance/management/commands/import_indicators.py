import json

from django.core.management.base import BaseCommand, CommandError

from partnership.models import Partnership
from performance import importing, services


class Command(BaseCommand):
    help = (
        "Add or replace a partnership's indicators from a CSV file with the columns code, title, "
        "definition, unit, polarity, target, tolerance, supplier, theme."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--partnership", required=True, help="The partnership's slug.")

    def handle(self, *args, **options):
        partnership = Partnership.objects.filter(slug=options["partnership"]).first()
        if partnership is None:
            raise CommandError(f"No partnership with the slug '{options['partnership']}'")
        try:
            counts = services.indicators_import(
                partnership=partnership,
                table=importing.read_table(options["file"], options["file"]),
                by=None,
                source=options["file"],
            )
        except importing.ImportRefused as refused:
            for error in refused.errors:
                self.stderr.write(str(error))
            raise SystemExit(1) from None
        except OSError as unreadable:
            raise CommandError(f"Cannot read {options['file']}: {unreadable.strerror}") from None
        self.stdout.write(json.dumps(counts))

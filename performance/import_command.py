"""What the import commands share: find the partnership, read the file, report errors as rows and columns."""

import json

from django.core.management.base import BaseCommand, CommandError

from partnership.models import Partnership
from performance import importing


class ImportCommand(BaseCommand):
    """Prints the counts as JSON; on any error prints `row R, column C: message` lines and exits 1."""

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--partnership", required=True, help="The partnership's slug.")

    def run_import(self, *, partnership: Partnership, table, source: str, options: dict) -> dict:
        raise NotImplementedError

    def handle(self, *args, **options):
        partnership = Partnership.objects.filter(slug=options["partnership"]).first()
        if partnership is None:
            raise CommandError(f"No partnership with the slug '{options['partnership']}'")
        try:
            counts = self.run_import(
                partnership=partnership,
                table=importing.read_table(options["file"], options["file"]),
                source=options["file"],
                options=options,
            )
        except importing.ImportRefused as refused:
            for error in refused.errors:
                self.stderr.write(str(error))
            raise SystemExit(1) from None
        except OSError as unreadable:
            raise CommandError(f"Cannot read {options['file']}: {unreadable.strerror}") from None
        self.stdout.write(json.dumps(counts))

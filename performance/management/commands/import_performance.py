import json

from django.core.management.base import BaseCommand, CommandError

from partnership.models import Partnership
from performance import importing, services


class Command(BaseCommand):
    help = (
        "Import quarterly values from a CSV or XLSX file laid out like the template. Prints "
        '{"rows", "created", "updated", "unchanged"} as JSON; on any error prints '
        "'row R, column C: message' lines to standard error, writes nothing and exits 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--partnership", required=True, help="The partnership's slug.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report, writing nothing."
        )

    def handle(self, *args, **options):
        partnership = Partnership.objects.filter(slug=options["partnership"]).first()
        if partnership is None:
            raise CommandError(f"No partnership with the slug '{options['partnership']}'")
        try:
            counts = services.observations_import(
                partnership=partnership,
                table=importing.read_table(options["file"], options["file"]),
                by=None,
                source=options["file"],
                dry_run=options["dry_run"],
            )
        except importing.ImportRefused as refused:
            for error in refused.errors:
                self.stderr.write(str(error))
            raise SystemExit(1) from None
        except OSError as unreadable:
            raise CommandError(f"Cannot read {options['file']}: {unreadable.strerror}") from None
        self.stdout.write(json.dumps(counts))

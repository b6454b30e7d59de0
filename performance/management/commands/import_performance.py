from performance import services
from performance.import_command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import quarterly values from a CSV or XLSX file laid out like the template. Prints "
        '{"rows", "created", "updated", "unchanged"} as JSON; on any error prints '
        "'row R, column C: message' lines to standard error, writes nothing and exits 1."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report, writing nothing."
        )

    def run_import(self, *, partnership, table, source, options):
        return services.observations_import(
            partnership=partnership, table=table, by=None, source=source, dry_run=options["dry_run"]
        )

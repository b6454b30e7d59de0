from performance import services
from performance.import_command import ImportCommand


class Command(ImportCommand):
    help = (
        "Add or replace a partnership's indicators from a CSV file with the columns code, title, "
        "definition, unit, polarity, target, tolerance, supplier, theme."
    )

    def run_import(self, *, partnership, table, source, options):
        return services.indicators_import(
            partnership=partnership, table=table, by=None, source=source
        )

"""The performance framework at national scale: 150 partnerships x 40 indicators x 10 years of quarters,
and an import of 1,000,000 rows against reading the same file with the csv module alone."""

import csv
import tempfile
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.urls import reverse

from core.bulk import copy_rows
from partnership.models import Area, Partnership, Role
from performance import importing, services
from performance.models import Indicator, Observation
from performance.periods import Quarter

INDICATORS = 40
IMPORT_ROWS = 1_000_000
# The import file's keys: 500 indicators x 2 areas x 1,000 quarters (250 years) = 1,000,000 rows.
IMPORT_INDICATORS = 500
IMPORT_QUARTERS = 1000
_HUNDRED = Decimal(100)
_UNITS = (
    Indicator.Unit.COUNT,
    Indicator.Unit.PERCENTAGE,
    Indicator.Unit.RATE_PER_10000,
    Indicator.Unit.DAYS,
)


def _catalogue(partnership, count: int, prefix: str) -> list[Indicator]:
    return [
        Indicator(
            partnership=partnership,
            code=f"{prefix}{n:03d}",
            title=f"Benchmark measure {n}",
            unit=_UNITS[n % len(_UNITS)],
            polarity=Indicator.Polarity.HIGHER_IS_BETTER,
            target=Decimal(50),
            tolerance=Decimal(5),
            theme=Indicator.Theme.values[n % len(Indicator.Theme.values)],
        )
        for n in range(count)
    ]


def seed(world) -> None:
    rng = world.rng
    last = Quarter.containing(world.today).index - 1
    quarters = range(last - world.years * 4 + 1, last + 1)
    Indicator.objects.bulk_create(
        [
            indicator
            for partnership in world.partnerships
            for indicator in _catalogue(partnership, INDICATORS, "PI")
        ],
        batch_size=5000,
    )
    areas: dict[int, list[int]] = {}
    for area_id, partnership_id in Area.objects.values_list("pk", "partnership_id"):
        areas.setdefault(partnership_id, []).append(area_id)
    indicators = list(
        Indicator.objects.filter(partnership__in=world.partnerships)
        .order_by("pk")
        .values_list("partnership_id", "pk", "unit")
    )
    now = datetime.now(UTC)

    def observations():
        for partnership_id, indicator_id, unit in indicators:
            fraction = unit in (Indicator.Unit.PERCENTAGE, Indicator.Unit.RATE_PER_10000)
            for area_id in areas[partnership_id]:
                for period in quarters:
                    numerator = Decimal(rng.randint(10, 90))
                    yield (
                        partnership_id,
                        indicator_id,
                        area_id,
                        period,
                        numerator,
                        numerator if fraction else None,
                        _HUNDRED if fraction else None,
                        "",
                        now,
                    )

    copy_rows(
        Observation,
        (
            "partnership",
            "indicator",
            "area",
            "period",
            "value",
            "numerator",
            "denominator",
            "note",
            "updated_at",
        ),
        observations(),
    )
    _import_partnership()


def _import_partnership() -> None:
    partnership = Partnership.objects.create(
        name="Benchmark import partnership", short_name="BIMP", slug="benchmark-import"
    )
    Area.objects.bulk_create(
        Area(partnership=partnership, name=name) for name in ("North Area", "South Area")
    )
    Indicator.objects.bulk_create(_catalogue(partnership, IMPORT_INDICATORS, "IM"))


def _write_import_file(folder: Path) -> Path:
    path = folder / "values.csv"
    first = Quarter(2025, 1).index - IMPORT_QUARTERS + 1
    labels = [str(Quarter.from_index(first + n)) for n in range(IMPORT_QUARTERS)]
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(importing.COLUMNS)
        for n in range(IMPORT_INDICATORS):
            code, unit = f"IM{n:03d}", _UNITS[n % len(_UNITS)]
            fraction = unit in (Indicator.Unit.PERCENTAGE, Indicator.Unit.RATE_PER_10000)
            for area in ("North Area", "South Area"):
                for label in labels:
                    if fraction:
                        writer.writerow((code, area, label, "", "37", "120", ""))
                    else:
                        writer.writerow((code, area, label, "42", "", "", ""))
    return path


def measure(bench) -> None:
    first = Partnership.objects.order_by("pk").first()
    manager = first.role_assignments.get(role=Role.BUSINESS_UNIT_MANAGER).person
    bench.page(
        "Quarterly performance report (40 indicators, 10 years)",
        reverse("performance:report"),
        manager,
    )
    bench.page(
        "Quarterly performance report, one theme",
        reverse("performance:report") + "?theme=decision_quality",
        manager,
    )
    partnership = Partnership.objects.get(slug="benchmark-import")
    with tempfile.TemporaryDirectory() as folder:
        path = _write_import_file(Path(folder))

        def read_with_csv_alone():
            with open(path, newline="") as handle:
                for _row in csv.reader(handle):
                    pass

        def check_only():
            services.observations_import(
                partnership=partnership,
                table=importing.read_table(path, path.name),
                by=None,
                source="bench",
                dry_run=True,
            )

        def import_then_roll_back():
            with transaction.atomic():
                services.observations_import(
                    partnership=partnership,
                    table=importing.read_table(path, path.name),
                    by=None,
                    source="bench",
                )
                transaction.set_rollback(True)

        bench.operation(
            "import_check_1m",
            "Check 1,000,000 rows (dry run)",
            check_only,
            baseline="csv.reader over the same file",
            baseline_function=read_with_csv_alone,
            repeat=1,
        )
        bench.operation(
            "import_write_1m",
            "Check and write 1,000,000 rows",
            import_then_roll_back,
            baseline="csv.reader over the same file",
            baseline_function=read_with_csv_alone,
            repeat=1,
        )

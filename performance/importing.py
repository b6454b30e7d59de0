"""Reading a file of quarterly values, checking every row in memory, and writing it all or nothing.

The template's columns are fixed (`COLUMNS`). Rows are numbered as a spreadsheet shows them, the
header being row 1. Lookups (indicators, areas, the values already held) are prepared once per file,
so checking a million rows costs a few queries; writing goes in batches of `BATCH` rows.
"""

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import islice

from django.db import connection
from django.utils import timezone

from core import tables
from core.bulk import copy_rows
from partnership.models import Area
from performance import periods
from performance.areas import area_key
from performance.models import Indicator, Observation

COLUMNS = ("indicator", "area", "period", "value", "numerator", "denominator", "note")
REQUIRED_COLUMNS = ("indicator", "area", "period", "value")
BATCH = 5000
PROGRESS_EVERY = 10000
# A value typed beside its numerator and denominator may differ from the computed one by rounding only.
VALUE_TOLERANCE = Decimal("0.05")
_CENT = Decimal("0.01")
_LARGEST = Decimal(10) ** 12  # the stored figures have 14 digits, 2 of them after the point
_SCALE = {Indicator.Unit.PERCENTAGE: Decimal(100), Indicator.Unit.RATE_PER_10000: Decimal(10000)}
_WHOLE_PARTNERSHIP = ("", "all", "all areas", "partnership", "whole partnership")
WHOLE = object()  # the area column's answer for the partnership as a whole
# Distinct figures remembered while checking a file: enough for any real one, bounded in memory.
_NUMBERS_KEPT = 100_000

# indicator id, area id (None: the whole partnership), quarter index
Key = tuple[int, int | None, int]
# value, numerator, denominator, note
Values = tuple[Decimal, Decimal | None, Decimal | None, str]


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"


class ImportRefused(Exception):
    """The file has errors; nothing was written."""

    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass
class Plan:
    """What applying a checked file would do."""

    rows: int = 0
    creates: dict[Key, Values] = field(default_factory=dict)
    # the stored value's id, its values before and after
    updates: dict[Key, tuple[int, Values, Values]] = field(default_factory=dict)
    unchanged: int = 0

    @property
    def counts(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "created": len(self.creates),
            "updated": len(self.updates),
            "unchanged": self.unchanged,
        }


def refused_as_unreadable(rows: Iterable[list]) -> Iterator[list]:
    """The rows, or ImportRefused naming the file when it cannot be read."""
    try:
        yield from rows
    except tables.UnreadableTable as unreadable:
        message = str(unreadable)
        raise ImportRefused([RowError(1, "file", message[:1].lower() + message[1:])]) from None


def read_table(source, name: str) -> Iterator[list]:
    """The rows of a CSV or XLSX file (header first); ImportRefused when it cannot be read."""
    return refused_as_unreadable(tables.read_table(source, name))


def _text(cell) -> str:
    if type(cell) is str:
        return cell.strip()
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _number(text: str) -> Decimal | None:
    """The number in a cell ('1,234.5' included); None for a blank; ValueError for anything else."""
    if not text:
        return None
    try:
        number = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"'{text}' is not a number") from None
    if not number.is_finite():
        raise ValueError(f"'{text}' is not a number")
    if number < 0:
        raise ValueError(f"{text} is negative: figures cannot be less than 0")
    if number >= _LARGEST:
        raise ValueError(f"{text} is too large: figures must be less than a million million")
    return number


class _Lookups:
    """Everything a row is checked against, read once for the whole file."""

    def __init__(self, partnership):
        self.indicators = {
            indicator.code.upper(): indicator
            for indicator in Indicator.objects.filter(partnership=partnership, archived_at=None)
        }
        self.areas = {
            area_key(area.name): area for area in partnership.areas.filter(archived_at=None)
        }
        self.area_names = " or ".join(sorted(area.name for area in self.areas.values()))
        # Words people put in the area column for the partnership as a whole.
        for name in (*_WHOLE_PARTNERSHIP, partnership.name, partnership.short_name):
            self.areas[area_key(name)] = WHOLE
        self.by_text: dict[str, object] = {}
        self.quarters: dict[str, int | str] = {}
        self.numbers: dict[str, Decimal | str | None] = {}
        # Read once per indicator rather than once per row: a file repeats a few codes many times.
        self.has_fraction = {
            indicator.pk: indicator.has_fraction for indicator in self.indicators.values()
        }

    def area(self, text: str):
        """The area named (WHOLE for the partnership as a whole), or None; each spelling read once."""
        if text not in self.by_text:
            self.by_text[text] = self.areas.get(area_key(text))
        return self.by_text[text]

    def number(self, text: str) -> Decimal | None:
        """`_number` of a cell, working out each distinct spelling once (figures repeat a lot)."""
        found = self.numbers.get(text, self)
        if found is self:
            try:
                found = _number(text)
            except ValueError as bad:
                found = str(bad)
            if len(self.numbers) < _NUMBERS_KEPT:
                self.numbers[text] = found
        if isinstance(found, str):
            raise ValueError(found)
        return found

    def quarter(self, text: str) -> int:
        """A quarter's index, parsing each distinct spelling once (a file repeats a handful)."""
        found = self.quarters.get(text)
        if found is None:
            try:
                found = periods.Quarter.parse(text).index
            except periods.BadPeriod as bad:
                found = str(bad)
            self.quarters[text] = found
        if isinstance(found, str):
            raise ValueError(found)
        return found


def _check_header(header: list) -> dict[str, int]:
    names = [_text(cell).lower() for cell in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in names]
    if missing:
        raise ImportRefused(
            [RowError(1, column, "this column is missing from the header") for column in missing]
        )
    return {column: names.index(column) for column in COLUMNS if column in names}


def _fraction_value(indicator, row: int, cells: dict, errors: list[RowError]) -> tuple | None:
    """The value computed from numerator and denominator, checked against any value typed."""
    numerator, denominator, typed = cells["numerator"], cells["denominator"], cells["value"]
    if numerator is None or denominator is None:
        unit = indicator.get_unit_display().lower()
        for column in ("numerator", "denominator"):
            if cells[column] is None:
                errors.append(
                    RowError(row, column, f"a {unit} needs a numerator and a denominator")
                )
        return None
    if denominator == 0:
        errors.append(RowError(row, "denominator", "the denominator must be more than 0"))
        return None
    if indicator.unit == Indicator.Unit.PERCENTAGE and numerator > denominator:
        errors.append(
            RowError(
                row,
                "numerator",
                f"the numerator ({numerator}) is larger than the denominator ({denominator}): "
                "a percentage cannot be more than 100",
            )
        )
        return None
    computed = (numerator / denominator * _SCALE[indicator.unit]).quantize(_CENT, ROUND_HALF_UP)
    if typed is not None and abs(typed - computed) > VALUE_TOLERANCE:
        errors.append(
            RowError(
                row,
                "value",
                f"{typed} does not match the numerator and denominator, which give {computed}: "
                "leave the value blank to have it worked out",
            )
        )
        return None
    return computed, numerator, denominator


def _check_row(
    row: int, text: list[str], lookups: _Lookups, errors: list[RowError]
) -> tuple[Key, Values] | None:
    """One row's key and values, or None with its errors added to `errors`."""
    code, area_text, period_text, value_text, numerator_text, denominator_text, note = text
    before = len(errors)
    indicator = lookups.indicators.get(code.upper())
    if indicator is None:
        message = f"unknown indicator '{code}'" if code else "enter the indicator's code"
        errors.append(RowError(row, "indicator", message))
    area = lookups.area(area_text)
    if area is None:
        errors.append(
            RowError(row, "area", f"unknown area '{area_text}': use {lookups.area_names}")
        )
    elif area is WHOLE and indicator is not None and indicator.is_additive:
        errors.append(
            RowError(
                row,
                "area",
                f"the partnership figure for {indicator.code} is added up from the areas: "
                "give a value for each area instead",
            )
        )
    try:
        period = lookups.quarter(period_text)
    except ValueError as bad:
        errors.append(RowError(row, "period", str(bad)))
    cells = {}
    for column, cell in (
        ("value", value_text),
        ("numerator", numerator_text),
        ("denominator", denominator_text),
    ):
        try:
            cells[column] = lookups.number(cell)
        except ValueError as bad:
            errors.append(RowError(row, column, str(bad)))
    if len(note) > 500:
        errors.append(RowError(row, "note", "the note must be 500 characters or fewer"))
    if len(errors) > before:
        return None
    indicator_id = indicator.id
    if lookups.has_fraction[indicator_id]:
        fraction = _fraction_value(indicator, row, cells, errors)
        if fraction is None:
            return None
        values = (*fraction, note)
    elif cells["value"] is None:
        errors.append(RowError(row, "value", "enter a value"))
        return None
    else:
        values = (cells["value"].quantize(_CENT, ROUND_HALF_UP), None, None, note)
    return (indicator_id, None if area is WHOLE else area.id, period), values


def _check_rows(
    rows: Iterator[list],
    lookups: _Lookups,
    columns: dict[str, int],
    progress: Callable[[int], None] | None,
) -> tuple[dict[Key, tuple[int, Values]], list[RowError], int]:
    checked: dict[Key, tuple[int, Values]] = {}
    errors: list[RowError] = []
    count = 0
    # Where each of the template's columns is in this file; an optional column left out reads as blank.
    positions = [columns.get(column) for column in COLUMNS]
    width = max(columns.values()) + 1
    for row, raw in enumerate(rows, start=2):
        if len(raw) < width:
            raw = [*raw, *([None] * (width - len(raw)))]
        text = ["" if index is None else _text(raw[index]) for index in positions]
        if not any(text):
            continue  # blank lines at the end of a spreadsheet
        count += 1
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
        found = _check_row(row, text, lookups, errors)
        if found is None:
            continue
        key, values = found
        first = checked.get(key)
        if first is not None:
            errors.append(
                RowError(
                    row,
                    "period",
                    f"duplicate of row {first[0]}: the same indicator, area and period appear twice",
                )
            )
            continue
        checked[key] = (row, values)
    return checked, errors, count


def _held(partnership, keys: Iterable[Key]) -> dict[Key, tuple[int, Values]]:
    """The values already held for the quarters in the file, in one query."""
    quarters = {key[2] for key in keys}
    found = Observation.objects.filter(partnership=partnership, period__in=quarters).values_list(
        "pk", "indicator_id", "area_id", "period", "value", "numerator", "denominator", "note"
    )
    return {
        (indicator_id, area_id, period): (pk, (value, numerator, denominator, note))
        for pk, indicator_id, area_id, period, value, numerator, denominator, note in found.iterator(
            chunk_size=BATCH
        )
    }


def plan(
    *, partnership, table: Iterable[list], progress: Callable[[int], None] | None = None
) -> Plan:
    """Check every row; the plan of what would change, or ImportRefused with every error found."""
    rows = iter(table)
    header = next(rows, None)
    if header is None:
        raise ImportRefused([RowError(1, "file", "the file is empty")])
    columns = _check_header(header)
    checked, errors, count = _check_rows(rows, _Lookups(partnership), columns, progress)
    if errors:
        raise ImportRefused(errors)
    if not count:
        raise ImportRefused([RowError(2, "indicator", "the file has no rows of figures")])
    held = _held(partnership, checked)
    result = Plan(rows=count)
    for key, (_row, values) in checked.items():
        existing = held.get(key)
        if existing is None:
            result.creates[key] = values
        elif existing[1] == values:
            result.unchanged += 1
        else:
            result.updates[key] = (existing[0], existing[1], values)
    return result


def _batches(items: list, size: int = BATCH) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_WRITTEN = (
    *("partnership", "indicator", "area", "period", "value", "numerator", "denominator"),
    *("note", "updated_at"),
)


def write(*, partnership, plan: Plan, progress: Callable[[int], None] | None = None) -> None:
    """Write a checked plan; the caller holds the transaction that makes it all or nothing.

    New values go in with COPY on PostgreSQL (`core.bulk.copy_rows`), changed ones through
    `executemany`: the ORM would prepare every field of every instance one by one (about 80
    microseconds a row, two minutes for a million rows) and `bulk_update` builds a CASE per field,
    while the rows here are already checked plain values.
    """
    now = timezone.now()
    created = copy_rows(
        Observation,
        _WRITTEN,
        (
            (partnership.pk, *key, value, numerator, denominator, note, now)
            for key, (value, numerator, denominator, note) in plan.creates.items()
        ),
        progress=progress,
    )
    table = connection.ops.quote_name(Observation._meta.db_table)
    update = (
        f"UPDATE {table} SET value = %s, numerator = %s, denominator = %s, note = %s, "
        "updated_at = %s WHERE id = %s"
    )
    done = created
    stamp = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        for batch in _batches(list(plan.updates.values())):
            cursor.executemany(
                update,
                [
                    (value, numerator, denominator, note, stamp, pk)
                    for pk, _before, (value, numerator, denominator, note) in batch
                ],
            )
            done += len(batch)
            if progress:
                progress(done)


def replaced_values(plan: Plan, limit: int | None = None) -> list[dict]:
    """The values a re-import replaces, before and after (the first `limit`), for people to read."""
    updates = dict(islice(plan.updates.items(), limit))
    codes = dict(
        Indicator.objects.filter(pk__in={key[0] for key in updates}).values_list("pk", "code")
    )
    areas = dict(Area.objects.filter(pk__in={key[1] for key in updates}).values_list("pk", "name"))
    return [
        {
            "indicator": codes[indicator_id],
            "area": areas.get(area_id, "whole partnership"),
            "period": periods.label(period),
            "before": str(before[0]),
            "after": str(after[0]),
        }
        for (indicator_id, area_id, period), (_pk, before, after) in updates.items()
    ]


TEMPLATE_ROWS = (
    ("DQ01", "Middlesbrough", "2025-26 Q1", "", "42", "120", "Percentage: value worked out"),
    ("CP01", "Redcar & Cleveland", "2025-26 Q1", "315", "", "", "Count: value only"),
)


def template_csv() -> str:
    """The downloadable template: the header and two example rows."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(TEMPLATE_ROWS)
    return out.getvalue()


def template_xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Quarterly values"
    sheet.append(list(COLUMNS))
    for row in TEMPLATE_ROWS:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()

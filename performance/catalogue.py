"""Reading an indicator catalogue from CSV (`manage.py import_indicators`): the same row and column errors as values."""

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from performance.importing import ImportRefused, RowError
from performance.models import Indicator

COLUMNS = (
    "code",
    "title",
    "definition",
    "unit",
    "polarity",
    "target",
    "tolerance",
    "supplier",
    "theme",
)
REQUIRED = ("code", "title", "unit", "polarity", "theme")
_LONGEST = {"code": 20, "title": 200, "supplier": 200}
_LARGEST = Decimal(10) ** 10  # targets and tolerances have 12 digits, 2 after the point
_CHOICES = {
    "unit": Indicator.Unit.values,
    "polarity": Indicator.Polarity.values,
    "theme": Indicator.Theme.values,
}


def _decimal(text: str, row: int, column: str, errors: list[RowError]) -> Decimal | None:
    if not text:
        return None
    try:
        number = Decimal(text.replace(",", ""))
        if not number.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        errors.append(RowError(row, column, f"'{text}' is not a number"))
        return None
    if abs(number) >= _LARGEST:
        errors.append(RowError(row, column, f"{text} is too large"))
        return None
    return number


def read(table: Iterable[list]) -> list[dict]:
    """The catalogue's rows as indicator fields, or ImportRefused naming each bad row and column."""
    rows = iter(table)
    header = [str(cell or "").strip().lower() for cell in next(rows, [])]
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise ImportRefused(
            [RowError(1, column, "this column is missing from the header") for column in missing]
        )
    errors: list[RowError] = []
    found: list[dict] = []
    seen: dict[str, int] = {}
    for row, raw in enumerate(rows, start=2):
        cells = {
            column: str(raw[header.index(column)] or "").strip()
            if column in header and header.index(column) < len(raw)
            else ""
            for column in COLUMNS
        }
        if not any(cells.values()):
            continue
        for column in REQUIRED:
            if not cells[column]:
                errors.append(RowError(row, column, f"enter the {column}"))
        for column, allowed in _CHOICES.items():
            if cells[column] and cells[column] not in allowed:
                errors.append(
                    RowError(row, column, f"'{cells[column]}' is not one of {', '.join(allowed)}")
                )
        for column, longest in _LONGEST.items():
            if len(cells[column]) > longest:
                errors.append(RowError(row, column, f"must be {longest} characters or fewer"))
        code = cells["code"].upper()
        if code in seen:
            errors.append(RowError(row, "code", f"duplicate of row {seen[code]}"))
        seen[code] = row
        target = _decimal(cells["target"], row, "target", errors)
        tolerance = _decimal(cells["tolerance"], row, "tolerance", errors)
        found.append(
            {
                "code": code,
                "title": cells["title"],
                "definition": cells["definition"],
                "unit": cells["unit"],
                "polarity": cells["polarity"],
                "target": target,
                "tolerance": tolerance or Decimal(0),
                "supplier": cells["supplier"],
                "theme": cells["theme"],
            }
        )
    if errors:
        raise ImportRefused(errors)
    return found

"""Downloads of tables as CSV and XLSX, the same way everywhere.

Every cell passes through `spreadsheet_safe`: text typed by people (an event in a chronology, a
record's name) must never run as a formula when a partner opens the file in a spreadsheet.
"""

import csv
from collections.abc import Iterable
from io import BytesIO

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

# A tab or carriage return first lets some spreadsheets read the rest of the cell as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text a spreadsheet would run as a formula, kept as text."""
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS:
        return "'" + value
    return value


def _safe_rows(rows: Iterable[Iterable]):
    for row in rows:
        yield [spreadsheet_safe(value) for value in row]


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename: str, rows: Iterable[Iterable]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    csv.writer(response).writerows(_safe_rows(rows))
    return _attachment(response, filename)


class _Echo:
    def write(self, value):
        return value


def csv_streaming_response(filename: str, rows: Iterable[Iterable]) -> StreamingHttpResponse:
    """A CSV written as it is read, for exports too large to hold in memory."""
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in _safe_rows(rows)), content_type="text/csv; charset=utf-8"
    )
    return _attachment(response, filename)


def xlsx_response(filename: str, sheet_title: str, rows: Iterable[Iterable]) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    for row in _safe_rows(rows):
        sheet.append(row)
    output = BytesIO()
    workbook.save(output)
    response = HttpResponse(
        output.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    return _attachment(response, filename)

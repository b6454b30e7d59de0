"""Importing quarterly values: every error names its row and column, and nothing is written unless all is well."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from core.models import AuditEvent
from performance import importing, services
from performance.models import Observation
from performance.periods import Quarter
from performance.tests.conftest import table

pytestmark = pytest.mark.django_db
Q1 = Quarter(2025, 1).index
AREAS = ("Middlesbrough", "Redcar & Cleveland")


def _errors(cast, rows) -> list[str]:
    with pytest.raises(importing.ImportRefused) as refused:
        services.observations_import(
            partnership=cast.partnership, table=rows, by=cast.officer, source="test"
        )
    return [str(error) for error in refused.value.errors]


def _import(cast, rows, **options) -> dict:
    return services.observations_import(
        partnership=cast.partnership, table=rows, by=cast.officer, source="test", **options
    )


def test_a_count_is_stored_for_its_indicator_area_and_quarter(cast, catalogue):
    counts = _import(cast, table(("CP01", "Middlesbrough", "2025-26 Q1", "315", "", "", "")))
    assert counts == {"rows": 1, "created": 1, "updated": 0, "unchanged": 0}
    stored = Observation.objects.get()
    assert (stored.area, stored.period, stored.value) == (cast.middlesbrough, Q1, Decimal(315))


def test_a_percentage_is_worked_out_from_numerator_and_denominator(cast, catalogue):
    _import(cast, table(("DQ01", "Middlesbrough", "2025-26 Q1", "", "42", "120", "")))
    assert Observation.objects.get().value == Decimal("35.00")


def test_a_typed_percentage_that_matches_its_fraction_to_rounding_is_accepted(cast, catalogue):
    _import(cast, table(("DQ01", "Middlesbrough", "2025-26 Q1", "35", "42", "120", "")))
    assert Observation.objects.get().value == Decimal("35.00")


def test_areas_are_recognised_as_people_write_them(cast, catalogue):
    _import(
        cast,
        table(
            ("CP01", "Redcar and Cleveland", "2025-26 Q1", "1", "", "", ""),
            ("CP01", "redcar & cleveland", "2025-26 Q2", "2", "", "", ""),
        ),
    )
    assert set(Observation.objects.values_list("area", flat=True)) == {cast.redcar.pk}


def test_an_unknown_indicator_is_named_with_its_row_and_column(cast, catalogue):
    assert _errors(cast, table(("XX99", "Middlesbrough", "2025-26 Q1", "1", "", "", ""))) == [
        "row 2, column indicator: unknown indicator 'XX99'"
    ]


def test_an_unknown_area_is_named_with_the_areas_that_exist(cast, catalogue):
    assert _errors(cast, table(("CP01", "Gotham", "2025-26 Q1", "1", "", "", ""))) == [
        "row 2, column area: unknown area 'Gotham': use Middlesbrough or Redcar & Cleveland"
    ]


def test_a_bad_period_says_how_to_write_one(cast, catalogue):
    assert _errors(cast, table(("CP01", "Middlesbrough", "Q1 2025", "1", "", "", ""))) == [
        "row 2, column period: 'Q1 2025' is not a quarter: write it like 2025-26 Q1"
    ]


@pytest.mark.parametrize("column", ["value", "numerator", "denominator"])
def test_a_cell_that_is_not_a_number_is_refused(cast, catalogue, column):
    cells = {"value": "", "numerator": "4", "denominator": "10", column: "lots"}
    row = (
        "DQ01",
        "Middlesbrough",
        "2025-26 Q1",
        cells["value"],
        cells["numerator"],
        cells["denominator"],
        "",
    )
    assert _errors(cast, table(row)) == [f"row 2, column {column}: 'lots' is not a number"]


def test_a_figure_too_large_to_store_is_refused(cast, catalogue):
    assert _errors(cast, table(("CP01", "Middlesbrough", "2025-26 Q1", "1e15", "", "", ""))) == [
        "row 2, column value: 1e15 is too large: figures must be less than a million million"
    ]


def test_a_negative_figure_is_refused(cast, catalogue):
    assert _errors(cast, table(("CP01", "Middlesbrough", "2025-26 Q1", "-3", "", "", ""))) == [
        "row 2, column value: -3 is negative: figures cannot be less than 0"
    ]


def test_a_numerator_larger_than_the_denominator_of_a_percentage_is_refused(cast, catalogue):
    assert _errors(cast, table(("DQ01", "Middlesbrough", "2025-26 Q1", "", "12", "10", ""))) == [
        "row 2, column numerator: the numerator (12) is larger than the denominator (10): "
        "a percentage cannot be more than 100"
    ]


def test_a_duplicate_row_names_the_row_it_repeats(cast, catalogue):
    rows = table(
        ("CP01", "Middlesbrough", "2025-26 Q1", "1", "", "", ""),
        ("CP01", "Middlesbrough", "2025/26 Q1", "2", "", "", ""),
    )
    assert _errors(cast, rows) == [
        "row 3, column period: duplicate of row 2: the same indicator, area and period appear twice"
    ]


def test_a_percentage_without_its_fraction_asks_for_it(cast, catalogue):
    assert _errors(cast, table(("DQ01", "Middlesbrough", "2025-26 Q1", "35", "", "", ""))) == [
        "row 2, column numerator: a percentage needs a numerator and a denominator",
        "row 2, column denominator: a percentage needs a numerator and a denominator",
    ]


def test_a_typed_value_that_disagrees_with_its_fraction_is_refused(cast, catalogue):
    [error] = _errors(cast, table(("DQ01", "Middlesbrough", "2025-26 Q1", "50", "42", "120", "")))
    assert error.startswith(
        "row 2, column value: 50 does not match the numerator and denominator, which give 35.00"
    )


def test_a_partnership_figure_of_an_additive_measure_must_be_given_by_area(cast, catalogue):
    [error] = _errors(cast, table(("CP01", "", "2025-26 Q1", "10", "", "", "")))
    assert error.startswith(
        "row 2, column area: the partnership figure for CP01 is added up from the areas"
    )


def test_a_partnership_figure_of_a_measure_in_days_is_entered(cast, catalogue):
    _import(cast, table(("PQ04", "All areas", "2025-26 Q1", "31", "", "", "")))
    assert Observation.objects.get().area is None


def test_a_missing_column_is_named_in_row_1(cast, catalogue):
    rows = table(("CP01", "Middlesbrough", "1"), header=("indicator", "area", "value"))
    assert _errors(cast, rows) == ["row 1, column period: this column is missing from the header"]


def test_every_error_in_the_file_is_reported_not_just_the_first(cast, catalogue):
    rows = table(
        ("XX99", "Middlesbrough", "2025-26 Q1", "1", "", "", ""),
        ("CP01", "Gotham", "2025-26 Q1", "1", "", "", ""),
        ("CP01", "Middlesbrough", "2025-26 Q1", "many", "", "", ""),
    )
    assert [error.split(":")[0] for error in _errors(cast, rows)] == [
        "row 2, column indicator",
        "row 3, column area",
        "row 4, column value",
    ]


def test_one_bad_row_among_thousands_writes_nothing(cast, catalogue):
    good = [
        ("CP01", AREAS[n % 2], str(Quarter.from_index(Q1 - n // 2)), str(n), "", "", "")
        for n in range(5000)
    ]
    rows = table(
        *good[:2500], ("CP01", "Middlesbrough", "2025-26 Q9", "1", "", "", ""), *good[2500:]
    )
    assert _errors(cast, rows) == [
        "row 2502, column period: '2025-26 Q9' is not a quarter: write it like 2025-26 Q1"
    ]
    assert not Observation.objects.exists()
    assert not AuditEvent.objects.filter(details__has_key="quarterly_values_import").exists()


def test_a_failure_while_writing_leaves_nothing_behind(cast, catalogue, monkeypatch):
    monkeypatch.setattr(importing, "BATCH", 100)
    rows = table(
        *[
            ("CP01", AREAS[n % 2], str(Quarter.from_index(Q1 - n // 2)), "1", "", "", "")
            for n in range(1000)
        ]
    )

    def fail(**kwargs):
        raise RuntimeError("the audit trail could not be written")

    monkeypatch.setattr(services.audit, "record", fail)
    with pytest.raises(RuntimeError):
        _import(cast, rows)
    assert not Observation.objects.exists()


def test_reimporting_a_quarter_replaces_its_values_and_keeps_the_change_in_the_audit_trail(
    cast, catalogue
):
    _import(cast, table(("CP01", "Middlesbrough", "2025-26 Q1", "10", "", "", "")))
    counts = _import(
        cast,
        table(
            ("CP01", "Middlesbrough", "2025-26 Q1", "12", "", "", ""),
            ("CP01", "Redcar & Cleveland", "2025-26 Q1", "7", "", "", ""),
        ),
    )
    assert counts == {"rows": 2, "created": 1, "updated": 1, "unchanged": 0}
    assert Observation.objects.get(area=cast.middlesbrough).value == Decimal(12)
    event = AuditEvent.objects.filter(details__has_key="quarterly_values_import").first()
    assert event.actor == cast.officer
    assert event.details["replaced"] == [
        {
            "indicator": "CP01",
            "area": "Middlesbrough",
            "period": "2025-26 Q1",
            "before": "10.00",
            "after": "12.00",
        }
    ]


def test_importing_the_same_file_again_changes_nothing(cast, catalogue):
    rows = table(("DQ01", "Middlesbrough", "2025-26 Q1", "", "42", "120", "a note"))
    _import(cast, rows)
    assert _import(cast, rows) == {"rows": 1, "created": 0, "updated": 0, "unchanged": 1}


def test_a_dry_run_writes_nothing(cast, catalogue):
    counts = _import(
        cast, table(("CP01", "Middlesbrough", "2025-26 Q1", "1", "", "", "")), dry_run=True
    )
    assert counts["created"] == 1
    assert not Observation.objects.exists()


def _xlsx(rows) -> io.BytesIO:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    return out


def test_an_xlsx_file_is_read_with_numbers_as_numbers(cast, catalogue):
    rows = table(
        ("CP01", "Middlesbrough", "2025-26 Q1", 315, None, None, None),
        ("DQ01", "Middlesbrough", "2025-26 Q1", None, 42, 120.0, None),
    )
    _import(cast, importing.read_table(_xlsx(rows), "values.xlsx"))
    assert sorted(Observation.objects.values_list("value", flat=True)) == [
        Decimal("35.00"),
        Decimal(315),
    ]


def test_an_xlsx_file_reports_errors_by_spreadsheet_row(cast, catalogue):
    rows = table(
        ("CP01", "Middlesbrough", "2025-26 Q1", 1, None, None, None),
        ("CP01", "Middlesbrough", "2025-26 Q2", "n/a", None, None, None),
    )
    assert _errors(cast, importing.read_table(_xlsx(rows), "values.xlsx")) == [
        "row 3, column value: 'n/a' is not a number"
    ]


def test_a_csv_file_with_a_byte_order_mark_is_read(cast, catalogue):
    text = '\ufeffindicator,area,period,value\nCP01,Middlesbrough,2025-26 Q1,"1,234"\n'
    _import(cast, importing.read_table(io.BytesIO(text.encode("utf-8")), "values.csv"))
    assert Observation.objects.get().value == Decimal(1234)


def test_the_downloadable_templates_import_cleanly(cast, catalogue):
    csv_rows = list(csv.reader(io.StringIO(importing.template_csv())))
    assert tuple(csv_rows[0]) == importing.COLUMNS
    assert _import(cast, csv_rows, dry_run=True)["created"] == 2
    xlsx_rows = importing.read_table(io.BytesIO(importing.template_xlsx()), "template.xlsx")
    assert _import(cast, xlsx_rows, dry_run=True)["created"] == 2


def _write_csv(path, rows):
    with open(path, "w", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return str(path)


def test_the_command_prints_json_counts_on_success(cast, catalogue, tmp_path, capsys):
    path = _write_csv(
        tmp_path / "values.csv", table(("CP01", "Middlesbrough", "2025-26 Q1", "5", "", "", ""))
    )
    call_command("import_performance", path, "--partnership", cast.partnership.slug)
    assert json.loads(capsys.readouterr().out) == {
        "rows": 1,
        "created": 1,
        "updated": 0,
        "unchanged": 0,
    }
    assert Observation.objects.count() == 1


def test_the_command_dry_run_reports_without_writing(cast, catalogue, tmp_path, capsys):
    path = _write_csv(
        tmp_path / "values.csv", table(("CP01", "Middlesbrough", "2025-26 Q1", "5", "", "", ""))
    )
    call_command("import_performance", path, "--partnership", cast.partnership.slug, "--dry-run")
    assert json.loads(capsys.readouterr().out)["created"] == 1
    assert not Observation.objects.exists()


def test_the_command_prints_each_error_to_stderr_writes_nothing_and_exits_1(
    cast, catalogue, tmp_path, capsys
):
    path = _write_csv(
        tmp_path / "values.csv",
        table(
            ("CP01", "Middlesbrough", "2025-26 Q1", "5", "", "", ""),
            ("CP01", "Gotham", "2025-26 Q1", "5", "", "", ""),
        ),
    )
    with pytest.raises(SystemExit) as exit_:
        call_command("import_performance", path, "--partnership", cast.partnership.slug)
    assert exit_.value.code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "row 3, column area: unknown area 'Gotham': use Middlesbrough or Redcar & Cleveland"
    ]
    assert not Observation.objects.exists()


def test_values_of_another_partnership_are_never_matched(cast, catalogue):
    from performance.tests.factories import IndicatorFactory

    IndicatorFactory(partnership=cast.other_partnership, code="ZZ01")
    assert _errors(cast, table(("ZZ01", "Middlesbrough", "2025-26 Q1", "1", "", "", ""))) == [
        "row 2, column indicator: unknown indicator 'ZZ01'"
    ]


def test_a_spreadsheet_that_cannot_be_read_is_refused_as_a_whole(cast, catalogue):
    rows = importing.read_table(io.BytesIO(b"not a spreadsheet"), "values.xlsx")
    assert _errors(cast, rows) == [
        "row 1, column file: the selected file is not a readable XLSX spreadsheet: it may be "
        "damaged. Open it, save it again and upload the new copy"
    ]


def test_a_csv_not_saved_as_utf8_says_how_to_save_it(cast, catalogue):
    text = "indicator,area,period,value\nCP01,Middlesbrough,2025-26 Q1,1,caf\xe9\n".encode(
        "latin-1"
    )
    [error] = _errors(cast, importing.read_table(io.BytesIO(text), "values.csv"))
    assert error.startswith("row 1, column file: the selected file is not a CSV saved as UTF-8")

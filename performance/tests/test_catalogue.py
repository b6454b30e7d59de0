"""The indicator catalogue: kept in the database, edited in the interface, importable from CSV."""

import csv
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from core.models import AuditEvent
from core.testing import sign_in
from performance.models import Indicator
from performance.tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db
HEADER = [
    "code",
    "title",
    "definition",
    "unit",
    "polarity",
    "target",
    "tolerance",
    "supplier",
    "theme",
]


def _csv(tmp_path, *rows):
    path = tmp_path / "catalogue.csv"
    with open(path, "w", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    return str(path)


def test_import_indicators_adds_the_catalogue_and_prints_counts(cast, tmp_path, capsys):
    path = _csv(
        tmp_path,
        [
            "DQ01",
            "Re-referrals within 12 months",
            "",
            "percentage",
            "lower_is_better",
            "20",
            "3",
            "Test Borough Council",
            "decision_quality",
        ],
        [
            "CP01",
            "Referrals",
            "",
            "count",
            "neither",
            "",
            "",
            "Test Borough Council",
            "child_protection_activity",
        ],
    )
    call_command("import_indicators", path, "--partnership", cast.partnership.slug)
    assert json.loads(capsys.readouterr().out) == {"rows": 2, "created": 2, "updated": 0}
    indicator = Indicator.objects.get(code="DQ01")
    assert (indicator.unit, indicator.target, indicator.tolerance) == (
        "percentage",
        Decimal(20),
        Decimal(3),
    )


def test_import_indicators_replaces_an_indicator_with_the_same_code(cast, tmp_path, capsys):
    IndicatorFactory(partnership=cast.partnership, code="CP01", title="Old title")
    path = _csv(
        tmp_path,
        ["CP01", "Referrals", "", "count", "neither", "", "", "", "child_protection_activity"],
    )
    call_command("import_indicators", path, "--partnership", cast.partnership.slug)
    assert Indicator.objects.get(code="CP01").title == "Referrals"


def test_import_indicators_names_each_bad_value_and_writes_nothing(cast, tmp_path, capsys):
    path = _csv(
        tmp_path,
        ["CP01", "Referrals", "", "count", "neither", "", "", "", "child_protection_activity"],
        ["DQ01", "Re-referrals", "", "percent", "up", "x", "", "", "outcomes"],
    )
    with pytest.raises(SystemExit):
        call_command("import_indicators", path, "--partnership", cast.partnership.slug)
    assert capsys.readouterr().err.splitlines() == [
        "row 3, column unit: 'percent' is not one of count, percentage, rate_per_10000, days",
        "row 3, column polarity: 'up' is not one of higher_is_better, lower_is_better, neither",
        "row 3, column target: 'x' is not a number",
    ]
    assert not Indicator.objects.exists()


def _form(**changes):
    data = {
        "code": "WF01",
        "title": "Social worker vacancy rate",
        "definition": "",
        "unit": "percentage",
        "polarity": "lower_is_better",
        "target": "10",
        "tolerance": "3",
        "supplier": "Test Borough Council",
        "theme": "workforce",
    }
    return {**data, **changes}


def test_the_business_unit_adds_an_indicator_in_the_interface(client, cast):
    sign_in(client, cast.officer)
    response = client.post(reverse("performance:indicator_create"), _form())
    indicator = Indicator.objects.get(partnership=cast.partnership, code="WF01")
    assert response.url == indicator.get_absolute_url()
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.CREATED, subject_id=str(indicator.pk)
    ).exists()


def test_a_code_already_in_the_catalogue_is_refused(client, cast):
    IndicatorFactory(partnership=cast.partnership, code="WF01")
    sign_in(client, cast.officer)
    response = client.post(reverse("performance:indicator_create"), _form(code="wf01"))
    assert response.context["form"].errors["code"] == [
        "Another indicator already has the code WF01"
    ]


def test_a_change_made_from_a_stale_page_is_refused(client, cast):
    indicator = IndicatorFactory(partnership=cast.partnership, code="WF01")
    sign_in(client, cast.officer)
    url = reverse("performance:indicator_edit", args=[indicator.pk])
    client.post(url, _form(title="First change", version=1))
    response = client.post(url, _form(title="Second change", version=1))
    assert "Someone else changed this record" in response.context["form"].non_field_errors()[0]
    assert Indicator.objects.get().title == "First change"


def test_import_indicators_refuses_a_code_too_long_to_store(cast, tmp_path, capsys):
    path = _csv(tmp_path, ["C" * 21, "Referrals", "", "count", "neither", "", "", "", "outcomes"])
    with pytest.raises(SystemExit):
        call_command("import_indicators", path, "--partnership", cast.partnership.slug)
    assert capsys.readouterr().err.splitlines() == [
        "row 2, column code: must be 20 characters or fewer"
    ]

"""The quarterly report: each area and the partnership, with RAG, direction of travel and exceptions."""

from decimal import Decimal

import pytest
from django.urls import reverse

from core.testing import assert_queries_do_not_grow, sign_in
from performance import selectors
from performance.models import Indicator
from performance.periods import Quarter
from performance.tests.factories import IndicatorFactory, ObservationFactory

pytestmark = pytest.mark.django_db
Q = Quarter(2025, 2)


def _values(indicator, area, values, numerators=None, denominators=None):
    for offset, value in enumerate(values):
        ObservationFactory(
            indicator=indicator,
            area=area,
            period=Q.index - len(values) + 1 + offset,
            value=Decimal(value),
            numerator=numerators[offset] if numerators else None,
            denominator=denominators[offset] if denominators else None,
        )


def _row(cast, indicator, **options):
    report = selectors.quarterly_report(partnership=cast.partnership, quarter=Q, **options)
    return next(row for row in report.rows if row.indicator == indicator)


def test_the_partnership_count_is_added_up_from_the_areas(cast):
    indicator = IndicatorFactory(partnership=cast.partnership, unit=Indicator.Unit.COUNT)
    _values(indicator, cast.middlesbrough, [10, 12])
    _values(indicator, cast.redcar, [5, 6])
    middlesbrough, redcar, whole = _row(cast, indicator).figures
    assert (middlesbrough.value, redcar.value, whole.value) == (12, 6, 18)
    assert whole.derived


def test_the_partnership_percentage_is_worked_out_from_the_summed_fractions(cast):
    indicator = IndicatorFactory(partnership=cast.partnership, unit=Indicator.Unit.PERCENTAGE)
    _values(indicator, cast.middlesbrough, [50], [50], [100])
    _values(indicator, cast.redcar, [10], [30], [300])
    assert _row(cast, indicator).figures[-1].value == Decimal("20.00")


def test_direction_of_travel_compares_the_previous_quarter_and_the_same_quarter_last_year(cast):
    indicator = IndicatorFactory(
        partnership=cast.partnership, polarity=Indicator.Polarity.HIGHER_IS_BETTER
    )
    _values(indicator, cast.middlesbrough, [120, 90, 95, 100, 80])
    figure = _row(cast, indicator).figures[0]
    assert (figure.previous, figure.year_ago) == (100, 120)
    assert (figure.vs_previous, figure.vs_year_ago) == ("worsening", "worsening")


def test_an_exception_says_why_the_indicator_is_flagged(cast):
    indicator = IndicatorFactory(
        partnership=cast.partnership, unit=Indicator.Unit.DAYS, target=100, tolerance=5
    )
    _values(indicator, cast.middlesbrough, [110, 100, 95, 80])
    kinds = {flag.kind for flag in _row(cast, indicator).figures[0].flags}
    assert kinds == {"tolerance", "trend"}


def test_a_count_target_rates_the_partnership_figure_not_each_areas_share(cast):
    indicator = IndicatorFactory(partnership=cast.partnership, target=100, tolerance=5)
    _values(indicator, cast.middlesbrough, [60])
    _values(indicator, cast.redcar, [50])
    middlesbrough, redcar, whole = _row(cast, indicator).figures
    assert (middlesbrough.rag, redcar.rag, whole.rag) == ("", "", "green")


def test_the_chosen_area_is_shown_in_detail(cast):
    indicator = IndicatorFactory(partnership=cast.partnership)
    _values(indicator, cast.redcar, [7])
    assert _row(cast, indicator, place="Redcar & Cleveland").chosen.value == 7


def test_the_report_page_filters_by_theme(client, cast):
    shown = IndicatorFactory(
        partnership=cast.partnership, theme=Indicator.Theme.WORKFORCE, title="Vacancies"
    )
    hidden = IndicatorFactory(
        partnership=cast.partnership, theme=Indicator.Theme.OUTCOMES, title="Hidden measure"
    )
    for indicator in (shown, hidden):
        _values(indicator, cast.middlesbrough, [1])
    sign_in(client, cast.group_member)
    response = client.get(reverse("performance:report"), {"theme": "workforce", "quarter": str(Q)})
    assert b"Vacancies" in response.content
    assert b"Hidden measure" not in response.content


def test_the_report_never_shows_another_partnerships_figures(client, cast):
    elsewhere = IndicatorFactory(partnership=cast.other_partnership, title="Elsewhere measure")
    ObservationFactory(indicator=elsewhere, period=Q.index)
    sign_in(client, cast.manager)
    response = client.get(reverse("performance:report"))
    assert b"Elsewhere measure" not in response.content


def test_the_report_page_makes_the_same_number_of_queries_however_many_indicators(client, cast):
    sign_in(client, cast.manager)
    indicator = IndicatorFactory(partnership=cast.partnership)
    _values(indicator, cast.middlesbrough, [1, 2, 3])

    def add_records():
        for _ in range(5):
            more = IndicatorFactory(partnership=cast.partnership, unit=Indicator.Unit.PERCENTAGE)
            _values(more, cast.middlesbrough, [10, 20, 30], [1, 2, 3], [10, 10, 10])
            _values(more, cast.redcar, [10, 20, 30], [1, 2, 3], [10, 10, 10])

    assert_queries_do_not_grow(lambda: client.get(reverse("performance:report")), add_records)


def test_the_report_downloads_as_a_pdf(client, cast):
    indicator = IndicatorFactory(partnership=cast.partnership)
    _values(indicator, cast.middlesbrough, [1, 2])
    sign_in(client, cast.partner_lead)
    response = client.get(reverse("performance:report_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")

"""The quarterly report: each area and the partnership, with RAG, direction of travel and exceptions."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse

from core.testing import assert_queries_do_not_grow, count_queries, sign_in
from performance import selectors, services
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

    def fetch_afresh():
        cache.clear()
        return client.get(reverse("performance:report"))

    assert_queries_do_not_grow(fetch_afresh, add_records)


def test_the_report_read_from_the_cache_reads_neither_the_catalogue_nor_the_values(client, cast):
    indicator = IndicatorFactory(partnership=cast.partnership)
    _values(indicator, cast.middlesbrough, [1, 2, 3])
    sign_in(client, cast.manager)
    cache.clear()
    afresh = count_queries(lambda: client.get(reverse("performance:report")))
    cached = count_queries(lambda: client.get(reverse("performance:report")))
    assert cached == afresh - 2


def test_the_report_downloads_as_a_pdf(client, cast):
    indicator = IndicatorFactory(partnership=cast.partnership)
    _values(indicator, cast.middlesbrough, [1, 2])
    sign_in(client, cast.partner_lead)
    response = client.get(reverse("performance:report_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_an_indicators_page_shows_its_latest_quarter_in_each_area(client, cast):
    indicator = IndicatorFactory(partnership=cast.partnership, title="Example measure shown")
    _values(indicator, cast.middlesbrough, [4, 5])
    _values(indicator, cast.redcar, [6, 7])
    sign_in(client, cast.partner_lead)
    page = client.get(indicator.get_absolute_url()).content.decode()
    assert "2025-26 Q2 by area" in page
    assert "Figures for EX" in page and "in Redcar &amp; Cleveland by quarter" in page


def test_a_value_imported_after_the_report_was_cached_shows_at_once(client, cast):
    indicator = IndicatorFactory(partnership=cast.partnership, title="Referrals")
    _values(indicator, cast.middlesbrough, [41])
    sign_in(client, cast.manager)
    assert "41" in client.get(reverse("performance:report")).content.decode()

    services.observations_import(
        partnership=cast.partnership,
        table=[
            ["indicator", "area", "period", "value"],
            [indicator.code, "Middlesbrough", str(Q), "97"],
        ],
        by=cast.officer,
        source="test",
    )
    page = client.get(reverse("performance:report")).content.decode()
    assert "97" in page


def test_a_renamed_indicator_shows_its_new_name_at_once(client, cast):
    indicator = IndicatorFactory(partnership=cast.partnership, title="Referrals")
    _values(indicator, cast.middlesbrough, [41])
    sign_in(client, cast.manager)
    client.get(reverse("performance:report"))
    services.indicator_update(
        indicator=indicator,
        data={"title": "Referrals to children's social care"},
        expected_version=indicator.version,
        by=cast.officer,
    )
    assert "Referrals to children&#x27;s social care" in (
        client.get(reverse("performance:report")).content.decode()
    )


def test_the_cached_report_of_a_manager_offers_a_group_member_nothing_to_record(client, cast):
    indicator = IndicatorFactory(partnership=cast.partnership)
    _values(indicator, cast.middlesbrough, [5])
    sign_in(client, cast.manager)
    assert "Record scrutiny" in client.get(reverse("performance:report")).content.decode()
    sign_in(client, cast.group_member)
    assert "Record scrutiny" not in client.get(reverse("performance:report")).content.decode()


def test_a_cached_report_is_never_shown_to_another_partnership(client, cast):
    mine = IndicatorFactory(partnership=cast.partnership, title="Our measure")
    theirs = IndicatorFactory(partnership=cast.other_partnership, title="Their measure")
    _values(mine, cast.middlesbrough, [5])
    ObservationFactory(indicator=theirs, period=Q.index)
    sign_in(client, cast.manager)
    client.get(reverse("performance:report"), {"quarter": str(Q)})
    sign_in(client, cast.outsider)
    page = client.get(reverse("performance:report"), {"quarter": str(Q)}).content.decode()
    assert "Their measure" in page
    assert "Our measure" not in page

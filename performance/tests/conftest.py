import pytest

from performance.models import Indicator
from performance.tests.factories import IndicatorFactory


@pytest.fixture
def catalogue(cast):
    """Three indicators of the test partnership: a count, a percentage and a measure in days."""
    return {
        "count": IndicatorFactory(
            partnership=cast.partnership, code="CP01", unit=Indicator.Unit.COUNT
        ),
        "percentage": IndicatorFactory(
            partnership=cast.partnership, code="DQ01", unit=Indicator.Unit.PERCENTAGE, target=85
        ),
        "days": IndicatorFactory(
            partnership=cast.partnership,
            code="PQ04",
            unit=Indicator.Unit.DAYS,
            polarity=Indicator.Polarity.LOWER_IS_BETTER,
        ),
    }


def table(
    *rows, header=("indicator", "area", "period", "value", "numerator", "denominator", "note")
):
    return [list(header), *[list(row) for row in rows]]

"""The demo catalogue: about twenty fictional indicators for South Tees with at least eight quarters per area."""

import pytest

from partnership import demo as partnership_demo
from performance import demo, selectors
from performance.models import AuditProposal, Indicator, Observation

pytestmark = pytest.mark.django_db


def test_the_demo_gives_south_tees_a_catalogue_and_quarters_of_figures_per_area():
    partnerships = partnership_demo.load()
    demo.load(partnerships)
    south_tees = partnerships["south-tees"]
    assert Indicator.objects.filter(partnership=south_tees).count() == 20
    for area in south_tees.areas.all():
        quarters = Observation.objects.filter(area=area).values("period").distinct().count()
        assert quarters >= 8
    report = selectors.quarterly_report(partnership=south_tees, quarter=None)
    assert len(report.rows) == 20
    assert AuditProposal.objects.filter(partnership=south_tees).count() == 1


def test_loading_the_demo_again_adds_nothing():
    partnerships = partnership_demo.load()
    demo.load(partnerships)
    before = Observation.objects.count()
    demo.load(partnerships)
    assert Observation.objects.count() == before
    assert AuditProposal.objects.count() == 1

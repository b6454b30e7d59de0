"""The demo's 2025-26 yearly report of South Tees: published on the public site, and loading the
demo again changes nothing."""

import pytest

from learning.models import Publication
from partnership import demo as partnership_demo
from reviews import demo as reviews_demo
from yearly_report import demo
from yearly_report.models import YearlyReport

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_south_tees_2025_26_yearly_report_once():
    partnerships = partnership_demo.load()
    reviews_demo.load(partnerships)  # the partner leads of every statutory partner
    demo.load(partnerships)
    demo.load(partnerships)
    report = YearlyReport.objects.get(partnership=partnerships["south-tees"])
    assert report.label == "2025-26" and report.version == 9  # the eight sections written
    assert report.publication.kind == Publication.Kind.YEARLY_REPORT
    assert Publication.objects.filter(kind=Publication.Kind.YEARLY_REPORT).count() == 1

"""The demo: South Tees' section 11 rounds of last year and this, one challenge session, and a
single-agency audit summary (a second load changing nothing is checked for every model in
`partnership/tests`)."""

import pytest

from audits import selectors_assurance
from audits.models_assurance import AgencyAuditSummary, AssuranceRound, SelfAssessment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_loaded")]


def test_the_demo_gives_south_tees_two_years_of_section_11():
    rounds = AssuranceRound.objects.filter(partnership__slug="south-tees").order_by("year")
    assert rounds.count() == 2
    this_year = rounds.last()
    challenged = SelfAssessment.objects.get(round=this_year, status="challenged")
    assert challenged.ratings.filter(
        partnership_rating="red", standard__title="Supervision"
    ).exists()
    heat_map = selectors_assurance.heat_map(this_year)
    assert heat_map.previous == rounds.first()
    changes = {row.agency: change.summary for row, change in heat_map.lines if change}
    assert changes["South Tees Hospitals NHS Foundation Trust"].startswith("Declined by")
    assert changes["Cleveland Police"].startswith("Improved by")
    assert "fictional" in AgencyAuditSummary.objects.get().title
    last_year = rounds.first()
    returned = {assessment.submitted_at.year for assessment in last_year.self_assessments.all()}
    assert returned == {last_year.year}

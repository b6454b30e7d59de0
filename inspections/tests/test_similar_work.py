"""An inspection is found by similar-work search, only by people who may open it."""

import pytest

from inspections.tests.factories import InspectionFactory
from learning import selectors
from learning.services_similar import similar_work_reindex

pytestmark = pytest.mark.django_db


def _jtai(cast):
    return InspectionFactory(
        recorded_by=cast.manager,
        kind="jtai",
        jtai_theme="criminal_exploitation",
        inspected_body="Test partnership's response to exploited teenagers",
    )


def test_an_inspection_is_found_by_its_kind_and_theme(cast):
    _jtai(cast)
    similar_work_reindex()
    items = selectors.similar_work(
        partnership=cast.partnership, text="criminal exploitation teenagers", user=cast.manager
    )
    assert items and items[0].kind == "Inspection"


def test_people_who_may_not_open_inspections_do_not_find_them(cast):
    _jtai(cast)
    similar_work_reindex()
    assert not selectors.similar_work(
        partnership=cast.partnership, text="criminal exploitation teenagers", user=cast.practitioner
    )

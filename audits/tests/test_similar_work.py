"""An audit is found by similar-work search, only by people who may open it."""

import pytest

from audits.tests.factories import audit_for
from learning import selectors
from learning.services_similar import similar_work_reindex

pytestmark = pytest.mark.django_db


def _audit(cast):
    return audit_for(
        cast,
        title="Exploited teenagers missing from home",
        practice_focus="Return home interviews after teenagers go missing.",
    )


def test_an_audit_is_found_by_its_practice_focus(cast):
    _audit(cast)
    similar_work_reindex()
    items = selectors.similar_work(
        partnership=cast.partnership, text="return home interviews missing", user=cast.manager
    )
    assert items and items[0].kind == "Multi-agency audit"


def test_people_who_may_not_open_audits_do_not_find_them(cast):
    _audit(cast)
    similar_work_reindex()
    assert not selectors.similar_work(
        partnership=cast.partnership, text="return home interviews missing", user=cast.practitioner
    )

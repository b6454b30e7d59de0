"""The query-count check refuses a page that did not answer as expected."""

from types import SimpleNamespace

import pytest

from core.testing import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


def test_a_refused_page_fails_the_query_count_check_however_few_its_queries():
    with pytest.raises(AssertionError, match="the page answered 403, expected 200"):
        assert_queries_do_not_grow(lambda: SimpleNamespace(status_code=403), lambda: None)


def test_the_expected_answer_can_be_named():
    assert_queries_do_not_grow(lambda: SimpleNamespace(status_code=302), lambda: None, status=302)

"""Important forms submitted empty or with a wrong answer through the pages that show them: the
page lists GOV.UK messages in its error summary, none of them Django's own wording, and shows no
results worked out from the answer it refused (nor from others put in its place)."""

import pytest
from django.urls import reverse

from core.testing import django_defaults_among, error_summary_messages, sign_in
from performance.tests.factories import ObservationFactory


def page(name: str):
    return lambda cast: reverse(name)


# page, persona, method, its address, submitted, a message the summary lists, what must not show
BAD_SUBMISSIONS = [
    (
        "performance report",
        "manager",
        "get",
        page("performance:report"),
        {"quarter": "2099-00 Q9"},
        "Select the quarter",
        "Comparison between areas",
    ),
    (
        "child death trends",
        "manager",
        "get",
        page("child_deaths:trends"),
        {"year_from": "last year"},
        "Enter the first reporting year as a number, like 2024",
        "Deaths matching",
    ),
    (
        "CDOP yearly report",
        "manager",
        "get",
        page("child_deaths:yearly_report"),
        {"year": "1900"},
        "Select the year",
        "Download as PDF",
    ),
    (
        "action plan",
        "manager",
        "get",
        page("learning:action_plan"),
        {"status": "lost"},
        "Select the status",
        "No actions match",
    ),
    (
        "recurring lessons",
        "manager",
        "get",
        page("learning:recurring_lessons"),
        {"from_year": "soon"},
        "Enter a year as four digits, for example 2019",
        "No theme recurs",
    ),
    (
        "similar work",
        "manager",
        "get",
        page("learning:similar_work"),
        {"text": ""},
        "Describe the referral, review, audit topic or finding",
        "similar item",
    ),
    (
        "public search",
        "anonymous",
        "get",
        lambda cast: reverse("public:index", args=[cast.partnership.slug]),
        {"year": "1066"},
        "Select the year",
        "Nothing published matches",
    ),
    (
        "referral",
        "practitioner",
        "post",
        page("reviews:referral_create"),
        {},
        "Enter the short title",
        None,
    ),
    (
        "notification",
        "officer",
        "post",
        page("reviews:notification_create"),
        {},
        "Enter what happened",
        None,
    ),
    (
        "child death",
        "officer",
        "post",
        page("child_deaths:notify"),
        {},
        "Choose what you are notifying",
        None,
    ),
    (
        "other source",
        "officer",
        "post",
        page("learning:other_source_create"),
        {},
        "Enter the title",
        None,
    ),
    (
        "inspection",
        "officer",
        "post",
        page("inspections:inspection_create"),
        {},
        "Select the kind of inspection",
        None,
    ),
]


@pytest.mark.parametrize(
    ("persona", "method", "address", "submitted", "message", "not_shown"),
    [case[1:] for case in BAD_SUBMISSIONS],
    ids=[case[0] for case in BAD_SUBMISSIONS],
)
def test_a_refused_submission_shows_govuk_messages_and_no_results(
    client, cast, persona, method, address, submitted, message, not_shown
):
    ObservationFactory(indicator__partnership=cast.partnership)
    if persona != "anonymous":
        sign_in(client, getattr(cast, persona))
    response = getattr(client, method)(address(cast), submitted)
    html = response.content.decode()
    summary = error_summary_messages(html)
    assert response.status_code == 200
    assert message in summary
    assert not django_defaults_among(summary)
    if not_shown:
        assert not_shown not in html

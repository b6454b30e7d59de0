"""The public website: no sign-in, search and filters, the feed, publication dates, bounded queries."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from core.testing import assert_queries_do_not_grow
from learning import services_publication
from learning.models import Publication
from learning.publication import Subjects
from learning.tests.factories import ThemeFactory, published_newsletter

pytestmark = pytest.mark.django_db


def publish(
    cast,
    title="Learning about safe sleep",
    themes=(),
    kind=Publication.Kind.OTHER,
    partnership=None,
):
    return services_publication.publication_publish(
        source=None,
        partnership=partnership or cast.partnership,
        title=title,
        summary="What practitioners should know.",
        body="Body text",
        kind=kind,
        subjects=Subjects(),
        themes=themes,
        by=cast.manager,
    )


def titles(response) -> list[str]:
    return [item.title for item in response.context["page"]]


def index(client, cast, **params):
    return client.get(reverse("public:index", args=[cast.partnership.slug]), params)


def test_anyone_sees_the_partnerships_published_learning_without_signing_in(client, cast):
    publish(cast, "Ours")
    publish(cast, "Theirs", partnership=cast.other_partnership)
    assert titles(index(client, cast)) == ["Ours"]


def test_search_and_filters_by_theme_kind_and_year(client, cast):
    sleep = ThemeFactory(partnership=cast.partnership, name="Safe sleep")
    with time_machine.travel(datetime(2025, 6, 1, 12, tzinfo=UTC)):
        publish(cast, "Older safe sleep learning", themes=[sleep])
    publish(cast, "Newer safe sleep briefing", themes=[sleep], kind=Publication.Kind.BRIEFING)
    publish(cast, "Neglect newsletter", kind=Publication.Kind.NEWSLETTER)
    assert titles(index(client, cast, theme=sleep.pk)) == [
        "Newer safe sleep briefing",
        "Older safe sleep learning",
    ]
    assert titles(index(client, cast, year=2025)) == ["Older safe sleep learning"]
    assert titles(index(client, cast, kind="briefing")) == ["Newer safe sleep briefing"]
    assert titles(index(client, cast, q="neglect")) == ["Neglect newsletter"]


def test_withdrawn_learning_is_no_longer_public(client, cast):
    item = publish(cast)
    services_publication.publication_withdraw(
        publication=item, reason="Superseded", by=cast.manager
    )
    assert titles(index(client, cast)) == []
    assert client.get(item.get_absolute_url()).status_code == 404


@time_machine.travel(datetime(2026, 3, 4, 12, tzinfo=UTC))
def test_a_publication_page_shows_its_publication_date(client, cast):
    item = publish(cast, kind=Publication.Kind.REVIEW_REPORT)
    response = client.get(item.get_absolute_url())
    assert 'Published <time datetime="2026-03-04' in response.content.decode()
    assert "4 March 2026" in response.content.decode()


def test_the_atom_feed_lists_new_learning(client, cast):
    publish(cast, "Learning about bruising")
    response = client.get(reverse("public:feed", args=[cast.partnership.slug]))
    assert response["Content-Type"].startswith("application/atom+xml")
    assert b"Learning about bruising" in response.content


def test_a_publication_has_a_printable_pdf(client, cast):
    item = publish(cast)
    response = client.get(reverse("public:publication_pdf", args=[cast.partnership.slug, item.pk]))
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def newsletter_email(client, cast):
    briefing = publish(cast, "Briefing in the newsletter")
    item = published_newsletter(cast, items=[briefing], extra_items="New neglect course")
    return client.get(reverse("public:newsletter_email", args=[cast.partnership.slug, item.pk]))


def test_a_newsletter_has_an_email_ready_version_with_full_links(client, cast):
    content = newsletter_email(client, cast).content.decode()
    assert (
        "Briefing in the newsletter" in content
        and "http" in content
        and "New neglect course" in content
    )


def test_an_unknown_partnership_is_not_found(client, cast):
    assert client.get(reverse("public:index", args=["nowhere"])).status_code == 404


def test_the_public_index_queries_do_not_grow(client, cast):
    theme = ThemeFactory(partnership=cast.partnership)
    publish(cast, themes=[theme])
    assert_queries_do_not_grow(
        lambda: index(client, cast), lambda: [publish(cast, themes=[theme]) for _ in range(3)]
    )

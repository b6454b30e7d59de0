"""Withdrawal holds everywhere: the page, the PDF, the feed, search, every newsletter listing it
(page and email version, shown as withdrawn) and the stored files. PDFs are rendered once per
published version and stored."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from learning import services_publication
from learning.models import Publication
from learning.tests.factories import published_newsletter

pytestmark = pytest.mark.django_db


def publish(cast, title="Learning about bruising", summary="Bruising in babies who do not move."):
    return services_publication.publication_publish(
        source=None,
        partnership=cast.partnership,
        title=title,
        summary=summary,
        body="Body text",
        kind=Publication.Kind.OTHER,
        by=cast.manager,
    )


def withdraw(cast, item, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services_publication.publication_withdraw(
            publication=item, reason="Named a school", by=cast.manager
        )


def public_url(name, item):
    return reverse(f"public:{name}", args=[item.partnership.slug, item.pk])


def test_a_pdf_is_rendered_once_per_version_and_stored(client, cast):
    item = publish(cast)
    first = client.get(public_url("publication_pdf", item))
    item.refresh_from_db()
    stored = item.rendered_pdf.name
    assert b"".join(first.streaming_content).startswith(b"%PDF")
    assert default_storage.exists(stored)
    client.get(public_url("publication_pdf", item))
    item.refresh_from_db()
    assert item.rendered_pdf.name == stored


def test_withdrawal_removes_it_from_the_page_pdf_feed_search_and_stored_files(
    client, cast, django_capture_on_commit_callbacks
):
    item = publish(cast)
    client.get(public_url("publication_pdf", item))
    item.refresh_from_db()
    stored = item.rendered_pdf.name
    withdraw(cast, item, django_capture_on_commit_callbacks)
    assert client.get(public_url("publication", item)).status_code == 404
    assert client.get(public_url("publication_pdf", item)).status_code == 404
    feed = client.get(reverse("public:feed", args=[cast.partnership.slug])).content.decode()
    assert "Learning about bruising" not in feed
    search = client.get(reverse("public:index", args=[cast.partnership.slug]), {"q": "bruising"})
    assert list(search.context["page"]) == []
    assert not default_storage.exists(stored)


def test_a_newsletter_listing_a_withdrawn_item_shows_it_as_withdrawn_everywhere(
    client, cast, django_capture_on_commit_callbacks
):
    item = publish(cast)
    kept = publish(cast, title="Learning about safe sleep", summary="Safe sleep for babies.")
    newsletter = published_newsletter(cast, items=[item, kept])
    client.get(public_url("publication_pdf", newsletter))
    newsletter.refresh_from_db()
    stored = newsletter.rendered_pdf.name
    withdraw(cast, item, django_capture_on_commit_callbacks)

    for name in ("publication", "newsletter_email"):
        page = client.get(public_url(name, newsletter)).content.decode()
        assert "Learning about bruising" not in page and "Bruising in babies" not in page
        assert "This item has been withdrawn." in page
        assert "Learning about safe sleep" in page
    search = client.get(reverse("public:index", args=[cast.partnership.slug]), {"q": "bruising"})
    assert list(search.context["page"]) == []
    assert not default_storage.exists(stored)
    newsletter.refresh_from_db()
    assert "Bruising" not in newsletter.body and "- Withdrawn item" in newsletter.body


def test_a_withdrawn_publications_document_is_no_longer_downloadable(
    client, cast, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    item = services_publication.publication_publish(
        source=None,
        partnership=cast.partnership,
        title="Learning",
        summary="Summary",
        body="",
        kind=Publication.Kind.OTHER,
        upload=SimpleUploadedFile("notes.txt", b"Child R was known to agencies."),
        by=cast.manager,
    )
    withdraw(cast, item, django_capture_on_commit_callbacks)
    assert client.get(public_url("publication_document", item)).status_code == 404
    item.document.refresh_from_db()
    assert item.document.archived_at is not None

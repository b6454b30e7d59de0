"""Browser journey: the business unit withdraws a publication listed in a newsletter; the feed, the
public newsletter page and its email version no longer show it. axe-core checks each page."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.testing import assert_accessible, browser_sign_in
from learning import services_publication
from learning.models import Publication
from learning.tests.factories import published_newsletter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_withdrawn_publication_is_gone_from_the_feed_and_the_newsletter(live_server, page, cast):
    item = services_publication.publication_publish(
        source=None,
        partnership=cast.partnership,
        title="Learning about bruising",
        summary="Bruising in babies who do not move.",
        body="",
        kind=Publication.Kind.OTHER,
        by=cast.manager,
    )
    newsletter = published_newsletter(cast, items=[item], title="Winter newsletter")
    slug = cast.partnership.slug
    feed_url = live_server.url + reverse("public:feed", args=[slug])
    page_url = live_server.url + reverse("public:publication", args=[slug, newsletter.pk])
    email_url = live_server.url + reverse("public:newsletter_email", args=[slug, newsletter.pk])
    page.goto(page_url)
    assert page.get_by_role("link", name="Learning about bruising").count() == 1

    TOTPDevice.objects.filter(user=cast.manager).update(last_t=-1)
    browser_sign_in(page, live_server.url, cast.manager)
    page.goto(live_server.url + reverse("learning:publication_list"))
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Withdraw Learning about bruising").click()
    assert_accessible(page)
    page.get_by_label("Reason for withdrawing it").fill("It named the child's school.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    assert_accessible(page)

    page.goto(feed_url)
    assert "Learning about bruising" not in page.content()
    page.goto(page_url)
    assert_accessible(page)
    assert "Learning about bruising" not in page.content()
    assert page.get_by_text("This item has been withdrawn.").count() == 1
    page.goto(email_url)
    assert "Learning about bruising" not in page.content()
    assert page.get_by_text("This item has been withdrawn.").count() == 1

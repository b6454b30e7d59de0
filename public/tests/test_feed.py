"""The Atom feed carries summaries as plain text; the email version of a newsletter is the one page with inline styles."""

import xml.etree.ElementTree as ElementTree

import pytest
from django.urls import reverse

from learning import services_publication
from learning.models import Publication
from learning.publication import Subjects
from public.tests.test_public_site import newsletter_email

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = '<script>alert("feed")</script><img src="x" onerror="alert(1)">Safe sleep'


def test_a_summary_with_markup_is_sent_as_text_not_html(client, cast):
    services_publication.publication_publish(
        source=None,
        partnership=cast.partnership,
        title="Learning about safe sleep",
        summary=HOSTILE,
        body="Body text",
        kind=Publication.Kind.OTHER,
        subjects=Subjects(),
        themes=(),
        by=cast.manager,
    )
    response = client.get(reverse("public:feed", args=[cast.partnership.slug]))
    summaries = ElementTree.fromstring(response.content).findall(f"{ATOM}entry/{ATOM}summary")
    assert [(summary.get("type"), summary.text) for summary in summaries] == [("text", HOSTILE)]
    assert b"<script>" not in response.content
    assert b'type="html"' not in response.content


def test_the_email_version_of_a_newsletter_may_style_its_elements_but_run_no_script(client, cast):
    policy = newsletter_email(client, cast)["Content-Security-Policy"]
    assert "style-src-attr 'unsafe-inline'" in policy
    assert "script-src 'self'" in policy

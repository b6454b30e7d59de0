"""Security headers: a strict Content-Security-Policy, no stored copies of signed-in pages, same-origin referrers."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from core.testing import sign_in

pytestmark = pytest.mark.django_db


def _policy(response) -> dict[str, str]:
    return dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )


def test_pages_allow_only_the_applications_own_scripts_and_styles(client):
    policy = _policy(client.get(reverse("partnership:sign_in")))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["default-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in " ".join(policy.values())


def test_signed_in_pages_are_never_stored(client, cast):
    sign_in(client, cast.manager)
    response = client.get(reverse("core:dashboard"))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_signed_in_persons_document_download_is_never_stored(client, cast):
    from core.tests.permissions import _document

    sign_in(client, cast.manager)
    response = client.get(reverse("core:document_download", kwargs=_document(cast)))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_page_to_a_password_only_session_is_never_stored(client, cast):
    client.force_login(cast.manager)  # not yet past the security code
    response = client.get(reverse("core:dashboard"))
    assert "no-store" in response["Cache-Control"]


def test_the_public_site_may_be_cached(client, cast):
    response = client.get(reverse("public:index", args=[cast.partnership.slug]))
    assert "no-store" not in response.get("Cache-Control", "")


def test_referrers_are_sent_only_within_the_site(client):
    assert client.get(reverse("partnership:sign_in"))["Referrer-Policy"] == "same-origin"


# Markup the policy would block: a script without src, a style element or attribute, an event handler.
_INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>|<style\b|\sstyle=|\son[a-z]+=",
    re.IGNORECASE,
)
# The email version of a newsletter: email programs need styles on the elements (its view allows them).
_EMAILS = {"public/templates/public/newsletter_email.html"}


def test_no_template_holds_an_inline_script_or_style():
    base = Path(settings.BASE_DIR)
    templates = [
        path
        for path in base.glob("**/templates/**/*.html")
        if ".venv" not in path.parts and "node_modules" not in path.parts
    ]
    assert templates
    offending = [
        f"{path.relative_to(base)}: {match.group(0)}"
        for path in templates
        if str(path.relative_to(base)) not in _EMAILS
        for match in [_INLINE.search(path.read_text())]
        if match
    ]
    assert offending == []

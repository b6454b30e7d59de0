"""Every URL against every persona: the answer each one gets is the one the matrix expects."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.testing import sign_in
from partnership.testing import PERSONAS

LOCAL_APPS = [
    config.name
    for config in apps.get_app_configs()
    if Path(config.path).parent == settings.BASE_DIR
]


def _checks():
    found = []
    for app in LOCAL_APPS:
        try:
            module = importlib.import_module(f"{app}.tests.permissions")
        except ModuleNotFoundError as missing:
            if missing.name != f"{app}.tests.permissions":
                raise
            continue
        found.extend(module.CHECKS)
    return found


CHECKS = _checks()


def _url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_url_of_the_project_is_in_the_permission_matrix():
    covered = {check.url_name for check in CHECKS}
    missing = sorted(set(_url_names()) - covered)
    assert not missing, f"URLs with no row in any app's tests/permissions.py: {missing}"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("check", CHECKS, ids=[check.id for check in CHECKS])
def test_persona_gets_the_expected_answer(client, cast, check, persona):
    person = cast.persona(persona)
    if person is not None:
        sign_in(client, person)
    url = reverse(check.url_name, kwargs=check.kwargs(cast))
    response = getattr(client, check.method)(url, check.data(cast))
    expected = check.expect[persona]
    assert response.status_code == expected, (
        f"{persona} {check.method.upper()} {url}: {response.status_code}, expected {expected}"
    )
    if persona == "anonymous" and expected == 302:
        assert response["Location"].startswith(reverse("partnership:sign_in"))

"""Every URL against every persona: the answer each one gets is the one the matrix expects."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from child_deaths.models import ChildIdentity
from child_deaths.tests.factories import ChildDeathFactory
from core.testing import confirmed_device, sign_in
from reviews.models import NotifiedChild
from reviews.tests.factories import notification_for
from security.permission_matrix import (
    MATRIX_PERSONAS,
    SEES_IDENTIFYING_DETAILS,
    add_matrix_personas,
)

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


# The matrix's own children, named so that any part of their names found on a page is theirs.
CHILDREN = (("Zinnia", "Matrixchild", "9434765919"), ("Quillon", "Matrixchild", "9434765870"))


@pytest.fixture
def world(cast):
    """The cast with the matrix's own personas, a notified child death and a serious incident
    notification naming its child, so that every page has identifying details it could leak."""
    add_matrix_personas(cast)
    ChildDeathFactory(
        area=cast.middlesbrough,
        identity__forenames=CHILDREN[0][0],
        identity__surname=CHILDREN[0][1],
    )
    NotifiedChild.objects.create(
        notification=notification_for(cast),
        pseudonym="Child Q",
        outcome=NotifiedChild.Outcome.SERIOUSLY_HARMED,
        age=4,
        full_name=f"{CHILDREN[1][0]} {CHILDREN[1][1]}",
        nhs_number=CHILDREN[1][2],
    )
    return cast


def identifying_details() -> set[str]:
    """Every child's name and NHS number the database holds, however the rows made them, and any
    part of the names of the matrix's own children."""
    found = {part for child in CHILDREN for part in child[:2]}
    for forenames, surname, nhs_number in ChildIdentity.objects.values_list(
        "forenames", "surname", "nhs_number"
    ):
        found |= {f"{forenames} {surname}", nhs_number}
    for full_name, nhs_number in NotifiedChild.objects.values_list("full_name", "nhs_number"):
        found |= {full_name, nhs_number}
    return {detail for detail in found if detail}


def shown(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def sign_in_as(client, persona, person) -> None:
    if persona == "password_only":
        confirmed_device(person)  # an authenticator set up, its code never given
        client.force_login(person)
    elif person is not None:
        sign_in(client, person)


def answer(world, check, persona):
    """What the persona gets for the check, asked with a client of its own inside a savepoint that
    is rolled back, so that one persona's change (an allowed POST) is never the next one's world."""
    client = Client()
    with transaction.atomic():
        sign_in_as(client, persona, world.persona(persona))
        url = reverse(check.url_name, kwargs=check.kwargs(world))
        response = getattr(client, check.method)(url, check.data(world))
        page = shown(response)
        details = identifying_details()
        transaction.set_rollback(True)
    return url, response, page, details


# One world per row (building it costs more than the requests), each persona a subtest of its own.
@pytest.mark.parametrize("check", CHECKS, ids=[check.id for check in CHECKS])
def test_each_persona_gets_the_expected_answer(world, check, subtests):
    for persona in MATRIX_PERSONAS:
        with subtests.test(persona=persona):
            url, response, page, details = answer(world, check, persona)
            expected = check.expect[persona]
            assert response.status_code == expected, (
                f"{persona} {check.method.upper()} {url}: {response.status_code}, expected {expected}"
            )
            if persona == "anonymous" and expected == 302:
                assert response["Location"].startswith(reverse("partnership:sign_in"))
            if persona not in SEES_IDENTIFYING_DETAILS:
                leaked = sorted(detail for detail in details if detail in page)
                assert not leaked, f"{persona} {check.method.upper()} {url} shows {leaked}"


def test_the_content_check_finds_what_a_page_shows(client, world):
    """Not vacuous: the child's name and NHS number are on the page of those who may see them."""
    sign_in(client, world.cdop_member)
    death = ChildIdentity.objects.get(forenames=CHILDREN[0][0]).child_death
    page = shown(client.get(reverse("child_deaths:identity", args=[death.pk])))
    assert {"Zinnia Matrixchild", CHILDREN[0][2]} <= {
        detail for detail in identifying_details() if detail in page
    }

import pytest
from django.urls import reverse

from core.testing import sign_in

pytestmark = pytest.mark.django_db


def test_the_api_lists_only_the_organisations_of_ones_own_partnership(client, cast):
    sign_in(client, cast.practitioner)
    names = {row["name"] for row in client.get(reverse("api:organisation-list")).json()["results"]}
    assert names == {cast.council.name, cast.police.name, cast.hospital.name}


def test_the_api_needs_a_signed_in_person(client, cast):
    assert client.get(reverse("api:organisation-list")).status_code == 403


def test_the_openapi_document_describes_the_api_to_a_signed_in_person(client, cast):
    sign_in(client, cast.practitioner)
    schema = client.get(reverse("api_schema")).content.decode()
    assert "/api/v1/organisations/" in schema


def test_the_openapi_document_is_refused_to_someone_not_signed_in(client):
    response = client.get(reverse("api_schema"))
    assert response.status_code == 403
    assert b"/api/v1/" not in response.content

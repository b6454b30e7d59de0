"""The health check says "ok" or "unavailable" and nothing else, whoever asks."""

import pytest


@pytest.mark.django_db
def test_health_check_says_ok_when_the_database_is_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_health_check_says_only_unavailable_when_the_database_cannot_be_reached(
    client, monkeypatch
):
    from django.db import connection

    def refuse(*args, **kwargs):
        raise ConnectionError("could not connect to server at db.internal:5432")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable"

import pytest


@pytest.mark.django_db
def test_health_check_reports_the_database_as_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_health_check_answers_503_when_the_database_cannot_be_reached(
    client, settings, monkeypatch
):
    from django.db import connection

    def refuse(*args, **kwargs):
        raise ConnectionError("refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "database": "unreachable",
        "detail": "ConnectionError",
    }

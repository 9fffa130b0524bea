from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_with_the_database_and_no_broker(client, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_is_down(client, settings):
    settings.CELERY_BROKER_URL = ""
    with mock.patch("home.views.connection.cursor", side_effect=OperationalError("gone")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down: OperationalError"}


def test_healthz_is_503_when_the_broker_is_down(client, settings):
    # Nothing listens on port 1: the broker is unreachable.
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["database"] == "ok"
    assert body["broker"].startswith("down")


@pytest.mark.worker
def test_healthz_reports_a_reachable_broker(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok"}


def test_healthz_only_answers_get(client):
    assert client.post("/healthz").status_code == 405


def test_healthz_connects_to_the_broker_at_most_once_per_interval(client, settings):
    """Polled every few seconds by a load balancer, the check answers from its last result
    in between: a second call within the interval opens no connection."""
    from learning.celery import app

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/3"  # unreachable
    settings.HEALTHZ_BROKER_SECONDS = 60
    opened = []
    real = app.connection_for_write

    def counting(*args, **kwargs):
        opened.append(args)
        return real(*args, **kwargs)

    with mock.patch.object(app, "connection_for_write", counting):
        first = client.get("/healthz")
        second = client.get("/healthz")
        settings.HEALTHZ_BROKER_SECONDS = 0  # the interval has passed: checked again
        third = client.get("/healthz")
    assert [r.status_code for r in (first, second, third)] == [503, 503, 503]
    assert second.json()["broker"] == first.json()["broker"]
    assert len(opened) == 2

"""PostgreSQL ends the app's connections (a restart, a failover, an administrator's
`pg_terminate_backend`): the next request reconnects and answers normally, no 500.

The app runs in a real gunicorn process that keeps its connection between requests
(`CONN_MAX_AGE`); Django's test client cannot show this, since it skips the per-request
connection check on purpose."""

import os
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.db import connections

from tests.courses.factories import make_module
from tests.processes import database_url_of_tests, free_port, gunicorn, worker_backends

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.fault,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def app_server(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning.settings.test",
        "DATABASE_URL": database_url_of_tests(),
        "CONN_MAX_AGE": "600",
        "TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    env.pop("CELERY_BROKER_URL", None)
    with gunicorn(env, port, tmp_path / "gunicorn.log"):
        yield f"http://127.0.0.1:{port}"


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _terminate_the_apps_connections() -> list[int]:
    pids = [pid for pid, _wait in worker_backends()]
    admin = connections.create_connection("default")
    try:
        with admin.cursor() as cursor:
            for pid in pids:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    finally:
        admin.close()
    return pids


def test_requests_after_the_database_ended_the_connections_answer_normally(app_server):
    tree = make_module(lessons=1)
    pages = ["/healthz", tree.module.url, "/fi/accessibility/", "/accounts/login/"]
    for path in pages:
        assert status_of(app_server + path) in (200, 302), path

    ended = 0
    for path in pages * 2:
        ended += len(_terminate_the_apps_connections())
        assert status_of(app_server + path) in (200, 302), path
    # Each kept connection was ended under the app at least once (a connection whose
    # health check failed is replaced and then closed at the end of its request).
    assert ended >= len(pages)

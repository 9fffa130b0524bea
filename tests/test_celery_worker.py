"""A real Celery worker on the configured broker (Redis in CI) runs a real task."""

import datetime
import uuid

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection, connections
from django.utils import timezone

from home.tasks import clear_expired_sessions
from learning.celery import app


def _close_worker_connections(**kwargs):
    # The worker thread opens its own database connections; close them after each task
    # so the test database can be dropped at the end of the run.
    connections.close_all()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_a_task_delivered_through_the_broker():
    expired = SessionStore()
    expired["k"] = "v"
    expired.create()
    Session.objects.filter(session_key=expired.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(minutes=1)
    )
    # A queue of its own, so parallel test processes never take each other's tasks.
    queue = f"test-{uuid.uuid4().hex}"
    task_postrun.connect(_close_worker_connections, weak=False)
    try:
        with start_worker(app, perform_ping_check=False, queues=[queue], shutdown_timeout=30):
            result = clear_expired_sessions.apply_async(queue=queue)
            assert result.get(timeout=30) == {"deleted": 1, "database": connection.vendor}
    finally:
        task_postrun.disconnect(_close_worker_connections)
    assert not Session.objects.filter(session_key=expired.session_key).exists()

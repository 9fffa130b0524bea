"""A real Celery worker (in-process thread) on the configured broker delivers the reminders.

Runs when CELERY_BROKER_URL is set (CI: Redis on PostgreSQL); on the embedded default the
same paths run eagerly in the other tests of this folder."""

import datetime
import time
import uuid

import pytest
from django.core import mail
from django.db import connections

from reminders import services
from reminders.models import Notification
from reminders.tasks import send_notification
from tests.organisation.factories import StaffMemberFactory
from tests.reminders.conftest import require

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def worker():
    from celery.contrib.testing.worker import start_worker

    from learning.celery import app

    # A queue of our own, so that workers of other tests sharing the broker (xdist) never
    # take these tasks, and ours never takes theirs.
    queue = f"reminders-test-{uuid.uuid4().hex}"
    saved_queue = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    # The worker thread opens its own connection: close it after every task so the test
    # database can be dropped at the end.
    db_settings = connections.settings["default"]
    max_age = db_settings.get("CONN_MAX_AGE", 0)
    db_settings["CONN_MAX_AGE"] = 0
    try:
        with start_worker(
            app, perform_ping_check=False, pool="solo", loglevel="WARNING", queues=[queue]
        ):
            yield app
    finally:
        app.conf.task_default_queue = saved_queue
        db_settings["CONN_MAX_AGE"] = max_age


def wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_real_worker_sends_each_reminder_once(module_a, worker):
    require(module_a, due_date=datetime.date.today() - datetime.timedelta(days=3))
    people = StaffMemberFactory.create_batch(3, language="sv")

    services.run_learner_reminders()
    services.run_learner_reminders()  # a second run queues nothing more

    assert wait_for(
        lambda: Notification.objects.filter(status=Notification.Status.SENT).count() == 3
    )
    notification = Notification.objects.first()
    send_notification.delay(notification.pk)  # a duplicate delivery of one task
    time.sleep(1)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert all("Möten och mångfald" in m.body for m in mail.outbox)
    assert Notification.objects.count() == 3

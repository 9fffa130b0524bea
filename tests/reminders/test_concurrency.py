"""Two runs of the same job at the same moment (e.g. two beats, or beat and cron) still send
each message once: the database's unique dedupe key decides, not a check in Python."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection

from reminders import services
from reminders.models import Notification
from tests.organisation.factories import StaffMemberFactory
from tests.reminders.conftest import require

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run_concurrently(job, times=2):
    barrier = threading.Barrier(times)
    errors = []

    def target():
        try:
            barrier.wait()
            job()
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=target) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []


def test_two_runs_racing_send_each_reminder_once(module_a):
    require(module_a, due_date=datetime.date.today() - datetime.timedelta(days=1))
    people = StaffMemberFactory.create_batch(20)

    run_concurrently(services.run_learner_reminders)

    assert Notification.objects.count() == 20
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)


def test_two_welcome_runs_racing_welcome_once(module_a):
    require(module_a)
    people = StaffMemberFactory.create_batch(20)

    run_concurrently(services.run_welcome_messages)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)

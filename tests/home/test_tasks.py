import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from home.tasks import clear_expired_sessions
from learning.celery import app

pytestmark = pytest.mark.django_db


def make_sessions():
    live = SessionStore()
    live["k"] = "v"
    live.create()
    expired = SessionStore()
    expired["k"] = "v"
    expired.create()
    Session.objects.filter(session_key=expired.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(days=1)
    )
    return live.session_key, expired.session_key


@pytest.mark.skipif(bool(settings.CELERY_BROKER_URL), reason="a broker is configured")
def test_clear_expired_sessions_runs_eagerly_without_a_broker():
    live, expired = make_sessions()
    result = clear_expired_sessions.delay()
    assert result.get(timeout=5) == {"deleted": 1, "database": settings_vendor()}
    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    # idempotent: nothing more to delete
    assert clear_expired_sessions.apply().get()["deleted"] == 0


def settings_vendor():
    from django.db import connection

    return connection.vendor


def test_clear_expired_sessions_is_scheduled_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["clear-expired-sessions"]
    assert entry["task"] == clear_expired_sessions.name
    assert entry["schedule"] == 24 * 60 * 60
    assert clear_expired_sessions.name in app.tasks

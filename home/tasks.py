"""Site-wide housekeeping tasks."""

from __future__ import annotations

from celery import shared_task
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone


@shared_task(name="home.tasks.clear_expired_sessions", acks_late=True)
def clear_expired_sessions() -> dict:
    """Delete expired sessions from the database (scheduled daily by Celery beat).

    Idempotent: running it twice deletes nothing the second time. Returns how many rows
    went and which database did the work, so a run can be checked in the worker's log.
    """
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return {"deleted": deleted, "database": connection.vendor}

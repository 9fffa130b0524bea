"""The one way a state change hands work to Celery: best-effort, never in the way.

Services call :func:`publish_on_commit` with a task's *name* (so they never import the
tasks module). After the transaction commits, the task is published with the short broker
timeouts of the settings and without kombu's publish retries; if the broker cannot be
reached the failure is logged and the request goes on. The committed row is the outbox:
each app's sweep (every minute, on beat) finds what was not sent and sends it again, and
every task is idempotent, so a message sent twice does its work once.

With no broker (the embedded default) tasks run eagerly, in-process, exactly as before.
"""

from __future__ import annotations

import logging

from django.db import transaction

from learning.celery import app

logger = logging.getLogger(__name__)


def publish(task_name: str, *args, **kwargs) -> bool:
    """Send `task_name` now; True when it was handed to the broker (or ran eagerly)."""
    if task_name not in app.tasks:
        # A web process has not imported the apps' tasks modules yet: autodiscover them.
        app.loader.import_default_modules()
    task = app.tasks[task_name]
    try:
        task.apply_async(args, kwargs, retry=False)
    except Exception:  # an unreachable broker raises kombu, redis or socket errors alike
        if app.conf.task_always_eager:
            raise  # eager: this is the task's own error, not the broker's
        logger.warning(
            "could not publish %s%r; the sweep sends it later", task_name, args, exc_info=True
        )
        return False
    return True


def publish_on_commit(task_name: str, *args, **kwargs) -> None:
    """Send `task_name` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: publish(task_name, *args, **kwargs))

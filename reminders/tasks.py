"""Celery tasks: the scheduled jobs (run by beat, see CELERY_BEAT_SCHEDULE in settings) and
the sending of one notification (by id only, queued after the creating transaction
commits)."""

from __future__ import annotations

import smtplib

from celery import shared_task

from reminders import services

MAX_RETRIES = 5


class TransientSendError(Exception):
    """Raised to make Celery retry a send that failed for a passing reason."""


@shared_task(
    bind=True,
    autoretry_for=(TransientSendError, smtplib.SMTPException, OSError),
    retry_backoff=60,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=MAX_RETRIES,
    acks_late=True,
)
def send_notification(self, notification_id: int) -> str:
    """Send one notification. A transient failure is retried with exponential backoff
    (up to about 1, 2, 4, 8, 16 minutes, with jitter); after the last try the row is
    marked failed. Any other error marks it failed at once."""
    retries = self.request.retries
    status, retry_on = services.deliver(notification_id, final_attempt=retries >= self.max_retries)
    if retry_on is not None and self.request.is_eager:
        # The embedded default (no broker) cannot hold a delayed retry: try again at once.
        while retry_on is not None:
            retries += 1
            status, retry_on = services.deliver(
                notification_id, final_attempt=retries >= self.max_retries
            )
        return status
    if retry_on is not None:
        raise TransientSendError(str(retry_on)) from retry_on
    return status


@shared_task
def run_learner_reminders() -> str:
    return services.run_learner_reminders().summary()


@shared_task
def run_welcome_messages() -> str:
    return services.run_welcome_messages().summary()


@shared_task
def run_supervisor_digests() -> str:
    return services.run_supervisor_digests().summary()


@shared_task
def requeue_unsent_notifications() -> int:
    return services.requeue_unsent()

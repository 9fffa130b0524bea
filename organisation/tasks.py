"""Background work of the organisation app (queued with transaction.on_commit)."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.utils.translation import gettext as _

from .jobs import apply_job, fail_job, requeue_stale_jobs, retry_abandoned_jobs


@shared_task(name="organisation.apply_import_job")
def apply_import_job(job_id: int) -> str:
    """Apply a confirmed admin import. Idempotent: a job that is not queued is left alone."""
    try:
        job = apply_job(job_id)
    except SoftTimeLimitExceeded:
        # The import transaction has rolled back: nothing was written.
        fail_job(job_id, _("the import took too long and was stopped; nothing was written"))
        return "failed"
    return job.status if job else "skipped"


@shared_task(name="organisation.requeue_import_jobs")
def requeue_import_jobs() -> dict:
    """Periodic sweep: queue again confirmed imports that a broker outage left waiting, and
    running imports whose worker died."""
    return {"requeued": requeue_stale_jobs(), "retried": retry_abandoned_jobs()}


@shared_task(name="organisation.send_invitations")
def send_invitations(invitation_ids: list[int]) -> int:
    """Send these invitations (each once; see organisation.invitations)."""
    from .invitations import send_invitations as send

    return send(invitation_ids)


@shared_task(name="organisation.send_unsent_invitations")
def send_unsent_invitations() -> int:
    """Periodic sweep: send the invitations a broker outage left unsent."""
    from .invitations import send_invitations as send
    from .invitations import unsent_invitation_ids

    return send(unsent_invitation_ids())

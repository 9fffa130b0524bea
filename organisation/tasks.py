"""Background work of the organisation app (queued with transaction.on_commit)."""

from celery import shared_task

from .jobs import apply_job, requeue_stale_jobs


@shared_task(name="organisation.apply_import_job")
def apply_import_job(job_id: int) -> str:
    """Apply a confirmed admin import. Idempotent: a job that is not queued is left alone."""
    job = apply_job(job_id)
    return job.status if job else "skipped"


@shared_task(name="organisation.requeue_import_jobs")
def requeue_import_jobs() -> int:
    """Periodic sweep: queue again confirmed imports that a broker outage left waiting."""
    return requeue_stale_jobs()

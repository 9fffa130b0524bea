"""Background work of the organisation app (queued with transaction.on_commit)."""

from celery import shared_task

from .jobs import apply_job


@shared_task(name="organisation.apply_import_job")
def apply_import_job(job_id: int) -> str:
    """Apply a confirmed admin import. Idempotent: a job that is not queued is left alone."""
    job = apply_job(job_id)
    return job.status if job else "skipped"

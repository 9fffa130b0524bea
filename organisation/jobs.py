"""Admin import jobs: preview (dry run) on upload, apply on confirm, in the request or a task."""

from __future__ import annotations

import contextlib
import datetime
import logging

from django.conf import settings
from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.queueing import publish

from .imports import ImportFailed, Summary, import_service_points, import_staff
from .models import AuditEvent, ImportJob

logger = logging.getLogger(__name__)
# A queued job not started after this long is sent to the worker again.
STALE_AFTER = datetime.timedelta(minutes=10)
# Uploaded files (personal data) are deleted after this long.
KEEP_FILES_FOR = datetime.timedelta(days=30)
# Write progress at most every this many processed rows (one UPDATE each time).
PROGRESS_EVERY = 1000
# A job whose worker died this many times is failed instead of tried again.
MAX_ATTEMPTS = 3
# PostgreSQL advisory locks of running imports: (this namespace, job id).
RUN_LOCK_NAMESPACE = 0x41535041


def _run(job: ImportJob, *, dry_run: bool, progress=None) -> Summary:
    if job.kind == ImportJob.Kind.STAFF:
        return import_staff(
            job.content,
            dry_run=dry_run,
            deactivate_missing=job.deactivate_missing,
            user=job.owner,
            progress=progress,
        )
    return import_service_points(job.content, dry_run=dry_run, user=job.owner, progress=progress)


def create_job(
    owner, kind: str, filename: str, content: str, deactivate_missing: bool
) -> ImportJob:
    """Store the upload and its dry run (summary or every error)."""
    purge_old_jobs()
    job = ImportJob(
        owner=owner,
        kind=kind,
        filename=filename[:255],
        content=content,
        deactivate_missing=deactivate_missing,
    )
    try:
        summary = _run(job, dry_run=True)
    except ImportFailed as exc:
        job.errors = exc.messages
    else:
        job.preview = summary.as_dict()
        job.row_count = summary.rows
    job.save()
    return job


def runs_in_background(job: ImportJob) -> bool:
    return job.row_count > settings.IMPORT_ASYNC_THRESHOLD_ROWS


def confirm_job(job: ImportJob) -> None:
    """Apply a previewed job now, or queue it when the file is large. Idempotent."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        if job.status != ImportJob.Status.PREVIEWED or job.errors:
            return
        job.status = ImportJob.Status.QUEUED
        job.queued_at = timezone.now()
        job.save(update_fields=["status", "queued_at"])
        if runs_in_background(job):
            transaction.on_commit(lambda: queue_job(job.pk))
            return
    apply_job(job.pk)


def queue_job(job_id: int) -> None:
    """Send the job to the worker; if the broker is down, the sweep sends it later."""
    publish("organisation.apply_import_job", job_id)


def requeue_stale_jobs(older_than: datetime.timedelta = STALE_AFTER) -> int:
    """Queue again jobs that have waited too long (a broker outage lost the message)."""
    cutoff = timezone.now() - older_than
    ids = list(
        ImportJob.objects.filter(status=ImportJob.Status.QUEUED, queued_at__lt=cutoff).values_list(
            "pk", flat=True
        )
    )
    for job_id in ids:
        ImportJob.objects.filter(pk=job_id).update(queued_at=timezone.now())
        queue_job(job_id)
    return len(ids)


def purge_old_jobs(older_than: datetime.timedelta = KEEP_FILES_FOR) -> int:
    """Uploaded files hold personal data: forget them after a while."""
    cutoff = timezone.now() - older_than
    return ImportJob.objects.filter(created_at__lt=cutoff).delete()[0]


def apply_job(job_id: int) -> ImportJob | None:
    """Run a queued job (in the request or in the worker). A job is applied at most once.

    The job is first claimed (RUNNING, committed, so the progress page shows it). The
    import and the job's result then commit together in one transaction, so a worker that
    dies leaves nothing written. On PostgreSQL the whole run holds an advisory lock on the
    job through its database connection, which the database drops when the worker dies:
    `retry_abandoned_jobs` sends a RUNNING job nobody holds again.
    """
    with _run_lock(job_id):
        with transaction.atomic():
            job = (
                ImportJob.objects.select_for_update()
                .select_related("owner")
                .filter(pk=job_id, status=ImportJob.Status.QUEUED)
                .first()
            )
            if job is None:
                return None
            job.status = ImportJob.Status.RUNNING
            job.started_at = timezone.now()
            job.attempts += 1
            job.save(update_fields=["status", "started_at", "attempts"])

        last = 0

        def progress(done: int, total: int) -> None:
            nonlocal last
            if done - last >= PROGRESS_EVERY or done == total:
                last = done
                write_progress(job_id, done, total)

        with transaction.atomic():
            # Where no lock tells, a sweep may have found this run too slow and handed the
            # job to another run: then this one stops.
            if not ImportJob.objects.filter(
                pk=job_id, status=ImportJob.Status.RUNNING, attempts=job.attempts
            ).exists():
                return None
            try:
                summary = _run(job, dry_run=False, progress=progress)
            except ImportFailed as exc:
                job.status = ImportJob.Status.FAILED
                job.errors = exc.messages
            else:
                job.status = ImportJob.Status.DONE
                job.result = summary.as_dict()
                AuditEvent.record(
                    job.owner,
                    f"import_{job.kind}",
                    job.filename,
                    source="admin",
                    job=job.pk,
                    **summary.as_dict(),
                )
            _finish(job)
    return job


def fail_job(job_id: int, message: str) -> None:
    """Mark a running job failed (e.g. it ran out of time) with one message for HR."""
    job = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.RUNNING).first()
    if job is not None:
        job.status = ImportJob.Status.FAILED
        job.errors = [message]
        _finish(job)


def _finish(job: ImportJob) -> None:
    job.finished_at = timezone.now()
    job.processed = job.total = job.row_count if job.status == ImportJob.Status.DONE else 0
    job.content = ""  # the file is no longer needed once applied or refused
    job.save(
        update_fields=[
            "status",
            "errors",
            "result",
            "finished_at",
            "processed",
            "total",
            "content",
        ]
    )


@contextlib.contextmanager
def _run_lock(job_id: int):
    """Mark the job as being worked on for as long as this connection lives (PostgreSQL)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", [RUN_LOCK_NAMESPACE, job_id])
    try:
        yield
    finally:
        # A connection lost mid-run has already dropped the lock; its error, not this one,
        # is the one to report.
        with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [RUN_LOCK_NAMESPACE, job_id])


def _run_lock_is_free(job_id: int) -> bool | None:
    """Inside the sweep's transaction: True when no run holds the job (the sweep then holds
    it until commit), False when one does, None where the database cannot tell."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", [RUN_LOCK_NAMESPACE, job_id])
        return bool(cursor.fetchone()[0])


def retry_abandoned_jobs(now: datetime.datetime | None = None) -> int:
    """Send again running jobs whose worker is gone; return how many were sent.

    On PostgreSQL a job is abandoned as soon as no run holds its lock; elsewhere when it
    has run longer than the task's hard time limit allows. After
    MAX_ATTEMPTS lost runs the job fails with a message instead of looping.
    """
    now = now or timezone.now()
    timeout = datetime.timedelta(seconds=settings.IMPORT_RUNNING_TIMEOUT_SECONDS)
    candidates = list(
        ImportJob.objects.filter(status=ImportJob.Status.RUNNING).values_list(
            "pk", "attempts", "started_at"
        )
    )
    retried = []
    for job_id, attempts, started_at in candidates:
        with transaction.atomic():
            free = _run_lock_is_free(job_id)
            if free is None:
                abandoned = started_at is None or started_at < now - timeout
            else:
                abandoned = free
            if not abandoned:
                continue
            if attempts >= MAX_ATTEMPTS:
                logger.error("import job %s: its worker stopped %s times; failed", job_id, attempts)
                fail_job(
                    job_id,
                    _("the import stopped %(count)s times before finishing; nothing was written")
                    % {"count": attempts},
                )
                continue
            sent_back = ImportJob.objects.filter(
                pk=job_id, status=ImportJob.Status.RUNNING, attempts=attempts
            ).update(status=ImportJob.Status.QUEUED, queued_at=now, started_at=None)
        if sent_back:
            logger.warning("import job %s: its worker is gone; sent again", job_id)
            queue_job(job_id)
            retried.append(job_id)
    return len(retried)


def write_progress(job_id: int, done: int, total: int) -> None:
    """Record progress so the progress page can show it while the import still runs.

    The import writes in one transaction, invisible to other connections until it
    commits, so inside it the counters go through a second, autocommitting connection.
    SQLite allows one writer at a time, so there the counters are only written outside
    the import transaction (the page shows "running" until the end).
    """
    if not connection.in_atomic_block:
        ImportJob.objects.filter(pk=job_id).update(processed=done, total=total)
        return
    if connection.vendor == "sqlite":
        return
    side = connections.create_connection("default")
    try:
        with side.cursor() as cursor:
            cursor.execute(
                f"UPDATE {ImportJob._meta.db_table} SET processed = %s, total = %s "  # noqa: S608
                "WHERE id = %s",
                [done, total, job_id],
            )
    finally:
        side.close()

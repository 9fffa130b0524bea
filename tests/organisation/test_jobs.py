import datetime

import pytest
from django.utils import timezone

from organisation import jobs
from organisation.models import ImportJob, StaffMember

from .csvdata import staff_csv
from .factories import DivisionFactory, ServicePointFactory, make_hr_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr():
    ServicePointFactory(code="SP001", division=DivisionFactory(code="D1"))
    return make_hr_user(city_wide=True)


def test_a_broker_outage_keeps_the_job_queued_and_the_sweep_sends_it_again(
    hr, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.IMPORT_ASYNC_THRESHOLD_ROWS = 1
    job = jobs.create_job(hr, "staff", "s.csv", staff_csv(3), False)

    from kombu.exceptions import OperationalError

    from learning.celery import app

    def broker_down(*args, **kwargs):
        raise OperationalError("broker down")

    # A real unreachable broker is tests/test_broker_down.py; here the publish fails alike.
    with monkeypatch.context() as down:
        down.setitem(app.conf, "task_always_eager", False)
        down.setattr("organisation.tasks.apply_import_job.apply_async", broker_down)
        with django_capture_on_commit_callbacks(execute=True):
            jobs.confirm_job(job)  # the request goes on: nothing raised
    job.refresh_from_db()
    assert job.status == "queued"

    # The broker is back (the task runs here, whether or not a broker is configured).
    from organisation.tasks import apply_import_job

    monkeypatch.setattr(
        "organisation.tasks.apply_import_job.apply_async",
        lambda args, kwargs=None, **options: apply_import_job.apply(args=args),
    )
    ImportJob.objects.filter(pk=job.pk).update(
        queued_at=timezone.now() - datetime.timedelta(hours=1)
    )
    assert jobs.requeue_stale_jobs() == 1
    job.refresh_from_db()
    assert job.status == "done"
    assert StaffMember.objects.count() == 3
    assert job.content == ""


def test_applying_twice_runs_once(hr):
    job = jobs.create_job(hr, "staff", "s.csv", staff_csv(3), False)
    jobs.confirm_job(job)
    jobs.confirm_job(job)
    assert jobs.apply_job(job.pk) is None
    job.refresh_from_db()
    assert job.result["created"] == 3


def test_a_file_that_became_invalid_before_confirming_fails_cleanly(hr):
    job = jobs.create_job(hr, "staff", "s.csv", staff_csv(3), False)
    from organisation.models import ServicePoint

    ServicePoint.objects.filter(code="SP001").update(code="RENAMED")
    jobs.confirm_job(job)
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.errors[0] == "line 2: service_point_code: unknown service point code SP001"
    assert not StaffMember.objects.exists()


def test_old_uploads_are_forgotten(hr):
    old = jobs.create_job(hr, "staff", "old.csv", staff_csv(1), False)
    ImportJob.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    jobs.create_job(hr, "staff", "new.csv", staff_csv(1), False)
    assert list(ImportJob.objects.values_list("filename", flat=True)) == ["new.csv"]


def _claimed_by_a_worker_that_died(job, *, minutes_ago: float, attempts: int = 1) -> None:
    """The state a worker leaves when it is killed inside the import: the claim committed,
    the import transaction rolled back by the database."""
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.RUNNING,
        started_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
        attempts=attempts,
    )


@pytest.fixture
def run_queued_jobs_here(monkeypatch):
    """The broker delivers at once: the requeued task runs in this process."""
    from organisation.tasks import apply_import_job

    monkeypatch.setattr(
        "organisation.tasks.apply_import_job.apply_async",
        lambda args, kwargs=None, **options: apply_import_job.apply(args=args),
    )


def test_a_running_import_whose_worker_died_is_applied_once_by_the_sweep(
    hr, settings, run_queued_jobs_here
):
    from organisation.models import AuditEvent

    job = jobs.create_job(hr, "staff", "s.csv", staff_csv(3), False)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.QUEUED)
    timeout = settings.IMPORT_RUNNING_TIMEOUT_SECONDS / 60
    _claimed_by_a_worker_that_died(job, minutes_ago=timeout + 1)

    assert jobs.retry_abandoned_jobs() == 1
    job.refresh_from_db()
    assert job.status == "done"
    assert job.attempts == 2
    assert job.result["created"] == 3
    assert StaffMember.objects.count() == 3
    assert AuditEvent.objects.filter(action="import_staff").count() == 1
    # A second sweep finds nothing to do: the import is not applied twice.
    assert jobs.retry_abandoned_jobs() == 0
    assert AuditEvent.objects.filter(action="import_staff").count() == 1


@pytest.mark.postgres
def test_on_postgresql_a_job_whose_import_is_still_being_written_is_not_retried(
    hr, settings, run_queued_jobs_here
):
    from django.db import connections

    job = jobs.create_job(hr, "staff", "s.csv", staff_csv(3), False)
    _claimed_by_a_worker_that_died(
        job, minutes_ago=settings.IMPORT_RUNNING_TIMEOUT_SECONDS / 60 + 1
    )
    # Another connection holds the job's lock, as a live worker's import transaction does.
    worker = connections.create_connection("default")
    try:
        with worker.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", [jobs.RUN_LOCK_NAMESPACE, job.pk])
        assert jobs.retry_abandoned_jobs() == 0
        job.refresh_from_db()
        assert job.status == "running"
    finally:
        worker.close()
    # The worker is gone (its connection closed): the job is retried at once, without
    # waiting for the time limit.
    _claimed_by_a_worker_that_died(job, minutes_ago=0.1)
    assert jobs.retry_abandoned_jobs() == 1
    job.refresh_from_db()
    assert job.status == "done"


def test_without_a_lock_to_ask_a_job_is_retried_only_after_the_time_limit(
    hr, settings, run_queued_jobs_here
):
    from django.db import connection

    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL knows at once through the lock (the test above)")
    job = jobs.create_job(hr, "staff", "s.csv", staff_csv(3), False)
    _claimed_by_a_worker_that_died(job, minutes_ago=5)
    assert jobs.retry_abandoned_jobs() == 0
    _claimed_by_a_worker_that_died(
        job, minutes_ago=settings.IMPORT_RUNNING_TIMEOUT_SECONDS / 60 + 1
    )
    assert jobs.retry_abandoned_jobs() == 1


def test_a_job_that_keeps_killing_its_worker_fails_with_a_message(hr, settings):
    job = jobs.create_job(hr, "staff", "s.csv", staff_csv(3), False)
    _claimed_by_a_worker_that_died(
        job,
        minutes_ago=settings.IMPORT_RUNNING_TIMEOUT_SECONDS / 60 + 1,
        attempts=jobs.MAX_ATTEMPTS,
    )
    assert jobs.retry_abandoned_jobs() == 0
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.errors == ["the import stopped 3 times before finishing; nothing was written"]
    assert job.content == ""
    assert not StaffMember.objects.exists()


def test_an_import_out_of_time_fails_and_writes_nothing(hr, monkeypatch):
    from celery.exceptions import SoftTimeLimitExceeded

    from organisation.tasks import apply_import_job

    job = jobs.create_job(hr, "staff", "s.csv", staff_csv(3), False)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.QUEUED)

    real_write = jobs.write_progress

    def out_of_time(*args):
        real_write(*args)
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(jobs, "write_progress", out_of_time)
    assert apply_import_job.apply(args=[job.pk]).get() == "failed"
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.errors == ["the import took too long and was stopped; nothing was written"]
    assert not StaffMember.objects.exists()

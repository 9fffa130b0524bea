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

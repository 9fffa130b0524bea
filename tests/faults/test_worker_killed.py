"""A whole worker killed with SIGKILL in the middle of its task: the work is done once.

The worker is caught mid-task by a table lock held from the test (readers go on, the
task's first write waits), then its process group gets SIGKILL. RabbitMQ hands the
unacknowledged task to the next worker by itself; with Redis the message stays invisible
for the visibility timeout, and the sweep that beat runs every minute (sent here, as beat
would) redoes the work.
"""

import pytest

from certificates.models import Certificate
from learning.queueing import publish
from organisation import jobs
from organisation.models import AuditEvent, ImportJob, StaffMember
from tests.certificates.conftest import make_completed_cycle
from tests.courses.factories import make_module
from tests.organisation.csvdata import staff_csv
from tests.organisation.factories import (
    DivisionFactory,
    ServicePointFactory,
    StaffMemberFactory,
    make_hr_user,
)
from tests.processes import (
    table_locked,
    wait_for_a_worker_blocked_on_a_lock,
    wait_until,
    worker_backends,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.fault,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _is_redis(broker) -> bool:
    return broker.url.startswith("redis")


def test_a_worker_killed_mid_certificate_leaves_exactly_one_certificate(
    private_broker, publishing_to, workers
):
    module = make_module(lessons=1, validity_months=24)
    cycle = make_completed_cycle(StaffMemberFactory(), module.module_key)
    publishing_to(private_broker.url)
    first = workers(private_broker.url)
    first.start()

    with table_locked(Certificate):
        assert publish("certificates.tasks.issue_certificate", cycle.pk)
        wait_for_a_worker_blocked_on_a_lock()
        first.kill()
    wait_until(lambda: not worker_backends(), 30, "the killed worker's session stays")
    assert not Certificate.objects.filter(cycle=cycle).exists()

    second = workers(private_broker.url)
    second.start()
    if _is_redis(private_broker):
        assert publish("certificates.tasks.sweep_certificates")
    certificate = wait_until(
        lambda: Certificate.objects.filter(cycle=cycle).exclude(pdf="").first(),
        90,
        "no certificate with its PDF",
    )
    assert certificate.pdf.name.endswith(".pdf")
    assert Certificate.objects.filter(cycle=cycle).count() == 1


def test_a_worker_killed_mid_import_applies_the_import_exactly_once(
    private_broker, publishing_to, workers, settings
):
    ServicePointFactory(code="SP001", division=DivisionFactory(code="D1"))
    hr = make_hr_user(city_wide=True)
    settings.IMPORT_ASYNC_THRESHOLD_ROWS = 1  # this file goes to the worker
    job = jobs.create_job(hr, "staff", "staff.csv", staff_csv(3), False)
    publishing_to(private_broker.url)
    first = workers(private_broker.url)
    first.start()

    with table_locked(StaffMember):
        jobs.confirm_job(job)
        wait_for_a_worker_blocked_on_a_lock()
        job.refresh_from_db()
        assert job.status == ImportJob.Status.RUNNING
        first.kill()
    wait_until(lambda: not worker_backends(), 30, "the killed worker's session stays")
    job.refresh_from_db()
    assert job.status == ImportJob.Status.RUNNING  # what HR saw before: "running" for ever
    assert not StaffMember.objects.exists()  # the import rolled back with the worker

    second = workers(private_broker.url)
    second.start()
    assert publish("organisation.requeue_import_jobs")  # the sweep beat runs every minute
    wait_until(
        lambda: ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.DONE).exists(),
        90,
        "the import was not retried",
    )
    job.refresh_from_db()
    assert job.attempts == 2
    assert job.result["created"] == 3
    assert StaffMember.objects.count() == 3
    assert AuditEvent.objects.filter(action="import_staff").count() == 1
    # Another sweep finds nothing left to do.
    assert publish("organisation.requeue_import_jobs")
    assert jobs.retry_abandoned_jobs() == 0
    assert StaffMember.objects.count() == 3

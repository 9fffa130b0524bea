"""Behaviour that depends on the real database and a real worker."""

import threading
import time

import pytest
from django.db import connection

from certificates import services
from certificates.models import Certificate
from certificates.services import issue_for_cycle


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_issues_of_one_cycle_give_one_certificate(cycle, monkeypatch):
    """Both workers pass the "already issued?" check before either inserts; the unique
    constraint on the cycle decides, and the loser returns the winner's certificate."""
    barrier = threading.Barrier(2, timeout=10)
    original = services.certificate_fields_for

    def fields_then_wait(c):
        fields = original(c)
        barrier.wait()
        return fields

    monkeypatch.setattr(services, "certificate_fields_for", fields_then_wait)
    results, errors = [], []

    def issue():
        try:
            results.append(issue_for_cycle(cycle.pk))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    assert Certificate.objects.filter(cycle=cycle).count() == 1
    assert sorted(created for _c, created in results) == [False, True]
    assert results[0][0].pk == results[1][0].pk


@pytest.mark.postgres
@pytest.mark.worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_issues_the_certificate_and_renders_its_pdf(cycle):
    from celery.contrib.testing.worker import start_worker

    from certificates.pdf import pdf_exists
    from certificates.tasks import issue_certificate
    from learning.celery import app

    with start_worker(app, perform_ping_check=False, pool="solo", shutdown_timeout=30):
        certificate_id = issue_certificate.delay(cycle.pk).get(timeout=60)
        again = issue_certificate.delay(cycle.pk).get(timeout=60)
        assert again == certificate_id
        deadline = time.monotonic() + 60
        certificate = Certificate.objects.get(pk=certificate_id)
        while not pdf_exists(certificate) and time.monotonic() < deadline:
            time.sleep(0.2)
            certificate.refresh_from_db()
    assert Certificate.objects.filter(cycle=cycle).count() == 1
    assert pdf_exists(certificate)

import datetime

import pytest

from certificates.models import Certificate
from certificates.services import issue_for_cycle
from certificates.tasks import issue_certificate, sweep_certificates
from tests.certificates.conftest import make_completed_cycle

pytestmark = pytest.mark.django_db


def test_issuing_task_twice_gives_one_certificate(cycle, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        first = issue_certificate.apply(args=[cycle.pk]).get()
        second = issue_certificate.apply(args=[cycle.pk]).get()
    assert first == second
    assert Certificate.objects.filter(cycle=cycle).count() == 1


def test_certificate_records_title_in_holders_language_and_expiry(cycle, module):
    certificate, created = issue_for_cycle(cycle)
    assert created
    assert certificate.title == "Möten och mångfald"
    assert certificate.language == "sv"
    assert certificate.module_key == module.module_key
    assert certificate.issued_on == datetime.date(2026, 3, 2)
    assert certificate.expires_on == datetime.date(2028, 3, 2)
    assert len(certificate.code) == 32


def test_open_cycle_gets_no_certificate(holder, module):
    from courses.models import ModuleCycle

    open_cycle = ModuleCycle.objects.create(staff=holder, module_key=module.module_key)
    assert issue_for_cycle(open_cycle) == (None, False)
    assert not Certificate.objects.exists()


def test_completion_signal_issues_the_certificate(cycle, django_capture_on_commit_callbacks):
    from courses.signals import module_completed

    with django_capture_on_commit_callbacks(execute=True):
        module_completed.send(sender=type(cycle), cycle=cycle)
    certificate = Certificate.objects.get(cycle=cycle)
    assert certificate.pdf  # the eager PDF task ran too


def test_sweep_issues_the_missing_one_and_nothing_more(holder, module, cycle):
    issue_for_cycle(cycle)
    missing = make_completed_cycle(
        holder, module.module_key, number=2, day=datetime.date(2026, 5, 1)
    )
    from courses.models import ModuleCycle

    ModuleCycle.objects.create(staff=holder, module_key=module.module_key, number=3)  # open
    result = sweep_certificates.apply(kwargs={"render_missing_pdfs": False}).get()
    assert result["issued"] == 1
    assert Certificate.objects.count() == 2
    assert Certificate.objects.filter(cycle=missing).exists()
    again = sweep_certificates.apply(kwargs={"render_missing_pdfs": False}).get()
    assert again["issued"] == 0
    assert Certificate.objects.count() == 2


def test_a_pdf_failure_does_not_break_the_completion(
    cycle, monkeypatch, django_capture_on_commit_callbacks
):
    from unittest import mock

    from certificates import pdf, tasks

    def broken(*args, **kwargs):
        raise RuntimeError("no fonts")

    monkeypatch.setattr(pdf, "render_pdf_bytes", broken)
    with (
        mock.patch.object(tasks.logger, "exception") as logged,
        django_capture_on_commit_callbacks(execute=True),
    ):
        certificate_id = issue_certificate.apply(args=[cycle.pk]).get()
    certificate = Certificate.objects.get(pk=certificate_id)
    assert not certificate.pdf
    assert logged.call_args.args[0].startswith("rendering the PDF")


def test_issuing_is_in_the_audit_trail_once(cycle):
    from organisation.models import AuditEvent

    certificate, created = issue_for_cycle(cycle)
    assert created
    again, created_again = issue_for_cycle(cycle)
    assert (again, created_again) == (certificate, False)
    event = AuditEvent.objects.get(action="certificate.issue")
    assert event.target == f"certificate:{certificate.pk}"
    assert event.details["code"] == certificate.code
    assert event.details["staff"] == cycle.staff.employee_id

"""The import on real PostgreSQL and through a real Celery worker (marked tests)."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile

from organisation.imports import ImportFailed, import_staff
from organisation.models import AuditEvent, ImportJob, StaffMember

from .csvdata import staff_csv, staff_row, to_csv
from .factories import DivisionFactory, ServicePointFactory, make_hr_user


@pytest.fixture
def points(db):
    division = DivisionFactory(code="D1")
    return [ServicePointFactory(code=f"SP{n:03d}", division=division) for n in (1, 2)]


@pytest.mark.postgres
def test_failure_on_row_3999_of_4000_changes_nothing_on_postgresql(points):
    import_staff(staff_csv(10))
    before = list(StaffMember.objects.order_by("pk").values())
    rows = [staff_row(n, "SP002", last_name="Muutettu") for n in range(1, 4001)]
    rows[3998]["email"] = "not-an-address"
    with pytest.raises(ImportFailed) as info:
        import_staff(to_csv(rows))
    assert info.value.messages == ["line 4000: email: not-an-address is not a valid e-mail address"]
    assert list(StaffMember.objects.order_by("pk").values()) == before


@pytest.mark.postgres
def test_a_database_error_midway_rolls_back_on_postgresql(points, monkeypatch):
    import organisation.imports as imports

    real_deactivate = imports._deactivate

    def fail_after_writing(rows, step):
        real_deactivate(rows, step)
        raise RuntimeError("connection lost")

    import_staff(staff_csv(5))
    before = list(StaffMember.objects.order_by("pk").values())
    monkeypatch.setattr(imports, "_deactivate", fail_after_writing)
    with pytest.raises(RuntimeError):
        import_staff(staff_csv(3000, start=3), deactivate_missing=True)
    assert list(StaffMember.objects.order_by("pk").values()) == before


@pytest.mark.worker
def test_a_large_admin_import_runs_in_a_real_worker(transactional_db, client, settings):
    from celery.contrib.testing.worker import start_worker

    import organisation.tasks  # noqa: F401  (registers the task)
    from learning.celery import app

    settings.IMPORT_ASYNC_THRESHOLD_ROWS = 100
    division = DivisionFactory(code="W1")
    ServicePointFactory(code="SP001", division=division)
    hr = make_hr_user(city_wide=True)
    profile = UserProfile.get_for_user(hr)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(hr)
    upload = SimpleUploadedFile("big.csv", staff_csv(2500).encode())
    client.post(reverse("organisation_imports:upload"), {"kind": "staff", "file": upload})
    job = ImportJob.objects.get()
    assert job.row_count == 2500 and not job.errors

    with start_worker(app, perform_ping_check=False, shutdown_timeout=30):
        client.post(reverse("organisation_imports:confirm", args=[job.pk]))
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.is_finished:
                break
            time.sleep(0.5)
    assert job.status == "done", job.errors
    assert job.result["created"] == 2500
    assert StaffMember.objects.count() == 2500
    assert AuditEvent.objects.filter(action="import_staff", actor=hr).count() == 1
    page = client.get(reverse("organisation_imports:job", args=[job.pk]))
    assert b"created 2500, updated 0, deactivated 0, unchanged 0" in page.content

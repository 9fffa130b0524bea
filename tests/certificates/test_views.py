import datetime

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate, group_code
from certificates.services import issue_for_cycle, revoke
from tests.organisation.factories import (
    DivisionFactory,
    ServicePointFactory,
    StaffMemberFactory,
    make_hr_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(cycle):
    certificate, _ = issue_for_cycle(cycle)
    return certificate


def verify_url(code, lang="fi"):
    return f"/{lang}/verify/{code}/"


@time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC))
def test_verification_shows_a_valid_certificate(client, certificate):
    response = client.get(verify_url(certificate.code, "en"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Valid certificate" in body
    assert "Åsa Mäkelä-Öberg" in body
    assert "Möten och mångfald" in body
    assert certificate.staff.email not in body
    assert certificate.staff.employee_id not in body
    assert certificate.staff.service_point.name_en not in body


def test_verification_shows_an_expired_certificate(client, certificate):
    with time_machine.travel(datetime.datetime(2028, 3, 3, 12, tzinfo=datetime.UTC)):
        response = client.get(verify_url(certificate.code, "en"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Expired certificate" in body
    assert "Valid certificate" not in body


def test_verification_shows_a_revoked_certificate_with_its_date(client, certificate):
    hr = make_hr_user(city_wide=True)
    with time_machine.travel(datetime.datetime(2026, 7, 15, 12, tzinfo=datetime.UTC)):
        revoke(certificate, hr, "Completed by someone else")
    with time_machine.travel(datetime.datetime(2026, 8, 1, 12, tzinfo=datetime.UTC)):
        response = client.get(verify_url(certificate.code, "en"))
    body = response.content.decode()
    assert "Revoked certificate" in body
    assert "15 July 2026" in body or "July 15, 2026" in body
    assert "Completed by someone else" not in body


def test_verification_accepts_grouped_lower_case_codes(client, certificate):
    typed = group_code(certificate.code).lower()
    response = client.get(verify_url(typed, "en"))
    assert response.status_code == 302
    assert response["Location"] == verify_url(certificate.code, "en")
    form = client.get("/en/verify/", {"code": f" {typed} "})
    assert form["Location"] == verify_url(certificate.code, "en")


def test_unknown_code_is_a_404_that_says_so(client, db):
    response = client.get(verify_url("A" * 32, "en"))
    assert response.status_code == 404
    assert "No certificate has this verification code" in response.content.decode()
    garbage = client.get(verify_url("not-a-code", "en"))
    assert garbage.status_code == 404


def test_a_mistyped_code_stays_in_the_field_to_be_corrected(client, certificate):
    typo = ("B" if certificate.code[0] != "B" else "C") + certificate.code[1:]
    response = client.get("/en/verify/", {"code": typo}, follow=True)
    assert response.status_code == 404
    assert f'value="{typo}"' in response.content.decode()


def test_verify_form_rejects_malformed_codes_clearly(client, db):
    response = client.get("/en/verify/", {"code": "12345"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()


@override_settings(CERTIFICATE_VERIFY_RATE="3/m")
def test_verification_is_rate_limited_per_client_address(client, certificate):
    for _ in range(3):
        assert client.get(verify_url(certificate.code)).status_code == 200
    blocked = client.get(verify_url(certificate.code, "sv"))
    assert blocked.status_code == 429
    assert "Retry-After" in blocked
    other_client = client.get(verify_url(certificate.code), REMOTE_ADDR="10.0.0.9")
    assert other_client.status_code == 200


def test_holder_downloads_their_pdf(client, certificate):
    client.force_login(certificate.staff.user)
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="')
    assert "filename*=UTF-8''" in disposition
    assert "\n" not in disposition and "Ö" not in disposition
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_another_learner_gets_404_for_someone_elses_pdf(client, certificate):
    other = StaffMemberFactory(service_point=certificate.staff.service_point)
    client.force_login(other.user)
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 404


def test_hr_outside_the_holders_scope_gets_404(client, certificate):
    hr = make_hr_user(DivisionFactory())
    client.force_login(hr)
    assert client.get(reverse("certificates:download", args=[certificate.pk])).status_code == 404


def test_hr_and_supervisor_within_scope_download(client, certificate):
    hr = make_hr_user(certificate.staff.service_point.division)
    client.force_login(hr)
    assert client.get(reverse("certificates:download", args=[certificate.pk])).status_code == 200
    supervisor = StaffMemberFactory(service_point=ServicePointFactory())
    supervisor.supervises.add(certificate.staff.service_point)
    client.force_login(supervisor.user)
    assert client.get(reverse("certificates:download", args=[certificate.pk])).status_code == 200


def test_anonymous_download_redirects_to_login(client, certificate):
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 302


def test_missing_pdf_is_rendered_at_download(client, certificate):
    from django.core.files.storage import default_storage

    from certificates.pdf import ensure_pdf

    ensure_pdf(certificate)
    default_storage.delete(certificate.pdf.name)
    client.force_login(certificate.staff.user)
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 200


def test_missing_pdf_with_a_worker_shows_being_prepared(client, certificate, monkeypatch):
    from certificates.tasks import render_certificate_pdf

    queued = []
    monkeypatch.setattr(
        render_certificate_pdf,
        "apply_async",
        lambda args, kwargs=None, **options: queued.append(tuple(args)),
    )
    client.force_login(certificate.staff.user)
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 202
    assert queued == [(certificate.pk,)]
    assert response["Retry-After"] == "5"
    assert reverse("certificates:download", args=[certificate.pk]) in response.content.decode()


def test_my_certificates_lists_current_and_history(
    client, holder, module, certificate, django_assert_max_num_queries
):
    from tests.certificates.conftest import make_completed_cycle

    newer = make_completed_cycle(holder, module.module_key, number=2, day=datetime.date(2028, 2, 1))
    renewed, _ = issue_for_cycle(newer)
    client.force_login(holder.user)
    with django_assert_max_num_queries(12):
        response = client.get("/en/certificates/")
    assert response.status_code == 200
    current = [r.certificate for r in response.context["current"]]
    history = [r.certificate for r in response.context["history"]]
    assert current == [renewed]
    assert history == [certificate]


def test_expired_certificate_does_not_count(certificate):
    assert (
        Certificate.objects.valid_on(datetime.date(2028, 3, 1)).filter(pk=certificate.pk).exists()
    )
    assert not Certificate.objects.valid_on(datetime.date(2028, 3, 2)).exists()
    assert not Certificate.objects.valid_on(datetime.date(2026, 3, 1)).exists()


def test_revoked_certificate_counts_until_the_day_of_revocation(certificate):
    certificate.revoked_at = timezone.make_aware(datetime.datetime(2026, 7, 15, 9))
    certificate.save()
    assert Certificate.objects.valid_on(datetime.date(2026, 7, 14)).exists()
    assert not Certificate.objects.valid_on(datetime.date(2026, 7, 15)).exists()

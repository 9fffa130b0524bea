import datetime

import pytest
from openpyxl import load_workbook

from certificates.models import Certificate
from certificates.services import issue_for_cycle
from courses.models import ModuleCycle
from organisation.models import AuditEvent
from tests.certificates.conftest import make_completed_cycle
from tests.organisation.factories import (
    DivisionFactory,
    ServicePointFactory,
    StaffMemberFactory,
    make_hr_user,
)

pytestmark = pytest.mark.django_db

REGISTER = "/admin/certificate_register/"


@pytest.fixture
def certificate(cycle):
    certificate, _ = issue_for_cycle(cycle)
    return certificate


@pytest.fixture
def other_division_certificate(module):
    staff = StaffMemberFactory(first_name="Mikko", last_name="Muualla")
    certificate, _ = issue_for_cycle(make_completed_cycle(staff, module.module_key))
    return certificate


def test_register_lists_only_certificates_in_scope(
    client, certificate, other_division_certificate, django_assert_max_num_queries
):
    hr = make_hr_user(certificate.staff.service_point.division)
    client.force_login(hr)
    for _ in range(5):
        StaffMemberFactory(service_point=certificate.staff.service_point)
    with django_assert_max_num_queries(40):
        response = client.get(REGISTER)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Mäkelä-Öberg" in body
    assert "Muualla" not in body


def test_register_filters_by_status_and_searches(client, certificate, other_division_certificate):
    hr = make_hr_user(city_wide=True)
    client.force_login(hr)
    both = client.get(REGISTER, {"q": "Muualla"}).content.decode()
    assert "Muualla" in both and "Mäkelä-Öberg" not in both
    other_division_certificate.revoked_at = datetime.datetime(2026, 4, 1, tzinfo=datetime.UTC)
    other_division_certificate.save()
    revoked = client.get(REGISTER, {"status": "revoked"}).content.decode()
    assert "Muualla" in revoked and "Mäkelä-Öberg" not in revoked
    division = client.get(
        REGISTER, {"division": certificate.staff.service_point.division_id}
    ).content.decode()
    assert "Mäkelä-Öberg" in division and "Muualla" not in division


def test_register_exports_csv_and_xlsx_in_scope(client, certificate, other_division_certificate):
    import io

    hr = make_hr_user(certificate.staff.service_point.division)
    client.force_login(hr)
    csv_response = client.get(REGISTER, {"export": "csv"})
    text = b"".join(csv_response.streaming_content).decode()
    assert certificate.staff.employee_id in text
    assert other_division_certificate.staff.employee_id not in text
    assert certificate.grouped_code in text
    xlsx = client.get(REGISTER, {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    rows = list(workbook.active.values)
    assert len(rows) == 2
    assert certificate.staff.employee_id in rows[1]


def test_learner_cannot_open_the_register(client, certificate):
    client.force_login(certificate.staff.user)
    response = client.get(REGISTER)
    assert response.status_code in (302, 403)


def test_hr_revokes_within_scope_with_a_reason(client, certificate):
    hr = make_hr_user(certificate.staff.service_point.division)
    client.force_login(hr)
    url = f"/admin/certificates-admin/{certificate.pk}/"
    empty = client.post(url, {"reason": "  "})
    assert empty.status_code == 200
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    response = client.post(url, {"reason": "Completed on behalf of someone else"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert certificate.revoked_by == hr
    assert certificate.revocation_reason == "Completed on behalf of someone else"
    event = AuditEvent.objects.get(action="certificate.revoke")
    assert event.actor == hr
    assert event.details["reason"] == "Completed on behalf of someone else"
    cycle = ModuleCycle.objects.get(pk=certificate.cycle_id)
    assert cycle.invalidated_at is not None  # the module is required again
    assert not Certificate.objects.valid_on().filter(pk=certificate.pk).exists()


def test_hr_outside_scope_cannot_see_or_revoke(client, certificate):
    hr = make_hr_user(DivisionFactory())
    client.force_login(hr)
    url = f"/admin/certificates-admin/{certificate.pk}/"
    # 404 (the admin's LocaleMiddleware may turn it into a redirect to a 404 page)
    response = client.get(url, follow=True)
    assert response.status_code == 404
    assert "Mäkelä-Öberg" not in response.content.decode()
    assert client.post(url, {"reason": "x"}).status_code in (302, 404)
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_supervisor_sees_but_cannot_revoke(client, certificate):
    from django.contrib.auth.models import Permission

    supervisor = StaffMemberFactory(service_point=ServicePointFactory())
    supervisor.supervises.add(certificate.staff.service_point)
    supervisor.user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(supervisor.user)
    url = f"/admin/certificates-admin/{certificate.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["may_revoke"] is False
    assert client.post(url, {"reason": "x"}).status_code in (302, 403)
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_renewal_keeps_the_old_certificate_in_history(holder, module, certificate):
    newer = make_completed_cycle(holder, module.module_key, number=2, day=datetime.date(2028, 2, 1))
    renewed, created = issue_for_cycle(newer)
    assert created and renewed.pk != certificate.pk
    assert Certificate.objects.filter(staff=holder).count() == 2
    on = datetime.date(2028, 3, 5)
    assert list(Certificate.objects.valid_on(on).filter(staff=holder)) == [renewed]

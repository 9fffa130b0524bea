"""The access-request export (GDPR Art. 15): one person's data as a ZIP with JSON and a
readable summary in their language, from the staff page (HR, in scope) and the command."""

import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command

from certificates.services import issue_for_cycle
from organisation.models import AuditEvent
from tests.assessments.factories import submitted_attempt
from tests.certificates.conftest import make_completed_cycle, module  # noqa: F401
from tests.organisation.factories import (
    DivisionFactory,
    ServicePointFactory,
    StaffMemberFactory,
    make_hr_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(module):  # noqa: F811
    holder = StaffMemberFactory(first_name="Åsa", last_name="Öberg", language="sv")
    cycle = make_completed_cycle(holder, module.module_key)
    certificate, _ = issue_for_cycle(cycle)
    submitted_attempt(cycle, option="b", right=False, language="sv")
    StaffMemberFactory(first_name="Toinen", last_name="Henkilö")  # someone else
    return {"staff": holder, "certificate": certificate}


def unzip(content: bytes) -> tuple[dict, str]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    assert sorted(archive.namelist()) == ["personal-data.json", "summary.html"]
    return json.loads(archive.read("personal-data.json")), archive.read("summary.html").decode()


def test_hr_downloads_everything_about_one_person(client, person):
    staff = person["staff"]
    hr = make_hr_user(staff.service_point.division)
    client.force_login(hr)
    page = client.get(f"/admin/reports/personal-data/{staff.pk}/")
    assert page.status_code == 200
    response = client.post(f"/admin/reports/personal-data/{staff.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    data, summary = unzip(response.content)
    assert data["profile"]["employee_id"] == staff.employee_id
    assert data["certificates"][0]["code"] == person["certificate"].code
    assert data["certificates"][0]["module"] == "Möten och mångfald"  # their language
    assert data["quiz_attempts"][0]["answers"] == {"q1": ["b"]}
    assert data["quiz_attempts"][0]["questions_answered_right"] == {"q1": False}
    assert any(e["action"] == "certificate.issue" for e in data["audit_trail"])
    text = json.dumps(data)
    assert "snapshot" not in text and '"correct"' not in text  # no answer key
    assert "Toinen" not in text
    assert '<html lang="sv">' in summary
    assert "Personuppgifter för Åsa Öberg" in summary
    assert person["certificate"].code in summary
    event = AuditEvent.objects.get(action="privacy.access_export")
    assert (event.actor, event.target) == (hr, staff.employee_id)


def test_the_staff_page_offers_the_export(client, person):
    staff = person["staff"]
    client.force_login(make_hr_user(staff.service_point.division))
    html = client.get(f"/admin/organisation/staff/edit/{staff.pk}/").content.decode()
    assert f"/admin/reports/personal-data/{staff.pk}/" in html


def test_outside_the_scope_or_without_hr_there_is_nothing(client, person):
    staff = person["staff"]
    other = ServicePointFactory(division=DivisionFactory()).division
    client.force_login(make_hr_user(other))
    assert client.post(f"/admin/reports/personal-data/{staff.pk}/").status_code == 404
    client.force_login(StaffMemberFactory(service_point=staff.service_point).user)
    assert client.post(f"/admin/reports/personal-data/{staff.pk}/").status_code in (302, 403)
    assert not AuditEvent.objects.filter(action="privacy.access_export").exists()


def test_the_command_writes_the_zip(tmp_path, person):
    staff = person["staff"]
    target = tmp_path / "export.zip"
    call_command("export_personal_data", staff.employee_id, output=str(target))
    data, _summary = unzip(target.read_bytes())
    assert data["profile"]["email"] == staff.email
    assert AuditEvent.objects.get(action="privacy.access_export").actor is None


def test_the_command_names_an_unknown_person(tmp_path):
    with pytest.raises(CommandError, match="no staff member"):
        call_command("export_personal_data", "NOPE", output=str(tmp_path / "x.zip"))

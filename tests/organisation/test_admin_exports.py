"""Listing exports of the admin viewsets: formulas written as text, every row exportable."""

import io

import openpyxl
import pytest
from django.urls import reverse

from organisation.models import AuditEvent

from .factories import (
    DivisionFactory,
    ServicePointFactory,
    StaffMemberFactory,
    UserFactory,
    make_hr_user,
)

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://attacker.invalid","x")'


def csv_of(client, url):
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8-sig")


def xlsx_cells(client, url):
    response = client.get(url, {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [cell.value for row in sheet.iter_rows() for cell in row]


@pytest.fixture
def hr_client(client):
    client.force_login(make_hr_user(city_wide=True, username="hr-exports"))
    return client


@pytest.mark.parametrize(
    ("url_name", "make"),
    [
        (
            "organisation_staff:index",
            lambda: StaffMemberFactory(last_name=FORMULA),
        ),
        (
            "organisation_service-points:index",
            lambda: ServicePointFactory(name_fi=FORMULA),
        ),
        ("organisation_divisions:index", lambda: DivisionFactory(name_fi=FORMULA)),
        ("organisation_audit:index", lambda: AuditEvent.record(None, "import", FORMULA)),
    ],
)
def test_a_formula_in_a_listing_export_is_written_as_text(hr_client, url_name, make):
    make()
    url = reverse(url_name)
    assert "'" + FORMULA.replace('"', '""') in csv_of(hr_client, url)
    cells = xlsx_cells(hr_client, url)
    assert "'" + FORMULA in cells
    assert FORMULA not in cells


def test_the_audit_export_names_command_line_actors_and_deleted_users(hr_client):
    AuditEvent.record(None, "import_staff", "staff.csv")
    gone = UserFactory(username="left-the-city")
    AuditEvent.record(gone, "reports.export_overview", "coverage")
    gone.delete()
    body = csv_of(hr_client, reverse("organisation_audit:index"))
    assert "import_staff" in body
    assert "left-the-city" in body  # the name outlives the account
    assert AuditEvent.objects.get(action="reports.export_overview").actor_display == (
        "left-the-city"
    )

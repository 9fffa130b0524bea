import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from openpyxl import load_workbook

from organisation.models import AuditEvent, StaffMember
from reports.models import ReportSettings
from tests.organisation.factories import (
    ServicePointFactory,
    StaffMemberFactory,
    UserFactory,
    make_hr_user,
)

pytestmark = pytest.mark.django_db

AS_OF = "2026-06-15"


def admin_user(user):
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


@pytest.fixture
def threshold_one(db):
    settings = ReportSettings.load()
    settings.small_group_threshold = 1
    settings.save()


@pytest.fixture
def hr_all(city):
    return make_hr_user(city_wide=True, username="hr-all")


@pytest.fixture
def hr_b(city):
    return make_hr_user(city.db, username="hr-b")


@pytest.fixture
def supervisor_a1(city):
    person = StaffMemberFactory(service_point=city.a2, role=city.mgr, first_name="Sanna")
    person.supervises.add(city.a1)
    return person.user  # admin access comes from supervising, no group or permission


def overview(client, user, **params):
    client.force_login(user)
    return client.get(reverse("reports_coverage"), {"as_of": AS_OF, **params})


def test_overview_shows_divisions_and_points_worst_first(client, hr_all, threshold_one):
    response = overview(client, hr_all)
    assert response.status_code == 200
    ov = response.context["overview"]
    assert [d.code for d in ov.divisions] == ["DB", "DA"]  # 16.7 % before 42.9 %
    assert [p.service_point.code for p in ov.points] == ["B1", "A1", "A2"]
    assert (ov.city.required, ov.city.covered) == (13, 4)
    html = response.content.decode()
    assert "42,9 %" in html or "42.9 %" in html
    assert "✗" in html and "✓" in html


def test_small_groups_are_suppressed_outside_own_points(client, hr_all):
    response = overview(client, hr_all)  # default threshold 5: every point here is small
    ov = response.context["overview"]
    assert all(p.suppressed for p in ov.points)
    assert "Suppressed" in response.content.decode() or "Piilotettu" in response.content.decode()
    export = client.get(reverse("reports_coverage"), {"as_of": AS_OF, "export": "csv"})
    lines = export.content.decode("utf-8-sig").splitlines()
    assert all(line.split(",")[6] == "" for line in lines[1:])


def test_supervisor_sees_own_small_point_unsuppressed(client, supervisor_a1):
    response = overview(client, supervisor_a1)
    ov = response.context["overview"]
    assert [p.service_point.code for p in ov.points] == ["A1"]
    assert not ov.points[0].suppressed
    assert (ov.points[0].required, ov.points[0].covered) == (5, 1)


def test_hr_of_another_division_sees_only_their_points(client, hr_b, threshold_one):
    response = overview(client, hr_b)
    ov = response.context["overview"]
    assert {p.service_point.code for p in ov.points} == {"B1"}
    assert "Aino" not in response.content.decode()


def test_filter_outside_scope_is_400_without_data(client, hr_b, threshold_one):
    response = overview(client, hr_b, service_point="A1")
    assert response.status_code == 400
    assert "overview" not in response.context


@pytest.mark.parametrize("as_of", ["9999-12-31", "1999-12-31"])
def test_a_date_outside_the_report_range_is_a_400_with_the_form(client, hr_b, as_of):
    response = overview(client, hr_b, as_of=as_of)
    assert response.status_code == 400
    assert "as_of" in response.context["form"].errors
    assert "overview" not in response.context


def test_service_point_outside_scope_is_404(client, city, hr_b):
    client.force_login(hr_b)
    for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
        # (LocaleMiddleware first redirects an unknown path to its /fi/ form: follow it.)
        url = reverse("reports_service_point", args=[city.a1.pk])
        response = client.get(url, params, follow=True)
        assert response.status_code == 404
        assert b"Aino" not in response.content


def test_person_outside_scope_is_404(client, city, hr_b, supervisor_a1):
    client.force_login(hr_b)
    response = client.get(reverse("reports_person", args=[city.a_1.pk]), follow=True)
    assert response.status_code == 404
    client.force_login(supervisor_a1)
    response = client.get(reverse("reports_person", args=[city.c_1.pk]), follow=True)
    assert response.status_code == 404
    assert client.get(reverse("reports_person", args=[city.a_1.pk])).status_code == 200


def test_non_report_users_get_403(client, city):
    learner = admin_user(city.a_1.user)
    client.force_login(learner)
    assert client.get(reverse("reports_coverage")).status_code == 403
    assert client.get(reverse("reports_service_point", args=[city.a1.pk])).status_code == 403
    assert client.get(reverse("reports_person", args=[city.a_1.pk])).status_code == 403
    assert client.get(reverse("reports_coverage"), {"export": "xlsx"}).status_code == 403


def test_supervisors_reach_the_admin_by_supervising_and_lose_it_with_it(
    client, city, supervisor_a1
):
    client.force_login(supervisor_a1)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("reports_coverage"), {"as_of": AS_OF}).status_code == 200

    StaffMember.objects.get(user=supervisor_a1).supervises.clear()
    client.force_login(supervisor_a1)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_inactive_supervisors_have_no_admin_access(client, city, supervisor_a1):
    StaffMember.objects.filter(user=supervisor_a1).update(active=False)
    client.force_login(supervisor_a1)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_anonymous_is_sent_to_login(client, city):
    response = client.get(reverse("reports_coverage"))
    assert response.status_code == 302


def test_service_point_view_lists_overdue_first_and_is_audited(client, city, hr_all):
    client.force_login(hr_all)
    response = client.get(
        reverse("reports_service_point", args=[city.a1.pk]), {"as_of": AS_OF, "role": "cs"}
    )
    assert response.status_code == 200
    rows = response.context["page_obj"].object_list
    assert [r.overdue for r in rows] == sorted((r.overdue for r in rows), reverse=True)
    assert {r.staff.first_name for r in rows} == {"Aino", "Bertta"}
    event = AuditEvent.objects.get(action="reports.view_service_point")
    assert event.actor == hr_all
    assert event.target == "A1"
    assert event.details["filter"]["role"] == "cs"
    assert event.details["filter"]["as_of"] == AS_OF


def test_person_view_shows_modules_and_certificates(client, city, hr_all):
    client.force_login(hr_all)
    response = client.get(reverse("reports_person", args=[city.a_2.pk]), {"as_of": AS_OF})
    assert response.status_code == 200
    modules = {m.row.module.slug: m for m in response.context["modules"]}
    assert modules["kohtaaminen"].row.status == "in_progress"
    assert modules["monikielisyys"].row.overdue
    assert len(response.context["certificates"]) == 1
    assert AuditEvent.objects.filter(action="reports.view_person", actor=hr_all).count() == 1


def test_point_and_person_pages_offer_only_the_filters_that_apply(client, city, hr_all):
    client.force_login(hr_all)
    point = client.get(reverse("reports_service_point", args=[city.a1.pk]), {"as_of": AS_OF})
    person = client.get(reverse("reports_person", args=[city.a_1.pk]), {"as_of": AS_OF})
    assert set(point.context["form"].fields) == {"module", "role", "as_of"}
    assert set(person.context["form"].fields) == {"module", "as_of"}
    assert 'name="since"' not in point.content.decode()


def test_service_point_view_pages_keep_the_filter_and_the_export_has_every_row(
    client, city, hr_all, monkeypatch
):
    from reports.views import ServicePointReportView

    monkeypatch.setattr(ServicePointReportView, "rows_per_page", 3)
    client.force_login(hr_all)
    url = reverse("reports_service_point", args=[city.a1.pk])
    first = client.get(url, {"as_of": AS_OF, "role": "cs"})
    second = client.get(url, {"as_of": AS_OF, "role": "cs", "page": 2})
    # Aino and Bertta (role cs) x two modules: three rows, then one.
    assert len(first.context["page_obj"].object_list) == 3
    assert len(second.context["page_obj"].object_list) == 1
    assert "role=cs&amp;page=2" in first.content.decode()
    export = client.get(url, {"as_of": AS_OF, "role": "cs", "export": "csv"})
    assert len(export.content.decode("utf-8-sig").strip().splitlines()) == 1 + 4


def test_exports_are_audited_and_xlsx_opens(client, city, hr_all, threshold_one):
    client.force_login(hr_all)
    response = client.get(reverse("reports_coverage"), {"as_of": AS_OF, "export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="coverage-2026-06-15.xlsx"'
    assert "no-store" in response["Cache-Control"]  # never kept by a browser or proxy
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert len(values) == 7
    assert AuditEvent.objects.filter(action="reports.export_overview").count() == 1
    response = client.get(
        reverse("reports_service_point", args=[city.b1.pk]), {"as_of": AS_OF, "export": "csv"}
    )
    assert response.status_code == 200
    assert "Fatima" in response.content.decode("utf-8-sig")
    assert AuditEvent.objects.get(action="reports.export_service_point").details["format"] == "csv"


def test_exported_names_are_escaped_against_formulas(client, city, hr_all):
    city.a_1.first_name = '=HYPERLINK("http://x")'
    city.a_1.save()
    client.force_login(hr_all)
    response = client.get(
        reverse("reports_service_point", args=[city.a1.pk]), {"as_of": AS_OF, "export": "xlsx"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[1] for row in sheet.values]
    assert any(str(n).startswith("'=HYPERLINK") for n in names)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_overview_query_count_does_not_grow_with_service_points(
    client, city, hr_all, threshold_one
):
    client.force_login(hr_all)
    client.get(reverse("reports_coverage"), {"as_of": AS_OF})  # warm caches (settings, locale)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(reverse("reports_coverage"), {"as_of": AS_OF})
    for _ in range(8):
        StaffMemberFactory(service_point=ServicePointFactory(division=city.da), role=city.cs)
    with CaptureQueriesContext(connection) as after:
        response = client.get(reverse("reports_coverage"), {"as_of": AS_OF})
    assert len(response.context["overview"].points) == 11
    assert len(after) == len(before)


def test_service_point_view_query_count_does_not_grow_with_staff(client, city, hr_all):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(hr_all)
    url = reverse("reports_service_point", args=[city.b1.pk])
    client.get(url, {"as_of": AS_OF})
    with CaptureQueriesContext(connection) as before:
        client.get(url, {"as_of": AS_OF})
    for _ in range(5):
        StaffMemberFactory(service_point=city.b1, role=city.cs)
    with CaptureQueriesContext(connection) as after:
        client.get(url, {"as_of": AS_OF})
    assert len(after) == len(before)


def test_user_without_staff_record_or_hr_gets_403(client, city):
    user = admin_user(UserFactory())
    client.force_login(user)
    assert client.get(reverse("reports_coverage")).status_code == 403

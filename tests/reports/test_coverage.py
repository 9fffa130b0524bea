from decimal import Decimal

import pytest

from organisation.models import ServicePoint
from reports.coverage import Scope, coverage_rows, percent, roll_up, status_rows, total
from tests.organisation.factories import ServicePointFactory, StaffMemberFactory
from tests.reports.conftest import AS_OF

pytestmark = pytest.mark.django_db


def table(rows):
    return {
        (r.service_point.code, r.module.slug): (
            r.required,
            r.covered,
            r.in_progress,
            r.not_started,
            r.overdue,
        )
        for r in rows
    }


EXPECTED = {
    ("A1", "kohtaaminen"): (3, 1, 1, 1, 1),
    ("A1", "monikielisyys"): (2, 0, 0, 2, 2),
    ("A2", "kohtaaminen"): (1, 1, 0, 0, 0),
    ("A2", "monikielisyys"): (1, 1, 0, 0, 0),
    ("B1", "kohtaaminen"): (3, 1, 0, 2, 0),
    ("B1", "monikielisyys"): (3, 0, 1, 2, 2),
}


def test_hand_computed_city(city):
    assert table(coverage_rows(Scope(), AS_OF)) == EXPECTED


def test_certificate_expiring_on_the_as_of_date_does_not_cover(city):
    day_before = AS_OF.replace(day=14)
    rows = {
        r.staff.first_name: r
        for r in status_rows(Scope(service_point=city.a1), day_before)
        if r.module.slug == "kohtaaminen"
    }
    assert rows["Bertta"].status == "covered"
    rows = {
        r.staff.first_name: r
        for r in status_rows(Scope(service_point=city.a1), AS_OF)
        if r.module.slug == "kohtaaminen"
    }
    assert rows["Bertta"].status == "in_progress"


def test_revocation_counts_from_its_date(city):
    rows = {(r.staff.first_name, r.module.slug): r.status for r in status_rows(Scope(), AS_OF)}
    assert rows[("Cecilia", "kohtaaminen")] == "not_started"  # revoked 06-10
    assert rows[("Eero", "kohtaaminen")] == "covered"  # revoked only 06-20


def test_inactive_staff_do_not_count(city):
    names = {r.staff.first_name for r in status_rows(Scope(), AS_OF)}
    assert "Daniel" not in names


def test_staff_who_moved_count_where_they_are(city):
    rows = {(r.staff.first_name, r.module.slug): r for r in status_rows(Scope(), AS_OF)}
    assert rows[("Hanna", "kohtaaminen")].staff.service_point == city.b1
    assert rows[("Hanna", "monikielisyys")].status == "not_started"  # issued the day after
    assert rows[("Hanna", "monikielisyys")].overdue


def test_requirements_by_role_and_earliest_due_date(city):
    rows = {(r.staff.first_name, r.module.slug): r for r in status_rows(Scope(), AS_OF)}
    assert ("Cecilia", "monikielisyys") not in rows  # role mgr in division A
    assert rows[("Gunnar", "monikielisyys")].due_on.isoformat() == "2026-06-20"
    assert rows[("Fatima", "monikielisyys")].due_on.isoformat() == "2026-06-01"
    assert rows[("Fatima", "kohtaaminen")].due_on.isoformat() == "2026-07-10"


def test_roll_up_sums_counts_not_percentages(city):
    rows = coverage_rows(Scope(), AS_OF)
    divisions = {g.key.code: g for g in roll_up(rows, lambda r: r.division)}
    assert (divisions["DA"].required, divisions["DA"].covered) == (7, 3)
    assert divisions["DA"].coverage_percent == Decimal("42.9")
    city_total = total(rows)
    assert (city_total.required, city_total.covered, city_total.overdue) == (13, 4, 5)
    assert city_total.coverage_percent == Decimal("30.8")


def test_filters_by_division_role_and_module(city):
    assert set(table(coverage_rows(Scope(division=city.db), AS_OF))) == {
        ("B1", "kohtaaminen"),
        ("B1", "monikielisyys"),
    }
    by_role = table(coverage_rows(Scope(role_id=city.mgr.pk), AS_OF))
    assert by_role == {
        ("A1", "kohtaaminen"): (1, 0, 0, 1, 1),
        ("B1", "kohtaaminen"): (1, 0, 0, 1, 0),
        ("B1", "monikielisyys"): (1, 0, 0, 1, 0),
    }
    by_module = table(coverage_rows(Scope(module_keys=[city.m2.translation_key]), AS_OF))
    assert by_module == {k: v for k, v in EXPECTED.items() if k[1] == "monikielisyys"}


def test_percent_has_one_decimal_and_none_for_zero():
    assert percent(1, 3) == Decimal("33.3")
    assert percent(2, 3) == Decimal("66.7")
    assert percent(0, 0) is None


def test_query_count_does_not_depend_on_number_of_service_points(city):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    scope = Scope(service_points=ServicePoint.objects.all())
    with CaptureQueriesContext(connection) as before:
        coverage_rows(scope, AS_OF)
    for _ in range(10):
        StaffMemberFactory(service_point=ServicePointFactory(division=city.da), role=city.cs)
    with CaptureQueriesContext(connection) as after:
        rows = coverage_rows(scope, AS_OF)
    assert len({r.service_point.pk for r in rows}) == 13
    assert len(after) == len(before) <= 8  # 4 on SQLite; PostgreSQL adds its session settings

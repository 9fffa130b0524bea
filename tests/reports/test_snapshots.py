import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.db.models import Sum
from django.urls import reverse

from reports.models import CoverageSnapshot
from reports.tasks import take_coverage_snapshot
from tests.reports.conftest import AS_OF
from tests.reports.test_views import threshold_one  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def counts(**filters):
    row = CoverageSnapshot.objects.filter(**filters).aggregate(
        r=Sum("required"),
        c=Sum("covered"),
        i=Sum("in_progress"),
        n=Sum("not_started"),
        o=Sum("overdue"),
    )
    return (row["r"], row["c"], row["i"], row["n"], row["o"])


def test_snapshot_task_run_twice_stores_one_snapshot(city):
    first = take_coverage_snapshot.delay(AS_OF.isoformat()).get()
    second = take_coverage_snapshot.delay(AS_OF.isoformat()).get()
    # One row per service point, role and required module: A1 m1 cs/mgr, A1 m2 cs,
    # A2 m1 cs, A2 m2 cs, B1 m1 cs/mgr, B1 m2 cs/mgr.
    assert first == second == 9
    assert CoverageSnapshot.objects.filter(date=AS_OF).count() == 9
    m1_at_a1 = {"date": AS_OF, "service_point": city.a1, "module_key": city.m1.translation_key}
    assert counts(**m1_at_a1, role=city.cs) == (2, 1, 1, 0, 0)  # Aino covered, Bertta started
    assert counts(**m1_at_a1, role=city.mgr) == (1, 0, 0, 1, 1)  # Cecilia's was revoked
    assert counts(**m1_at_a1) == (3, 1, 1, 1, 1)  # the point's counts are the sums


def test_snapshot_drops_rows_that_are_no_longer_required(city):
    take_coverage_snapshot(AS_OF.isoformat())
    city.c_1.active = city.c_2.active = city.d_1.active = False
    for person in (city.c_1, city.c_2, city.d_1):
        person.save()
    take_coverage_snapshot(AS_OF.isoformat())
    assert not CoverageSnapshot.objects.filter(date=AS_OF, service_point=city.b1).exists()


def test_staff_who_move_count_where_they_were_on_each_snapshot_date(city):
    before = AS_OF - datetime.timedelta(days=7)
    take_coverage_snapshot(before.isoformat())
    city.d_1.service_point = city.a2
    city.d_1.save()
    take_coverage_snapshot(AS_OF.isoformat())
    m1 = city.m1.translation_key
    old = counts(date=before, service_point=city.b1, module_key=m1)
    new = counts(date=AS_OF, service_point=city.a2, module_key=m1)
    assert old[:2] == (3, 1)  # Hanna still at B1 on the earlier date
    assert new[:2] == (2, 2)  # Hanna and Eero at A2 now


def test_staff_who_change_role_count_in_the_role_they_had(city):
    before = AS_OF - datetime.timedelta(days=7)
    take_coverage_snapshot(before.isoformat())
    city.a_3.role = city.cs
    city.a_3.save()
    take_coverage_snapshot(AS_OF.isoformat())
    m1 = city.m1.translation_key
    assert counts(date=before, service_point=city.a1, module_key=m1, role=city.mgr)[0] == 1
    assert counts(date=AS_OF, service_point=city.a1, module_key=m1, role=city.mgr)[0] is None
    assert counts(date=AS_OF, service_point=city.a1, module_key=m1, role=city.cs)[0] == 3


def test_nightly_snapshot_is_scheduled():
    entry = settings.CELERY_BEAT_SCHEDULE["reports-coverage-snapshot"]
    assert entry["task"] == "reports.tasks.take_coverage_snapshot"


def test_overview_shows_trend_and_change_since(client, city, threshold_one):  # noqa: F811
    from tests.organisation.factories import make_hr_user

    earlier = AS_OF - datetime.timedelta(days=30)
    take_coverage_snapshot(earlier.isoformat())  # certificates issued later count only now
    take_coverage_snapshot(AS_OF.isoformat())
    client.force_login(make_hr_user(city_wide=True))
    response = client.get(reverse("reports_coverage"), {"as_of": AS_OF.isoformat()})
    ov = response.context["overview"]
    assert ov.snapshot_date == earlier
    assert ov.trend_dates == [earlier, AS_OF]
    city_series = ov.trends[-1][1]
    assert city_series[-1] == ov.city.coverage_percent
    assert ov.city.change == ov.city.coverage_percent - city_series[0]


def test_role_filter_keeps_trend_and_change_to_that_role(client, city, threshold_one):  # noqa: F811
    from tests.organisation.factories import make_hr_user

    earlier = AS_OF - datetime.timedelta(days=30)
    take_coverage_snapshot(earlier.isoformat())
    take_coverage_snapshot(AS_OF.isoformat())
    client.force_login(make_hr_user(city_wide=True))
    response = client.get(reverse("reports_coverage"), {"as_of": AS_OF.isoformat(), "role": "mgr"})
    ov = response.context["overview"]
    # Managers: Cecilia (A1, m1) and Gunnar (B1, m1 and m2). On 05-16 Cecilia's certificate
    # was still valid (1 of 3); on the as-of date nobody is covered.
    assert ov.trend_dates == [earlier, AS_OF]
    assert ov.trends[-1][1] == [Decimal("33.3"), Decimal("0.0")]
    assert ov.city.coverage_percent == Decimal("0.0")
    assert ov.city.change == Decimal("-33.3")

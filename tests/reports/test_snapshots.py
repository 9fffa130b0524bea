import datetime

import pytest
from django.conf import settings
from django.urls import reverse

from reports.models import CoverageSnapshot
from reports.tasks import take_coverage_snapshot
from tests.reports.conftest import AS_OF
from tests.reports.test_views import threshold_one  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_snapshot_task_run_twice_stores_one_snapshot(city):
    first = take_coverage_snapshot.delay(AS_OF.isoformat()).get()
    second = take_coverage_snapshot.delay(AS_OF.isoformat()).get()
    assert first == second == 6
    assert CoverageSnapshot.objects.filter(date=AS_OF).count() == 6
    a1 = CoverageSnapshot.objects.get(
        date=AS_OF, service_point=city.a1, module_key=city.m1.translation_key
    )
    assert (a1.required, a1.covered, a1.in_progress, a1.not_started, a1.overdue) == (3, 1, 1, 1, 1)


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
    old = CoverageSnapshot.objects.get(
        date=before, service_point=city.b1, module_key=city.m1.translation_key
    )
    new = CoverageSnapshot.objects.get(
        date=AS_OF, service_point=city.a2, module_key=city.m1.translation_key
    )
    assert (old.required, old.covered) == (3, 1)  # Hanna still at B1 on the earlier date
    assert (new.required, new.covered) == (2, 2)  # Hanna and Eero at A2 now


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

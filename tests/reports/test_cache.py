import pytest
from django.core.cache import cache

from organisation.models import ServicePoint
from reports.coverage import Scope, coverage_rows
from reports.tasks import warm_coverage_cache
from tests.reports.conftest import AS_OF
from tests.reports.helpers import certify

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.REPORTS_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def table(rows):
    return {(r.service_point.code, r.module.slug): (r.required, r.covered) for r in rows}


def test_scoped_rows_from_the_cache_equal_direct_computation(city, cached):
    for scope in (
        Scope(),
        Scope(service_points=ServicePoint.objects.filter(division=city.da)),
        Scope(division=city.db),
        Scope(module_keys=[city.m2.translation_key]),
        Scope(role_id=city.mgr.pk),
    ):
        assert table(coverage_rows(scope, AS_OF)) == table(
            coverage_rows(scope, AS_OF, cached=False)
        )


def test_cache_serves_until_refreshed(city, cached, django_assert_max_num_queries):
    coverage_rows(Scope(), AS_OF)
    with django_assert_max_num_queries(2):  # service points and modules only
        coverage_rows(Scope(), AS_OF)
    with django_assert_max_num_queries(2):  # a role filter is served from the same counts
        by_role = coverage_rows(Scope(role_id=city.mgr.pk), AS_OF)
    assert table(by_role)[("A1", "kohtaaminen")] == (1, 0)
    certify(city.a_3, city.m1, AS_OF)
    assert table(coverage_rows(Scope(), AS_OF))[("A1", "kohtaaminen")] == (3, 1)
    assert table(coverage_rows(Scope(), AS_OF, cached=False))[("A1", "kohtaaminen")] == (3, 2)


def test_warm_task_refreshes_todays_counts(city, cached):
    assert warm_coverage_cache.delay().get() >= 0

"""Time the coverage reports on a city-scale dataset (see generate_city.py).

    DATABASE_URL=postgres://…/aspa_perf .venv/bin/python tests/perf/bench_coverage.py

Prints, for the city overview (admin page), one service point (admin page), the API's
first page and the XLSX export of the city overview: the median time over N runs and the
query count, beside the floor of a plain `SELECT count(*)` over the certificate table.
Each is measured twice: "cold" with the cached city-wide counts dropped before every run
(what the first visitor of the day, or of a new "as of" date, waits) and "warm" (what
everyone else gets while the counts are cached; the beat task keeps today's warm).
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from certificates.models import Certificate  # noqa: E402
from organisation.models import HRGrant, ServicePoint, StaffMember  # noqa: E402
from reports.models import ApiToken  # noqa: E402


def measure(fn, runs: int, before=None) -> tuple[float, int]:
    times, queries = [], 0
    for _ in range(runs):
        if before:
            before()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = fn()
            times.append(time.perf_counter() - start)
        if getattr(response, "status_code", 200) != 200:
            raise SystemExit(f"unexpected status {response.status_code}")
        queries = len(ctx)
    return statistics.median(times), queries


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    settings.ALLOWED_HOSTS = ["*"]
    settings.REPORTS_CACHE_SECONDS = 3600

    User = get_user_model()
    hr, _created = User.objects.get_or_create(
        username="perf-bench-hr", defaults={"is_superuser": True}
    )
    HRGrant.objects.get_or_create(user=hr, defaults={"city_wide": True})
    token = ApiToken(
        name="bench",
        owner=hr,
        city_wide=True,
        expires_on=timezone.localdate() + datetime.timedelta(days=1),
    )
    secret = ApiToken.new_secret()
    token.set_secret(secret)
    token.save()
    client = Client()
    client.force_login(hr)
    point = ServicePoint.objects.filter(staff__active=True).order_by("-pk").distinct().first()
    staff_there = StaffMember.objects.filter(service_point=point, active=True).count()

    table = connection.ops.quote_name(Certificate._meta.db_table)
    count_sql = "SELECT count(*) FROM " + table  # noqa: S608 (a model's table name)

    def floor():
        with connection.cursor() as cursor:
            cursor.execute(count_sql)
            cursor.fetchone()

    cases = [
        ("city overview", lambda: client.get(reverse("reports_coverage"))),
        (
            "city overview, one role",
            lambda: client.get(reverse("reports_coverage"), {"role": "customer-service"}),
        ),
        (
            f"one service point ({staff_there} staff)",
            lambda: client.get(reverse("reports_service_point", args=[point.pk])),
        ),
        (
            "API coverage/ first page (500 rows)",
            lambda: client.get("/api/v1/coverage/", headers={"Authorization": f"Bearer {secret}"}),
        ),
        (
            "XLSX export of the city overview",
            lambda: client.get(reverse("reports_coverage"), {"export": "xlsx"}),
        ),
    ]
    with connection.cursor() as cursor:
        cursor.execute(count_sql)
        certificates = cursor.fetchone()[0]
    print(
        f"Dataset: {StaffMember.objects.count()} staff, {ServicePoint.objects.count()} service "
        f"points, {certificates} certificates; {args.runs} runs each, median.\n"
    )
    print(f"{'':42} {'cold':>10} {'warm':>10} {'queries':>8}")
    floor_time, _q = measure(floor, args.runs)
    floor_label = "floor: SELECT count(*) FROM certificates"
    print(f"{floor_label:42} {floor_time * 1000:>8.0f}ms {'':>10} {1:>8}")
    for label, fn in cases:
        cold, queries = measure(fn, args.runs, before=cache.clear)
        fn()
        warm, warm_queries = measure(fn, args.runs)
        print(
            f"{label:42} {cold * 1000:>8.0f}ms {warm * 1000:>8.0f}ms {queries:>4}/{warm_queries:<3}"
        )
    token.delete()
    return 0


if __name__ == "__main__":
    sys.exit(main())

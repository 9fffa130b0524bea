"""Benchmark of the staff import: 40,000 rows over 600 service points.

Skipped unless RUN_BENCH=1. Generates the CSV files into a temporary folder, then times a
fresh import, an unchanged re-import, a dry run and a re-import with changes and
--deactivate-missing, printing seconds and query counts:

    RUN_BENCH=1 python -m pytest tests/perf/bench_import_staff.py -s -n 0
    RUN_BENCH=1 DATABASE_URL=postgres://… python -m pytest tests/perf/bench_import_staff.py -s
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisation.imports import import_service_points, import_staff
from organisation.models import StaffMember
from tests.organisation.csvdata import service_points_csv, staff_row, to_csv

pytestmark = [
    pytest.mark.skipif(os.environ.get("RUN_BENCH") != "1", reason="set RUN_BENCH=1"),
    pytest.mark.django_db,
]

STAFF = 40_000
POINTS = 600
DIVISIONS = 6


def generate(folder: Path) -> tuple[Path, Path, Path]:
    """The three files of the benchmark, written to `folder` (never committed)."""
    points = folder / "service_points.csv"
    points.write_text(service_points_csv(POINTS, divisions=DIVISIONS), encoding="utf-8")
    codes = [f"SP{n:03d}" for n in range(1, POINTS + 1)]
    rows = [staff_row(n, codes[n % POINTS]) for n in range(1, STAFF + 1)]
    staff = folder / "staff.csv"
    staff.write_text("\ufeff" + to_csv(rows, delimiter=";"), encoding="utf-8")
    # Next month: 10% moved to another point, 1,000 left (absent), 1,000 new.
    changed = []
    for n, row in enumerate(rows[1000:], start=1000):
        if n % 10 == 0:
            row = {**row, "service_point_code": codes[(n + 7) % POINTS]}
        changed.append(row)
    changed += [staff_row(n, codes[n % POINTS]) for n in range(STAFF + 1, STAFF + 1001)]
    staff_next = folder / "staff_next.csv"
    staff_next.write_text(to_csv(changed), encoding="utf-8")
    return points, staff, staff_next


def timed(label: str, function, *args, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        start, cpu = time.perf_counter(), time.process_time()
        summary = function(*args, **kwargs)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"{label:<40} {seconds:6.2f} s wall {cpu:6.2f} s cpu {len(queries):4d} queries   {summary}"
    )
    return summary


def test_import_40000_staff(tmp_path):
    points, staff, staff_next = generate(tmp_path)
    print(f"\n{connection.vendor}: {STAFF} staff rows, {POINTS} service points")
    timed("service points (600)", import_service_points, points.read_bytes())
    data = staff.read_bytes()
    summary = timed("staff, fresh import", import_staff, data)
    assert summary.created == STAFF
    summary = timed("staff, same file again", import_staff, data)
    assert summary.unchanged == STAFF
    timed(
        "staff, dry run of next month's file", import_staff, staff_next.read_bytes(), dry_run=True
    )
    summary = timed(
        "staff, next month --deactivate-missing",
        import_staff,
        staff_next.read_bytes(),
        deactivate_missing=True,
    )
    assert (summary.created, summary.updated, summary.deactivated) == (1000, 3900, 1000)
    assert StaffMember.objects.filter(active=True).count() == STAFF

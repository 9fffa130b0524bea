"""Coverage snapshots: the counts per service point x role x module as computed on a date.

Snapshots are taken on their own date (the nightly task), so staff who move between
service points or roles count where they were on each snapshot date. Taking the snapshot
of a date again replaces that date's rows (upsert on the unique date + point + role +
module), so a retried or doubled task leaves exactly one snapshot per date.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from organisation.models import ServicePoint
from reports.coverage import Counts, Scope, coverage_counts_by_role
from reports.models import CoverageSnapshot


def take_snapshot(date: datetime.date | None = None) -> int:
    """Store the city's coverage counts per service point, role and module for `date`
    (default today); returns the row count."""
    date = date or timezone.localdate()
    counts = coverage_counts_by_role(Scope(), date)
    divisions = dict(ServicePoint.objects.values_list("pk", "division_id"))
    stamp = timezone.now()
    rows = [
        CoverageSnapshot(
            date=date,
            service_point_id=sp,
            division_id=divisions[sp],
            role_id=role,
            module_key=key,
            created_at=stamp,
            **c.as_dict(),
        )
        for sp, role, key, c in counts
    ]
    with transaction.atomic():
        CoverageSnapshot.objects.bulk_create(
            rows,
            batch_size=2000,
            update_conflicts=True,
            unique_fields=["date", "service_point", "role", "module_key"],
            update_fields=["division", "created_at", *Counts.COUNT_FIELDS],
        )
        # Rows of an earlier run for this date that no longer exist (nothing required now).
        CoverageSnapshot.objects.filter(date=date).exclude(created_at=stamp).delete()
    return len(rows)

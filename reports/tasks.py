"""Celery tasks of the reports app (idempotent, scheduled in CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

import datetime

from celery import shared_task


@shared_task(acks_late=True, max_retries=3, default_retry_delay=300)
def take_coverage_snapshot(date: str | None = None) -> int:
    """Nightly: store coverage counts per service point x module for `date` (ISO, default
    today). Running it twice for one date leaves one snapshot."""
    from reports.snapshots import take_snapshot

    day = datetime.date.fromisoformat(date) if date else None
    return take_snapshot(day)


@shared_task(acks_late=True)
def warm_coverage_cache() -> int:
    """Recompute today's city-wide coverage into the (shared) cache, so the first person
    to open the overview does not wait for it. Useful with a shared cache (CACHE_URL)."""
    from django.utils import timezone

    from reports.coverage import city_counts

    return len(city_counts(timezone.localdate(), refresh=True))


@shared_task(acks_late=True)
def apply_retention() -> str:
    """Daily: remove answers and leavers' personal data past their retention periods."""
    from reports.retention import apply_retention as apply

    return apply().summary()

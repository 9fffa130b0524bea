"""The reminder settings, read when used (never at import time, so override_settings works).

Every value comes from Django settings (`learning/settings/base.py` reads them from the
environment); the defaults below apply when a setting is absent.
"""

from __future__ import annotations

from django.conf import settings

DEFAULTS = {
    # A required module due within this many days is "due soon".
    "REMINDERS_DUE_WITHIN_DAYS": 14,
    # A certificate expiring within this many days is "expiring".
    "REMINDERS_EXPIRING_WITHIN_DAYS": 60,
    # No learner reminder to the same person more often than every this many days.
    "REMINDERS_INTERVAL_DAYS": 7,
    # A notification still queued after this many minutes is queued again by the sweep.
    "REMINDERS_REQUEUE_AFTER_MINUTES": 180,
}


def get(name: str) -> int:
    return int(getattr(settings, name, DEFAULTS[name]))


def due_within_days() -> int:
    return get("REMINDERS_DUE_WITHIN_DAYS")


def expiring_within_days() -> int:
    return get("REMINDERS_EXPIRING_WITHIN_DAYS")


def interval_days() -> int:
    return get("REMINDERS_INTERVAL_DAYS")


def requeue_after_minutes() -> int:
    return get("REMINDERS_REQUEUE_AFTER_MINUTES")

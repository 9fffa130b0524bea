"""Demo coverage snapshots: the nine weekly dates up to today, each computed as of its date
from the demo's dated completions, so the overview's trend and "change since" have history
from the start (idempotent: a date's snapshot is replaced, never doubled)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from reports.snapshots import take_snapshot

WEEKS = 8


def seed(stdout=None) -> int:
    today = timezone.localdate()
    rows = sum(take_snapshot(today - datetime.timedelta(weeks=w)) for w in range(WEEKS, -1, -1))
    if stdout is not None:
        stdout.write(f"coverage snapshots: {WEEKS + 1} weekly dates, {rows} rows")
    return rows

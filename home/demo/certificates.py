"""Demo certificates: one for every completed demo cycle that has none (idempotent).

PDFs are not rendered here: each is rendered the first time someone downloads it (or by
the periodic sweep when a worker runs)."""

from __future__ import annotations

from certificates.models import Certificate
from certificates.services import cycles_missing_certificates, issue_for_cycle


def seed(stdout=None) -> int:
    issued = 0
    for cycle_id in cycles_missing_certificates().order_by("pk").values_list("pk", flat=True):
        _certificate, created = issue_for_cycle(cycle_id)
        issued += int(created)
    if stdout is not None:
        total = Certificate.objects.count()
        stdout.write(f"certificates: issued {issued}, {total} in all")
    return issued

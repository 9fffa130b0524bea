"""Read-side helpers for the learner's certificate views (one query each)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from certificates.models import Certificate, Status

EXPIRES_SOON_DAYS = 60


@dataclass
class CertificateRow:
    certificate: Certificate
    status: str
    expires_soon: bool

    @property
    def status_label(self) -> str:
        return Status(self.status).label


def _row(certificate: Certificate, today: datetime.date) -> CertificateRow:
    status = certificate.status_on(today)
    soon = (
        status == Status.VALID
        and certificate.expires_on is not None
        and certificate.expires_on <= today + datetime.timedelta(days=EXPIRES_SOON_DAYS)
    )
    return CertificateRow(certificate, status, soon)


def certificates_overview(user, today: datetime.date | None = None) -> dict:
    """The user's own certificates: the latest per module ("current") and the older
    ones ("history"), newest first, each with its status on `today`."""
    today = today or timezone.localdate()
    rows = [
        _row(c, today)
        for c in Certificate.objects.for_holder(user)
        .select_related("staff")
        .order_by("-issued_on", "-pk")
    ]
    current, history, seen = [], [], set()
    for row in rows:
        if row.certificate.module_key in seen:
            history.append(row)
        else:
            seen.add(row.certificate.module_key)
            current.append(row)
    return {
        "current": current,
        "history": history,
        "expires_soon": [r for r in current if r.expires_soon],
        "expired": [r for r in current if r.status == Status.EXPIRED],
        "revoked": [r for r in current if r.status == Status.REVOKED],
        "valid_count": sum(1 for r in current if r.status == Status.VALID),
        "today": today,
    }


def certificate_of_cycle(cycle_id: int) -> Certificate | None:
    """The certificate issued for a completed cycle, or None while it is on its way."""
    return Certificate.objects.filter(cycle_id=cycle_id).only("pk", "pdf", "cycle_id").first()

"""Failed-login lockout (django-axes): who is locked out now, and lifting a lock.

A password login is refused for `LOGIN_COOLOFF_MINUTES` after `LOGIN_FAILURE_LIMIT` failures
for the same user name, or from the same client address (learning/client_ip.py, so only the
configured number of trusted proxies is believed). Every failure is in the audit trail
(`auth.login_failed`, organisation/signals.py), and so are each lockout and each lift.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

from .models import AuditEvent


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, counting password failures only: a refused single sign-on
    (no user name; audited as `auth.sso_refused`) never locks an address."""

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        if not credentials.get(settings.AXES_USERNAME_FORM_FIELD):
            return None
        return super().user_login_failed(sender, credentials, request, **kwargs)


@dataclass(frozen=True)
class Lockout:
    kind: str  # "username" or "address"
    value: str
    failures: int
    last_attempt: datetime

    @property
    def until(self) -> datetime:
        return self.last_attempt + settings.AXES_COOLOFF_TIME


def _recent():
    return AccessAttempt.objects.filter(
        attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME
    )


def current_lockouts() -> list[Lockout]:
    """Every user name and client address that is locked out now, newest first."""
    limit = settings.AXES_FAILURE_LIMIT
    found = []
    for kind, field in (("username", "username"), ("address", "ip_address")):
        rows = (
            _recent()
            .exclude(**{f"{field}__isnull": True})
            .values(field)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
            .filter(failures__gte=limit)
        )
        found += [Lockout(kind, r[field], r["failures"], r["last"]) for r in rows if r[field]]
    return sorted(found, key=lambda lockout: lockout.last_attempt, reverse=True)


def lift(kind: str, value: str, *, by, request=None) -> int:
    """Lift the lock of a user name or a client address (its failures are forgotten)."""
    field = {"username": "username", "address": "ip_address"}[kind]
    removed, _ = AccessAttempt.objects.filter(**{field: value}).delete()
    AuditEvent.record(by, "auth.lockout_lifted", value, request=request, kind=kind)
    return removed

"""The client's address, decided in one place (rate limits, lockout and the audit trail).

Behind reverse proxies the connection comes from the nearest proxy; each proxy appends the
address it saw to `X-Forwarded-For`. With `TRUSTED_PROXY_COUNT = n` (the number of proxies
of our own in front of the app, e.g. 1 for the shipped nginx), the client is the n-th
address from the right: entries further left were written by the client and are not
trusted. With 0 (the default, no proxy), the connection's own address counts.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"  # noqa: S104 - unknown, not a bind
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if len(forwarded) < count:
        # The request did not come through every proxy: only the connection is known.
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote

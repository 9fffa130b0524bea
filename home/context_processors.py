"""What the site's header needs on every page, decided in Python, not in the template."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache

ADMIN_LINK_KEY = "nav:admin-link:{}"


def navigation(request) -> dict:
    """`show_admin_link`: whether the header links to the administration.

    Reading the permission costs three queries (the user's and their groups' permissions,
    whether they supervise), so the answer is kept per user for NAV_CACHE_SECONDS. It only
    shows or hides a link: the administration checks the permission itself on every request,
    so a link kept a few minutes after a permission went opens a refusal, nothing more."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show_admin_link": False}
    key = ADMIN_LINK_KEY.format(user.pk)
    shown = cache.get(key)
    if shown is None:
        shown = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, shown, settings.NAV_CACHE_SECONDS)
    return {"show_admin_link": shown}

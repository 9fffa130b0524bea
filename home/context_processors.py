"""What the site's header needs on every page, decided in Python, not in the template:
whether it links to the administration, and where the module catalogue is."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.functional import SimpleLazyObject

ADMIN_LINK_KEY = "nav:admin-link:{}"
CATALOGUE_KEY = "nav:catalogue:{}"


def navigation(request) -> dict:
    """`show_admin_link`: whether the header links to the administration; `catalogue_url`:
    where its "All modules" goes. Both are worked out only when a template shows them (the
    admin's own pages never do).

    Reading the permission costs three queries (the user's and their groups' permissions,
    whether they supervise), so the answer is kept per user for NAV_CACHE_SECONDS. It only
    shows or hides a link: the administration checks the permission itself on every request,
    so a link kept a few minutes after a permission went opens a refusal, nothing more."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show_admin_link": False}
    return {
        "show_admin_link": SimpleLazyObject(lambda: admin_link_shown(user)),
        "catalogue_url": SimpleLazyObject(lambda: catalogue_url(request)),
    }


def admin_link_shown(user) -> bool:
    key = ADMIN_LINK_KEY.format(user.pk)
    shown = cache.get(key)
    if shown is None:
        shown = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, shown, settings.NAV_CACHE_SECONDS)
    return shown


def catalogue_url(request) -> str:
    """The module catalogue in the active language (else the default language's), "" when
    there is none; from the cache, dropped when a catalogue page changes (`home.signals`)."""
    from courses.models import CourseIndexPage

    language = translation.get_language() or settings.LANGUAGE_CODE
    key = CATALOGUE_KEY.format(language)
    url = cache.get(key)
    if url is None:
        pages = {
            page.locale.language_code: page
            for page in CourseIndexPage.objects.live().select_related("locale")
        }
        page = pages.get(language) or pages.get(settings.LANGUAGE_CODE)
        url = (page.get_url(request) or "") if page is not None else ""
        cache.set(key, url, settings.SITE_CACHE_SECONDS)
    return url


def forget_catalogue_urls() -> None:
    cache.delete_many([CATALOGUE_KEY.format(code) for code, _ in settings.LANGUAGES])

"""The site and its home page in every language, read from the cache instead of three
queries per page view (Wagtail finds the site, the active locale and the localized root
page on every request).

Kept in the cache (Redis in production, so every process sees one copy) for
SITE_CACHE_SECONDS, and dropped at once when a home page is published, unpublished or
deleted, or a site is saved or deleted (`home.signals`)."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

CACHE_KEY = "site-roots:v1"


def _host(request) -> tuple[str, int | str]:
    return split_domain_port(request._get_raw_host())[0], request.get_port()


def cached_site(request) -> Site | None:
    """The request's Site from the cache (no query; None when not cached yet), its
    `root_page` the specific home page carrying its live translations (see
    `HomePage.localized`). Sets Wagtail's per-request site."""
    site = (cache.get(CACHE_KEY) or {}).get(_host(request))
    if site is not None:
        request._wagtail_site = site
    return site


def remember(request) -> None:
    """Keep the request's site and home pages for the next requests (called when a page is
    routed and the site did not come from the cache)."""
    from home.models import HomePage

    site = getattr(request, "_wagtail_site", None)
    if site is None or getattr(request, "_site_from_cache", False):
        return
    root = HomePage.objects.select_related("locale").filter(pk=site.root_page_id).first()
    if root is None:
        return  # a site whose root is not a home page: nothing to keep
    root.translations_by_language = {
        page.locale.language_code: page
        for page in HomePage.objects.live()
        .filter(translation_key=root.translation_key)
        .exclude(pk=root.pk)
        .select_related("locale")
    }
    root.translations_by_language[root.locale.language_code] = root
    cached = Site(**{f.attname: getattr(site, f.attname) for f in Site._meta.concrete_fields})
    cached.root_page = root
    sites = cache.get(CACHE_KEY) or {}
    cache.set(CACHE_KEY, {**sites, _host(request): cached}, settings.SITE_CACHE_SECONDS)


def forget() -> None:
    cache.delete(CACHE_KEY)


class CachedSiteMiddleware:
    """Looks the site up in the cache for the learner-facing pages (not the admin); the
    first page routed after a miss fills it (`HomePage.route`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(("/admin/", "/api/", "/oidc/", "/healthz")):
            request._site_from_cache = cached_site(request) is not None
        return self.get_response(request)

"""The URL of a page in each language, for the language switcher, kept in the cache.

Every page view shows the switcher; its links change only when a translation of the page
is published, unpublished, moved or deleted (or an ancestor's slug changes, which is a
publish or a move of the ancestor). `home.signals` drops the entries of the page and of
everything below it then; SITE_CACHE_SECONDS bounds any entry's life."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page


def _key(translation_key, site_id) -> str:
    return f"page-links:v1:{site_id}:{translation_key}"


def translation_urls(page: Page, request) -> dict[str, str]:
    """{language code: URL} of the page's live translations (the page itself included)."""
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    key = _key(page.translation_key, site.pk if site else None)
    urls = cache.get(key)
    if urls is None:
        urls = {
            p.locale.language_code: p.get_url(request)
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        cache.set(key, urls, settings.SITE_CACHE_SECONDS)
    return urls


def forget(pages: Iterable[Page]) -> None:
    """Drop the cached links of these pages and of every page below them."""
    from wagtail.models import Site

    paths = [page.path for page in pages]
    if not paths:
        return
    below = Page.objects.none()
    for path in paths:
        below = below | Page.objects.filter(path__startswith=path)
    keys = set(below.values_list("translation_key", flat=True))
    keys.update(page.translation_key for page in pages)
    site_ids = [None, *Site.objects.values_list("pk", flat=True)]
    cache.delete_many([_key(k, site) for k in keys for site in site_ids])

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from home import page_links

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in each language.

    On a Wagtail page the link goes to that page's live translation (slugs differ per
    language), or to that language's home page when there is none yet; elsewhere Django
    translates the URL's language prefix and keeps the query string.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    is_wagtail_page = page is not None and getattr(page, "locale_id", None) is not None
    translations = page_links.translation_urls(page, request) if is_wagtail_page else {}
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code)
        if url is None:
            if is_wagtail_page or request is None:
                url = f"/{code}/"
            else:
                url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


@register.simple_tag
def sso_enabled() -> bool:
    """Whether the city's single sign-on is configured (no query)."""
    from organisation import oidc

    return oidc.enabled()

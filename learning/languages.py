"""Which language's text to show when a page keeps one template per language (the
accessibility statement, the privacy notice)."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


def text_language(available: set[str], fallback: str = "en") -> str:
    """The active language (its base code) when a text exists in it, else `fallback`."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in available else fallback

"""Is a translation out of date? wagtail-localize keeps, per source page, a
`TranslationSource` whose `last_updated_at` is the moment its content was last extracted
("synced") for translators. It offers a "Sync translated pages" action but does not flag
translations whose source has been published again since; this module does.

A translation page is out of date when it has an enabled wagtail-localize `Translation`
and its source page was published after the source's last sync
(`source_page.last_published_at > TranslationSource.last_updated_at`).
"""

from __future__ import annotations

from django.db.models import F, OuterRef, Subquery
from wagtail.models import Page
from wagtail_localize.models import Translation


def _with_source_published(queryset):
    source_page = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    ).values("last_published_at")[:1]
    return queryset.annotate(source_published_at=Subquery(source_page))


def outdated_translations():
    """Enabled translations whose source page changed since the last sync."""
    return (
        _with_source_published(Translation.objects.filter(enabled=True))
        .filter(source_published_at__gt=F("source__last_updated_at"))
        .select_related("source", "source__locale", "target_locale")
        .order_by("-source_published_at")
    )


def translation_out_of_date(page: Page) -> bool:
    """True when `page` is a translation whose source was published after its last sync."""
    return (
        outdated_translations()
        .filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .exclude(source__locale_id=page.locale_id)
        .exists()
    )


def outdated_pages() -> list[tuple[Page, Translation]]:
    """(translation page, Translation) for every out-of-date translation. Two queries."""
    translations = list(outdated_translations())
    if not translations:
        return []
    wanted = {(t.source.object_id, t.target_locale_id): t for t in translations}
    pages = Page.objects.filter(
        translation_key__in=[key for key, _locale in wanted]
    ).select_related("locale")
    result = []
    for page in pages:
        translation = wanted.get((page.translation_key, page.locale_id))
        if translation is not None:
            result.append((page, translation))
    return sorted(result, key=lambda pair: pair[1].source_published_at, reverse=True)

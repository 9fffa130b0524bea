"""Small Wagtail admin views of the courses app."""

from __future__ import annotations

from django.contrib import messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from courses.translation_status import outdated_pages, translation_out_of_date


def outdated_translations(request):
    """Report: translated pages whose source has been published since the last sync."""
    return TemplateResponse(
        request,
        "courses/admin/outdated_translations.html",
        {"rows": outdated_pages(), "page_title": _("Translations out of date")},
    )


def warn_if_translation_out_of_date(request, page):
    """Editing an out-of-date translation shows a warning at the top of the editor."""
    if request.method == "GET" and translation_out_of_date(page):
        messages.warning(
            request,
            _(
                "The source of this translation has changed since it was last synced. "
                "Open the source page and choose “Sync translated pages” to bring the "
                "changes here."
            ),
        )

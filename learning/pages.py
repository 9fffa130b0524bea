"""What every page type of the site shares when it is served (not a model)."""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction


class ServedPageMixin:
    """`served_related`: the relations loaded with the page when it is served (the home
    page's `route` reads the page once, with these).

    Wagtail checks a page's view restrictions on every view, with two queries (the
    ancestors, then their restrictions). The ancestors' tree paths are prefixes of the
    page's own, so one query finds the same restrictions: those of the page and each
    ancestor, or, for an alias among them, of the page it is an alias of."""

    served_related: tuple[str, ...] = ()

    def get_view_restrictions(self):
        steplen = Page.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()

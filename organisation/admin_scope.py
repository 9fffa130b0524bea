"""One scope rule for every Wagtail admin screen a viewset generates.

`ScopedModelViewSet` is the base of every `ModelViewSet` in the project. Each view it builds
that works on one object (edit, delete, inspect, history, usage, copy, and whatever a later
Wagtail adds under a `*_view_class` name) looks the object up as Wagtail does and then
answers 404 when it is outside the viewer's scope, so a generated URL can never show a row
the listing would not. The listing itself starts from the same scoped queryset, and its
CSV/XLSX export escapes formulas (`learning.spreadsheets`).

The scope of a model, in this order: the registered permission policy's
`scoped_queryset(user)` (organisation's policies), else the model manager's
`for_user(user)`, else nothing at all (fail closed).
"""

from __future__ import annotations

from django.db.models import Model, QuerySet
from django.http import Http404
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from learning.spreadsheets import SafeSpreadsheetExportMixin


def scoped_queryset(model: type[Model], user) -> QuerySet:
    """The rows of `model` that `user` may see in the admin."""
    policy = policy_registry.get_by_type(model, fallback=False)
    if policy is not None and hasattr(policy, "scoped_queryset"):
        return policy.scoped_queryset(user)
    manager = model._default_manager
    if hasattr(manager, "for_user"):
        return manager.for_user(user)
    return manager.none()


def refused(request, reason: str) -> None:
    """Record a refused admin request (the audit trail's `authz.refused`): who, what path,
    why. The answer itself stays a plain 404 or 403."""
    from .models import AuditEvent

    AuditEvent.record_request(request, "authz.refused", request.path[:255], reason=reason)


class ScopedObjectMixin:
    """An object outside the viewer's scope does not exist for them (404)."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj is not None and not (
            scoped_queryset(self.model, self.request.user).filter(pk=obj.pk).exists()
        ):
            refused(self.request, "out_of_scope")
            raise Http404
        return obj


class ScopedIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    """The listing starts from the scoped queryset; exports escape formulas."""

    select_related: tuple[str, ...] = ()

    def get_base_queryset(self):
        queryset = scoped_queryset(self.model, self.request.user)
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        return queryset


#: view classes that list or create, not look up one object
_NOT_OBJECT_VIEWS = frozenset({"index_view_class", "add_view_class"})


#: the screens that change rows, left out of a read-only viewset
_WRITE_VIEWS = frozenset({"add", "edit", "delete", "copy"})


class ScopedModelViewSet(ModelViewSet):
    index_view_class = ScopedIndexView
    #: rows that only services write (audit trail, certificates): no add/edit/delete/copy URLs
    read_only: bool = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in dir(type(self)):
            if not name.endswith("_view_class") or name in _NOT_OBJECT_VIEWS:
                continue
            view_class = getattr(self, name)
            if isinstance(view_class, type) and not issubclass(view_class, ScopedObjectMixin):
                scoped = type(f"Scoped{view_class.__name__}", (ScopedObjectMixin, view_class), {})
                setattr(self, name, scoped)
        index = self.index_view_class
        if not issubclass(index, SafeSpreadsheetExportMixin):
            self.index_view_class = type(
                f"Safe{index.__name__}", (SafeSpreadsheetExportMixin, index), {}
            )

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        if self.read_only:
            patterns = [p for p in patterns if p.name not in _WRITE_VIEWS]
        return patterns

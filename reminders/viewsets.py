"""Admin screens for HR: sent notifications (read only) and reminder pauses, each within the
user's scope (`StaffMember.objects.for_user`)."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy

from organisation.admin_scope import ScopedModelViewSet
from organisation.models import StaffMember, is_hr
from reminders.models import Notification, ReminderPause


class HRPermissionPolicy(BasePermissionPolicy):
    """HR users may do `actions` (within scope, which the views' querysets enforce)."""

    def __init__(self, model, actions):
        super().__init__(model)
        self.actions = set(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and is_hr(user)

    def user_has_any_permission(self, user, actions):
        return bool(self.actions & set(actions)) and is_hr(user)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


notification_policy = HRPermissionPolicy(Notification, ["view"])
pause_policy = HRPermissionPolicy(ReminderPause, ["view", "add", "change", "delete"])


class ScopedQuerysetMixin:
    """Every list, edit, delete and inspect view starts from the user's scope."""

    def get_base_queryset(self):
        return self.model.objects.for_user(self.request.user).select_related("staff__service_point")

    def get_queryset(self):
        if isinstance(self, generic.IndexView):
            return super().get_queryset()
        return self.get_base_queryset()


class ScopedInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        from django.shortcuts import get_object_or_404

        return get_object_or_404(self.model.objects.for_user(self.request.user), pk=self.pk)


# --- notifications ------------------------------------------------------------------------


class NotificationFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(
        label=_("created"), widget=DateRangePickerWidget
    )
    staff__service_point = django_filters.ModelChoiceFilter(
        label=_("service point"), queryset=None, method="filter_service_point"
    )

    class Meta:
        model = Notification
        fields = ["kind", "status", "language"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        from organisation.models import ServicePoint

        user = request.user if request is not None else None
        self.filters["staff__service_point"].queryset = ServicePoint.objects.for_user(user)

    def filter_service_point(self, queryset, name, value):
        return queryset.filter(staff__service_point=value) if value else queryset


class NotificationIndexView(ScopedQuerysetMixin, generic.IndexView):
    pass


class NotificationViewSet(ScopedModelViewSet):
    model = Notification
    icon = "mail"
    menu_label = _("Sent notifications")
    add_to_admin_menu = False
    index_view_class = NotificationIndexView
    inspect_view_class = ScopedInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = NotificationFilterSet
    search_fields = ["subject", "email", "staff__first_name", "staff__last_name"]
    search_backend_name = None
    list_display = [
        Column("staff", label=_("recipient")),
        Column("get_kind_display", label=_("kind")),
        Column("subject", label=_("subject")),
        DateColumn("created_at", label=_("created")),
        DateColumn("sent_at", label=_("sent")),
        Column("get_status_display", label=_("status")),
        Column("attempts", label=_("attempts")),
    ]
    list_export = [
        "staff",
        "email",
        "kind",
        "subject",
        "module_titles",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
    ]
    inspect_view_fields = [
        "staff",
        "email",
        "language",
        "kind",
        "subject",
        "module_titles",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "dedupe_key",
    ]
    export_filename = "notifications"
    form_fields = ["subject"]  # never shown: the add and edit URLs are not registered

    def get_urlpatterns(self):
        # Read only: the list, its results, exports and the inspect view; no add/edit/delete.
        return [
            p for p in super().get_urlpatterns() if p.name in {"index", "index_results", "inspect"}
        ]


# --- pauses ---------------------------------------------------------------------------------


class ReminderPauseForm(WagtailAdminModelForm):
    class Meta:
        model = ReminderPause
        fields = ["staff", "until", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = (
            StaffMember.objects.for_user(self.for_user)
            .select_related("service_point")
            .order_by("last_name", "first_name")
        )


class ReminderPauseIndexView(ScopedQuerysetMixin, generic.IndexView):
    pass


class ReminderPauseCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class ReminderPauseEditView(ScopedQuerysetMixin, generic.EditView):
    pass


class ReminderPauseDeleteView(ScopedQuerysetMixin, generic.DeleteView):
    pass


class ReminderPauseFilterSet(WagtailFilterSet):
    until = django_filters.DateFromToRangeFilter(
        label=_("paused until"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ReminderPause
        fields = ["until"]


class ReminderPauseViewSet(ScopedModelViewSet):
    model = ReminderPause
    icon = "time"
    menu_label = _("Reminder pauses")
    add_to_admin_menu = False
    form_fields = ["staff", "until", "reason"]
    index_view_class = ReminderPauseIndexView
    add_view_class = ReminderPauseCreateView
    edit_view_class = ReminderPauseEditView
    delete_view_class = ReminderPauseDeleteView
    copy_view_enabled = False
    filterset_class = ReminderPauseFilterSet
    search_fields = ["staff__first_name", "staff__last_name", "reason"]
    search_backend_name = None
    list_display = [
        Column("staff", label=_("staff member")),
        DateColumn("until", label=_("paused until")),
        Column("reason", label=_("reason")),
        Column("created_by", label=_("created by")),
    ]

    def get_form_class(self, for_update=False):
        return ReminderPauseForm


class RemindersViewSetGroup(ModelViewSetGroup):
    menu_label = _("Reminders")
    menu_icon = "mail"
    menu_order = 520
    items = (NotificationViewSet("notifications"), ReminderPauseViewSet("reminder_pauses"))

"""Wagtail admin screens of the courses app.

Requirements: HR manage who must complete which module, each within their scope
(`Requirement.objects.for_user`): city-wide HR everything, division HR only requirements
whose audience lies inside their divisions. The list exports to CSV and XLSX.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views import generic
from wagtail.permission_policies.base import ModelPermissionPolicy

from courses.models import CoursePage, Requirement
from organisation.admin_scope import ScopedModelViewSet
from organisation.models import AuditEvent, Division, ServicePoint, hr_scope, is_hr


class RequirementPermissionPolicy(ModelPermissionPolicy):
    """HR users (group "HR", or superusers) may manage requirements; the rows they may
    touch are limited by scope in the views' querysets."""

    def user_has_permission(self, user, action):
        return is_hr(user)

    def user_has_any_permission(self, user, actions):
        return is_hr(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return is_hr(user) and Requirement.objects.for_user(user).filter(pk=instance.pk).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_permission_for_instance(user, actions[0], instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return Requirement.objects.for_user(user)


class RequirementForm(WagtailAdminModelForm):
    class Meta:
        model = Requirement
        fields = [
            "module",
            "divisions",
            "service_points",
            "roles",
            "due_days",
            "due_date",
            "active",
        ]
        widgets = {
            "divisions": forms.CheckboxSelectMultiple,
            "roles": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        self.fields["module"].queryset = CoursePage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).order_by("title")
        self.fields["divisions"].queryset = Division.objects.for_user(user)
        self.fields["service_points"].queryset = ServicePoint.objects.for_user(user).select_related(
            "division"
        )
        city_wide, _divisions = hr_scope(user)
        self.city_wide = city_wide
        if not city_wide:
            self.fields["divisions"].help_text = _(
                "Choose at least one division or service point: you manage requirements "
                "within your divisions only."
            )

    def clean(self):
        cleaned = super().clean()
        days, date = cleaned.get("due_days"), cleaned.get("due_date")
        if (days is None) == (date is None):
            raise forms.ValidationError(
                _("Give either the days after the start date or a fixed due date, not both.")
            )
        has_audience = cleaned.get("divisions") or cleaned.get("service_points")
        if not self.city_wide and not has_audience:
            raise forms.ValidationError(
                _("Choose at least one of your divisions or service points as the audience.")
            )
        return cleaned


class ScopedQuerysetMixin:
    def get_base_queryset(self):
        return Requirement.objects.for_user(self.request.user)

    def get_queryset(self):
        return Requirement.objects.for_user(self.request.user)


class RequirementIndexView(ScopedQuerysetMixin, generic.IndexView):
    def get_base_queryset(self):
        return (
            Requirement.objects.for_user(self.request.user)
            .select_related("module")
            .prefetch_related("divisions", "service_points", "roles")
        )

    def get_queryset(self):
        return generic.IndexView.get_queryset(self)


class AuditedMixin:
    audit_action = ""

    def save_instance(self):
        instance = super().save_instance()
        AuditEvent.record_request(self.request, self.audit_action, f"requirement:{instance.pk}")
        return instance


class RequirementCreateView(AuditedMixin, generic.CreateView):
    audit_action = "requirement.create"


class RequirementEditView(AuditedMixin, ScopedQuerysetMixin, generic.EditView):
    audit_action = "requirement.edit"


class RequirementDeleteView(ScopedQuerysetMixin, generic.DeleteView):
    def delete_action(self):
        if not Requirement.objects.for_user(self.request.user).filter(pk=self.object.pk).exists():
            raise PermissionDenied
        AuditEvent.record_request(
            self.request, "requirement.delete", f"requirement:{self.object.pk}"
        )
        return super().delete_action()


class RequirementViewSet(ScopedModelViewSet):
    model = Requirement
    form_fields = RequirementForm.Meta.fields
    icon = "tasks"
    menu_label = _("Required training")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = RequirementIndexView
    add_view_class = RequirementCreateView
    edit_view_class = RequirementEditView
    delete_view_class = RequirementDeleteView
    inspect_view_enabled = False
    copy_view_enabled = False
    list_display = [
        "module",
        "audience_display",
        "due_rule_display",
        BooleanColumn("active", label=_("active")),
    ]
    list_filter = ["active", "module"]
    list_export = ["module", "module_key", "audience_display", "due_days", "due_date", "active"]
    export_filename = "requirements"

    def get_form_class(self, for_update=False):
        return RequirementForm


requirement_viewset = RequirementViewSet("requirements")

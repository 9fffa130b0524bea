"""Wagtail admin screens of the organisation: staff, service points, divisions, roles,
HR scopes, the audit trail and the HR imports, grouped in one "Organisation" menu.

Every listing and object view is scoped by `organisation.admin_scope`, so an HR user of
one division neither lists nor opens another division's rows (404).
"""

from __future__ import annotations

import django_filters
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.widgets.button import Button

from . import views
from .admin_scope import ScopedIndexView, ScopedModelViewSet
from .forms import HRGrantForm, ServicePointForm, StaffMemberForm
from .models import (
    AuditEvent,
    Division,
    HRGrant,
    Language,
    Role,
    ServicePoint,
    StaffMember,
    is_hr,
)


class OrganisationModelViewSet(ScopedModelViewSet):
    copy_view_enabled = False
    search_backend_name = None  # plain database search: no index to keep in sync
    list_per_page = 50
    select_related: tuple[str, ...] = ()
    slug = ""

    @property
    def url_prefix(self):
        return f"organisation/{self.slug}"

    @property
    def url_namespace(self):
        return f"organisation_{self.slug}"

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(select_related=self.select_related, **kwargs)


# --- filters ------------------------------------------------------------------------------------


def _divisions(request):
    return Division.objects.for_user(request.user) if request else Division.objects.none()


def _points(request):
    return ServicePoint.objects.for_user(request.user) if request else ServicePoint.objects.none()


class StaffMemberFilterSet(WagtailFilterSet):
    division = django_filters.ModelChoiceFilter(
        label=_("division"), field_name="service_point__division", queryset=_divisions
    )
    service_point = django_filters.ModelChoiceFilter(
        label=_("service point"), field_name="service_point", queryset=_points
    )
    role = django_filters.ModelChoiceFilter(label=_("role"), queryset=Role.objects.all())
    language = django_filters.ChoiceFilter(label=_("language"), choices=Language.choices)
    active = django_filters.BooleanFilter(label=_("active"))

    class Meta:
        model = StaffMember
        fields = []


class ServicePointFilterSet(WagtailFilterSet):
    division = django_filters.ModelChoiceFilter(label=_("division"), queryset=_divisions)
    active = django_filters.BooleanFilter(label=_("active"))

    class Meta:
        model = ServicePoint
        fields = []


# --- viewsets -----------------------------------------------------------------------------------


class StaffMemberIndexView(ScopedIndexView):
    """The staff list, with "Invite everyone not signed in yet" among its actions (HR)."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if is_hr(self.request.user):
            buttons.append(
                Button(
                    _("Invite everyone not signed in yet"),
                    url=reverse("organisation_invitations:index"),
                    icon_name="mail",
                    priority=5,
                )
            )
        return buttons


class StaffMemberEditView(EditView):
    """The staff page, with "Send an invitation" among its actions (HR only)."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if is_hr(self.request.user):
            url = reverse("organisation_invitations:one", args=[self.object.pk])
            buttons.append(Button(_("Send an invitation"), url=url, icon_name="mail", priority=5))
            # The access-request export (GDPR Art. 15) lives in reports, which reads every app.
            url = reverse("reports_personal_data", args=[self.object.pk])
            buttons.append(
                Button(_("Export personal data"), url=url, icon_name="download", priority=6)
            )
        return buttons


class StaffMemberViewSet(OrganisationModelViewSet):
    model = StaffMember
    slug = "staff"
    icon = "user"
    menu_label = _("Staff")
    form_fields = StaffMemberForm._meta.fields
    list_display = ["__str__", "employee_id", "service_point", "role", "active"]
    list_export = [
        "employee_id",
        "first_name",
        "last_name",
        "email",
        "service_point.code",
        "role.code",
        "start_date",
        "language",
        "active",
    ]
    export_headings = {"service_point.code": "service_point_code", "role.code": "role"}
    export_filename = "staff"
    search_fields = ["first_name", "last_name", "employee_id", "email"]
    filterset_class = StaffMemberFilterSet
    select_related = ("service_point", "role")
    ordering = ["last_name", "first_name"]

    index_view_class = StaffMemberIndexView
    edit_view_class = StaffMemberEditView

    def get_form_class(self, for_update=False):
        return StaffMemberForm


class ServicePointViewSet(OrganisationModelViewSet):
    model = ServicePoint
    slug = "service-points"
    icon = "site"
    menu_label = _("Service points")
    form_fields = ServicePointForm._meta.fields
    list_display = ["__str__", "code", "division", "active"]
    list_export = ["code", "name_fi", "name_sv", "name_en", "division.code", "active"]
    export_headings = {"division.code": "division_code"}
    export_filename = "service-points"
    search_fields = ["code", "name_fi", "name_sv", "name_en"]
    filterset_class = ServicePointFilterSet
    select_related = ("division",)

    def get_form_class(self, for_update=False):
        return ServicePointForm


class DivisionViewSet(OrganisationModelViewSet):
    model = Division
    slug = "divisions"
    icon = "group"
    menu_label = _("Divisions")
    form_fields = ["code", "name_fi", "name_sv", "name_en"]
    list_display = ["__str__", "code"]
    list_export = ["code", "name_fi", "name_sv", "name_en"]
    search_fields = ["code", "name_fi", "name_sv", "name_en"]


class RoleViewSet(OrganisationModelViewSet):
    model = Role
    slug = "roles"
    icon = "tag"
    menu_label = _("Roles")
    form_fields = ["code", "name_fi", "name_sv", "name_en"]
    list_display = ["__str__", "code"]
    search_fields = ["code", "name_fi", "name_sv", "name_en"]


class HRGrantViewSet(OrganisationModelViewSet):
    model = HRGrant
    slug = "hr-scopes"
    icon = "key"
    menu_label = _("HR scopes")
    form_fields = ["user", "city_wide", "divisions"]
    list_display = ["__str__", "city_wide"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    select_related = ("user",)

    def get_form_class(self, for_update=False):
        return HRGrantForm


class AuditEventViewSet(OrganisationModelViewSet):
    model = AuditEvent
    slug = "audit"
    icon = "history"
    menu_label = _("Audit trail")
    form_fields = ["action", "target"]
    inspect_view_enabled = True
    read_only = True  # append-only: written by AuditEvent.record, never in the admin
    list_display = ["at", "action", "target", "actor_display", "address"]
    list_filter = ["action"]
    list_export = ["at", "actor_display", "address", "action", "target", "details"]
    export_headings = {"actor_display": _("who")}
    search_fields = ["action", "target", "actor_name"]
    ordering = ["-at"]


class HRMenuItem(MenuItem):
    def is_shown(self, request):
        return is_hr(request.user)


class ImportViewSet(ViewSet):
    name = "organisation_imports"
    url_prefix = "organisation/imports"
    icon = "upload"
    menu_label = _("HR imports")
    menu_item_class = HRMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.UploadView.as_view(), name="upload"),
            path("<int:pk>/", views.JobView.as_view(), name="job"),
            path("<int:pk>/confirm/", views.ConfirmView.as_view(), name="confirm"),
        ]


class InvitationViewSet(ViewSet):
    name = "organisation_invitations"
    url_prefix = "organisation/invitations"
    icon = "mail"
    menu_label = _("Invitations")
    menu_item_class = HRMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.InvitationsView.as_view(), name="index"),
            path("staff/<int:pk>/", views.InviteOneView.as_view(), name="one"),
        ]


class LockoutViewSet(ViewSet):
    name = "organisation_lockouts"
    url_prefix = "organisation/lockouts"
    icon = "lock"
    menu_label = _("Login lockouts")
    menu_item_class = HRMenuItem

    def get_urlpatterns(self):
        return [path("", views.LockoutsView.as_view(), name="index")]


class OrganisationViewSetGroup(ViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "group"
    menu_order = 300
    items = (
        StaffMemberViewSet,
        ServicePointViewSet,
        DivisionViewSet,
        RoleViewSet,
        HRGrantViewSet,
        AuditEventViewSet,
        ImportViewSet,
        InvitationViewSet,
        LockoutViewSet,
    )

"""The HR certificate register in the Wagtail admin (search, filters, CSV/XLSX export).

Scope: the listing starts from `Certificate.objects.for_user(request.user)`, so HR sees
its divisions, supervisors their service points, city-wide HR everything."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.permission_policies.base import BasePermissionPolicy

from certificates.models import Certificate, Status
from courses.models import CoursePage
from organisation.admin_scope import ScopedModelViewSet
from organisation.models import Division, ServicePoint, can_see_reports

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """Spreadsheet cells starting like a formula are prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class CertificatePermissionPolicy(BasePermissionPolicy):
    """HR and supervisors may view the register (within scope). Nobody adds, edits or
    deletes certificates by hand: they are issued by completing a module, and HR revokes
    them on the certificate's own page (`admin_views.certificate_detail`)."""

    def user_has_permission(self, user, action):
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return False
        if action == "view":
            return can_see_reports(user)
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and Certificate.objects.for_user(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Certificate.objects.none()
        return Certificate.objects.for_user(user)


def _module_choices():
    pages = CoursePage.objects.filter(locale__language_code="fi").order_by("title")
    return [(str(p.translation_key), p.title) for p in pages.only("title", "translation_key")]


class CertificateFilterSet(WagtailFilterSet):
    division = django_filters.ModelChoiceFilter(
        label=_("Division"),
        field_name="staff__service_point__division",
        queryset=lambda request: Division.objects.for_user(request.user),
    )
    service_point = django_filters.ModelChoiceFilter(
        label=_("Service point"),
        field_name="staff__service_point",
        queryset=lambda request: ServicePoint.objects.for_user(request.user),
    )
    module = django_filters.ChoiceFilter(
        label=_("Module"), field_name="module_key", choices=_module_choices
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, method="filter_status"
    )

    class Meta:
        model = Certificate
        fields: list[str] = []

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        if value == Status.VALID:
            return queryset.valid_on(today)
        if value == Status.REVOKED:
            return queryset.filter(revoked_at__date__lte=today)
        if value == Status.EXPIRED:
            return queryset.filter(expires_on__lte=today).filter(
                Q(revoked_at__isnull=True) | Q(revoked_at__date__gt=today)
            )
        return queryset


class CertificateIndexView(IndexView):
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        str: {IndexView.FORMAT_CSV: escape_formula, IndexView.FORMAT_XLSX: escape_formula},
    }

    def get_base_queryset(self):
        return (
            Certificate.objects.for_user(self.request.user)
            .select_related("staff__service_point__division")
            .order_by("-issued_on", "-pk")
        )


def _detail_url(certificate: Certificate) -> str:
    return reverse("certificates_admin:detail", args=[certificate.pk])


class CertificateViewSet(ScopedModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 320
    add_to_admin_menu = True
    index_view_class = CertificateIndexView
    copy_view_enabled = False
    read_only = True  # issued and revoked by the certificate services, never edited here
    form_fields = ["revocation_reason"]  # unused: nobody has the add/change permission
    filterset_class = CertificateFilterSet
    search_fields = [
        "staff__first_name",
        "staff__last_name",
        "staff__employee_id",
        "title",
        "code",
    ]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        TitleColumn("holder", label=_("Holder"), accessor="staff.full_name", get_url=_detail_url),
        Column("employee_id", label=_("Employee id"), accessor="staff.employee_id"),
        Column("service_point", label=_("Service point"), accessor="staff.service_point.name"),
        Column("title", label=_("Module")),
        DateColumn("issued_on", label=_("Issued on"), sort_key="issued_on"),
        DateColumn("expires_on", label=_("Expires on"), sort_key="expires_on"),
        Column("status", label=_("Status"), accessor="get_status_display"),
    ]
    list_export = [
        "staff.employee_id",
        "staff.full_name",
        "staff.service_point.division.code",
        "staff.service_point.code",
        "staff.service_point.name",
        "title",
        "module_key",
        "issued_on",
        "expires_on",
        "status",
        "revoked_at",
        "grouped_code",
    ]
    export_headings = {
        "staff.employee_id": _("Employee id"),
        "staff.full_name": _("Holder"),
        "staff.service_point.division.code": _("Division"),
        "staff.service_point.code": _("Service point code"),
        "staff.service_point.name": _("Service point"),
        "title": _("Module"),
        "module_key": _("Module key"),
        "issued_on": _("Issued on"),
        "expires_on": _("Expires on"),
        "status": _("Status"),
        "revoked_at": _("Revoked at"),
        "grouped_code": _("Verification code"),
    }
    export_filename = "certificates"

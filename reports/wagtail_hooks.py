"""Registers the coverage reports and API tokens in the Wagtail admin (logic in views)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from organisation.models import can_see_reports, is_hr


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_reports(request.user)


class HRMenuItem(MenuItem):
    def is_shown(self, request):
        return is_hr(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reports/", include("reports.urls"))]


@hooks.register("register_reports_menu_item")
def register_coverage_menu_item():
    return ReportsMenuItem(_("Coverage"), reverse("reports_coverage"), icon_name="table", order=10)


@hooks.register("register_settings_menu_item")
def register_api_tokens_menu_item():
    return HRMenuItem(_("API tokens"), reverse("reports_api_tokens"), icon_name="key", order=900)

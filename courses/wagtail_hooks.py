"""Registers the courses app's admin screens and hooks; the logic lives elsewhere."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from courses import admin_views
from courses.models import Requirement
from courses.viewsets import RequirementPermissionPolicy, requirement_viewset

register_permission_policy(Requirement, RequirementPermissionPolicy(Requirement))


@hooks.register("register_admin_viewset")
def register_requirements():
    return requirement_viewset


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [
        path(
            "courses/outdated-translations/",
            admin_views.outdated_translations,
            name="courses_outdated_translations",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(
        _("Translations out of date"),
        reverse("courses_outdated_translations"),
        icon_name="globe",
        order=800,
    )


hooks.register("before_edit_page", admin_views.warn_if_translation_out_of_date)

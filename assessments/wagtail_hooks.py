from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from assessments import views
from organisation.models import can_see_reports


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "assessments/statistics/",
            views.statistics_index,
            name="assessments_statistics",
        ),
        path(
            "assessments/statistics/<int:page_id>/",
            views.statistics_detail,
            name="assessments_statistics_detail",
        ),
        path("assessments/attempts/", views.people_index, name="assessments_people"),
        path(
            "assessments/attempts/<int:staff_id>/",
            views.staff_attempts,
            name="assessments_staff_attempts",
        ),
    ]


class _StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view_statistics(request.user)


class _AttemptsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_statistics_menu_item():
    return _StatisticsMenuItem(
        _("Quiz questions"),
        reverse("assessments_statistics"),
        name="quiz-statistics",
        icon_name="help",
        order=700,
    )


@hooks.register("register_reports_menu_item")
def register_attempts_menu_item():
    return _AttemptsMenuItem(
        _("Quiz attempts"),
        reverse("assessments_people"),
        name="quiz-attempts",
        icon_name="user",
        order=710,
    )

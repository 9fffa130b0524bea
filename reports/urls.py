"""Admin URLs of the coverage reports (mounted under /admin/ by wagtail_hooks)."""

from django.urls import path

from reports import views

urlpatterns = [
    path("coverage/", views.CoverageOverviewView.as_view(), name="reports_coverage"),
    path(
        "coverage/service-point/<int:pk>/",
        views.ServicePointReportView.as_view(),
        name="reports_service_point",
    ),
    path("coverage/person/<int:pk>/", views.PersonReportView.as_view(), name="reports_person"),
    path(
        "personal-data/<int:pk>/",
        views.PersonalDataExportView.as_view(),
        name="reports_personal_data",
    ),
    path("api-tokens/", views.ApiTokenListView.as_view(), name="reports_api_tokens"),
    path("api-tokens/new/", views.ApiTokenCreateView.as_view(), name="reports_api_token_new"),
    path(
        "api-tokens/<int:pk>/revoke/",
        views.ApiTokenRevokeView.as_view(),
        name="reports_api_token_revoke",
    ),
]

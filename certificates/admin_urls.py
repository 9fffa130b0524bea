from django.urls import path

from certificates import admin_views

app_name = "certificates_admin"

urlpatterns = [
    path("<int:pk>/", admin_views.certificate_detail, name="detail"),
    path("import/", admin_views.import_completions_view, name="import"),
]

from django.urls import path

from certificates import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify_form, name="verify_form"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("certificates/", views.my_certificates, name="mine"),
    path("certificates/<int:pk>/pdf/", views.download, name="download"),
]

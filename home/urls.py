from django.urls import path

from home import views

urlpatterns = [
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", views.LogoutView.as_view(), name="logout"),
    path("accounts/logged-out/", views.LoggedOutView.as_view(), name="logged_out"),
    path("accounts/sign-in/<slug:reason>/", views.sign_in_problem, name="sso_refused"),
    path("privacy/", views.privacy_notice, name="privacy"),
]

from django.urls import path

from home import passwords, views

urlpatterns = [
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", views.LogoutView.as_view(), name="logout"),
    path("accounts/logged-out/", views.LoggedOutView.as_view(), name="logged_out"),
    path("accounts/sign-in/<slug:reason>/", views.sign_in_problem, name="sso_refused"),
    path(
        "accounts/password/reset/",
        passwords.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        passwords.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        passwords.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        passwords.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "accounts/invitation/<uidb64>/<token>/",
        passwords.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    path("privacy/", views.privacy_notice, name="privacy"),
]

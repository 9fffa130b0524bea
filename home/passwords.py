"""Passwords for deployments without single sign-on (and break-glass accounts): "Forgot
your password?" and the invitation's set-your-password page.

A reset e-mail goes in the person's language to an active person who may log in with a
password, also one who has never had a usable password (an imported person). The page
after the request says the same whether or not the address is known, and requests over
the per-address or per-e-mail rate send nothing."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.db.models import Q
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django_ratelimit.core import is_ratelimited

from organisation.backends import password_login_allowed
from organisation.invitations import invitation_tokens
from organisation.models import AuditEvent, staff_for_user

User = get_user_model()


class PasswordResetForm(auth_forms.PasswordResetForm):
    def get_users(self, email):
        users = (
            User.objects.filter(is_active=True)
            .filter(Q(email__iexact=email) | Q(staff__email__iexact=email))
            .exclude(staff__active=False)  # a leaver's account gets no link
            .distinct()
        )
        return [user for user in users if user.email and password_login_allowed(user)]

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        user = context["user"]
        staff = staff_for_user(user)
        to_email = staff.email if staff else to_email  # the HR file owns the address
        language = staff.language if staff else translation.get_language()
        with translation.override(language):
            path = reverse(
                "password_reset_confirm",
                kwargs={"uidb64": context["uid"], "token": context["token"]},
            )
            context = {
                **context,
                "language": language,
                "first_name": (staff.first_name if staff else user.first_name) or user.username,
                "reset_url": settings.SITE_BASE_URL.rstrip("/") + path,
                "minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
                "programme_name": settings.PROGRAMME_NAME,
            }
            super().send_mail(
                subject_template_name,
                email_template_name,
                context,
                from_email,
                to_email,
                html_email_template_name,
            )


def _email_key(group, request) -> str:
    return request.POST.get("email", "").strip().lower()


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "registration/password_reset_form.html"
    subject_template_name = "registration/password_reset_subject.txt"
    email_template_name = "registration/password_reset_email.txt"
    html_email_template_name = "registration/password_reset_email.html"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        request = self.request
        email = form.cleaned_data["email"]
        limited = is_ratelimited(
            request,
            group="password-reset-address",
            key="ip",
            rate=settings.PASSWORD_RESET_RATE_PER_ADDRESS,
            increment=True,
        ) or is_ratelimited(
            request,
            group="password-reset-email",
            key=_email_key,
            rate=settings.PASSWORD_RESET_RATE_PER_EMAIL,
            increment=True,
        )
        if limited:
            AuditEvent.record(None, "auth.password_reset_limited", email, request=request)
            return super(auth_views.PasswordResetView, self).form_valid(form)  # send nothing
        users = form.get_users(email)
        AuditEvent.record(
            None, "auth.password_reset_requested", email, request=request, sent=len(users)
        )
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        if user is None or not user.is_active or not password_login_allowed(user):
            return None
        return user

    def form_valid(self, form):
        response = super().form_valid(form)
        AuditEvent.record(
            form.user, "auth.password_set", form.user.get_username(), request=self.request
        )
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"


class InvitationAcceptView(PasswordResetConfirmView):
    """The invitation's link: choose a password, then straight to My learning."""

    template_name = "registration/invitation_accept.html"
    token_generator = invitation_tokens
    reset_url_token = "choose-password"  # noqa: S105 (a URL segment, not a secret)
    post_reset_login = True
    post_reset_login_backend = "organisation.backends.PasswordBackend"

    def get_success_url(self):
        staff = staff_for_user(self.user)
        return f"/{staff.language if staff else translation.get_language()}/"

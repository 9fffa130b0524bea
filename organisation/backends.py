"""An authentication backend that grants supervisors access to the Wagtail admin.

Supervisors (active staff who supervise at least one service point) read their reports in
the admin, so they need `wagtailadmin.access_admin`. Granting it from the same rule that
scopes the reports (`organisation.models.is_supervisor`) means there is no group to keep in
step with who supervises what: adding or removing a supervised point is enough. This
backend authenticates nobody and grants nothing else.
"""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend, ModelBackend

from .models import STAFF_OF_USER, is_supervisor

ACCESS_ADMIN = "wagtailadmin.access_admin"


class SupervisorAdminAccessBackend(BaseBackend):
    def has_perm(self, user_obj, perm, obj=None) -> bool:
        if perm != ACCESS_ADMIN or not user_obj.is_active:
            return False
        # One query per request at most: the user object lives for one request.
        cached = getattr(user_obj, "_aspa_is_supervisor", None)
        if cached is None:
            cached = user_obj._aspa_is_supervisor = is_supervisor(user_obj)
        return cached


def session_user(user_id):
    """The user of a session, with their staff record (service point, division, role) in the
    same query: nearly every page reads it (`staff_for_user`). None if there is no such user."""
    users = get_user_model()._default_manager.select_related(*STAFF_OF_USER)
    try:
        return users.get(pk=user_id)  # not first(): its ORDER BY costs more than the lookup
    except users.model.DoesNotExist:
        return None


class PasswordBackend(ModelBackend):
    """User name and password. With single sign-on configured, only the accounts named in
    `PASSWORD_LOGIN_USERS` (break-glass administrators, say) may use a password; everyone
    else signs in with the city account. A refused password login looks like a wrong
    password, so it tells nothing about which accounts exist."""

    def user_can_authenticate(self, user) -> bool:
        return super().user_can_authenticate(user) and password_login_allowed(user)

    def get_user(self, user_id):
        user = session_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


def password_login_allowed(user) -> bool:
    """Whether this person may log in with a password (and so set or reset one)."""
    from .oidc import enabled

    return not enabled() or user.get_username() in settings.PASSWORD_LOGIN_USERS


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for password logins only: a single sign-on callback (no
    user name) and a login without a request (a management command, a test's
    `Client.login`) pass through to the other backends."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None or username is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

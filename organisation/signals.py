"""Signal receivers of the organisation app.

- Login sessions are recorded per user (`UserSession`) so that deactivating staff can end
  their sessions with one query instead of decoding every session.
- Every login, logout and failed login goes to the audit trail, with the client's address
  (the attempted user name of a failure, never the password).
- After `migrate`, the HR group gets the permissions its screens need (idempotent).
"""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

HR_PERMISSIONS = {
    "wagtailadmin": {"admin": ["access_admin"]},
    "organisation": {
        "division": ["view", "add", "change", "delete"],
        "servicepoint": ["view", "add", "change", "delete"],
        "staffmember": ["view", "add", "change", "delete"],
        "role": ["view", "add", "change", "delete"],
        "hrgrant": ["view", "add", "change", "delete"],
        "auditevent": ["view"],
    },
}


@receiver(user_logged_in, dispatch_uid="organisation_record_session")
def record_session(sender, request, user, **kwargs) -> None:
    from .models import UserSession

    session = getattr(request, "session", None)
    if session is not None:
        # When the session's lifetime starts (learning.middleware.SessionLifetimeMiddleware).
        import time

        from learning.middleware import SESSION_SEEN, SESSION_STARTED

        session[SESSION_STARTED] = session[SESSION_SEEN] = int(time.time())
    key = getattr(session, "session_key", None)
    if key:
        # A single sign-on login names the provider's subject and session (organisation.oidc).
        identity = getattr(request, "sso_identity", None)
        UserSession.objects.update_or_create(
            session_key=key,
            defaults={
                "user": user,
                "sso_subject": identity.subject if identity else "",
                "sso_session": identity.session if identity else "",
            },
        )


@receiver(user_logged_out, dispatch_uid="organisation_forget_session")
def forget_session(sender, request, user, **kwargs) -> None:
    from .models import UserSession

    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        UserSession.objects.filter(session_key=key).delete()


def grant_hr_group_permissions(sender, using="default", apps=None, **kwargs) -> None:
    """After migrate: give the HR group (made by migration 0002) its permissions.

    It does not create the group: a test database flush re-runs post_migrate, and a group
    made here would collide with the one a serialized rollback restores."""
    from django.contrib.auth.models import Group

    from .models import HR_GROUP_NAME

    if Group.objects.using(using).filter(name=HR_GROUP_NAME).exists():
        ensure_hr_group(using)


def ensure_hr_group(using: str = "default"):
    """The HR group with admin access and the organisation model permissions."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    from .models import HR_GROUP_NAME

    # Our own permissions may not exist yet: auth's receiver may run after this one.
    create_permissions(global_apps.get_app_config("organisation"), verbosity=0, using=using)
    group, _created = Group.objects.using(using).get_or_create(name=HR_GROUP_NAME)
    wanted = []
    for app_label, models in HR_PERMISSIONS.items():
        for model, actions in models.items():
            try:
                content_type = ContentType.objects.db_manager(using).get(
                    app_label=app_label, model=model
                )
            except ContentType.DoesNotExist:
                continue
            codenames = [a if "_" in a else f"{a}_{model}" for a in actions]
            wanted += list(
                Permission.objects.using(using).filter(
                    content_type=content_type, codename__in=codenames
                )
            )
    group.permissions.add(*wanted)
    return group


@receiver(user_logged_in, dispatch_uid="organisation_audit_login")
def audit_login(sender, request, user, **kwargs) -> None:
    from .models import AuditEvent

    AuditEvent.record(user, "auth.login", user.get_username(), request=request)


@receiver(user_logged_out, dispatch_uid="organisation_audit_logout")
def audit_logout(sender, request, user, **kwargs) -> None:
    from .models import AuditEvent

    if user is not None:
        AuditEvent.record(user, "auth.logout", user.get_username(), request=request)


@receiver(user_login_failed, dispatch_uid="organisation_audit_login_failed")
def audit_login_failed(sender, credentials, request=None, **kwargs) -> None:
    from .models import AuditEvent

    if "username" not in credentials:
        return  # a refused single sign-on: audited as auth.sso_refused with its reason
    # Django has already masked anything secret-looking in `credentials`; only the user
    # name is kept.
    AuditEvent.record(
        None, "auth.login_failed", str(credentials.get("username", "")), request=request
    )


@receiver(user_locked_out, dispatch_uid="organisation_audit_lockout")
def audit_lockout(sender, request=None, username=None, ip_address=None, **kwargs) -> None:
    from .models import AuditEvent

    AuditEvent.record(None, "auth.locked_out", str(username or ""), request=request)

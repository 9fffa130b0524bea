"""How a person learns to sign in: invitations, and the sign-in text of every welcome.

With single sign-on on, an invitation (and the welcome message) says to sign in with the
city account. Without it, a person who has never set a password gets a set-your-password
link valid for `INVITATION_DAYS`; the link works once (it is bound to the password and the
last login, so setting the password or logging in spends it).

HR invites one person from their staff page, or everyone in their scope who has never
signed in. Each invitation is a row committed first (the outbox), then sent by a task;
the minute sweep sends what a broker outage left unsent, each row once.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import gettext

from learning.queueing import publish_on_commit

from .models import AuditEvent, Invitation, StaffMember

SEND_TASK = "organisation.send_invitations"
CHUNK = 500


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Django's password-reset token, with its own salt and validity (`INVITATION_DAYS`)."""

    key_salt = "organisation.invitations.InvitationTokenGenerator"

    def check_token(self, user, token):
        if not (user and token):
            return False
        try:
            ts = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        for secret in [self.secret, *self.secret_fallbacks]:
            if constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token):
                break
        else:
            return False
        return self._num_seconds(self._now()) - ts <= settings.INVITATION_DAYS * 24 * 3600


invitation_tokens = InvitationTokenGenerator()


def sign_in_instructions(staff: StaffMember) -> dict:
    """What an e-mail to this person says about signing in, as template context:
    `sso` (sign in with the city account), or a `set_password_url` (valid
    `invitation_days`), or their `username` to log in with."""
    from .backends import password_login_allowed

    base = settings.SITE_BASE_URL.rstrip("/")
    user = staff.user
    context = {"login_url": f"{base}/{staff.language}/accounts/login/"}
    if not password_login_allowed(user):
        return {**context, "sso": True}
    if user.has_usable_password() and user.last_login is not None:
        return {**context, "username": user.get_username()}
    with translation.override(staff.language):
        path = reverse(
            "invitation_accept",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": invitation_tokens.make_token(user),
            },
        )
    return {
        **context,
        "username": user.get_username(),
        "set_password_url": base + path,
        "invitation_days": settings.INVITATION_DAYS,
    }


# --- who may be invited, and inviting ---------------------------------------------------------


def never_signed_in(user) -> StaffMember:
    """Active staff within this HR user's scope who have never signed in."""
    return (
        StaffMember.objects.for_user(user)
        .active()
        .filter(user__is_active=True, user__last_login__isnull=True)
    )


def invite(staff_ids: list[int], *, by, request=None) -> int:
    """Commit one invitation per person (the outbox) and queue their sending."""
    now = timezone.now()
    with transaction.atomic():
        rows = Invitation.objects.bulk_create(
            [Invitation(staff_id=pk, requested_by=by, created_at=now) for pk in staff_ids],
            batch_size=CHUNK,
        )
        ids = [row.pk for row in rows]
        AuditEvent.record(
            by, "staff.invited", f"{len(ids)} staff", request=request, staff=staff_ids[:50]
        )
        for start in range(0, len(ids), CHUNK):
            publish_on_commit(SEND_TASK, ids[start : start + CHUNK])
    return len(ids)


def send_invitations(invitation_ids: list[int]) -> int:
    """Send these invitations that are not sent yet; each row once, even if two workers
    get the same task (the row is locked, then marked sent with the e-mail)."""
    sent = 0
    for pk in invitation_ids:
        with transaction.atomic():
            row = (
                Invitation.objects.select_for_update(skip_locked=True)
                .select_related("staff__user")
                .filter(pk=pk, sent_at__isnull=True)
                .first()
            )
            if row is None:
                continue
            if row.staff.active and row.staff.user.is_active:
                build_message(row.staff).send()
                sent += 1
            row.sent_at = timezone.now()
            row.save(update_fields=["sent_at"])
    return sent


def unsent_invitation_ids(older_than_seconds: int = 60) -> list[int]:
    """Invitations a broker outage left unsent (for the minute sweep)."""
    cutoff = timezone.now() - timezone.timedelta(seconds=older_than_seconds)
    return list(
        Invitation.objects.filter(sent_at__isnull=True, created_at__lt=cutoff)
        .order_by("created_at")
        .values_list("pk", flat=True)[:5000]
    )


def build_message(staff: StaffMember) -> EmailMultiAlternatives:
    """The invitation e-mail in the person's language, plain text and HTML."""
    context = {
        "first_name": staff.first_name,
        "language": staff.language,
        "programme_name": settings.PROGRAMME_NAME,
        **sign_in_instructions(staff),
    }
    with translation.override(staff.language):
        subject = gettext("%(programme)s: how to sign in to the learning platform") % {
            "programme": settings.PROGRAMME_NAME
        }
        text = render_to_string("organisation/email/invitation.txt", context)
        html = render_to_string("organisation/email/invitation.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[staff.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    return message

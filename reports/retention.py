"""Retention of personal data (GDPR Art. 5(1)(e)): what is kept how long, applied daily.

- **Answers**: the answers given in a quiz attempt (`Attempt.answers`, the questions shown,
  and the per-question `QuestionResponse` rows) are removed `RETENTION_ANSWERS_MONTHS` after
  the attempt was submitted. The attempt itself stays (when, score, passed): it is part of
  the completion record.
- **Leavers**: `RETENTION_LEAVERS_MONTHS` after a person's record last changed while inactive
  (the deactivation, normally), their name, e-mail, employee number and user account are
  removed, with their sessions, invitations, reminder pauses, e-mails and failed-login rows
  and their certificate PDFs (which print the name). The staff row stays without them
  (service point, role, start date), and so do cycles and certificates: coverage of past
  dates and the snapshots do not change, and a certificate still verifies as valid, expired
  or revoked, without a name.
- The audit trail is append-only and is kept as it is.

Run daily by beat (`reports.apply_retention`); `manage.py apply_retention --dry-run` shows
what would go. This lives in `reports`, the app that may reach every other.
"""

from __future__ import annotations

from dataclasses import dataclass

from axes.models import AccessAttempt
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from assessments.models import Attempt, QuestionResponse
from certificates.models import Certificate
from organisation.models import AuditEvent, Invitation, StaffMember, UserSession
from reminders.models import Notification, ReminderPause


@dataclass
class RetentionResult:
    leavers: int = 0
    attempts: int = 0
    responses: int = 0

    def summary(self) -> str:
        return (
            f"leavers anonymised {self.leavers}, attempts' answers removed {self.attempts}, "
            f"question responses deleted {self.responses}"
        )


def _months_ago(months: int):
    return timezone.now() - relativedelta(months=months)


def leavers_due():
    cutoff = _months_ago(settings.RETENTION_LEAVERS_MONTHS)
    return StaffMember.objects.filter(
        active=False, anonymised_at__isnull=True, updated_at__lt=cutoff
    )


def answers_due():
    cutoff = _months_ago(settings.RETENTION_ANSWERS_MONTHS)
    return Attempt.objects.filter(submitted_at__lt=cutoff).exclude(answers={}, snapshot={})


def responses_due():
    cutoff = _months_ago(settings.RETENTION_ANSWERS_MONTHS)
    return QuestionResponse.objects.filter(attempt__submitted_at__lt=cutoff)


def anonymise(staff: StaffMember) -> None:
    """Remove one leaver's personal data, keeping the rows that history counts."""
    user = staff.user
    now = timezone.now()
    with transaction.atomic():
        old_username = user.get_username()
        for certificate in Certificate.objects.filter(staff=staff).exclude(pdf=""):
            certificate.pdf.delete(save=False)
            Certificate.objects.filter(pk=certificate.pk).update(pdf="")
        UserSession.objects.filter(user=user).delete()
        Invitation.objects.filter(staff=staff).delete()
        ReminderPause.objects.filter(staff=staff).delete()
        Notification.objects.filter(staff=staff).delete()
        AccessAttempt.objects.filter(username=old_username).delete()
        StaffMember.objects.filter(pk=staff.pk).update(
            first_name="",
            last_name="",
            email="",
            employee_id=f"anonymised-{staff.pk}",
            anonymised_at=now,
            updated_at=now,
        )
        user.username = f"anonymised-{staff.pk}"
        user.first_name = user.last_name = user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        AuditEvent.record(None, "privacy.anonymised", f"staff:{staff.pk}")


def apply_retention(*, dry_run: bool = False) -> RetentionResult:
    result = RetentionResult(
        leavers=leavers_due().count(),
        attempts=answers_due().count(),
        responses=responses_due().count(),
    )
    if dry_run:
        return result
    for staff in leavers_due().select_related("user").iterator():
        anonymise(staff)
    with transaction.atomic():
        responses_due().delete()
        answers_due().update(answers={}, snapshot={})
    return result

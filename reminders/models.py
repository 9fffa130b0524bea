"""Reminder e-mails: the record of every notification, pauses, and the welcome ledger.

`Notification` is both the outbox and the history. Each row has a `dedupe_key` that is
unique in the database, so a job that runs twice, two jobs racing, or a retried task can
never create (and therefore never send) the same message twice. Rows are created by
`reminders.services`, and sent by the `reminders.tasks.send_notification` task, which takes
only the row's id.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisation.models import Language, StaffMember


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user) -> NotificationQuerySet:
        """Notifications of the staff `user` may see (HR scope, supervised points)."""
        return self.filter(staff__in=StaffMember.objects.for_user(user).values("pk"))


class Notification(models.Model):
    class Kind(models.TextChoices):
        REMINDER = "reminder", _("learner reminder")
        WELCOME = "welcome", _("welcome message")
        DIGEST = "digest", _("supervisor digest")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    staff = models.ForeignKey(
        StaffMember,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    dedupe_key = models.CharField(
        _("period key"),
        max_length=128,
        help_text=_("Identifies the message (kind, person, period) so it is sent only once."),
    )
    email = models.EmailField(_("e-mail"), max_length=254)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    subject = models.CharField(_("subject"), max_length=255)
    items = models.JSONField(
        _("content"),
        default=list,
        blank=True,
        help_text=_("The modules (or, in a digest, the people) the message lists."),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(fields=["dedupe_key"], name="notification_dedupe_key_unique"),
        ]
        indexes = [
            models.Index(fields=["staff", "kind", "created_at"]),
            models.Index(fields=["status", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.staff} ({self.created_at:%Y-%m-%d})"

    @property
    def module_titles(self) -> str:
        """The listed modules (learner messages) or people (digests), for the admin."""
        names = []
        for item in self.items or []:
            if "title" in item:
                names.append(item["title"])
            elif "service_point" in item:
                names.append(f"{item['service_point']} ({len(item.get('people', []))})")
        return ", ".join(names)


class ReminderPauseQuerySet(models.QuerySet):
    def for_user(self, user) -> ReminderPauseQuerySet:
        return self.filter(staff__in=StaffMember.objects.for_user(user).values("pk"))

    def in_force(self, date: datetime.date | None = None) -> ReminderPauseQuerySet:
        """Pauses that apply on `date` (default today): the end date is inclusive."""
        return self.filter(until__gte=date or timezone.localdate())


class ReminderPause(models.Model):
    """HR pauses every e-mail to a person (e.g. on leave) up to and including `until`."""

    staff = models.ForeignKey(
        StaffMember,
        on_delete=models.CASCADE,
        related_name="reminder_pauses",
        verbose_name=_("staff member"),
    )
    until = models.DateField(_("paused until"), help_text=_("The last day without e-mails."))
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = ReminderPauseQuerySet.as_manager()

    class Meta:
        ordering = ["-until", "-pk"]
        verbose_name = _("reminder pause")
        verbose_name_plural = _("reminder pauses")
        indexes = [models.Index(fields=["staff", "until"])]

    def __str__(self) -> str:
        return f"{self.staff} – {self.until}"

    def clean(self):
        super().clean()
        if self.until is not None and self.pk is None and self.until < timezone.localdate():
            raise ValidationError(
                {"until": _("The end date of a new pause cannot be in the past.")}
            )


class WelcomeLedger(models.Model):
    """One row per person x module once the person has been seen subject to it: the
    welcome message for that pair is sent (or skipped, if already covered) exactly once."""

    staff = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="+", verbose_name=_("staff member")
    )
    module_key = models.UUIDField(_("module"))
    notification = models.ForeignKey(
        Notification,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("notification"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("welcome record")
        verbose_name_plural = _("welcome records")
        constraints = [
            models.UniqueConstraint(fields=["staff", "module_key"], name="one_welcome_per_module"),
        ]

    def __str__(self) -> str:
        return f"{self.staff_id} / {self.module_key}"


def paused_until(date: datetime.date | None = None) -> dict[int, datetime.date]:
    """{staff_id: last paused day} for every pause in force on `date` (a small table)."""
    result: dict[int, datetime.date] = {}
    for staff_id, until in ReminderPause.objects.in_force(date).values_list("staff_id", "until"):
        result[staff_id] = max(until, result.get(staff_id, until))
    return result

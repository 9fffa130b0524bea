"""Certificates: one per completion cycle (DESIGN.md rule 4).

The one-to-one link to `courses.ModuleCycle` is the idempotency guarantee: a retried
task, a double click or two completions racing can never make a second certificate for
the same cycle, because the database refuses it.

Validity is defined in exactly one place, `CertificateQuerySet.valid_on(date)`; coverage
reports, the dashboard and the verification page all ask it (or `Certificate.status_on`,
which mirrors it for a single loaded row).
"""

from __future__ import annotations

import base64
import datetime
import re
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from organisation.models import Language, StaffMember, is_hr

CODE_BYTES = 20  # 160 bits of randomness; base32 gives exactly 32 characters.
CODE_LENGTH = 32
CODE_GROUP = 4
_CODE_ALPHABET = re.compile(rf"^[A-Z2-7]{{{CODE_LENGTH}}}$")
_SEPARATORS = re.compile(r"[\s\-_.·–]+")


def new_code() -> str:
    """A fresh verification code: 160 random bits from `secrets`, base32 (A-Z, 2-7)."""
    return base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode("ascii")


def normalise_code(value: str) -> str | None:
    """The canonical form of a code typed by a person, or None if it cannot be one.

    Accepts any case and any spaces, hyphens or dots between the characters."""
    if not isinstance(value, str) or len(value) > 200:
        return None
    code = _SEPARATORS.sub("", value).upper()
    return code if _CODE_ALPHABET.match(code) else None


def group_code(code: str) -> str:
    """`ABCDEFGH…` -> `ABCD-EFGH-…` for people to read and type."""
    return "-".join(code[i : i + CODE_GROUP] for i in range(0, len(code), CODE_GROUP))


class Status(models.TextChoices):
    VALID = "valid", _("valid")
    EXPIRED = "expired", _("expired")
    REVOKED = "revoked", _("revoked")


def _not_revoked_by_q(date: datetime.date) -> Q:
    # "revoked_at's date > date", the date taken in the site's time zone.
    return Q(revoked_at__isnull=True) | Q(revoked_at__date__gt=date)


class CertificateQuerySet(models.QuerySet):
    def valid_on(self, date: datetime.date | None = None) -> CertificateQuerySet:
        """Certificates that count on `date` (default today): issued on or before it,
        not yet expired, not revoked by then. THE definition of a valid certificate."""
        date = date or timezone.localdate()
        return self.filter(
            Q(issued_on__lte=date),
            Q(expires_on__isnull=True) | Q(expires_on__gt=date),
            _not_revoked_by_q(date),
        )

    def expired_on(self, date: datetime.date | None = None) -> CertificateQuerySet:
        date = date or timezone.localdate()
        return self.filter(expires_on__isnull=False, expires_on__lte=date).filter(
            revoked_at__isnull=True
        )

    def revoked(self) -> CertificateQuerySet:
        return self.filter(revoked_at__isnull=False)

    def expiring_within(self, days: int, date: datetime.date | None = None) -> CertificateQuerySet:
        """Valid on `date` but expiring within `days` days of it."""
        date = date or timezone.localdate()
        return self.valid_on(date).filter(expires_on__lte=date + datetime.timedelta(days=days))

    def for_user(self, user) -> CertificateQuerySet:
        """Certificates `user` may see: their own, plus (HR and supervisors) those of the
        staff in their scope."""
        if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        own = Q(staff__user=user)
        scoped = StaffMember.objects.for_user(user)
        return self.filter(own | Q(staff__in=scoped.values("pk")))

    def for_holder(self, user) -> CertificateQuerySet:
        """Only the user's own certificates (the learner's "My certificates")."""
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(staff__user=user)


class Certificate(models.Model):
    staff = models.ForeignKey(
        StaffMember,
        on_delete=models.CASCADE,
        related_name="certificates",
        verbose_name=_("holder"),
    )
    module_key = models.UUIDField(_("module"), db_index=True)
    cycle = models.OneToOneField(
        "courses.ModuleCycle",
        on_delete=models.CASCADE,
        related_name="certificate",
        verbose_name=_("completion cycle"),
    )
    title = models.CharField(_("module title"), max_length=255)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.FINNISH
    )
    issued_on = models.DateField(_("issued on"), db_index=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True, db_index=True)
    code = models.CharField(
        _("verification code"), max_length=CODE_LENGTH, unique=True, default=new_code
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    pdf = models.FileField(_("PDF"), upload_to="certificates/%Y/", blank=True, max_length=255)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        indexes = [models.Index(fields=["staff", "module_key"])]

    def __str__(self) -> str:
        return f"{self.title} – {self.staff} ({self.issued_on})"

    @property
    def grouped_code(self) -> str:
        return group_code(self.code)

    @property
    def revoked_on(self) -> datetime.date | None:
        if self.revoked_at is None:
            return None
        return timezone.localdate(self.revoked_at)

    def status_on(self, date: datetime.date | None = None) -> str:
        """The status of this row on `date`; mirrors `CertificateQuerySet.valid_on`."""
        date = date or timezone.localdate()
        if self.revoked_at is not None and self.revoked_on <= date:
            return Status.REVOKED
        if self.expires_on is not None and self.expires_on <= date:
            return Status.EXPIRED
        return Status.VALID

    @property
    def status(self) -> str:
        return self.status_on()

    def get_status_display(self) -> str:
        return Status(self.status).label

    def is_valid_on(self, date: datetime.date | None = None) -> bool:
        date = date or timezone.localdate()
        return self.issued_on <= date and self.status_on(date) == Status.VALID

    def verification_path(self, language: str | None = None) -> str:
        return f"/{language or self.language}/verify/{self.code}/"

    def verification_url(self, language: str | None = None) -> str:
        return settings.SITE_BASE_URL + self.verification_path(language)

    def can_be_downloaded_by(self, user) -> bool:
        return Certificate.objects.for_user(user).filter(pk=self.pk).exists()


def can_revoke(user) -> bool:
    """Only HR may revoke (within their scope, which the view's queryset enforces)."""
    return is_hr(user)


@register_setting(icon="doc-full")
class CertificateSettings(BaseGenericSetting):
    """Who signs the certificates; editors change it in Settings, not in code."""

    signatory_name = models.CharField(_("signatory's name"), max_length=150, blank=True)
    signatory_title_fi = models.CharField(
        _("signatory's title (Finnish)"), max_length=150, blank=True
    )
    signatory_title_sv = models.CharField(
        _("signatory's title (Swedish)"), max_length=150, blank=True
    )
    signatory_title_en = models.CharField(
        _("signatory's title (English)"), max_length=150, blank=True
    )

    class Meta:
        verbose_name = _("certificate settings")


def signatory_for(language: str) -> dict | None:
    """The signatory printed on certificates in `language`, or None when not set."""
    settings_row = CertificateSettings.objects.first()
    if settings_row is None or not settings_row.signatory_name:
        return None
    title = (
        getattr(settings_row, f"signatory_title_{language}", "") or settings_row.signatory_title_fi
    )
    return {"name": settings_row.signatory_name, "title": title}

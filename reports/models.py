"""Report settings, coverage snapshots over time and API tokens for the city's reporting."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from organisation.models import Division, Role, ServicePoint


@register_setting(icon="table")
class ReportSettings(BaseGenericSetting):
    """Values HR may change without a deployment."""

    target_percent = models.PositiveSmallIntegerField(
        _("coverage target (%)"),
        default=80,
        validators=[MaxValueValidator(100)],
        help_text=_("Shown as the target line in the coverage reports."),
    )
    small_group_threshold = models.PositiveSmallIntegerField(
        _("smallest group shown"),
        default=5,
        validators=[MinValueValidator(1)],
        help_text=_(
            "A service point with fewer active staff than this shows its counts suppressed "
            "in aggregate views outside a supervisor's own service points."
        ),
    )

    class Meta:
        verbose_name = _("report settings")


class CoverageSnapshot(models.Model):
    """Coverage counts of one service point, role and module as computed on `date` (staff
    counted where they were, in the role they had, on that date). Written by the nightly
    task; one row per date, point, role and module (re-running the task for a date replaces
    its rows). Sums over roles give the point's counts."""

    date = models.DateField(_("date"))
    service_point = models.ForeignKey(
        ServicePoint,
        on_delete=models.CASCADE,
        related_name="coverage_snapshots",
        verbose_name=_("service point"),
    )
    division = models.ForeignKey(
        Division,
        on_delete=models.CASCADE,
        related_name="coverage_snapshots",
        verbose_name=_("division"),
        help_text=_("The service point's division on the date."),
    )
    role = models.ForeignKey(
        Role,
        on_delete=models.CASCADE,
        null=True,
        related_name="coverage_snapshots",
        verbose_name=_("role"),
        help_text=_("Empty on rows taken before snapshots were kept per role."),
    )
    module_key = models.UUIDField(_("module"))
    required = models.PositiveIntegerField(_("required"))
    covered = models.PositiveIntegerField(_("covered"))
    in_progress = models.PositiveIntegerField(_("in progress"))
    not_started = models.PositiveIntegerField(_("not started"))
    overdue = models.PositiveIntegerField(_("overdue"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("coverage snapshot")
        verbose_name_plural = _("coverage snapshots")
        constraints = [
            models.UniqueConstraint(
                fields=["date", "service_point", "role", "module_key"],
                name="one_snapshot_per_day_and_role",
            ),
            models.CheckConstraint(
                condition=models.Q(covered__lte=models.F("required")),
                name="snapshot_covered_within_required",
            ),
        ]
        indexes = [models.Index(fields=["date", "division"])]

    def __str__(self) -> str:
        return f"{self.date} {self.service_point_id} {self.module_key}"


TOKEN_PREFIX = "aspa_"  # noqa: S105 (a public marker, not a secret)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self, today: datetime.date | None = None) -> ApiTokenQuerySet:
        """Not revoked and not past its expiry date (a token works through that day)."""
        today = today or timezone.localdate()
        return self.filter(revoked_at__isnull=True, expires_on__gte=today)

    def for_user(self, user) -> ApiTokenQuerySet:
        """HR manage the tokens they created (city-wide HR: every token)."""
        from organisation.models import hr_scope

        city_wide, _divisions = hr_scope(user)
        if city_wide:
            return self
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(owner=user)


class ApiToken(models.Model):
    """A bearer token for the read API. Only its SHA-256 hash is stored; the token itself
    is shown once, when it is created. Unlike Wagtail's own APIToken (which acts as a user),
    its scope is its own, like an HR grant: the whole city or chosen divisions."""

    name = models.CharField(_("name"), max_length=100, help_text=_("Which tool uses it."))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="report_api_tokens",
        verbose_name=_("created by"),
    )
    city_wide = models.BooleanField(_("whole city"), default=False)
    divisions = models.ManyToManyField(Division, blank=True, verbose_name=_("divisions"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("begins with"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    expires_on = models.DateField(
        _("valid until"), help_text=_("The token stops working after this day.")
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def new_secret(cls) -> str:
        return TOKEN_PREFIX + secrets.token_urlsafe(32)

    def set_secret(self, token: str) -> None:
        self.token_hash = hash_token(token)
        self.prefix = token[:10]

    @classmethod
    def authenticate(cls, token: str) -> ApiToken | None:
        if not token or len(token) > 200:
            return None
        found = (
            cls.objects.active()
            .select_related("owner")
            .filter(token_hash=hash_token(token))
            .first()
        )
        if found is not None and not found.owner_holds_its_scope():
            return None
        if found is not None:
            now = timezone.now()
            if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
                cls.objects.filter(pk=found.pk).update(last_used_at=now)
                found.last_used_at = now
        return found

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired

    @property
    def is_expired(self) -> bool:
        return self.expires_on < timezone.localdate()

    def owner_holds_its_scope(self) -> bool:
        """A token reads no more than the person who created it may see today: it stops
        working when they leave (account deactivated), lose the HR group, or lose a division
        the token covers (checked on every request: two small queries)."""
        from organisation.models import hr_scope

        city_wide, division_ids = hr_scope(self.owner)  # False, [] for a non-HR or inactive user
        if city_wide:
            return True
        if self.city_wide or not division_ids:
            return False
        return not self.divisions.exclude(pk__in=division_ids).exists()

    def service_points(self):
        """The service points this token may read."""
        if self.city_wide:
            return ServicePoint.objects.all()
        return ServicePoint.objects.filter(division__in=self.divisions.all())

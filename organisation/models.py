"""The city's organisation: divisions, service points, staff, and who may see whom.

Scope (DESIGN.md rule 6) lives here and only here: `for_user(user)` on each queryset
returns exactly the rows that user may see, and every view and export starts from it.
"""

from __future__ import annotations

import pgtrigger
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

HR_GROUP_NAME = "HR"


class Language(models.TextChoices):
    FINNISH = "fi", "Suomi"
    SWEDISH = "sv", "Svenska"
    ENGLISH = "en", "English"


class TranslatedNameMixin(models.Model):
    """Finnish, Swedish and English names with a `name` in the active language."""

    name_fi = models.CharField(_("name (Finnish)"), max_length=200)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_in(get_language())

    def name_in(self, language: str | None) -> str:
        language = (language or "fi")[:2]
        return getattr(self, f"name_{language}", "") or self.name_fi


# --- scope -----------------------------------------------------------------------------


def is_hr(user) -> bool:
    """HR users belong to the HR group (superusers count as city-wide HR)."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # Cached on the user object: menus and permission checks ask many times per request.
    cached = getattr(user, "_organisation_is_hr", None)
    if cached is None:
        cached = user.groups.filter(name=HR_GROUP_NAME).exists()
        user._organisation_is_hr = cached
    return cached


def hr_scope(user) -> tuple[bool, list[int]]:
    """(city_wide, division ids) granted to an HR user; (False, []) for others."""
    if not is_hr(user):
        return False, []
    if user.is_superuser:
        return True, []
    cached = getattr(user, "_organisation_hr_scope", None)
    if cached is None:
        grant = HRGrant.objects.filter(user=user).prefetch_related("divisions").first()
        if grant is None:
            cached = (False, [])
        else:
            cached = (grant.city_wide, [d.pk for d in grant.divisions.all()])
        user._organisation_hr_scope = cached
    return cached


def _service_point_scope_q(user) -> Q | None:
    """A Q over service points that `user` may see; None means everything."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return Q(pk__in=[])
    city_wide, division_ids = hr_scope(user)
    if city_wide:
        return None
    q = Q(division_id__in=division_ids) if division_ids else Q(pk__in=[])
    if user.is_active:
        q |= Q(supervisors__user=user, supervisors__active=True)
    return q


def is_supervisor(user) -> bool:
    """`user` is active staff supervising at least one service point."""
    return bool(
        user
        and user.is_authenticated
        and StaffMember.objects.filter(user=user, active=True, supervises__isnull=False).exists()
    )


def can_see_reports(user) -> bool:
    """HR users and supervisors see reports (each within their scope)."""
    return is_hr(user) or is_supervisor(user)


class DivisionQuerySet(models.QuerySet):
    def for_user(self, user) -> DivisionQuerySet:
        if user is None or not user.is_authenticated:
            return self.none()
        city_wide, division_ids = hr_scope(user)
        if city_wide:
            return self
        return self.filter(
            Q(pk__in=division_ids)
            | Q(pk__in=ServicePoint.objects.for_user(user).values("division_id"))
        )


class Division(TranslatedNameMixin):
    code = models.CharField(_("code"), max_length=32, unique=True)

    objects = DivisionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("division")
        verbose_name_plural = _("divisions")


class ServicePointQuerySet(models.QuerySet):
    def for_user(self, user) -> ServicePointQuerySet:
        q = _service_point_scope_q(user)
        if q is None:
            return self
        return self.filter(pk__in=ServicePoint.objects.filter(q).values("pk"))

    def active(self) -> ServicePointQuerySet:
        return self.filter(active=True)


class ServicePoint(TranslatedNameMixin):
    code = models.CharField(_("code"), max_length=32, unique=True)
    division = models.ForeignKey(
        Division,
        on_delete=models.PROTECT,
        related_name="service_points",
        verbose_name=_("division"),
    )
    active = models.BooleanField(_("active"), default=True)

    objects = ServicePointQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("service point")
        verbose_name_plural = _("service points")


class Role(TranslatedNameMixin):
    """A job role (e.g. customer service); requirements can target roles."""

    code = models.SlugField(_("code"), max_length=40, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")


class StaffMemberQuerySet(models.QuerySet):
    def for_user(self, user) -> StaffMemberQuerySet:
        """Staff `user` may see in reports: HR scope or supervised service points."""
        q = _service_point_scope_q(user)
        if q is None:
            return self
        return self.filter(service_point__in=ServicePoint.objects.filter(q).values("pk"))

    def active(self) -> StaffMemberQuerySet:
        return self.filter(active=True)


class StaffMember(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff",
        verbose_name=_("user"),
    )
    employee_id = models.CharField(_("employee id"), max_length=32, unique=True)
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    email = models.EmailField(_("e-mail"), max_length=254)
    service_point = models.ForeignKey(
        ServicePoint,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("service point"),
    )
    role = models.ForeignKey(
        Role,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("role"),
    )
    start_date = models.DateField(_("start date"))
    language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.FINNISH
    )
    active = models.BooleanField(_("active"), default=True)
    supervises = models.ManyToManyField(
        ServicePoint,
        blank=True,
        related_name="supervisors",
        verbose_name=_("supervises"),
        help_text=_("Service points whose coverage and people this person may see."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Set when a leaver's personal data was removed (reports/retention.py); the row stays
    # for the coverage history, without name, e-mail or employee number.
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    objects = StaffMemberQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="staff_email_unique_ci"),
        ]
        indexes = [
            models.Index(fields=["service_point", "active"]),
        ]

    def __str__(self) -> str:
        return self.full_name or self.employee_id

    @property
    def full_name(self) -> str:
        """The person's name; empty once anonymised under the retention rules."""
        return f"{self.first_name} {self.last_name}".strip()


class HRGrant(models.Model):
    """What an HR user may see: chosen divisions, or the whole city."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="hr_grant",
        verbose_name=_("user"),
    )
    city_wide = models.BooleanField(_("whole city"), default=False)
    divisions = models.ManyToManyField(Division, blank=True, verbose_name=_("divisions"))

    class Meta:
        verbose_name = _("HR scope")
        verbose_name_plural = _("HR scopes")

    def __str__(self) -> str:
        return str(self.user)


class AuditEvent(models.Model):
    """Append-only record of sensitive actions (imports, revocations, personal-data views)."""

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    # Rows are never changed, so deleting a user leaves their id here (no constraint, no
    # SET NULL): `actor_name` says who it was.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("who"),
    )
    #: the actor's user name when the row was written, kept when the account is deleted
    actor_name = models.CharField(_("who (name)"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    target = models.CharField(_("target"), max_length=255, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    address = models.GenericIPAddressField(_("from address"), null=True, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")
        # On PostgreSQL the database itself refuses to change or delete a row, whoever asks
        # (the app, a shell, a migration). Retention, if ever needed, is a deliberate
        # migration that drops the trigger first.
        triggers = [
            pgtrigger.Protect(
                name="audit_append_only", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target}"

    @classmethod
    def record(cls, actor, action: str, target: str = "", *, request=None, **details) -> AuditEvent:
        """Write one row: who, what, on what, from which address (when there is a
        request). `details` must never hold a secret."""
        from learning.client_ip import client_ip

        actor = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
        return cls.objects.create(
            actor=actor,
            actor_name=actor.get_username() if actor is not None else "",
            action=action,
            target=target[:255],
            details=details,
            address=client_ip(request) if request is not None else None,
        )

    @classmethod
    def record_request(cls, request, action: str, target: str = "", **details) -> AuditEvent:
        """`record` for the user of a request, with the client's address."""
        return cls.record(request.user, action, target, request=request, **details)

    @property
    def actor_display(self) -> str:
        """Who did it: the user name as it was, or "system" for commands and tasks."""
        return self.actor_name or str(_("system"))

    actor_display.fget.short_description = _("who")


# What `staff_for_user` reads, loaded with the session's user by the authentication backends.
STAFF_OF_USER = ("staff__service_point__division", "staff__role")


def staff_for_user(user) -> StaffMember | None:
    """The active StaffMember record of a logged-in user, or None. No query when the user
    came from a session (the backends load the staff record with it)."""
    if not getattr(user, "is_authenticated", False):
        return None
    if user.__class__.staff.is_cached(user):
        staff = getattr(user, "staff", None)
        return staff if staff is not None and staff.active else None
    return (
        StaffMember.objects.select_related("service_point__division", "role")
        .filter(user=user, active=True)
        .first()
    )


class UserSession(models.Model):
    """Which login session belongs to which user, so deactivation can end them at once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=True
    )
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    # A single sign-on session: the provider's subject and session id ("sid"), so that the
    # provider's back-channel logout can end exactly the sessions it names.
    sso_subject = models.CharField(max_length=255, blank=True, db_index=True)
    sso_session = models.CharField(max_length=255, blank=True, db_index=True)

    class Meta:
        verbose_name = _("login session")
        verbose_name_plural = _("login sessions")

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M}"


class Invitation(models.Model):
    """An e-mail telling a person how to sign in (with a set-your-password link when they
    log in with a password). The row is the outbox: it is sent once (`sent_at`), and the
    minute sweep sends what a broker outage left unsent (organisation/invitations.py)."""

    staff = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("person")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [
            models.Index(
                fields=["created_at"], name="invitation_unsent", condition=Q(sent_at__isnull=True)
            )
        ]

    def __str__(self) -> str:
        return f"{self.staff_id} {self.created_at:%Y-%m-%d %H:%M}"


class ImportJob(models.Model):
    """An uploaded HR import file between preview and confirm, and its progress and result."""

    class Kind(models.TextChoices):
        STAFF = "staff", _("Staff")
        SERVICE_POINTS = "service_points", _("Service points")

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Previewed")
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    content = models.TextField(_("file content"))
    deactivate_missing = models.BooleanField(
        _("deactivate staff missing from the file"), default=False
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PREVIEWED
    )
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    processed = models.PositiveIntegerField(_("processed"), default=0)
    total = models.PositiveIntegerField(_("changes to write"), default=0)
    preview = models.JSONField(_("dry-run summary"), default=dict, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    queued_at = models.DateTimeField(_("queued"), null=True, blank=True)
    started_at = models.DateTimeField(_("run started"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filename} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.total:
            return 0
        return min(100, int(self.processed * 100 / self.total))

"""The three jobs (learner reminders, welcome messages, supervisor digests), the sweep,
and delivery of one notification.

Each job decides who gets what (`reminders.selection`), then creates one `Notification` row
per message inside its own transaction and queues the send task with
`transaction.on_commit`. The row's unique `dedupe_key` is the idempotency guarantee: a job
run twice (or two runs racing) creates the row once, so the message is sent once.

Celery beat runs the jobs (`reminders.tasks`); the management commands `send_reminders`,
`send_welcome_messages` and `send_supervisor_digests` run the same functions (e.g. from
cron with the embedded default), each with `--dry-run`.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import smtplib
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from learning.queueing import publish, publish_on_commit
from organisation.invitations import sign_in_instructions
from organisation.models import ServicePoint, StaffMember
from reminders import conf, selection
from reminders.models import Notification, WelcomeLedger, paused_until

logger = logging.getLogger(__name__)

# Errors worth trying again (the mail server or the network); anything else fails at once.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError, TimeoutError)


@dataclass
class Planned:
    """One message a job would send (the dry run prints these)."""

    staff: StaffMember
    kind: str
    dedupe_key: str
    subject: str
    items: list


@dataclass
class RunResult:
    planned: list[Planned] = field(default_factory=list)
    created: int = 0
    already_done: int = 0
    skipped_paused: int = 0
    skipped_recent: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.planned)} to send, {self.created} queued, "
            f"{self.already_done} already sent, {self.skipped_paused} paused, "
            f"{self.skipped_recent} reminded recently"
        )


# --- creating and queueing ---------------------------------------------------------------


def _create(planned: Planned, *, ledger_keys: list[uuid.UUID] | None = None) -> bool:
    """Create the notification (and welcome ledger rows) and queue it after commit.
    False when it already exists (another run got there first)."""
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                staff=planned.staff,
                kind=planned.kind,
                dedupe_key=planned.dedupe_key,
                email=planned.staff.email,
                language=planned.staff.language,
                subject=planned.subject[:255],
                items=planned.items,
            )
            if ledger_keys:
                WelcomeLedger.objects.bulk_create(
                    [
                        WelcomeLedger(
                            staff=planned.staff, module_key=key, notification=notification
                        )
                        for key in ledger_keys
                    ]
                )
            publish_on_commit("reminders.tasks.send_notification", notification.pk)
    except IntegrityError:
        return False
    return True


def _execute(result: RunResult, dry_run: bool, ledger: dict | None = None) -> RunResult:
    if dry_run:
        return result
    for planned in result.planned:
        keys = (ledger or {}).get(planned.dedupe_key)
        if _create(planned, ledger_keys=keys):
            result.created += 1
        else:
            result.already_done += 1
    return result


def _recipients(staff_ids) -> dict[int, StaffMember]:
    return {
        s.pk: s
        for s in StaffMember.objects.active()
        .filter(pk__in=list(staff_ids))
        .exclude(email="")
        .only("pk", "first_name", "last_name", "email", "language", "service_point_id")
    }


def _serialise_items(items: list[selection.Item], links: dict, language: str) -> list[dict]:
    result = []
    for item in items:
        link = selection.link_for(links, item.module_key, language)
        result.append(
            {
                "module_key": str(item.module_key),
                "title": link.title if link else str(item.module_key),
                "url": link.url if link else settings.SITE_BASE_URL + "/",
                "state": item.state,
                "due_date": item.due_date.isoformat() if item.due_date else None,
                "expires_on": item.expires_on.isoformat() if item.expires_on else None,
            }
        )
    return result


# --- learner reminders --------------------------------------------------------------------


def _recently_reminded(staff_ids, today: datetime.date) -> set[int]:
    """Staff with a learner reminder queued or sent within the interval (by local date:
    with a 7-day interval, Monday's reminder allows the next one on the next Monday)."""
    first_day = today - datetime.timedelta(days=conf.interval_days() - 1)
    since = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time.min))
    return set(
        Notification.objects.filter(
            kind=Notification.Kind.REMINDER,
            status__in=[Notification.Status.QUEUED, Notification.Status.SENT],
            created_at__gte=since,
        ).values_list("staff_id", flat=True)
    )


def reminder_subject(items: list[selection.Item]) -> str:
    overdue = sum(1 for i in items if i.state == selection.OVERDUE)
    if overdue:
        return ngettext(
            "Aspa 2030: %(count)d required module is overdue",
            "Aspa 2030: %(count)d required modules are overdue",
            overdue,
        ) % {"count": overdue}
    return ngettext(
        "Aspa 2030: %(count)d module needs your attention",
        "Aspa 2030: %(count)d modules need your attention",
        len(items),
    ) % {"count": len(items)}


def plan_learner_reminders(today: datetime.date | None = None) -> RunResult:
    today = today or timezone.localdate()
    result = RunResult()
    by_staff = selection.items_by_staff(today=today)
    recipients = _recipients(by_staff)
    paused = paused_until(today)
    recent = _recently_reminded(by_staff, today)
    links = selection.module_links({i.module_key for items in by_staff.values() for i in items})
    for staff_id, items in sorted(by_staff.items()):
        staff = recipients.get(staff_id)
        if staff is None or not items:
            continue
        if staff_id in paused:
            result.skipped_paused += 1
            continue
        if staff_id in recent:
            result.skipped_recent += 1
            continue
        with translation.override(staff.language):
            subject = reminder_subject(items)
        result.planned.append(
            Planned(
                staff=staff,
                kind=Notification.Kind.REMINDER,
                dedupe_key=f"reminder:{staff_id}:{today.isoformat()}",
                subject=subject,
                items=_serialise_items(items, links, staff.language),
            )
        )
    return result


def run_learner_reminders(*, today: datetime.date | None = None, dry_run: bool = False):
    """At most one e-mail per person per run, listing every overdue, due-soon and expiring
    module, in their language."""
    return _execute(plan_learner_reminders(today), dry_run)


# --- welcome messages ----------------------------------------------------------------------


def plan_welcome_messages(
    today: datetime.date | None = None, *, include_paused: bool = False
) -> tuple[RunResult, dict, list]:
    """(result, {dedupe_key: [module keys]}, [(staff_id, key) already covered])."""
    today = today or timezone.localdate()
    result = RunResult()
    new = selection.unwelcomed_rows()
    if not new:
        return result, {}, []
    staff_ids = {s for s, _k, _d in new}
    done = selection.done_pairs(staff_ids, {k for _s, k, _d in new}, today)
    recipients = _recipients(staff_ids)
    paused = {} if include_paused else paused_until(today)
    covered: list[tuple[int, uuid.UUID]] = []
    todo: dict[int, list[selection.Item]] = {}
    for staff_id, key, due in new:
        if staff_id not in recipients or staff_id in paused:
            continue  # paused: welcomed when the pause ends
        if (staff_id, key) in done:
            covered.append((staff_id, key))
            continue
        state = selection.OVERDUE if due < today else selection.DUE_SOON
        todo.setdefault(staff_id, []).append(selection.Item(key, state, due_date=due))
    result.skipped_paused = len({s for s, _k, _d in new if s in paused})
    links = selection.module_links({i.module_key for items in todo.values() for i in items})
    ledger: dict[str, list[uuid.UUID]] = {}
    for staff_id, items in sorted(todo.items()):
        staff = recipients[staff_id]
        items.sort(key=lambda i: (i.due_date, str(i.module_key)))
        keys = sorted(str(i.module_key) for i in items)
        digest = hashlib.sha256(",".join(keys).encode()).hexdigest()[:24]
        dedupe_key = f"welcome:{staff_id}:{digest}"
        with translation.override(staff.language):
            subject = ngettext(
                "Aspa 2030: %(count)d new required module for you",
                "Aspa 2030: %(count)d new required modules for you",
                len(items),
            ) % {"count": len(items)}
        ledger[dedupe_key] = [i.module_key for i in items]
        result.planned.append(
            Planned(
                staff=staff,
                kind=Notification.Kind.WELCOME,
                dedupe_key=dedupe_key,
                subject=subject,
                items=_serialise_items(items, links, staff.language),
            )
        )
    return result, ledger, covered


def run_welcome_messages(
    *, today: datetime.date | None = None, dry_run: bool = False, baseline: bool = False
) -> RunResult:
    """Tell each person once per module when they first become subject to it (a new hire,
    a newly published requirement): what to take and by when. Modules they have already
    completed are recorded without a message.

    `baseline=True` records every current person x module as welcomed without sending
    anything (run it once when switching welcome messages on for an existing staff)."""
    result, ledger, covered = plan_welcome_messages(today, include_paused=baseline)
    if baseline:
        pairs = covered + [
            (p.staff.pk, uuid.UUID(k)) for p in result.planned for k in _keys_of(p.items)
        ]
        if not dry_run:
            WelcomeLedger.objects.bulk_create(
                [WelcomeLedger(staff_id=s, module_key=k) for s, k in pairs],
                ignore_conflicts=True,
            )
        result.planned = []
        return result
    if not dry_run and covered:
        WelcomeLedger.objects.bulk_create(
            [WelcomeLedger(staff_id=s, module_key=k) for s, k in covered], ignore_conflicts=True
        )
    return _execute(result, dry_run, ledger)


def _keys_of(items: list[dict]) -> list[str]:
    return [item["module_key"] for item in items]


# --- supervisor digests --------------------------------------------------------------------


def service_point_report_url(service_point: ServicePoint) -> str:
    """The service point's coverage report in the admin (the URL named
    `reports_service_point`), or the admin home where that report is not installed."""
    base = settings.SITE_BASE_URL.rstrip("/")
    try:
        return base + reverse("reports_service_point", args=[service_point.pk])
    except NoReverseMatch:
        return base + reverse("wagtailadmin_home")


def plan_supervisor_digests(today: datetime.date | None = None) -> RunResult:
    today = today or timezone.localdate()
    result = RunResult()
    supervisors = list(
        StaffMember.objects.active()
        .filter(supervises__isnull=False)
        .exclude(email="")
        .distinct()
        .prefetch_related("supervises")
    )
    if not supervisors:
        return result
    paused = paused_until(today)
    point_ids = {sp.pk for s in supervisors for sp in s.supervises.all() if sp.active}
    by_staff = selection.items_by_staff(
        today=today,
        service_point_ids=point_ids,
        states=(selection.OVERDUE, selection.DUE_SOON),
    )
    people = {
        s.pk: s
        for s in StaffMember.objects.filter(pk__in=list(by_staff)).only(
            "pk", "first_name", "last_name", "service_point_id", "employee_id"
        )
    }
    by_point: dict[int, list[int]] = {}
    for staff_id in by_staff:
        person = people.get(staff_id)
        if person is not None:
            by_point.setdefault(person.service_point_id, []).append(staff_id)
    links = selection.module_links({i.module_key for items in by_staff.values() for i in items})
    year, week, _ = today.isocalendar()
    for supervisor in supervisors:
        if supervisor.pk in paused:
            result.skipped_paused += 1
            continue
        points = sorted(
            (sp for sp in supervisor.supervises.all() if sp.active and sp.pk in by_point),
            key=lambda sp: sp.code,
        )
        if not points:
            continue
        language = supervisor.language
        sections = []
        for point in points:
            rows = []
            members = sorted(
                (people[i] for i in by_point[point.pk]), key=lambda p: (p.last_name, p.first_name)
            )
            for person in members:
                items = _serialise_items(by_staff[person.pk], links, language)
                rows.append(
                    {
                        "name": person.full_name,
                        "employee_id": person.employee_id,
                        "overdue": [i for i in items if i["state"] == selection.OVERDUE],
                        "due_soon": [i for i in items if i["state"] == selection.DUE_SOON],
                        "paused_until": paused[person.pk].isoformat()
                        if person.pk in paused
                        else None,
                    }
                )
            sections.append(
                {
                    "service_point": point.name_in(language),
                    "service_point_code": point.code,
                    "report_url": service_point_report_url(point),
                    "people": rows,
                }
            )
        with translation.override(language):
            subject = gettext("Aspa 2030: weekly summary of your team's required training")
        result.planned.append(
            Planned(
                staff=supervisor,
                kind=Notification.Kind.DIGEST,
                dedupe_key=f"digest:{supervisor.pk}:{year}-W{week:02d}",
                subject=subject,
                items=sections,
            )
        )
    return result


def run_supervisor_digests(*, today: datetime.date | None = None, dry_run: bool = False):
    """One e-mail per supervisor per ISO week: the overdue and soon-due people of the
    service points they supervise (only those), with a link to each point's report."""
    return _execute(plan_supervisor_digests(today), dry_run)


# --- the sweep -----------------------------------------------------------------------------


def requeue_unsent(*, dry_run: bool = False) -> int:
    """Queue again every notification still queued long after it was created (its task was
    lost, e.g. in a broker outage). The task sends each row at most once."""
    cutoff = timezone.now() - datetime.timedelta(minutes=conf.requeue_after_minutes())
    ids = list(
        Notification.objects.filter(
            status=Notification.Status.QUEUED, created_at__lt=cutoff
        ).values_list("pk", flat=True)
    )
    if not dry_run:
        for pk in ids:
            publish("reminders.tasks.send_notification", pk)
    return len(ids)


# --- rendering and delivery ----------------------------------------------------------------


def _dated(items: list[dict]) -> list[dict]:
    out = []
    for item in items:
        item = dict(item)
        for name in ("due_date", "expires_on", "paused_until"):
            if item.get(name):
                item[name] = datetime.date.fromisoformat(item[name])
        for name in ("overdue", "due_soon", "people"):
            if name in item:
                item[name] = _dated(item[name])
        out.append(item)
    return out


def build_message(notification: Notification) -> EmailMultiAlternatives:
    """The e-mail for a notification, in the recipient's language, plain text and HTML."""
    items = _dated(notification.items)
    context = {
        "notification": notification,
        "first_name": notification.staff.first_name,
        "items": items,
        "overdue": [i for i in items if i.get("state") == selection.OVERDUE],
        "due_soon": [i for i in items if i.get("state") == selection.DUE_SOON],
        "expiring": [i for i in items if i.get("state") == selection.EXPIRING],
        "site_url": settings.SITE_BASE_URL.rstrip("/") + f"/{notification.language}/",
        "programme_name": settings.PROGRAMME_NAME,
    }
    if notification.kind == Notification.Kind.WELCOME:
        # How to sign in: the city account, or a link to choose a first password.
        context.update(sign_in_instructions(notification.staff))
    template = f"reminders/email/{notification.kind}"
    with translation.override(notification.language):
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=notification.subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    return message


def deliver(notification_id: int, *, final_attempt: bool) -> tuple[str, Exception | None]:
    """Send one queued notification; returns (status, error to retry on or None).

    The row is locked while sending, so two deliveries of the same task send once. A
    transient error (mail server, network) leaves the row queued for a retry unless this
    was the final attempt; any other error marks it failed at once."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("staff")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None:
            return "missing", None
        if notification.status != Notification.Status.QUEUED:
            return notification.status, None
        notification.attempts += 1
        retry_on = None
        try:
            build_message(notification).send()
        except Exception as exc:  # recorded, then retried or marked failed
            notification.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if isinstance(exc, TRANSIENT_ERRORS) and not final_attempt:
                retry_on = exc
            else:
                notification.status = Notification.Status.FAILED
                logger.warning("notification %s failed: %s", notification.pk, exc)
        else:
            notification.status = Notification.Status.SENT
            notification.sent_at = timezone.now()
            notification.last_error = ""
        notification.save(update_fields=["status", "attempts", "last_error", "sent_at"])
    return notification.status, retry_on

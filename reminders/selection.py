"""Who should hear about what, computed in bulk (a handful of queries for the whole city).

For each active staff member and each module required of them (the one rule in
`courses.requirements`):

- *overdue*: not done and the due date has passed;
- *due soon*: not done and due within `REMINDERS_DUE_WITHIN_DAYS` days (today included);
- *expiring*: done, but every valid certificate for it expires within
  `REMINDERS_EXPIRING_WITHIN_DAYS` days.

"Done" means the person's latest completed cycle is still valid, as
`courses.models.ModuleCycle.is_valid` defines it (not expired, not invalidated, not older
than the module's "requires retraining" date).
"""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Max, Q
from django.utils import timezone

from certificates.models import Certificate
from courses.models import CoursePage, ModuleCycle
from reminders import conf
from reminders.models import WelcomeLedger

OVERDUE = "overdue"
DUE_SOON = "due_soon"
EXPIRING = "expiring"
STATE_ORDER = {OVERDUE: 0, DUE_SOON: 1, EXPIRING: 2}


@dataclass(frozen=True)
class Item:
    module_key: uuid.UUID
    state: str
    due_date: datetime.date | None = None
    expires_on: datetime.date | None = None

    @property
    def sort_key(self):
        return (STATE_ORDER[self.state], self.due_date or self.expires_on, str(self.module_key))


def required_rows(
    *, staff_ids: Iterable[int] | None = None, service_point_ids: Iterable[int] | None = None
) -> list[tuple[int, uuid.UUID, datetime.date]]:
    """(staff_id, module_key, due_date) of active staff: the ONE adapter to the
    requirement rule of `courses.requirements` (never re-implemented here)."""
    from courses.requirements import required_rows as rows

    return rows(
        staff_ids=None if staff_ids is None else list(staff_ids),
        service_point_ids=None if service_point_ids is None else list(service_point_ids),
        active_only=True,
    )


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def unwelcomed_rows() -> list[tuple[int, uuid.UUID, datetime.date]]:
    """Like `required_rows()`, but only the person x module pairs without a welcome record:
    the requirement rule's SQL (`courses.requirements.required_rows_sql`) composed with an
    anti-join in the database, so the hourly run does not load every record."""
    from courses.requirements import required_rows_sql

    sql, params = required_rows_sql(active_only=True)
    # Only a table name from model metadata is interpolated; every value is a bound parameter.
    ledger = WelcomeLedger._meta.db_table
    query = (
        f"SELECT req.staff_id, req.module_key, req.due_date FROM ({sql}) req "  # noqa: S608
        f"WHERE NOT EXISTS (SELECT 1 FROM {ledger} w "
        "WHERE w.staff_id = req.staff_id AND w.module_key = req.module_key)"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return [
            (staff_id, uuid.UUID(str(key)), _as_date(due))
            for staff_id, key, due in cursor.fetchall()
        ]


def done_pairs(staff_ids: Iterable[int], module_keys: Iterable[uuid.UUID], today) -> set:
    """{(staff_id, module_key)} whose latest completed cycle is still valid on `today`."""
    staff_ids, module_keys = list(staff_ids), list(module_keys)
    if not staff_ids or not module_keys:
        return set()
    retraining = dict(
        CoursePage.objects.filter(translation_key__in=module_keys)
        .values("translation_key")
        .annotate(at=Max("retraining_since"))
        .values_list("translation_key", "at")
    )
    cycles = (
        ModuleCycle.objects.filter(
            staff_id__in=staff_ids,
            module_key__in=module_keys,
            completed_at__isnull=False,
            invalidated_at__isnull=True,
        )
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
        .only("staff_id", "module_key", "completed_at", "expires_on", "invalidated_at")
    )
    return {
        (cycle.staff_id, cycle.module_key)
        for cycle in cycles
        if cycle.is_valid(retraining_since=retraining.get(cycle.module_key), today=today)
    }


def expiring_pairs(staff_ids: Iterable[int], today, within_days: int) -> dict:
    """{(staff_id, module_key): expires_on} where every certificate valid today expires
    within `within_days` days (a renewed certificate with a later expiry clears it)."""
    staff_ids = list(staff_ids)
    if not staff_ids:
        return {}
    latest: dict[tuple[int, uuid.UUID], datetime.date | None] = {}
    never = datetime.date.max
    rows = (
        Certificate.objects.valid_on(today)
        .filter(staff_id__in=staff_ids)
        .values_list("staff_id", "module_key", "expires_on")
    )
    for staff_id, key, expires_on in rows:
        pair = (staff_id, key)
        latest[pair] = max(latest.get(pair, datetime.date.min), expires_on or never)
    horizon = today + datetime.timedelta(days=within_days)
    return {pair: expires for pair, expires in latest.items() if expires <= horizon}


def items_by_staff(
    *,
    today: datetime.date | None = None,
    staff_ids: Iterable[int] | None = None,
    service_point_ids: Iterable[int] | None = None,
    states: Iterable[str] = (OVERDUE, DUE_SOON, EXPIRING),
) -> dict[int, list[Item]]:
    """{staff_id: [Item, ...]} for active staff with something to hear about, each list
    sorted overdue first, then due soon, then expiring (earliest date first)."""
    today = today or timezone.localdate()
    states = set(states)
    rows = required_rows(staff_ids=staff_ids, service_point_ids=service_point_ids)
    if not rows:
        return {}
    staff_set = {staff_id for staff_id, _key, _due in rows}
    keys = {key for _staff_id, key, _due in rows}
    done = done_pairs(staff_set, keys, today)
    expiring = (
        expiring_pairs(staff_set, today, conf.expiring_within_days()) if EXPIRING in states else {}
    )
    due_horizon = today + datetime.timedelta(days=conf.due_within_days())
    result: dict[int, list[Item]] = defaultdict(list)
    for staff_id, key, due in rows:
        pair = (staff_id, key)
        if pair in done:
            if pair in expiring:
                result[staff_id].append(
                    Item(key, EXPIRING, due_date=due, expires_on=expiring[pair])
                )
            continue
        if due < today and OVERDUE in states:
            result[staff_id].append(Item(key, OVERDUE, due_date=due))
        elif today <= due <= due_horizon and DUE_SOON in states:
            result[staff_id].append(Item(key, DUE_SOON, due_date=due))
    return {staff_id: sorted(items, key=lambda i: i.sort_key) for staff_id, items in result.items()}


# --- module titles and links ---------------------------------------------------------------


@dataclass(frozen=True)
class ModuleLink:
    title: str
    url: str


def module_links(keys: Iterable[uuid.UUID]) -> dict[uuid.UUID, dict[str, ModuleLink]]:
    """{module_key: {language: ModuleLink}} for every live translation of the modules.
    Use `link_for(links, key, language)` to pick one with the default-language fallback."""
    keys = list(set(keys))
    result: dict[uuid.UUID, dict[str, ModuleLink]] = defaultdict(dict)
    if not keys:
        return result
    pages = CoursePage.objects.live().filter(translation_key__in=keys).select_related("locale")
    base = settings.SITE_BASE_URL.rstrip("/")
    for page in pages.order_by("pk"):
        parts = page.get_url_parts()
        path = parts[2] if parts else "/"
        result[page.translation_key].setdefault(
            page.locale.language_code, ModuleLink(title=page.title, url=base + path)
        )
    return result


def link_for(links: dict, key: uuid.UUID, language: str) -> ModuleLink | None:
    """The module in `language`, else in the site's default language, else any language."""
    by_language = links.get(key) or {}
    for code in (language, settings.LANGUAGE_CODE):
        if code in by_language:
            return by_language[code]
    return next(iter(by_language.values()), None)

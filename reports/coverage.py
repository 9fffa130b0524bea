"""Coverage (DESIGN.md rule 5), computed in one place, in SQL.

For a service point and a module on an "as of" date:

- ``required``: active staff at the point for whom the module is required;
- ``covered``: those of them holding a certificate valid on the date
  (``Certificate.objects.valid_on`` is the one definition of valid);
- ``in_progress``: not covered, with a cycle of the module started on or before the
  date and not completed by then;
- ``not_started``: not covered and not in progress;
- ``overdue``: not covered and the due date is before the date.

Every view, export, the ``coverage_report`` command, the snapshots and the API call
:func:`coverage_rows` (aggregates) or :func:`status_rows` (one row per person and module).
Each is one SQL statement built from the same parts: the staff in scope, the courses
app's requirement rule (per group of people sharing a service point and role, or per
person) and each person's state per module (valid certificate / open cycle), combined with
conditional aggregation, so the query count does not depend on the number of service
points. Roll-ups to division and city are sums of the counts (:func:`roll_up`), never
averages of percentages.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from certificates.models import Certificate
from courses.models import CoursePage, ModuleCycle
from courses.requirements import group_modules_sql, personal_due_sql, required_rows_sql
from organisation.models import Division, ServicePoint, StaffMember

# --- counts ---------------------------------------------------------------------------


def percent(covered: int, required: int) -> Decimal | None:
    """covered / required as a percentage with one decimal; None when nothing is required."""
    if not required:
        return None
    return (Decimal(100 * covered) / Decimal(required)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


@dataclass
class Counts:
    required: int = 0
    covered: int = 0
    in_progress: int = 0
    not_started: int = 0
    overdue: int = 0

    COUNT_FIELDS = ("required", "covered", "in_progress", "not_started", "overdue")

    @property
    def coverage_percent(self) -> Decimal | None:
        return percent(self.covered, self.required)

    def add(self, other: Counts) -> None:
        for name in self.COUNT_FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.COUNT_FIELDS}


@dataclass
class Module:
    key: uuid.UUID
    slug: str  # the Finnish page's slug: the module's stable public identifier
    title: str  # in the active language, else Finnish

    def __str__(self) -> str:
        return self.title


@dataclass
class CoverageRow(Counts):
    """Counts for one service point and one module."""

    service_point: ServicePoint | None = None
    module: Module | None = None

    @property
    def division(self) -> Division:
        return self.service_point.division


@dataclass
class Group(Counts):
    """A roll-up: counts summed over rows that share a key (division, module, city)."""

    key: object = None
    rows: list = field(default_factory=list)


# --- modules --------------------------------------------------------------------------


def _as_uuid(value) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


as_uuid = _as_uuid


def modules_for_keys(keys: Iterable[uuid.UUID]) -> dict[uuid.UUID, Module]:
    """Module descriptions (Finnish slug, title in the active language), one query."""
    keys = {_as_uuid(k) for k in keys}
    if not keys:
        return {}
    language = (get_language() or "fi")[:2]
    pages: dict[uuid.UUID, dict[str, tuple[str, str]]] = {}
    for key, lang, slug, title in CoursePage.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "locale__language_code", "slug", "title"
    ):
        pages.setdefault(_as_uuid(key), {})[lang] = (slug, title)
    modules = {}
    for key in keys:
        by_lang = pages.get(key, {})
        fi = by_lang.get("fi") or next(iter(by_lang.values()), (str(key), str(key)))
        title = by_lang.get(language, fi)[1]
        modules[key] = Module(key=key, slug=fi[0], title=title)
    return modules


def module_by_slug(slug: str) -> CoursePage | None:
    """The module whose Finnish page has `slug` (the command's and API's identifier)."""
    return (
        CoursePage.objects.filter(slug=slug, locale__language_code="fi").first()
        or CoursePage.objects.filter(slug=slug).first()
    )


# --- SQL building blocks --------------------------------------------------------------


def _sql(queryset: QuerySet) -> tuple[str, list]:
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


def _end_of_day(as_of: datetime.date) -> datetime.datetime:
    """The first instant after `as_of` in the site's time zone."""
    return timezone.make_aware(
        datetime.datetime.combine(as_of + datetime.timedelta(days=1), datetime.time.min)
    )


@dataclass
class Scope:
    """Which staff and modules a computation covers: service points (already limited to
    what the caller may see), optional division / role / module filters."""

    service_points: QuerySet | None = None
    division: Division | None = None
    service_point: ServicePoint | None = None
    role_id: int | None = None
    module_keys: list[uuid.UUID] | None = None
    staff_ids: list[int] | None = None

    def service_point_queryset(self) -> QuerySet:
        qs = self.service_points if self.service_points is not None else ServicePoint.objects.all()
        if self.division is not None:
            qs = qs.filter(division=self.division)
        if self.service_point is not None:
            qs = qs.filter(pk=self.service_point.pk)
        return qs

    def staff_queryset(self) -> QuerySet:
        qs = StaffMember.objects.filter(
            active=True, service_point__in=self.service_point_queryset().values("pk")
        )
        if self.role_id is not None:
            qs = qs.filter(role_id=self.role_id)
        if self.staff_ids is not None:
            qs = qs.filter(pk__in=self.staff_ids)
        return qs


def _rule_filters(scope: Scope) -> dict:
    """The scope as filters of the requirement rule (`courses.requirements`)."""
    point_ids = None
    if scope.service_points is not None or scope.division or scope.service_point:
        point_ids = list(scope.service_point_queryset().values_list("pk", flat=True))
    return {
        "active_only": True,
        "service_point_ids": point_ids,
        "role_ids": None if scope.role_id is None else [scope.role_id],
        "module_keys": scope.module_keys,
        "staff_ids": scope.staff_ids,
    }


def _fetchall(sql: str, params: list) -> list[tuple]:
    """Run one report statement. On PostgreSQL inside a transaction with settings for a
    large aggregate: no JIT (its compile time dominates here) and room to hash in memory."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)"
        )
        cursor.execute(sql, params)
        return cursor.fetchall()


def _date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def _counts_sql(scope: Scope, as_of: datetime.date) -> tuple[str, list]:
    """One statement: (service_point_id, role_id, module_key, required, covered, in_progress,
    overdue), the counts per service point, role and module. (`status_rows` lists the
    same per person, from the same parts.)

    Nobody is listed one by one where a group will do. `required` and the people past
    their due date come from the requirement rule's groups (same service point and role):
    a group's size, and of its people those whose start date puts them past the due days.
    Only people holding a valid certificate or an open cycle are looked at one by one
    (their best state: 2 covered, 1 in progress), joined to their group's modules; the
    covered among the late are taken off `overdue`."""
    staff_qs = scope.staff_queryset()
    staff_sql, staff_params = _sql(
        staff_qs.values("id", "service_point_id", "role_id", "start_date").order_by()
    )
    groups_sql, groups_params = group_modules_sql(**_rule_filters(scope))
    states_sql, states_params = _states_sql(scope, staff_qs, as_of)
    due = personal_due_sql("s", "gm")
    key = "gm.service_point_id, gm.role_id, gm.module_key"
    sql = (
        f"WITH s AS ({staff_sql}), gm AS ({groups_sql}), st AS ({states_sql}), "  # noqa: S608
        f"req AS (SELECT {key}, COUNT(*) AS required, "
        f"SUM(CASE WHEN {due} < %s THEN 1 ELSE 0 END) AS late "
        "FROM gm JOIN s ON s.service_point_id = gm.service_point_id AND s.role_id = gm.role_id "
        f"GROUP BY {key}), "
        f"got AS (SELECT {key}, "
        "SUM(CASE WHEN st.k = 2 THEN 1 ELSE 0 END) AS covered, "
        "SUM(CASE WHEN st.k = 1 THEN 1 ELSE 0 END) AS in_progress, "
        f"SUM(CASE WHEN st.k = 2 AND {due} < %s THEN 1 ELSE 0 END) AS covered_late "
        "FROM st JOIN s ON s.id = st.staff_id "
        "JOIN gm ON gm.service_point_id = s.service_point_id AND gm.role_id = s.role_id "
        "AND gm.module_key = st.module_key "
        f"GROUP BY {key}) "
        "SELECT req.service_point_id, req.role_id, req.module_key, req.required, "
        "COALESCE(got.covered, 0), COALESCE(got.in_progress, 0), "
        "req.late - COALESCE(got.covered_late, 0) "
        "FROM req LEFT JOIN got ON got.service_point_id = req.service_point_id "
        "AND got.role_id = req.role_id AND got.module_key = req.module_key"
    )
    return sql, staff_params + groups_params + states_params + [as_of, as_of]


def _states_sql(scope: Scope, staff_qs: QuerySet, as_of: datetime.date) -> tuple[str, list]:
    """(staff_id, module_key, k): 2 when a valid certificate is held on `as_of`, else 1
    when a cycle is open then; people with neither have no row."""
    certs = (
        Certificate.objects.valid_on(as_of)
        .filter(staff__in=staff_qs.values("pk"))
        .values("staff_id", "module_key")
        .order_by()
    )
    end = _end_of_day(as_of)
    cycles = (
        ModuleCycle.objects.filter(staff__in=staff_qs.values("pk"), started_at__lt=end)
        .filter(Q(completed_at__isnull=True) | Q(completed_at__gte=end))
        .values("staff_id", "module_key")
        .order_by()
    )
    if scope.module_keys is not None:
        certs = certs.filter(module_key__in=scope.module_keys)
        cycles = cycles.filter(module_key__in=scope.module_keys)
    certs_sql, certs_params = _sql(certs)
    cycles_sql, cycles_params = _sql(cycles)
    sql = (
        "SELECT x.staff_id, x.module_key, MAX(x.k) AS k FROM ("  # noqa: S608
        f"SELECT c.staff_id, c.module_key, 2 AS k FROM ({certs_sql}) c UNION ALL "
        f"SELECT o.staff_id, o.module_key, 1 AS k FROM ({cycles_sql}) o"
        ") x GROUP BY x.staff_id, x.module_key"
    )
    return sql, certs_params + cycles_params


# --- public API -----------------------------------------------------------------------


def coverage_counts_by_role(
    scope: Scope, as_of: datetime.date | None = None
) -> list[tuple[int, int, uuid.UUID, Counts]]:
    """(service_point_id, role_id, module_key, counts) for every service point, role and
    required module: the finest grain, which snapshots and the cache keep."""
    as_of = as_of or timezone.localdate()
    result = []
    for sp, role, key, required, covered, in_progress, overdue in _fetchall(
        *_counts_sql(scope, as_of)
    ):
        r, c, i = int(required), int(covered), int(in_progress)
        result.append((sp, role, _as_uuid(key), Counts(r, c, i, r - c - i, int(overdue))))
    return result


def _sum_by_point(rows: Iterable[tuple]) -> list[tuple[int, uuid.UUID, list[int]]]:
    """Sum rows `(service_point_id, role_id, module key, required, covered, in_progress,
    not_started, overdue)` over roles into `(service_point_id, module_key, [the five
    counts])`. Plain tuples and lists: it runs over the whole city's rows on every wide
    report request."""
    sums: dict[tuple, list[int]] = {}
    for row in rows:
        found = sums.get((row[0], row[2]))
        if found is None:
            sums[(row[0], row[2])] = list(row[3:])
        else:
            found[0] += row[3]
            found[1] += row[4]
            found[2] += row[5]
            found[3] += row[6]
            found[4] += row[7]
    keys = {key: _as_uuid(key) for _sp, key in sums}
    return [(sp, keys[key], numbers) for (sp, key), numbers in sums.items()]


def coverage_counts(
    scope: Scope, as_of: datetime.date | None = None
) -> list[tuple[int, uuid.UUID, Counts]]:
    """(service_point_id, module_key, counts) for every service point x required module."""
    return [(sp, key, Counts(*numbers)) for sp, key, numbers in _point_sums(scope, as_of)]


def _point_sums(scope: Scope, as_of: datetime.date | None) -> list[tuple]:
    return _sum_by_point(
        (sp, role, key, *counts.as_dict().values())
        for sp, role, key, counts in coverage_counts_by_role(scope, as_of)
    )


def _cache_seconds() -> int:
    return int(getattr(settings, "REPORTS_CACHE_SECONDS", 300))


def city_counts(as_of: datetime.date, *, refresh: bool = False) -> list[tuple]:
    """The whole city's counts per service point, role and module for `as_of` as plain
    rows `(service_point_id, role_id, module key hex, required, covered, in_progress,
    not_started, overdue)`, kept in the cache for REPORTS_CACHE_SECONDS so that every
    report screen, export and API page of the same day, with or without a role filter, is
    served from one computation. `refresh=True` recomputes (the warm-up task)."""
    key = f"reports:coverage:v3:{as_of.isoformat()}"
    packed = None if refresh else cache.get(key)
    if packed is None:
        # Plain ints and hex strings: fast to pickle and unpickle for a shared cache.
        packed = [
            (sp, role, k.hex, *c.as_dict().values())
            for sp, role, k, c in coverage_counts_by_role(Scope(), as_of)
        ]
        cache.set(key, packed, _cache_seconds())
    return packed


def scoped_counts(scope: Scope, as_of: datetime.date | None = None) -> list[tuple]:
    """(service_point_id, module_key, [required, covered, in_progress, not_started,
    overdue]) for a scope. With the cache on, wide scopes (city, divisions,
    several points) take the cached city-wide counts and keep the rows of the scope's
    service points (ids from the scoped queryset), role and modules; one service point or
    a set of people is computed directly (it is fast)."""
    as_of = as_of or timezone.localdate()
    if not _cache_seconds() or scope.staff_ids is not None or scope.service_point is not None:
        return _point_sums(scope, as_of)
    rows = city_counts(as_of)
    if scope.service_points is not None or scope.division is not None:
        allowed = set(scope.service_point_queryset().values_list("pk", flat=True))
        rows = (row for row in rows if row[0] in allowed)
    if scope.role_id is not None:
        rows = (row for row in rows if row[1] == scope.role_id)
    if scope.module_keys is not None:
        keys = {_as_uuid(k).hex for k in scope.module_keys}
        rows = (row for row in rows if row[2] in keys)
    return _sum_by_point(rows)


def coverage_rows(
    scope: Scope, as_of: datetime.date | None = None, *, cached: bool = True
) -> list[CoverageRow]:
    """Coverage rows with their service point (and division) and module, a fixed number
    of queries whatever the number of service points. Ordered by division, service point,
    module. `cached=False` always computes afresh."""
    counts = scoped_counts(scope, as_of) if cached else _point_sums(scope, as_of)
    points = ServicePoint.objects.select_related("division").in_bulk({sp for sp, _, _ in counts})
    modules = modules_for_keys({key for _, key, _ in counts})
    rows = [
        CoverageRow(*numbers, service_point=points[sp], module=modules[key])
        for sp, key, numbers in counts
    ]
    rows.sort(key=lambda r: (r.division.code, r.service_point.code, r.module.slug))
    return rows


def roll_up(rows: Iterable[Counts], key) -> list[Group]:
    """Sum rows into groups by `key(row)`; keeps first-seen order."""
    groups: dict[object, Group] = {}
    for row in rows:
        k = key(row)
        group = groups.get(k)
        if group is None:
            group = groups[k] = Group(key=k)
        group.add(row)
        group.rows.append(row)
    return list(groups.values())


def total(rows: Iterable[Counts]) -> Counts:
    result = Counts()
    for row in rows:
        result.add(row)
    return result


class Status:
    COVERED = "covered"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"


@dataclass
class StatusRow:
    """One person's state for one required module on the as-of date."""

    staff_id: int
    module_key: uuid.UUID
    due_on: datetime.date | None
    status: str
    overdue: bool
    valid_until: datetime.date | None = None
    staff: StaffMember | None = None
    module: Module | None = None


def status_rows(scope: Scope, as_of: datetime.date | None = None) -> list[StatusRow]:
    """One row per (active staff member, required module) in `scope`, one query
    (plus one for the staff and one for the modules)."""
    as_of = as_of or timezone.localdate()
    pairs_sql, pairs_params = required_rows_sql(**_rule_filters(scope))
    states_sql, states_params = _states_sql(scope, scope.staff_queryset(), as_of)
    valid = Certificate.objects.valid_on(as_of)
    valid_sql, valid_params = _sql(valid.values("staff_id", "module_key", "expires_on"))
    sql = (
        # Only ORM-generated SQL and fixed text are interpolated; values are parameters.
        f"WITH p AS ({pairs_sql}), st AS ({states_sql}) "  # noqa: S608
        "SELECT p.staff_id, p.module_key, p.due_date, "
        "CASE WHEN st.k = 2 THEN 'covered' "
        "WHEN st.k = 1 THEN 'in_progress' ELSE 'not_started' END, "
        "CASE WHEN (st.k IS NULL OR st.k < 2) AND p.due_date < %s THEN 1 ELSE 0 END, "
        f"(SELECT MAX(v.expires_on) FROM ({valid_sql}) v "
        "WHERE v.staff_id = p.staff_id AND v.module_key = p.module_key) "
        "FROM p LEFT JOIN st ON st.staff_id = p.staff_id AND st.module_key = p.module_key"
    )
    result = _fetchall(sql, pairs_params + states_params + [as_of] + valid_params)
    staff = StaffMember.objects.select_related("service_point__division", "role").in_bulk(
        {r[0] for r in result}
    )
    modules = modules_for_keys({r[1] for r in result})
    rows = []
    for staff_id, key, due_on, status, overdue, valid_until in result:
        key = _as_uuid(key)
        rows.append(
            StatusRow(
                staff_id=staff_id,
                module_key=key,
                due_on=_date(due_on),
                status=status,
                overdue=bool(overdue),
                valid_until=_date(valid_until),
                staff=staff[staff_id],
                module=modules[key],
            )
        )
    return rows


# --- the exchange format (command, API, exports) --------------------------------------

COLUMNS = (
    "division_code",
    "service_point_code",
    "module",
    "required",
    "covered",
    "in_progress",
    "not_started",
    "overdue",
    "coverage_percent",
)


def row_record(row: CoverageRow) -> dict:
    """A coverage row in the contract's columns (percent as Decimal or None)."""
    return {
        "division_code": row.division.code,
        "service_point_code": row.service_point.code,
        "module": row.module.slug,
        **row.as_dict(),
        "coverage_percent": row.coverage_percent,
    }

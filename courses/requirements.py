"""Who must complete which module, by when: the one rule, in one place.

The rule
--------
A `Requirement` matches a staff member when it is active, its module has at least one live
translation, and every NON-EMPTY audience dimension matches:

- divisions: the division of the person's service point is listed;
- service points: the person's service point is listed;
- roles: the person's role is listed.

An empty audience (no divisions, no service points, no roles) is the whole city. Its due
date is `due_date` (fixed) or `staff.start_date + due_days`. A person's required modules are
the union over matching requirements, keyed by `module_key` (the module's translation key),
with the EARLIEST due date.

How it is evaluated
-------------------
The audience depends only on a person's (service point, division, role), so the rule is
matched once per such GROUP of people (a city has a few thousand groups, not tens of
thousands of people), in `_group_match_sql`. People are then joined to their group's
modules on (service point, role) and only the due date is personal. This is what keeps
city-wide reports fast; the per-person result is exactly the rule above.

Four forms of the same rule (all built from `_group_match_sql`, so they cannot disagree):

- `required_modules(staff) -> list[RequiredModule]` for one person: ONE query.
- `required_rows_sql(...) -> (sql, params)`: SQL text selecting the rows
  `(staff_id, module_key, due_date)`, one per person x required module, ready to be used as a
  CTE or subquery by reports (coverage with conditional aggregation) and reminders::

      sql, params = required_rows_sql(active_only=True)
      cursor.execute(f"WITH req AS ({sql}) SELECT req.module_key, COUNT(*) ... "
                     "FROM req JOIN ... GROUP BY ...", params)

  Optional filters: `staff_ids`, `module_keys`, `service_point_ids`, `division_ids`,
  `role_ids`.
  Column types: `staff_id` integer, `module_key` as the database stores a UUIDField
  (uuid on PostgreSQL, 32 hex chars on SQLite), `due_date` a date (ISO text on SQLite).
- `required_rows(...) -> list[(staff_id, module_key: UUID, due_date: date)]`: executes it.
- `group_modules_sql(...)`: the rows per GROUP `(service_point_id, role_id, module_key,
  due_date, due_days)` with `personal_due_sql()` for a person's due date, for aggregates
  that need not list every person (coverage counts).

Inactive staff are included unless `active_only=True` (reports pass True).
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection

from courses.models import Requirement
from organisation.models import StaffMember

_REQ = Requirement._meta.db_table
_REQ_DIV = Requirement.divisions.through._meta.db_table
_REQ_SP = Requirement.service_points.through._meta.db_table
_REQ_ROLE = Requirement.roles.through._meta.db_table
_STAFF = StaffMember._meta.db_table
_SP = StaffMember.service_point.field.related_model._meta.db_table


def _in(column: str, values: Iterable, params: list) -> str:
    values = list(values)
    if not values:
        return " AND 1 = 0"
    params.extend(values)
    return f" AND {column} IN ({', '.join(['%s'] * len(values))})"


def _db_uuid(value) -> object:
    value = uuid.UUID(str(value))
    return value if connection.vendor == "postgresql" else value.hex


@dataclass(frozen=True)
class _Filters:
    staff_ids: Iterable[int] | None = None
    module_keys: Iterable | None = None
    service_point_ids: Iterable[int] | None = None
    division_ids: Iterable[int] | None = None
    role_ids: Iterable[int] | None = None
    active_only: bool = False

    def staff_where(self, params: list) -> str:
        """Conditions on `s` (staff) and `sp` (their service point), after a WHERE."""
        sql = "1 = 1"
        if self.active_only:
            sql += " AND s.active = %s"
            params.append(True)
        if self.staff_ids is not None:
            sql += _in("s.id", self.staff_ids, params)
        if self.service_point_ids is not None:
            sql += _in("s.service_point_id", self.service_point_ids, params)
        if self.division_ids is not None:
            sql += _in("sp.division_id", self.division_ids, params)
        if self.role_ids is not None:
            sql += _in("s.role_id", self.role_ids, params)
        return sql


def _group_match_sql(filters: _Filters) -> tuple[str, list]:
    """Rows (service_point_id, role_id, requirement_id, module_key, due_date, due_days):
    every requirement matching a group of people in scope, a group being the people who
    share a service point (hence a division) and a role."""
    params: list = []
    where = filters.staff_where(params)
    params += [True, True]
    # Only table names and fixed SQL are interpolated; every value is a parameter.
    sql = f"""
        SELECT g.service_point_id AS service_point_id, g.role_id AS role_id,
               r.id AS requirement_id, r.module_key AS module_key,
               r.due_date AS due_date, r.due_days AS due_days
        FROM (SELECT DISTINCT s.service_point_id, sp.division_id, s.role_id
              FROM {_STAFF} s JOIN {_SP} sp ON sp.id = s.service_point_id
              WHERE {where}) g
        JOIN {_REQ} r ON r.active = %s
        WHERE EXISTS (
                SELECT 1 FROM wagtailcore_page p
                WHERE p.translation_key = r.module_key AND p.live = %s)
          AND (NOT EXISTS (SELECT 1 FROM {_REQ_DIV} x WHERE x.requirement_id = r.id)
               OR EXISTS (SELECT 1 FROM {_REQ_DIV} x
                          WHERE x.requirement_id = r.id AND x.division_id = g.division_id))
          AND (NOT EXISTS (SELECT 1 FROM {_REQ_SP} x WHERE x.requirement_id = r.id)
               OR EXISTS (SELECT 1 FROM {_REQ_SP} x
                          WHERE x.requirement_id = r.id
                            AND x.servicepoint_id = g.service_point_id))
          AND (NOT EXISTS (SELECT 1 FROM {_REQ_ROLE} x WHERE x.requirement_id = r.id)
               OR EXISTS (SELECT 1 FROM {_REQ_ROLE} x
                          WHERE x.requirement_id = r.id AND x.role_id = g.role_id))
    """  # noqa: S608
    if filters.module_keys is not None:
        sql += _in("r.module_key", [_db_uuid(k) for k in filters.module_keys], params)
    return sql, params


def personal_due_sql(staff: str = "s", group: str = "gm") -> str:
    """SQL for a person's due date: the earlier of the group row's fixed `due_date` and the
    person's `start_date` + the group row's `due_days` (either may be NULL)."""
    if connection.vendor == "postgresql":
        return f"LEAST({group}.due_date, {staff}.start_date + {group}.due_days)"  # skips NULLs
    relative = f"date({staff}.start_date, '+' || {group}.due_days || ' days')"
    return (
        f"CASE WHEN {group}.due_days IS NULL THEN {group}.due_date "
        f"WHEN {group}.due_date IS NULL OR {relative} < {group}.due_date THEN {relative} "
        f"ELSE {group}.due_date END"
    )


def _filters(
    staff_ids=None,
    module_keys=None,
    service_point_ids=None,
    division_ids=None,
    role_ids=None,
    active_only=False,
) -> _Filters:
    def listed(values):
        return None if values is None else list(values)

    return _Filters(
        staff_ids=listed(staff_ids),
        module_keys=listed(module_keys),
        service_point_ids=listed(service_point_ids),
        division_ids=listed(division_ids),
        role_ids=listed(role_ids),
        active_only=active_only,
    )


def group_modules_sql(**filters) -> tuple[str, list]:
    """SQL and params selecting `(service_point_id, role_id, module_key, due_date, due_days)`:
    for every group of people in scope (same service point and role) and module required of
    them, the earliest fixed due date and the fewest due days over the matching
    requirements. A person of the group owes the module by `personal_due_sql()`.
    Filters as for `required_rows_sql`."""
    return _group_modules_sql(_filters(**filters))


def _group_modules_sql(filters: _Filters) -> tuple[str, list]:
    match_sql, params = _group_match_sql(filters)
    sql = (
        "SELECT m.service_point_id, m.role_id, m.module_key, "  # noqa: S608
        "MIN(m.due_date) AS due_date, MIN(m.due_days) AS due_days "
        f"FROM ({match_sql}) m GROUP BY m.service_point_id, m.role_id, m.module_key"
    )
    return sql, params


def required_rows_sql(
    *,
    staff_ids: Iterable[int] | None = None,
    module_keys: Iterable | None = None,
    service_point_ids: Iterable[int] | None = None,
    division_ids: Iterable[int] | None = None,
    role_ids: Iterable[int] | None = None,
    active_only: bool = False,
) -> tuple[str, list]:
    """SQL and params selecting `(staff_id, module_key, due_date)`: one row per person and
    required module, with the earliest due date. See the module docstring."""
    filters = _filters(
        staff_ids, module_keys, service_point_ids, division_ids, role_ids, active_only
    )
    groups_sql, params = _group_modules_sql(filters)
    outer_params: list = []
    where = filters.staff_where(outer_params)
    sql = (
        "SELECT s.id AS staff_id, gm.module_key AS module_key, "  # noqa: S608
        f"{personal_due_sql()} AS due_date "
        f"FROM ({groups_sql}) gm "
        f"JOIN {_STAFF} s ON s.service_point_id = gm.service_point_id AND s.role_id = gm.role_id "
        f"JOIN {_SP} sp ON sp.id = s.service_point_id "
        f"WHERE {where}"
    )
    return sql, params + outer_params


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def required_rows(**filters) -> list[tuple[int, uuid.UUID, datetime.date]]:
    """Execute `required_rows_sql(**filters)`: [(staff_id, module_key, due_date)]."""
    sql, params = required_rows_sql(**filters)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [
            (staff_id, uuid.UUID(str(key)), _as_date(due))
            for staff_id, key, due in cursor.fetchall()
        ]


@dataclass(frozen=True)
class RequiredModule:
    module_key: uuid.UUID
    due_date: datetime.date
    requirement_ids: tuple[int, ...] = field(default=())


def required_modules(staff: StaffMember) -> list[RequiredModule]:
    """The modules `staff` must complete, earliest due first (then by key). One query."""
    match_sql, params = _group_match_sql(_Filters(staff_ids=[staff.pk]))
    sql = (
        "SELECT m.requirement_id, m.module_key, m.due_date, m.due_days "  # noqa: S608
        f"FROM ({match_sql}) m"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    by_module: dict[uuid.UUID, tuple[datetime.date, list[int]]] = {}
    for requirement_id, key, fixed, days in rows:
        key = uuid.UUID(str(key))
        due = (
            _as_date(fixed)
            if fixed is not None
            else staff.start_date + datetime.timedelta(days=days)
        )
        earliest, ids = by_module.get(key, (due, []))
        ids.append(requirement_id)
        by_module[key] = (min(earliest, due), ids)
    result = [
        RequiredModule(module_key=key, due_date=due, requirement_ids=tuple(sorted(ids)))
        for key, (due, ids) in by_module.items()
    ]
    return sorted(result, key=lambda r: (r.due_date, str(r.module_key)))

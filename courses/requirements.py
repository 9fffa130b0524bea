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

Three forms of the same rule (all built from `_MATCH_SQL`, so they can never disagree):

- `required_modules(staff) -> list[RequiredModule]` for one person: ONE query.
- `required_rows_sql(...) -> (sql, params)`: SQL text selecting the rows
  `(staff_id, module_key, due_date)`, one per person x required module, ready to be used as a
  CTE or subquery by reports (coverage with conditional aggregation) and reminders::

      sql, params = required_rows_sql(active_only=True)
      cursor.execute(f"WITH req AS ({sql}) SELECT req.module_key, COUNT(*) ... "
                     "FROM req JOIN ... GROUP BY ...", params)

  Optional filters: `staff_ids`, `module_keys`, `service_point_ids`, `division_ids`.
  Column types: `staff_id` integer, `module_key` as the database stores a UUIDField
  (uuid on PostgreSQL, 32 hex chars on SQLite), `due_date` a date (ISO text on SQLite).
- `required_rows(...) -> list[(staff_id, module_key: UUID, due_date: date)]`: executes it.

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


def _due_expression() -> str:
    if connection.vendor == "postgresql":
        plus_days = "(s.start_date + r.due_days)"
    else:  # SQLite
        plus_days = "date(s.start_date, '+' || r.due_days || ' days')"
    return f"CASE WHEN r.due_date IS NOT NULL THEN r.due_date ELSE {plus_days} END"


def _match_sql() -> str:
    """Rows (staff_id, requirement_id, module_key, due_date) for every matching pair.
    Placeholders: one boolean (r.active) and one boolean (page live)."""
    # Only table names and fixed SQL are interpolated; every value is a parameter.
    return f"""
        SELECT s.id AS staff_id, r.id AS requirement_id, r.module_key AS module_key,
               {_due_expression()} AS due_date
        FROM {_STAFF} s
        JOIN {_SP} sp ON sp.id = s.service_point_id
        JOIN {_REQ} r ON r.active = %s
        WHERE EXISTS (
                SELECT 1 FROM wagtailcore_page p
                WHERE p.translation_key = r.module_key AND p.live = %s)
          AND (NOT EXISTS (SELECT 1 FROM {_REQ_DIV} x WHERE x.requirement_id = r.id)
               OR EXISTS (SELECT 1 FROM {_REQ_DIV} x
                          WHERE x.requirement_id = r.id AND x.division_id = sp.division_id))
          AND (NOT EXISTS (SELECT 1 FROM {_REQ_SP} x WHERE x.requirement_id = r.id)
               OR EXISTS (SELECT 1 FROM {_REQ_SP} x
                          WHERE x.requirement_id = r.id
                            AND x.servicepoint_id = s.service_point_id))
          AND (NOT EXISTS (SELECT 1 FROM {_REQ_ROLE} x WHERE x.requirement_id = r.id)
               OR EXISTS (SELECT 1 FROM {_REQ_ROLE} x
                          WHERE x.requirement_id = r.id AND x.role_id = s.role_id))
    """  # noqa: S608


def _in(column: str, values: Iterable, params: list) -> str:
    values = list(values)
    if not values:
        return " AND 1 = 0"
    params.extend(values)
    return f" AND {column} IN ({', '.join(['%s'] * len(values))})"


def _db_uuid(value) -> object:
    value = uuid.UUID(str(value))
    return value if connection.vendor == "postgresql" else value.hex


def _filtered_match_sql(
    *,
    staff_ids: Iterable[int] | None,
    module_keys: Iterable | None,
    service_point_ids: Iterable[int] | None,
    division_ids: Iterable[int] | None,
    active_only: bool,
) -> tuple[str, list]:
    params: list = [True, True]
    sql = _match_sql()
    if active_only:
        sql += " AND s.active = %s"
        params.append(True)
    if staff_ids is not None:
        sql += _in("s.id", staff_ids, params)
    if module_keys is not None:
        sql += _in("r.module_key", [_db_uuid(k) for k in module_keys], params)
    if service_point_ids is not None:
        sql += _in("s.service_point_id", service_point_ids, params)
    if division_ids is not None:
        sql += _in("sp.division_id", division_ids, params)
    return sql, params


def required_rows_sql(
    *,
    staff_ids: Iterable[int] | None = None,
    module_keys: Iterable | None = None,
    service_point_ids: Iterable[int] | None = None,
    division_ids: Iterable[int] | None = None,
    active_only: bool = False,
) -> tuple[str, list]:
    """SQL and params selecting `(staff_id, module_key, due_date)`: one row per person and
    required module, with the earliest due date. See the module docstring."""
    inner, params = _filtered_match_sql(
        staff_ids=staff_ids,
        module_keys=module_keys,
        service_point_ids=service_point_ids,
        division_ids=division_ids,
        active_only=active_only,
    )
    sql = (
        "SELECT m.staff_id AS staff_id, m.module_key AS module_key, "  # noqa: S608
        "MIN(m.due_date) AS due_date "
        f"FROM ({inner}) m GROUP BY m.staff_id, m.module_key"
    )
    return sql, params


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
    sql, params = _filtered_match_sql(
        staff_ids=[staff.pk],
        module_keys=None,
        service_point_ids=None,
        division_ids=None,
        active_only=False,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    by_module: dict[uuid.UUID, tuple[datetime.date, list[int]]] = {}
    for _staff_id, requirement_id, key, due in rows:
        key, due = uuid.UUID(str(key)), _as_date(due)
        earliest, ids = by_module.get(key, (due, []))
        ids.append(requirement_id)
        by_module[key] = (min(earliest, due), ids)
    result = [
        RequiredModule(module_key=key, due_date=due, requirement_ids=tuple(sorted(ids)))
        for key, (due, ids) in by_module.items()
    ]
    return sorted(result, key=lambda r: (r.due_date, str(r.module_key)))

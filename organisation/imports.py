"""HR imports of service points and staff: one engine for parsing, validation and applying.

The file rules (the contract other tools rely on):

- UTF-8 with or without a byte-order mark; comma or semicolon delimiter (sniffed from the
  header line); header names in any order and case; extra columns are ignored.
- Every problem is reported as ``line N: column: message``, with line numbers as a
  spreadsheet shows them (the header is line 1).
- All or nothing: if any row is invalid nothing changes; otherwise every row is applied in
  one transaction with bulk operations (a fixed number of queries per batch, not per row).
- The result is one summary line ``created X, updated Y, deactivated Z, unchanged W``;
  a dry run computes the same summary and changes nothing.

`read_table` is reusable by other imports with the same file rules.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    Division,
    Language,
    Role,
    ServicePoint,
    StaffMember,
    UserSession,
    hr_scope,
)

BATCH_SIZE = 1000
# Chunk size for `IN (...)` lists, well under SQLite's and PostgreSQL's parameter limits.
IN_CHUNK = 900
# Rows per executemany() call.
EXECUTE_CHUNK = 5000
# Rows per multi-row statement on PostgreSQL (well under its 65,535 parameters).
ROWS_PER_STATEMENT = 1000

TRUE_VALUES = {"true", "1", "yes"}
FALSE_VALUES = {"false", "0", "no"}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A plain address is accepted without the (slower) full validator; this pattern only
# matches addresses Django's EmailValidator accepts too, anything else goes through it.
PLAIN_EMAIL_RE = re.compile(
    r"^[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\Z",
    re.IGNORECASE,
)

STAFF_COLUMNS = (
    "employee_id",
    "first_name",
    "last_name",
    "email",
    "service_point_code",
    "role",
    "start_date",
    "language",
    "active",
)
STAFF_REQUIRED = STAFF_COLUMNS[:7]

SERVICE_POINT_COLUMNS = (
    "code",
    "name_fi",
    "name_sv",
    "name_en",
    "division_code",
    "division_name_fi",
    "division_name_sv",
    "division_name_en",
    "active",
)
SERVICE_POINT_REQUIRED = ("code", "name_fi", "division_code")

ProgressCallback = Callable[[int, int], None]


# --- results and errors --------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.column}: {self.message}"


class ImportFailed(Exception):
    """The file has problems; nothing was changed."""

    def __init__(self, errors: Sequence[RowError]):
        self.errors = sorted(errors, key=lambda e: e.line)
        super().__init__("\n".join(str(e) for e in self.errors))

    @property
    def messages(self) -> list[str]:
        return [str(e) for e in self.errors]


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    deactivated: int = 0
    unchanged: int = 0
    rows: int = 0
    dry_run: bool = False
    details: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return (
            f"created {self.created}, updated {self.updated}, "
            f"deactivated {self.deactivated}, unchanged {self.unchanged}"
        )

    def as_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "deactivated": self.deactivated,
            "unchanged": self.unchanged,
            "rows": self.rows,
            "dry_run": self.dry_run,
            **self.details,
        }


@dataclass
class Table:
    """The parsed file: (line number, {column: value}) per non-blank data row."""

    columns: set[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


# --- reading ---------------------------------------------------------------------------------


def decode(data: bytes | str) -> str:
    """UTF-8 text with or without a byte-order mark."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            [RowError(1, "file", _("the file is not UTF-8 text (byte %d)") % exc.start)]
        )


def sniff_delimiter(header_line: str) -> str:
    """Semicolon when the header has more semicolons than commas (Finnish exports)."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def read_table(data: bytes | str, columns: Sequence[str], required: Sequence[str]) -> Table:
    """Parse a CSV file by the import rules; raise ImportFailed on header problems.

    Only `columns` are kept (extra columns are ignored); values are stripped.
    """
    text = decode(data)
    if not text.strip():
        raise ImportFailed([RowError(1, "file", _("the file is empty"))])
    nul = text.find("\x00")
    if nul >= 0:
        line_of_nul = text.count("\n", 0, nul) + 1
        raise ImportFailed(
            [RowError(line_of_nul, "file", _("contains a NUL character: not a CSV text file"))]
        )
    max_rows = settings.IMPORT_MAX_ROWS
    header_line = text.lstrip("\r\n").splitlines()[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(header_line))
    errors: list[RowError] = []
    header: list[str] | None = None
    line = 0
    table = Table(columns=set())
    try:
        for record in reader:
            line += 1
            if header is None:
                if not any(cell.strip() for cell in record):
                    continue  # leading blank lines before the header
                header_at = line
                header = [cell.strip().lower() for cell in record]
                seen: set[str] = set()
                for name in header:
                    if name in columns and name in seen:
                        errors.append(RowError(line, name, _("the column appears twice")))
                    seen.add(name)
                for name in required:
                    if name not in seen:
                        errors.append(RowError(line, name, _("required column is missing")))
                table.columns = {name for name in header if name in columns}
                if errors:
                    raise ImportFailed(errors)
                continue
            if not any(cell.strip() for cell in record):
                continue
            if len(table.rows) >= max_rows:
                raise ImportFailed(
                    [
                        RowError(
                            line,
                            "file",
                            _("more than %(max)s data rows (IMPORT_MAX_ROWS)") % {"max": max_rows},
                        )
                    ]
                )
            row = {}
            for index, name in enumerate(header):
                if name in table.columns and name not in row:
                    row[name] = record[index].strip() if index < len(record) else ""
            table.rows.append((line, row))
    except csv.Error as exc:
        raise ImportFailed([RowError(line + 1, "file", _("unreadable CSV: %s") % exc)])
    if header is None:
        raise ImportFailed([RowError(1, "file", _("the file is empty"))])
    if not table.rows:
        raise ImportFailed([RowError(header_at + 1, "file", _("the file has no data rows"))])
    return table


def parse_bool(value: str) -> bool | None:
    """true/false/1/0/yes/no (any case); empty = True; None when invalid."""
    value = value.strip().lower()
    if not value or value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    return None


def parse_date(value: str) -> datetime.date | None:
    if not DATE_RE.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _chunks(items: Sequence, size: int = IN_CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Errors(list):
    def add(self, line: int, column: str, message: str) -> None:
        self.append(RowError(line, column, message))


def _check_unique(
    errors: _Errors, line: int, column: str, value: str, seen: dict[str, int], key: str
) -> None:
    """Report `value` when `key` was already seen on an earlier line of the file."""
    if key in seen:
        errors.add(
            line,
            column,
            _("duplicate %(value)s, also on line %(line)d") % {"value": value, "line": seen[key]},
        )
    else:
        seen[key] = line


def _required_key(errors: _Errors, line: int, row: dict, column: str, seen: dict[str, int]) -> str:
    """The row's key column: required and unique within the file."""
    value = row.get(column, "")
    if not value:
        errors.add(line, column, _("is required"))
    else:
        _check_unique(errors, line, column, value, seen, value)
    return value


def _check_length(errors: _Errors, line: int, row: dict, column: str, limit: int) -> None:
    if len(row.get(column, "")) > limit:
        errors.add(line, column, _("is longer than %d characters") % limit)


# --- service points --------------------------------------------------------------------------


def import_service_points(
    data: bytes | str,
    *,
    dry_run: bool = False,
    user=None,
    progress: ProgressCallback | None = None,
) -> Summary:
    """Create or update service points (and their divisions) from a CSV file.

    `user` limits the import to the HR user's scope (None = no limit, as on the command line).
    """
    table = read_table(data, SERVICE_POINT_COLUMNS, SERVICE_POINT_REQUIRED)
    errors = _Errors()
    city_wide, scope_division_ids = hr_scope(user) if user is not None else (True, [])

    divisions = {d.code: d for d in Division.objects.all()}
    points = {p.code: p for p in ServicePoint.objects.all()}

    seen_codes: dict[str, int] = {}
    # division code -> (line, {field: value}) of names given in the file
    division_names: dict[str, tuple[int, dict[str, str]]] = {}
    valid_rows = []
    for line, row in table.rows:
        before = len(errors)
        code = _required_key(errors, line, row, "code", seen_codes)
        _check_length(errors, line, row, "code", 32)
        if not row.get("name_fi"):
            errors.add(line, "name_fi", _("is required"))
        for column in ("name_fi", "name_sv", "name_en"):
            _check_length(errors, line, row, column, 200)
        active = parse_bool(row.get("active", ""))
        if active is None:
            errors.add(line, "active", _("must be true, false, 1, 0, yes or no"))
        division_code = row.get("division_code", "")
        if not division_code:
            errors.add(line, "division_code", _("is required"))
        else:
            _check_length(errors, line, row, "division_code", 32)
            given = {
                column: row[column]
                for column in ("division_name_fi", "division_name_sv", "division_name_en")
                if row.get(column)
            }
            for column in given:
                _check_length(errors, line, row, column, 200)
            if division_code in division_names:
                first_line, first = division_names[division_code]
                for column, value in given.items():
                    if first.setdefault(column, value) != value:
                        errors.add(
                            line,
                            column,
                            _("differs from line %(line)d for division %(code)s")
                            % {"line": first_line, "code": division_code},
                        )
            else:
                division_names[division_code] = (line, dict(given))
            division = divisions.get(division_code)
            if division is None:
                if not city_wide:
                    errors.add(
                        line,
                        "division_code",
                        _("only city-wide HR can create division %s") % division_code,
                    )
                elif not division_names[division_code][1].get("division_name_fi"):
                    errors.add(
                        line,
                        "division_name_fi",
                        _("is required for the new division %s") % division_code,
                    )
            elif not city_wide and division.pk not in scope_division_ids:
                errors.add(
                    line,
                    "division_code",
                    _("division %s is outside your scope") % division_code,
                )
            existing = points.get(code)
            if (
                existing is not None
                and not city_wide
                and existing.division_id not in scope_division_ids
            ):
                errors.add(line, "code", _("service point %s is outside your scope") % code)
        if len(errors) == before:
            valid_rows.append((line, row, active))
    if errors:
        raise ImportFailed(errors)

    summary = Summary(rows=len(table.rows), dry_run=dry_run)
    # Divisions: create new ones, update names given in the file.
    new_divisions = []
    changed_divisions = []
    for code, (_line, names) in division_names.items():
        division = divisions.get(code)
        values = {column.removeprefix("division_"): value for column, value in names.items()}
        if division is None:
            division = Division(code=code, **values)
            divisions[code] = division
            new_divisions.append(division)
        elif any(getattr(division, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(division, k, v)
            changed_divisions.append(division)

    name_columns = [c for c in ("name_fi", "name_sv", "name_en") if c in table.columns]
    to_create, to_update = [], []
    for _line, row, active in valid_rows:
        values = {column: row[column] for column in name_columns}
        values["active"] = active
        point = points.get(row["code"])
        division = divisions[row["division_code"]]
        if point is None:
            summary.created += 1
            to_create.append((ServicePoint(code=row["code"], **values), division))
            continue
        changed = point.division_id != division.pk or any(
            getattr(point, k) != v for k, v in values.items()
        )
        if not changed:
            summary.unchanged += 1
            continue
        if point.active and not active:
            summary.deactivated += 1
        else:
            summary.updated += 1
        for k, v in values.items():
            setattr(point, k, v)
        to_update.append((point, division))
    summary.details = {
        "divisions_created": len(new_divisions),
        "divisions_updated": len(changed_divisions),
    }
    if dry_run:
        return summary

    with transaction.atomic():
        Division.objects.bulk_create(new_divisions, batch_size=BATCH_SIZE)
        if changed_divisions:
            Division.objects.bulk_update(
                changed_divisions, ["name_fi", "name_sv", "name_en"], batch_size=BATCH_SIZE
            )
        for point, division in to_create + to_update:
            point.division_id = division.pk
        ServicePoint.objects.bulk_create([p for p, _d in to_create], batch_size=BATCH_SIZE)
        if to_update:
            ServicePoint.objects.bulk_update(
                [p for p, _d in to_update],
                [*name_columns, "active", "division"],
                batch_size=BATCH_SIZE,
            )
    if progress:
        progress(summary.rows, summary.rows)
    return summary


# --- staff -----------------------------------------------------------------------------------

STAFF_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "service_point_id",
    "role_id",
    "start_date",
    "language",
    "active",
)


def import_staff(
    data: bytes | str,
    *,
    dry_run: bool = False,
    deactivate_missing: bool = False,
    user=None,
    progress: ProgressCallback | None = None,
) -> Summary:
    """Create, update (and optionally deactivate) staff from a CSV file.

    `user` limits the import to the HR user's scope: every row must name a service point
    the user may see, and `deactivate_missing` only touches staff within that scope.
    """
    table = read_table(data, STAFF_COLUMNS, STAFF_REQUIRED)
    errors = _Errors()
    scoped = user is not None and not hr_scope(user)[0]
    scope_point_ids = (
        set(ServicePoint.objects.for_user(user).values_list("pk", flat=True)) if scoped else None
    )
    point_ids = dict(ServicePoint.objects.values_list("code", "pk"))
    role_ids = dict(Role.objects.values_list("code", "pk"))
    existing = {
        row["employee_id"]: row
        for row in StaffMember.objects.values("pk", "employee_id", "user_id", *STAFF_FIELDS)
    }
    email_owner = {row["email"].lower(): employee_id for employee_id, row in existing.items()}
    languages = {value for value, _label in Language.choices}

    seen_ids: dict[str, int] = {}
    seen_emails: dict[str, int] = {}
    parsed: list[tuple[int, dict]] = []
    for line, row in table.rows:
        before = len(errors)
        employee_id = _required_key(errors, line, row, "employee_id", seen_ids)
        _check_length(errors, line, row, "employee_id", 32)
        for column in ("first_name", "last_name"):
            if not row.get(column):
                errors.add(line, column, _("is required"))
            _check_length(errors, line, row, column, 150)
        email = row.get("email", "")
        if not email:
            errors.add(line, "email", _("is required"))
        else:
            try:
                if len(email) > 254 or not PLAIN_EMAIL_RE.match(email):
                    validate_email(email)
                    if len(email) > 254:
                        raise ValidationError("too long")
            except ValidationError:
                errors.add(line, "email", _("%s is not a valid e-mail address") % email)
            else:
                key = email.lower()
                _check_unique(errors, line, "email", email, seen_emails, key)
                owner = email_owner.get(key)
                if owner is not None and owner != employee_id:
                    errors.add(
                        line,
                        "email",
                        _("%(email)s is already used by staff member %(owner)s")
                        % {"email": email, "owner": owner},
                    )
        code = row.get("service_point_code", "")
        point_id = point_ids.get(code)
        if not code:
            errors.add(line, "service_point_code", _("is required"))
        elif point_id is None:
            errors.add(line, "service_point_code", _("unknown service point code %s") % code)
        elif scoped and point_id not in scope_point_ids:
            errors.add(
                line, "service_point_code", _("service point %s is outside your scope") % code
            )
        role_code = row.get("role", "")
        if not role_code:
            errors.add(line, "role", _("is required"))
        elif role_code not in role_ids:
            errors.add(line, "role", _("unknown role code %s") % role_code)
        start_date = parse_date(row.get("start_date", ""))
        if not row.get("start_date"):
            errors.add(line, "start_date", _("is required"))
        elif start_date is None:
            errors.add(
                line,
                "start_date",
                _("%s is not a date in the form YYYY-MM-DD") % row["start_date"],
            )
        language = row.get("language", "").lower() or Language.FINNISH
        if language not in languages:
            errors.add(line, "language", _("must be fi, sv or en"))
        active = parse_bool(row.get("active", ""))
        if active is None:
            errors.add(line, "active", _("must be true, false, 1, 0, yes or no"))
        current = existing.get(employee_id)
        if current is not None and scoped and current["service_point_id"] not in scope_point_ids:
            errors.add(
                line, "employee_id", _("staff member %s is outside your scope") % employee_id
            )
        if len(errors) == before:
            parsed.append(
                (
                    line,
                    {
                        "employee_id": employee_id,
                        "first_name": row["first_name"],
                        "last_name": row["last_name"],
                        "email": email,
                        "service_point_id": point_id,
                        "role_id": role_ids[role_code],
                        "start_date": start_date,
                        "language": language,
                        "active": active,
                    },
                )
            )

    User = get_user_model()
    new_ids = [
        values["employee_id"] for _line, values in parsed if values["employee_id"] not in existing
    ]
    # Accounts that already exist under the user name a new staff member would get.
    taken: dict[str, int | None] = {}
    for chunk in _chunks([username_for(e) for e in new_ids]):
        for user_id, username, staff_id in User.objects.filter(username__in=chunk).values_list(
            "pk", "username", "staff__pk"
        ):
            taken[username] = None if staff_id else user_id
    for line, values in parsed:
        username = username_for(values["employee_id"])
        if values["employee_id"] not in existing and username in taken and taken[username] is None:
            errors.add(
                line,
                "employee_id",
                _("the user name %s belongs to another account") % username,
            )
    if errors:
        raise ImportFailed(errors)

    summary = Summary(rows=len(parsed), dry_run=dry_run)
    to_create: list[dict] = []
    to_update: list[dict] = []
    to_deactivate_user_ids: list[int] = []
    for _line, values in parsed:
        current = existing.get(values["employee_id"])
        if current is None:
            summary.created += 1
            to_create.append(values)
            continue
        if all(current[f] == values[f] for f in STAFF_FIELDS):
            summary.unchanged += 1
            continue
        if current["active"] and not values["active"]:
            summary.deactivated += 1
            to_deactivate_user_ids.append(current["user_id"])
        else:
            summary.updated += 1
        to_update.append({**values, "pk": current["pk"], "user_id": current["user_id"]})

    missing: list[dict] = []
    if deactivate_missing:
        missing = [
            row
            for employee_id, row in existing.items()
            if employee_id not in seen_ids
            and row["active"]
            and (not scoped or row["service_point_id"] in scope_point_ids)
        ]
        summary.deactivated += len(missing)
        to_deactivate_user_ids += [row["user_id"] for row in missing]
    if dry_run:
        return summary

    total = len(to_create) + len(to_update) + len(missing)
    done = 0

    def step(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, total)

    try:
        with transaction.atomic():
            _create_staff(to_create, taken, step)
            _update_staff(to_update, step)
            _deactivate(missing, step)
            end_sessions(to_deactivate_user_ids)
    except IntegrityError as exc:
        # A concurrent change slipped in between validation and writing.
        raise ImportFailed([RowError(1, "file", _("the database refused the changes: %s") % exc)])
    return summary


def username_for(employee_id: str) -> str:
    return employee_id.lower()


def _column(model, name: str):
    field = model._meta.get_field(name)
    return field, connection.ops.quote_name(field.column)


def _insert_many(model, columns: Sequence[str], rows: list[tuple]) -> None:
    """Insert many rows without per-object ORM work.

    SQLite: one prepared INSERT run by executemany (in-process, fast). PostgreSQL: one
    ``COPY ... FROM STDIN`` stream (the fastest way in).
    """
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(_column(model, c)[1] for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            sql = f"COPY {table} ({names}) FROM STDIN"
            start = time.monotonic()
            with cursor.cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
            if connection.queries_logged:
                connection.queries_log.append(
                    {"sql": sql, "time": f"{time.monotonic() - start:.3f}"}
                )
            return
        one = "({})".format(", ".join(["%s"] * len(columns)))
        sql = f"INSERT INTO {table} ({names}) VALUES {one}"  # noqa: S608
        for chunk in _chunks(rows, EXECUTE_CHUNK):
            cursor.executemany(sql, chunk)


def _update_many(model, columns: Sequence[str], rows: list[tuple]) -> None:
    """Update many rows by primary key (the pk is the last value of each row).

    SQLite: one prepared UPDATE run by executemany. PostgreSQL: ``UPDATE ... FROM (VALUES
    ...)`` statements of ROWS_PER_STATEMENT rows each.
    """
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(model._meta.pk.column)
    fields = [_column(model, c) for c in columns]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            assignments = ", ".join(f"{name} = %s" for _f, name in fields)
            sql = f"UPDATE {table} SET {assignments} WHERE {pk} = %s"  # noqa: S608
            for chunk in _chunks(rows, EXECUTE_CHUNK):
                cursor.executemany(sql, chunk)
            return
        casts = [f.cast_db_type(connection) for f, _name in fields]
        casts.append(model._meta.pk.rel_db_type(connection))
        one = "({})".format(", ".join(f"%s::{cast}" for cast in casts))
        aliases = ", ".join([f"c{i}" for i in range(len(fields))] + ["pk"])
        assignments = ", ".join(f"{name} = v.c{i}" for i, (_f, name) in enumerate(fields))
        for chunk in _chunks(rows, ROWS_PER_STATEMENT):
            sql = (
                f"UPDATE {table} SET {assignments} FROM (VALUES "  # noqa: S608
                + ", ".join([one] * len(chunk))
                + f") AS v({aliases}) WHERE {table}.{pk} = v.pk"
            )
            cursor.execute(sql, [value for row in chunk for value in row])


def _create_staff(rows: list[dict], taken: dict, step: Callable[[int], None]) -> None:
    User = get_user_model()
    ops = connection.ops
    db_now = ops.adapt_datetimefield_value(timezone.now())
    unusable = make_password(None)
    reused = {}
    new_users = []
    for values in rows:
        username = username_for(values["employee_id"])
        if taken.get(username):
            reused[values["employee_id"]] = taken[username]
        else:
            new_users.append(
                (
                    unusable,
                    False,
                    username,
                    values["first_name"],
                    values["last_name"],
                    values["email"],
                    False,
                    values["active"],
                    db_now,
                )
            )
    max_user_pk = User.objects.aggregate(m=Max("pk"))["m"] or 0
    _insert_many(
        User,
        (
            "password",
            "is_superuser",
            "username",
            "first_name",
            "last_name",
            "email",
            "is_staff",
            "is_active",
            "date_joined",
        ),
        new_users,
    )
    _update_many(
        User,
        ("email", "first_name", "last_name", "is_active"),
        [
            (v["email"], v["first_name"], v["last_name"], v["active"], reused[v["employee_id"]])
            for v in rows
            if v["employee_id"] in reused
        ],
    )
    # New users all get ids above the current maximum; extra rows someone else inserted
    # meanwhile are harmless (the mapping is by user name).
    by_username = dict(User.objects.filter(pk__gt=max_user_pk).values_list("username", "pk"))
    staff = []
    for values in rows:
        employee_id = values["employee_id"]
        user_id = reused.get(employee_id) or by_username[username_for(employee_id)]
        staff.append(
            (
                user_id,
                employee_id,
                values["first_name"],
                values["last_name"],
                values["email"],
                values["service_point_id"],
                values["role_id"],
                ops.adapt_datefield_value(values["start_date"]),
                values["language"],
                values["active"],
                db_now,
            )
        )
    _insert_many(
        StaffMember,
        (
            "user",
            "employee_id",
            "first_name",
            "last_name",
            "email",
            "service_point",
            "role",
            "start_date",
            "language",
            "active",
            "updated_at",
        ),
        staff,
    )
    step(len(rows))


def _update_staff(rows: list[dict], step: Callable[[int], None]) -> None:
    User = get_user_model()
    ops = connection.ops
    db_now = ops.adapt_datetimefield_value(timezone.now())
    _update_many(
        StaffMember,
        (*STAFF_FIELDS, "updated_at"),
        [
            (
                *(
                    ops.adapt_datefield_value(v[f]) if f == "start_date" else v[f]
                    for f in STAFF_FIELDS
                ),
                db_now,
                v["pk"],
            )
            for v in rows
        ],
    )
    _update_many(
        User,
        ("email", "first_name", "last_name", "is_active"),
        [(v["email"], v["first_name"], v["last_name"], v["active"], v["user_id"]) for v in rows],
    )
    step(len(rows))


def _deactivate(rows: list[dict], step: Callable[[int], None]) -> None:
    User = get_user_model()
    now = timezone.now()
    for chunk in _chunks(rows):
        StaffMember.objects.filter(pk__in=[r["pk"] for r in chunk]).update(
            active=False, updated_at=now
        )
        User.objects.filter(pk__in=[r["user_id"] for r in chunk]).update(is_active=False)
        step(len(chunk))


def end_sessions(user_ids: Sequence[int]) -> int:
    """Delete the login sessions of these users (recorded in UserSession at login), from the
    database and, with cached sessions, from the cache."""
    deleted = 0
    store = import_module(settings.SESSION_ENGINE).SessionStore
    prefix = getattr(store, "cache_key_prefix", None)
    for chunk in _chunks(list(user_ids)):
        keys = UserSession.objects.filter(user_id__in=chunk)
        session_keys = list(keys.values_list("session_key", flat=True))
        deleted += Session.objects.filter(session_key__in=session_keys).delete()[0]
        if prefix is not None:
            caches[settings.SESSION_CACHE_ALIAS].delete_many([prefix + k for k in session_keys])
        keys.delete()
    return deleted

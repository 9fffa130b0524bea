"""Completions done elsewhere (classroom workshops, earlier systems): `import_completions`.

Columns `employee_id,module,completed_on,source`; `module` is the slug of the module's
Finnish page; `completed_on` is YYYY-MM-DD and not in the future; `source` is free text.
The file rules are those of the staff import (`organisation.imports.read_table`): UTF-8
with or without BOM, comma or semicolon, header names in any order and case, every problem
as ``line N: column: message``, all or nothing.

Each valid row completes that person's module as of that date through
`courses.services.record_external_completion` and issues the certificate of that cycle
(expiry counted from `completed_on`). Re-running the same file changes nothing. The summary
is ``issued X, unchanged Y``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import Certificate
from certificates.services import issue_for_cycle
from courses.models import CoursePage, ModuleCycle
from organisation.imports import ImportFailed, RowError, parse_date, read_table
from organisation.models import AuditEvent, StaffMember

COLUMNS = ("employee_id", "module", "completed_on", "source")
REQUIRED = COLUMNS
SOURCE_MAX = 255


@dataclass
class CompletionSummary:
    issued: int = 0
    unchanged: int = 0
    rows: int = 0
    dry_run: bool = False
    certificate_ids: list[int] = field(default_factory=list)

    def __str__(self) -> str:
        return f"issued {self.issued}, unchanged {self.unchanged}"


@dataclass
class _Row:
    line: int
    staff: StaffMember
    module_key: object
    module_title: str
    completed_on: datetime.date
    source: str


def _finnish_modules() -> dict[str, CoursePage]:
    return {
        page.slug: page
        for page in CoursePage.objects.filter(locale__language_code="fi").only(
            "pk", "slug", "title", "translation_key"
        )
    }


def _is_already_recorded(row: _Row) -> bool:
    """True when re-applying the row would change nothing: the person already holds a
    certificate for an imported cycle completed that day, or a cycle completed on or after
    that date that still counts (the same decision `record_external_completion` makes)."""
    cycles = ModuleCycle.objects.filter(
        staff=row.staff, module_key=row.module_key, completed_at__isnull=False
    )
    for cycle in cycles:
        day = timezone.localdate(cycle.completed_at)
        if cycle.source == ModuleCycle.Source.IMPORTED and day == row.completed_on:
            return True
    from courses.services import current_cycle

    current = current_cycle(row.staff, row.module_key, create=False)
    return bool(
        current is not None
        and current.is_completed
        and timezone.localdate(current.completed_at) >= row.completed_on
    )


def parse_completions(data: bytes | str, *, user=None) -> list[_Row]:
    """Validate the whole file; raise ImportFailed listing every problem."""
    table = read_table(data, COLUMNS, REQUIRED)
    errors: list[RowError] = []
    modules = _finnish_modules()
    staff_qs = StaffMember.objects.all()
    if user is not None:
        staff_qs = StaffMember.objects.for_user(user)
    ids = {row.get("employee_id", "") for _line, row in table.rows}
    staff = {s.employee_id: s for s in staff_qs.filter(employee_id__in=ids)}
    known = set(
        StaffMember.objects.filter(employee_id__in=ids).values_list("employee_id", flat=True)
    )
    today = timezone.localdate()
    seen: dict[tuple, int] = {}
    rows: list[_Row] = []
    for line, row in table.rows:
        before = len(errors)
        employee_id = row.get("employee_id", "")
        person = staff.get(employee_id)
        if not employee_id:
            errors.append(RowError(line, "employee_id", _("is required")))
        elif person is None:
            message = (
                _("staff member %s is outside your scope")
                if employee_id in known
                else _("unknown employee id %s")
            )
            errors.append(RowError(line, "employee_id", message % employee_id))
        slug = row.get("module", "")
        module = modules.get(slug)
        if not slug:
            errors.append(RowError(line, "module", _("is required")))
        elif module is None:
            errors.append(RowError(line, "module", _("no module has the Finnish slug %s") % slug))
        raw_date = row.get("completed_on", "")
        completed_on = parse_date(raw_date)
        if not raw_date:
            errors.append(RowError(line, "completed_on", _("is required")))
        elif completed_on is None:
            errors.append(
                RowError(
                    line,
                    "completed_on",
                    _("%s is not a date in the form YYYY-MM-DD") % raw_date,
                )
            )
        elif completed_on > today:
            errors.append(RowError(line, "completed_on", _("%s is in the future") % raw_date))
        source = row.get("source", "")
        if len(source) > SOURCE_MAX:
            errors.append(RowError(line, "source", _("is longer than %d characters") % SOURCE_MAX))
        if len(errors) == before:
            key = (employee_id, slug, completed_on)
            if key in seen:
                errors.append(
                    RowError(
                        line,
                        "employee_id",
                        _("the same completion is also on line %d") % seen[key],
                    )
                )
                continue
            seen[key] = line
            rows.append(
                _Row(line, person, module.translation_key, module.title, completed_on, source)
            )
    if errors:
        raise ImportFailed(errors)
    return rows


def import_completions(data: bytes | str, *, dry_run: bool = False, user=None) -> CompletionSummary:
    """Apply (or, with dry_run, only count) a completions file. All or nothing.

    `user` limits the rows to the HR user's scope (None on the command line)."""
    rows = parse_completions(data, user=user)
    summary = CompletionSummary(rows=len(rows), dry_run=dry_run)
    # Oldest first, so a person's cycles are numbered in the order they happened.
    rows.sort(key=lambda r: (r.completed_on, r.line))
    if dry_run:
        for row in rows:
            if _is_already_recorded(row):
                summary.unchanged += 1
            else:
                summary.issued += 1
        return summary

    from courses.services import record_external_completion

    with transaction.atomic():
        for row in rows:
            cycle, created = record_external_completion(
                row.staff, row.module_key, row.completed_on, row.source
            )
            had = Certificate.objects.filter(cycle=cycle).exists()
            certificate, issued = issue_for_cycle(cycle)
            if certificate is None:  # pragma: no cover - a completed cycle always issues
                raise ImportFailed(
                    [RowError(row.line, "module", _("the completion could not be recorded"))]
                )
            if issued or (created and not had):
                summary.issued += 1
                summary.certificate_ids.append(certificate.pk)
            else:
                summary.unchanged += 1
        AuditEvent.record(
            user,
            "certificates.import_completions",
            "",
            issued=summary.issued,
            unchanged=summary.unchanged,
            rows=summary.rows,
        )
    return summary

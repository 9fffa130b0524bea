"""What the report screens and their exports show, built from `reports.coverage`.

Kept out of the views so the views stay thin and the benchmark can time the same work.
Every function takes querysets already limited to the user's scope.
"""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Count, Max, Q, Sum
from django.utils.translation import gettext as _

from certificates.models import Certificate
from courses.models import CoursePage, ModuleCycle
from organisation.models import ServicePoint, StaffMember
from reports.coverage import (
    Counts,
    CoverageRow,
    Module,
    Scope,
    StatusRow,
    as_uuid,
    coverage_rows,
    percent,
    roll_up,
    status_rows,
    total,
)
from reports.models import CoverageSnapshot, ReportSettings

# --- small groups ---------------------------------------------------------------------


def supervised_point_ids(user) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        ServicePoint.objects.filter(supervisors__user=user, supervisors__active=True).values_list(
            "pk", flat=True
        )
    )


def staff_counts(point_ids) -> dict[int, int]:
    """Active staff per service point (the size used for small-group suppression)."""
    return dict(
        StaffMember.objects.filter(active=True, service_point_id__in=point_ids)
        .values_list("service_point_id")
        .annotate(n=Count("pk"))
        .values_list("service_point_id", "n")
    )


# --- overview -------------------------------------------------------------------------


@dataclass
class Cell:
    counts: Counts | None  # None: suppressed
    meets_target: bool | None = None
    change: Decimal | None = None


@dataclass
class PointLine(Counts):
    service_point: ServicePoint | None = None
    staff_count: int = 0
    suppressed: bool = False
    meets_target: bool | None = None
    cells: dict = field(default_factory=dict)
    cell_list: list = field(default_factory=list)
    rows: list = field(default_factory=list)


@dataclass
class GroupLine(Counts):
    label: str = ""
    code: str = ""
    staff_count: int = 0
    suppressed: bool = False
    change: Decimal | None = None
    meets_target: bool | None = None


@dataclass
class Overview:
    as_of: datetime.date
    since: datetime.date | None
    snapshot_date: datetime.date | None
    target: int
    threshold: int
    modules: list[Module]
    points: list[PointLine]
    divisions: list[GroupLine]
    city: GroupLine
    rows: list[CoverageRow]
    trend_dates: list[datetime.date]
    trends: list[tuple[str, list[Decimal | None]]]
    page_obj: object = None


def _change(now: Decimal | None, before: Decimal | None) -> Decimal | None:
    if now is None or before is None:
        return None
    return now - before


def _meets(pct: Decimal | None, target: int) -> bool | None:
    return None if pct is None else pct >= target


def _snapshots(scope: Scope):
    """Snapshot rows within the scope: its service points, modules and role."""
    snapshots = CoverageSnapshot.objects.all()
    if scope.service_points is not None or scope.division or scope.service_point:
        snapshots = snapshots.filter(service_point__in=scope.service_point_queryset().values("pk"))
    if scope.module_keys is not None:
        snapshots = snapshots.filter(module_key__in=scope.module_keys)
    if scope.role_id is not None:
        snapshots = snapshots.filter(role_id=scope.role_id)
    return snapshots


def snapshot_date_on_or_before(scope: Scope, date: datetime.date) -> datetime.date | None:
    return _snapshots(scope).filter(date__lte=date).aggregate(d=Max("date"))["d"]


def _summed(snapshots, *keys: str):
    """Snapshot rows summed in SQL (over roles, and over points where not in `keys`)."""
    return (
        snapshots.values(*keys)
        .annotate(
            r=Sum("required"),
            c=Sum("covered"),
            i=Sum("in_progress"),
            n=Sum("not_started"),
            o=Sum("overdue"),
        )
        .order_by()
    )


def _counts(row: dict) -> Counts:
    return Counts(row["r"], row["c"], row["i"], row["n"], row["o"])


def snapshot_cells(scope: Scope, date: datetime.date, point_ids) -> dict:
    """{(service point id, module key): Counts} of the snapshot of `date` for the points."""
    rows = _summed(
        _snapshots(scope).filter(date=date, service_point_id__in=point_ids),
        "service_point_id",
        "module_key",
    )
    return {(row["service_point_id"], as_uuid(row["module_key"])): _counts(row) for row in rows}


def snapshot_division_sums(scope: Scope, date: datetime.date) -> dict[int, Counts]:
    """{division id: Counts} summed in SQL over the snapshot of `date` within the scope."""
    rows = _summed(_snapshots(scope).filter(date=date), "division_id")
    return {row["division_id"]: _counts(row) for row in rows}


def trend_series(scope: Scope, as_of: datetime.date, limit: int = 8):
    """Coverage per division and city on the latest `limit` snapshot dates up to `as_of`:
    (dates oldest first, [(label, [percent per date])]). Sums of counts, two queries."""
    snapshots = _snapshots(scope).filter(date__lte=as_of)
    dates = list(snapshots.order_by("-date").values_list("date", flat=True).distinct()[:limit])[
        ::-1
    ]
    if not dates:
        return [], []
    sums = (
        snapshots.filter(date__in=dates)
        .values("date", "division__code", "division__name_fi")
        .annotate(required=Sum("required"), covered=Sum("covered"))
        .order_by("division__code", "date")
    )
    by_division: dict[str, dict] = defaultdict(dict)
    city: dict[datetime.date, list[int]] = defaultdict(lambda: [0, 0])
    labels = {}
    for row in sums:
        code = row["division__code"]
        labels[code] = code
        by_division[code][row["date"]] = percent(row["covered"], row["required"])
        city[row["date"]][0] += row["covered"]
        city[row["date"]][1] += row["required"]
    series = [
        (labels[code], [values.get(d) for d in dates]) for code, values in by_division.items()
    ]
    series.append((_("City"), [percent(*city[d]) if d in city else None for d in dates]))
    return dates, series


def build_overview(
    scope: Scope,
    as_of: datetime.date,
    since: datetime.date | None,
    user,
    *,
    page: int | str | None = None,
    per_page: int = 25,
) -> Overview:
    """Everything the overview shows. Cells (per module, with their change) are filled for
    the service points of `page` only (all of them when page is None, for exports)."""
    settings = ReportSettings.load()
    target, threshold = settings.target_percent, settings.small_group_threshold
    rows = coverage_rows(scope, as_of)
    point_ids = {r.service_point.pk for r in rows}
    sizes = staff_counts(point_ids)
    own = supervised_point_ids(user)
    snapshot_date = snapshot_date_on_or_before(scope, since) if since else None

    modules = sorted({r.module.key: r.module for r in rows}.values(), key=lambda m: m.title)
    lines: dict[int, PointLine] = {}
    for row in rows:
        sp = row.service_point
        line = lines.get(sp.pk)
        if line is None:
            size = sizes.get(sp.pk, 0)
            line = lines[sp.pk] = PointLine(
                service_point=sp,
                staff_count=size,
                suppressed=size < threshold and sp.pk not in own,
            )
        line.add(row)
        line.rows.append(row)
    points = sorted(
        lines.values(),
        key=lambda p: (
            p.suppressed,
            p.coverage_percent is None,
            p.coverage_percent or 0,
            p.service_point.code,
        ),
    )
    page_obj = Paginator(points, per_page).get_page(page) if page is not None else None
    shown = list(page_obj.object_list) if page_obj is not None else points
    before = (
        snapshot_cells(scope, snapshot_date, [p.service_point.pk for p in shown])
        if snapshot_date
        else {}
    )
    for line in shown:
        line.meets_target = _meets(line.coverage_percent, target)
        for row in line.rows:
            if line.suppressed:
                line.cells[row.module.key] = Cell(counts=None)
                continue
            previous = before.get((line.service_point.pk, row.module.key))
            line.cells[row.module.key] = Cell(
                counts=row,
                meets_target=_meets(row.coverage_percent, target),
                change=_change(
                    row.coverage_percent, previous.coverage_percent if previous else None
                ),
            )
        line.cell_list = [line.cells.get(m.key) for m in modules]

    before_by_division = snapshot_division_sums(scope, snapshot_date) if snapshot_date else {}
    divisions = []
    division_of = {line.service_point.division_id: line.service_point.division for line in points}
    for group in roll_up(points, key=lambda line: line.service_point.division_id):
        size = sum(line.staff_count for line in group.rows)
        previous = before_by_division.get(group.key)
        division = division_of[group.key]
        divisions.append(
            GroupLine(
                **group.as_dict(),
                label=division.name,
                code=division.code,
                staff_count=size,
                suppressed=size < threshold,
                meets_target=_meets(group.coverage_percent, target),
                change=_change(
                    group.coverage_percent, previous.coverage_percent if previous else None
                ),
            )
        )
    divisions.sort(key=lambda d: (d.coverage_percent is None, d.coverage_percent or 0, d.code))
    city_counts = total(points)
    before_total = total(before_by_division.values()) if before_by_division else None
    city = GroupLine(
        **city_counts.as_dict(),
        label=_("Total"),
        staff_count=sum(sizes.values()),
        meets_target=_meets(city_counts.coverage_percent, target),
        change=_change(
            city_counts.coverage_percent,
            before_total.coverage_percent if before_total else None,
        ),
    )
    city.suppressed = city.staff_count < threshold and not (point_ids <= own)
    trend_dates, trends = trend_series(scope, as_of)
    return Overview(
        as_of=as_of,
        since=since,
        snapshot_date=snapshot_date,
        target=target,
        threshold=threshold,
        modules=modules,
        points=points,
        divisions=divisions,
        city=city,
        rows=rows,
        trend_dates=trend_dates,
        trends=trends,
        page_obj=page_obj,
    )


def overview_export(overview: Overview):
    headers = [
        _("Division code"),
        _("Division"),
        _("Service point code"),
        _("Service point"),
        _("Module"),
        _("Module title"),
        _("Required"),
        _("Covered"),
        _("In progress"),
        _("Not started"),
        _("Overdue"),
        _("Coverage %"),
        _("Change (percentage points)"),
        _("Suppressed (small group)"),
    ]
    out = []
    for line in overview.points:
        for row in line.rows:
            cell = line.cells[row.module.key]
            base = [
                row.division.code,
                row.division.name,
                row.service_point.code,
                row.service_point.name,
                row.module.slug,
                row.module.title,
            ]
            if cell.counts is None:
                out.append(base + [None] * 7 + [_("yes")])
            else:
                out.append(
                    base
                    + [
                        row.required,
                        row.covered,
                        row.in_progress,
                        row.not_started,
                        row.overdue,
                        row.coverage_percent,
                        cell.change,
                        "",
                    ]
                )
    return headers, out


# --- service point and person ---------------------------------------------------------


def status_label(status: str) -> str:
    return {
        "covered": _("Covered"),
        "in_progress": _("In progress"),
        "not_started": _("Not started"),
    }.get(status, status)


def point_status_rows(scope: Scope, as_of: datetime.date) -> list[StatusRow]:
    """Staff x required modules of a service point, overdue first, then the rest not
    covered by due date, then covered; names in order within each."""
    order = {"not_started": 0, "in_progress": 0, "covered": 1}
    rows = status_rows(scope, as_of)
    rows.sort(
        key=lambda r: (
            not r.overdue,
            order[r.status],
            r.due_on or datetime.date.max,
            r.staff.last_name,
            r.staff.first_name,
            r.module.title,
        )
    )
    return rows


def status_export(rows: list[StatusRow]):
    headers = [
        _("Employee id"),
        _("Name"),
        _("Service point code"),
        _("Role"),
        _("Module"),
        _("Module title"),
        _("Status"),
        _("Due date"),
        _("Overdue"),
        _("Certificate valid until"),
    ]
    return headers, [
        [
            r.staff.employee_id,
            r.staff.full_name,
            r.staff.service_point.code,
            r.staff.role.name,
            r.module.slug,
            r.module.title,
            status_label(r.status),
            r.due_on,
            _("yes") if r.overdue else "",
            r.valid_until,
        ]
        for r in rows
    ]


@dataclass
class PersonModule:
    row: StatusRow
    lessons_done: int = 0
    lessons_total: int = 0
    attempts: int = 0
    best_score: Decimal | None = None
    passed: bool = False


def person_modules(staff: StaffMember, as_of: datetime.date) -> list[PersonModule]:
    """Required modules of one person with progress in the current cycle and a summary of
    quiz attempts. A fixed number of queries."""
    from assessments.models import Attempt
    from courses.services import lessons_for_modules

    rows = status_rows(Scope(staff_ids=[staff.pk]), as_of)
    keys = [r.module_key for r in rows]
    pages = list(CoursePage.objects.live().filter(translation_key__in=keys))
    lessons = lessons_for_modules(pages)
    latest: dict[uuid.UUID, int] = {}
    for key, done in (
        ModuleCycle.objects.filter(staff=staff, module_key__in=keys)
        .annotate(done=Count("lessons_done"))
        .order_by("module_key", "number")
        .values_list("module_key", "done")
    ):
        latest[uuid.UUID(str(key))] = done  # the last (highest number) wins
    attempts = {
        uuid.UUID(str(a["module_key"])): a
        for a in Attempt.objects.filter(staff=staff, submitted_at__isnull=False)
        .values("module_key")
        .annotate(n=Count("pk"), best=Max("score"), passed=Count("pk", filter=Q(passed=True)))
        .order_by()
    }
    result = []
    for row in sorted(rows, key=lambda r: (not r.overdue, r.status == "covered", r.due_on)):
        summary = attempts.get(row.module_key, {})
        result.append(
            PersonModule(
                row=row,
                lessons_done=latest.get(row.module_key, 0),
                lessons_total=len(lessons.get(row.module_key, [])),
                attempts=summary.get("n", 0),
                best_score=summary.get("best"),
                passed=bool(summary.get("passed")),
            )
        )
    return result


def person_certificates(staff: StaffMember):
    return Certificate.objects.filter(staff=staff).order_by("-issued_on", "-pk")

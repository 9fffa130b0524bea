"""Build a city-scale dataset in PostgreSQL for the coverage benchmark.

    DATABASE_URL=postgres://…/aspa_perf .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://…/aspa_perf .venv/bin/python tests/perf/generate_city.py --reset

Defaults: 40,000 staff at 600 service points in 5 divisions, 30 required modules (24 for the
whole city, 3 for the customer-service role, 3 for two divisions), and for every person x
module a realistic state: about 55 % certified and valid, 5 % expired (half of them retaking),
2 % revoked, 13 % in progress, the rest not started; 3 % of staff inactive; service point
sizes skewed so that some are smaller than the small-group threshold.

`--reset` first empties the organisation, the learning records and the generated modules of
the target database (TRUNCATE … CASCADE): use a database of its own, never production.
Rows are written with bulk inserts (PostgreSQL COPY for the learning records) in batches.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from certificates.models import Certificate, new_code  # noqa: E402
from courses.models import CourseIndexPage, CoursePage, ModuleCycle, Requirement  # noqa: E402
from organisation.models import Division, Role, ServicePoint, StaffMember  # noqa: E402

FIRST = [
    "Aino",
    "Eero",
    "Fatima",
    "Gunnar",
    "Hanna",
    "Ilkka",
    "Jaana",
    "Karim",
    "Liisa",
    "Mikko",
    "Noora",
    "Olli",
    "Pia",
    "Rasmus",
    "Sanna",
    "Tuomas",
    "Ulla",
    "Viktor",
    "Wilma",
    "Yusuf",
    "Åsa",
    "Elsa",
    "Linnea",
    "Mohamed",
    "Anna",
    "Juha",
]
LAST = [
    "Virtanen",
    "Korhonen",
    "Mäkinen",
    "Nieminen",
    "Mäkelä",
    "Hämäläinen",
    "Laine",
    "Koskinen",
    "Heikkinen",
    "Järvinen",
    "Lindqvist",
    "Andersson",
    "Ali",
    "Nguyen",
    "Lehtonen",
    "Saarinen",
    "Salminen",
    "Holmberg",
    "Ahmed",
    "Ivanova",
]
INDEX_SLUG = "perf-moduulit"
BATCH = 2000


def log(message: str, started: float) -> None:
    print(f"[{time.monotonic() - started:6.1f} s] {message}", flush=True)


def allocate_ids(model, count: int) -> list[int]:
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return [row[0] for row in cursor.fetchall()]


def copy_rows(model, objects: list) -> None:
    """Write model instances with PostgreSQL COPY (every concrete column, ids included)."""
    if not objects:
        return
    for obj, pk in zip(objects, allocate_ids(model, len(objects)), strict=True):
        obj.pk = pk
    fields = model._meta.concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
            for obj in objects:
                copy.write_row(
                    [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields]
                )


def reset() -> None:
    tables = [
        Certificate._meta.db_table,
        ModuleCycle._meta.db_table,
        Requirement._meta.db_table,
        StaffMember._meta.db_table,
        ServicePoint._meta.db_table,
        Division._meta.db_table,
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
    get_user_model().objects.filter(username__startswith="perf-").delete()
    for page in Page.objects.filter(slug=INDEX_SLUG):
        page.delete()


def make_modules(count: int) -> list[CoursePage]:
    Locale.objects.get_or_create(language_code="fi")
    parent = Page.objects.filter(depth=2).first() or Page.get_first_root_node()
    index = parent.add_child(instance=CourseIndexPage(title="Perf moduulit", slug=INDEX_SLUG))
    modules = []
    for n in range(count):
        page = CoursePage(
            title=f"Moduuli {n + 1:02d}",
            slug=f"perf-moduuli-{n + 1:02d}",
            summary="Kohtaamis- ja monimuotoisuusosaaminen.",
            validity_months=24 if n % 3 == 0 else None,
        )
        modules.append(index.add_child(instance=page))
    return modules


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--staff", type=int, default=40_000)
    parser.add_argument("--points", type=int, default=600)
    parser.add_argument("--divisions", type=int, default=5)
    parser.add_argument("--modules", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2030)
    parser.add_argument("--reset", action="store_true", help="empty the tables first")
    args = parser.parse_args(argv)
    if connection.vendor != "postgresql":
        print("generate_city needs PostgreSQL (set DATABASE_URL).", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    started = time.monotonic()
    today = timezone.localdate()

    if args.reset:
        reset()
        log("reset", started)
    elif StaffMember.objects.exists():
        print("The database already has staff; run with --reset.", file=sys.stderr)
        return 2

    with transaction.atomic():
        divisions = Division.objects.bulk_create(
            Division(
                code=f"D{n + 1}",
                name_fi=f"Toimiala {n + 1}",
                name_sv=f"Sektor {n + 1}",
                name_en=f"Division {n + 1}",
            )
            for n in range(args.divisions)
        )
        points = ServicePoint.objects.bulk_create(
            ServicePoint(
                code=f"SP{n + 1:04d}",
                name_fi=f"Palvelupiste {n + 1}",
                name_sv=f"Serviceställe {n + 1}",
                name_en=f"Service point {n + 1}",
                division=divisions[n % len(divisions)],
            )
            for n in range(args.points)
        )
        roles = [
            Role.objects.update_or_create(code=code, defaults={"name_fi": fi})[0]
            for code, fi in [
                ("customer-service", "Asiakaspalvelu"),
                ("supervisor", "Esihenkilö"),
                ("specialist", "Asiantuntija"),
            ]
        ]
        modules = make_modules(args.modules)
        for n, module in enumerate(modules):
            requirement = Requirement.objects.create(module=module, due_days=90 + 10 * (n % 4))
            if args.modules - n <= 3:
                requirement.divisions.set(divisions[:2])
            elif args.modules - n <= 6:
                requirement.roles.set(roles[:1])
    log(
        f"{len(divisions)} divisions, {len(points)} service points, {len(modules)} modules", started
    )

    # Skewed sizes: a few large points, many medium, some below the small-group threshold.
    weights = [rng.lognormvariate(0, 0.9) for _ in points]
    User = get_user_model()
    keys = [m.translation_key for m in modules]
    validity = {m.translation_key: m.validity_months for m in modules}
    titles = {m.translation_key: m.title for m in modules}
    counts = {"cycles": 0, "certificates": 0}

    for start in range(0, args.staff, BATCH):
        size = min(BATCH, args.staff - start)
        with transaction.atomic():
            users = User.objects.bulk_create(
                User(username=f"perf-{start + i:06d}", password="!", is_active=True)
                for i in range(size)
            )
            staff = StaffMember.objects.bulk_create(
                StaffMember(
                    user=user,
                    employee_id=f"P{start + i:07d}",
                    first_name=rng.choice(FIRST),
                    last_name=rng.choice(LAST),
                    email=f"perf-{start + i:06d}@example.invalid",
                    service_point=rng.choices(points, weights)[0],
                    role=rng.choices(roles, [8, 1, 1])[0],
                    start_date=today - datetime.timedelta(days=rng.randint(0, 5 * 365)),
                    active=rng.random() > 0.03,
                )
                for i, user in enumerate(users)
            )
            cycles, pending = [], []
            for person in staff:
                for key in keys:
                    r = rng.random()
                    if r >= 0.75:
                        continue  # not started
                    if r < 0.55 or 0.60 <= r < 0.62:  # certified (valid, or later revoked)
                        issued = today - datetime.timedelta(days=rng.randint(1, 600))
                        expires = (issued + datetime.timedelta(days=730)) if validity[key] else None
                        revoked = r >= 0.60
                    elif r < 0.60:  # expired
                        issued = today - datetime.timedelta(days=rng.randint(800, 1000))
                        expires = issued + datetime.timedelta(days=730)
                        revoked = False
                    else:  # in progress
                        cycles.append(
                            ModuleCycle(
                                staff=person,
                                module_key=key,
                                number=1,
                                started_at=timezone.now()
                                - datetime.timedelta(days=rng.randint(0, 60)),
                            )
                        )
                        continue
                    done = timezone.make_aware(datetime.datetime.combine(issued, datetime.time(10)))
                    cycle = ModuleCycle(
                        staff=person,
                        module_key=key,
                        number=1,
                        started_at=done - datetime.timedelta(days=3),
                        completed_at=done,
                        expires_on=expires,
                    )
                    cycles.append(cycle)
                    pending.append((cycle, issued, expires, revoked))
                    if r < 0.60 and r >= 0.55 and rng.random() < 0.5:  # retaking
                        cycles.append(
                            ModuleCycle(
                                staff=person, module_key=key, number=2, started_at=timezone.now()
                            )
                        )
            copy_rows(ModuleCycle, cycles)
            now = timezone.now()
            copy_rows(
                Certificate,
                [
                    Certificate(
                        staff_id=cycle.staff_id,
                        module_key=cycle.module_key,
                        cycle=cycle,
                        title=titles[cycle.module_key],
                        language="fi",
                        issued_on=issued,
                        expires_on=expires,
                        code=new_code(),
                        revoked_at=now if revoked else None,
                        revocation_reason="Perf data" if revoked else "",
                    )
                    for cycle, issued, expires, revoked in pending
                ],
            )
            counts["cycles"] += len(cycles)
            counts["certificates"] += len(pending)
        log(
            f"staff {start + size}/{args.staff}: {counts['cycles']} cycles, "
            f"{counts['certificates']} certificates",
            started,
        )

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log("ANALYZE run", started)

    # Snapshots: today's (computed), and eight earlier weekly ones derived from it with
    # lower coverage, so the overview's trend and "change since" have history to read.
    from reports.models import CoverageSnapshot
    from reports.snapshots import take_snapshot

    take_snapshot(today)
    current = list(CoverageSnapshot.objects.filter(date=today))
    for week in range(1, 9):
        factor = 1 - 0.03 * week
        CoverageSnapshot.objects.bulk_create(
            [
                CoverageSnapshot(
                    date=today - datetime.timedelta(days=7 * week),
                    service_point_id=row.service_point_id,
                    division_id=row.division_id,
                    role_id=row.role_id,
                    module_key=row.module_key,
                    required=row.required,
                    covered=int(row.covered * factor),
                    in_progress=row.in_progress,
                    not_started=row.required - int(row.covered * factor) - row.in_progress
                    if row.required - int(row.covered * factor) - row.in_progress >= 0
                    else 0,
                    overdue=row.overdue,
                )
                for row in current
            ],
            batch_size=5000,
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"snapshots: today and 8 earlier weeks ({len(current)} rows each); done", started)
    return 0


if __name__ == "__main__":
    sys.exit(main())

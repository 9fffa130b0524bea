"""Benchmark of the reminder jobs at city scale: 5,000 active staff at 300 service points,
20 required modules, 40 % of the person x module pairs completed (some certificates
expiring), 300 supervisors. Skipped unless RUN_BENCH=1:

    RUN_BENCH=1 python -m pytest tests/reminders/bench_reminders.py -s -n 0
    RUN_BENCH=1 DATABASE_URL=postgres://... python -m pytest \
        tests/reminders/bench_reminders.py -s -n 0

Prints seconds and SQL queries for planning (a dry run) and for a full run that creates the
notifications and renders and sends every e-mail in-process (locmem backend).
"""

from __future__ import annotations

import datetime
import os
import random
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection

from certificates.models import Certificate
from courses.models import ModuleCycle
from organisation.models import Role, ServicePoint, StaffMember
from reminders import services
from tests.courses.factories import RequirementFactory, completed_on, make_module
from tests.organisation.factories import DivisionFactory, RoleFactory

pytestmark = pytest.mark.skipif(
    os.environ.get("RUN_BENCH") != "1", reason="benchmark: set RUN_BENCH=1 to run"
)

STAFF, POINTS, MODULES = 5_000, 300, 20
TODAY = datetime.date(2026, 3, 2)


def build_city():
    rng = random.Random(7)
    divisions = [DivisionFactory() for _ in range(5)]
    points = ServicePoint.objects.bulk_create(
        [
            ServicePoint(code=f"P{i:04d}", name_fi=f"Piste {i}", division=divisions[i % 5])
            for i in range(POINTS)
        ]
    )
    role: Role = RoleFactory()
    users = get_user_model().objects.bulk_create(
        [get_user_model()(username=f"bench{i}", password="!") for i in range(STAFF)]
    )
    staff = StaffMember.objects.bulk_create(
        [
            StaffMember(
                user=user,
                employee_id=f"B{i:06d}",
                first_name="Aino",
                last_name=f"Virtanen{i}",
                email=f"bench{i}@example.fi",
                service_point=points[i % POINTS],
                role=role,
                start_date=TODAY - datetime.timedelta(days=rng.randint(0, 400)),
                language=("fi", "sv", "en")[i % 3],
            )
            for i, user in enumerate(users)
        ]
    )
    for i, point in enumerate(points):
        staff[i].supervises.add(point)
    modules = [make_module(lessons=1, translations=()) for _ in range(MODULES)]
    for tree in modules:
        RequirementFactory(module=tree.module, due_days=90)
    cycles = []
    for person in staff:
        for tree in modules:
            if rng.random() < 0.4:
                day = TODAY - datetime.timedelta(days=rng.randint(1, 700))
                cycles.append(
                    ModuleCycle(
                        staff=person,
                        module_key=tree.module_key,
                        started_at=completed_on(day),
                        completed_at=completed_on(day),
                        expires_on=day + datetime.timedelta(days=730),
                    )
                )
    cycles = ModuleCycle.objects.bulk_create(cycles, batch_size=5000)
    Certificate.objects.bulk_create(
        [
            Certificate(
                staff_id=c.staff_id,
                module_key=c.module_key,
                cycle=c,
                title="Moduuli",
                issued_on=c.completed_at.date(),
                expires_on=c.expires_on,
                code=f"{i:032d}",
            )
            for i, c in enumerate(cycles)
        ],
        batch_size=5000,
    )


def timed(label, fn):
    count = [0]

    def counter(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        result = fn()
        seconds = time.perf_counter() - start
    print(f"{label}: {seconds:.2f} s, {count[0]} queries")
    return result


@pytest.mark.django_db
def test_reminder_jobs_at_city_scale(
    locales_for_bench, time_machine, settings, django_capture_on_commit_callbacks
):
    time_machine.move_to(datetime.datetime(2026, 3, 2, 7, 0), tick=True)
    settings.DEBUG = False
    build_city()
    print(f"\n{connection.vendor}: {STAFF} staff, {POINTS} service points, {MODULES} modules")
    if os.environ.get("BENCH_PROFILE"):
        import cProfile

        cProfile.runctx("services.plan_learner_reminders()", globals(), locals(), sort="cumulative")
    planned = timed("learner reminders, dry run", services.plan_learner_reminders)
    print(f"  {len(planned.planned)} people to remind")
    with django_capture_on_commit_callbacks(execute=True):
        timed("learner reminders, full run (create + send)", services.run_learner_reminders)
    print(f"  {len(mail.outbox)} e-mails sent")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        timed("supervisor digests, full run", services.run_supervisor_digests)
    print(f"  {len(mail.outbox)} digests sent")
    timed("welcome messages, baseline", lambda: services.run_welcome_messages(baseline=True))
    timed("welcome messages, nothing new", services.run_welcome_messages)


@pytest.fixture
def locales_for_bench(db):
    from wagtail.models import Locale

    for code in ("fi", "sv", "en"):
        Locale.objects.get_or_create(language_code=code)

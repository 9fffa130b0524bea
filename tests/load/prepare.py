"""Accounts for the load test, on a database that holds the demo (`seed_demo`):
LOAD_LEARNERS learners at the demo's service points and the demo's HR users (each with a
service point in their scope), all with one password; writes what the virtual users need
(tests/load/locustfile.py) as JSON.

    DJANGO_SETTINGS_MODULE=learning.settings.dev python -m tests.load.prepare OUT.json
"""

from __future__ import annotations

import datetime
import json
import os
import sys

import django

PASSWORD = "kuormitus-Aspa2030"  # noqa: S105 - a load-test account on a throwaway database


def main(out: str, learners: int) -> None:
    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.urls import reverse

    from assessments.models import QuizPage
    from courses.models import LessonPage
    from organisation.models import HRGrant, Role, ServicePoint, StaffMember

    User = get_user_model()
    hashed = make_password(PASSWORD)  # hashed once: 1,000,000 PBKDF2 iterations each time
    quizzes = list(QuizPage.objects.live().filter(locale__language_code="fi").order_by("path"))
    modules = []
    for quiz in quizzes:
        module = quiz.get_parent()
        lessons = LessonPage.objects.live().child_of(module).order_by("path")
        modules.append(
            {"module": module.url, "lessons": [p.url for p in lessons], "quiz": quiz.url}
        )
    points = list(ServicePoint.objects.order_by("pk"))
    role = Role.objects.order_by("pk").first()
    accounts = {"password": PASSWORD, "learners": [], "hr": []}
    with transaction.atomic():
        for n in range(learners):
            username = f"kuorma-{n:04d}"
            user, _ = User.objects.update_or_create(
                username=username, defaults={"password": hashed, "is_active": True}
            )
            StaffMember.objects.update_or_create(
                user=user,
                defaults={
                    "employee_id": f"K{n:06d}",
                    "first_name": "Kuorma",
                    "last_name": f"Testaaja {n}",
                    "email": f"{username}@example.fi",
                    "service_point": points[n % len(points)],
                    "role": role,
                    "start_date": datetime.date(2024, 1, 1),
                    "active": True,
                },
            )
            accounts["learners"].append({"username": username, **modules[n % len(modules)]})
        for grant in HRGrant.objects.select_related("user").order_by("pk"):
            # A service point this HR user may see: their divisions', any for city-wide HR.
            visible = ServicePoint.objects.order_by("pk")
            if not grant.city_wide:
                visible = visible.filter(division__in=grant.divisions.all())
            point = visible.first()
            if point is None:
                continue
            User.objects.filter(pk=grant.user_id).update(password=hashed)
            accounts["hr"].append(
                {
                    "username": grant.user.username,
                    "service_point_url": reverse("reports_service_point", args=[point.pk]),
                }
            )
    with open(out, "w") as f:
        json.dump(accounts, f, indent=2)
    print(f"{learners} learners, {len(accounts['hr'])} HR users, {len(modules)} modules")


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.dev")
    main(sys.argv[1], int(os.environ.get("LOAD_LEARNERS", "200")))

"""Builders for hand-made small cities: pages, requirements, cycles and certificates."""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.models import Locale, Page

from certificates.models import Certificate
from courses.models import CourseIndexPage, CoursePage, ModuleCycle, Requirement


def aware(day: datetime.date, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def course_index() -> CourseIndexPage:
    existing = CourseIndexPage.objects.first()
    if existing:
        return existing
    Locale.objects.get_or_create(language_code="fi")
    root = Page.get_first_root_node()
    return root.add_child(instance=CourseIndexPage(title="Moduulit", slug="moduulit"))


def make_module(slug: str, title: str | None = None) -> CoursePage:
    index = course_index()
    page = CoursePage(title=title or slug.title(), slug=slug, summary="…")
    return index.add_child(instance=page)


def require(
    module, *, divisions=(), service_points=(), roles=(), due_days=None, due_date=None, active=True
) -> Requirement:
    if due_days is None and due_date is None:
        due_days = 30
    requirement = Requirement.objects.create(
        module=module, due_days=due_days, due_date=due_date, active=active
    )
    requirement.divisions.set(divisions)
    requirement.service_points.set(service_points)
    requirement.roles.set(roles)
    return requirement


def start_cycle(staff, module, started_on: datetime.date, completed_on=None) -> ModuleCycle:
    number = ModuleCycle.objects.filter(staff=staff, module_key=module.translation_key).count() + 1
    return ModuleCycle.objects.create(
        staff=staff,
        module_key=module.translation_key,
        number=number,
        started_at=aware(started_on, 9),
        completed_at=aware(completed_on, 15) if completed_on else None,
    )


def certify(
    staff,
    module,
    issued_on: datetime.date,
    *,
    expires_on=None,
    revoked_on: datetime.date | None = None,
) -> Certificate:
    cycle = start_cycle(staff, module, issued_on, completed_on=issued_on)
    return Certificate.objects.create(
        staff=staff,
        module_key=module.translation_key,
        cycle=cycle,
        title=module.title,
        issued_on=issued_on,
        expires_on=expires_on,
        revoked_at=aware(revoked_on) if revoked_on else None,
        revocation_reason="test" if revoked_on else "",
    )

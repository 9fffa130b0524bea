"""The few functions that change learning records. Everything that completes a module goes
through here (DESIGN.md rule 2).

Public API (other apps call exactly these):

- `current_cycle(staff, module_key, *, create=False) -> ModuleCycle | None`
- `mark_lesson_done(staff, lesson_page) -> ModuleCycle`
- `refresh_completion(cycle) -> bool`
- `record_external_completion(staff, module_key, completed_on, source_note) -> (cycle, created)`
- `invalidate_cycle(cycle, reason) -> ModuleCycle`
- `module_lessons(module_key) -> list[LessonPage]` and `module_page(module_key)` (read helpers)

Which lessons a module has: the union, de-duplicated by the lesson's `translation_key`, of
the live lessons under every live translation of the module. A lesson published only in
Finnish therefore still has to be done by a Swedish learner (the module page offers it in
the language that has it); a lesson unpublished in every language no longer counts.

Cycles: one `ModuleCycle` row per person x module x cycle. A cycle is *valid* while it is
completed, not invalidated (e.g. its certificate was revoked), not past `expires_on`, and
completed after the module's `retraining_since`. When the latest cycle is completed but no
longer valid, the next `current_cycle(..., create=True)` opens cycle n+1; the old row stays
as history.

Completion is sent to other apps with `courses.signals.module_completed` (kwarg `cycle`)
after the completing transaction commits, exactly once per cycle.
"""

from __future__ import annotations

import calendar
import datetime
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone

from courses import completion
from courses.models import CoursePage, LessonPage, LessonProgress, ModuleCycle
from courses.signals import module_completed
from organisation.models import StaffMember


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` plus `months` calendar months (clamped to the month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- reading modules -------------------------------------------------------------------------


def module_page(module_key: uuid.UUID, *, locale_code: str | None = None) -> CoursePage | None:
    """The live module page for `module_key`: in `locale_code` when live there, else in the
    default language, else any live translation. One query."""
    pages = list(
        CoursePage.objects.live().filter(translation_key=module_key).select_related("locale")
    )
    if not pages:
        return None
    preferred = [locale_code, settings.LANGUAGE_CODE]

    def rank(page: CoursePage) -> int:
        code = page.locale.language_code
        return preferred.index(code) if code in preferred else len(preferred)

    return min(pages, key=lambda p: (rank(p), p.pk))


def retraining_since(module_key: uuid.UUID) -> datetime.datetime | None:
    """The latest `retraining_since` of any translation of the module (they are kept equal)."""
    return CoursePage.objects.filter(translation_key=module_key).aggregate(
        at=Max("retraining_since")
    )["at"]


def lessons_for_modules(
    module_pages: list[CoursePage], language: str | None = None
) -> dict[uuid.UUID, list[LessonPage]]:
    """Live lessons of the given live module pages (all translations of each module should
    be passed), grouped by module key: one lesson per lesson `translation_key`, in
    `language` when live there, else in the default language, else any live translation;
    ordered as in the default-language module. One query."""
    if not module_pages:
        return {}
    default = settings.LANGUAGE_CODE
    module_by_path = {page.path: page for page in module_pages}
    q = Q()
    for page in module_pages:
        q |= Q(path__startswith=page.path, depth=page.depth + 1)
    lessons = LessonPage.objects.live().filter(q).defer_streamfields().select_related("locale")
    grouped: dict[uuid.UUID, dict[uuid.UUID, dict[str, LessonPage]]] = {}
    for lesson in lessons:
        module = module_by_path.get(lesson.path[: -LessonPage.steplen])
        if module is None:
            continue
        by_key = grouped.setdefault(module.translation_key, {})
        by_key.setdefault(lesson.translation_key, {})[lesson.locale.language_code] = lesson
    result: dict[uuid.UUID, list[LessonPage]] = {}
    for module_key, by_key in grouped.items():
        entries = []
        for versions in by_key.values():
            if default in versions:
                order = (0, versions[default].path[-LessonPage.steplen :])
            else:
                order = (1, min(v.path[-LessonPage.steplen :] for v in versions.values()))
            chosen = (
                versions.get(language) or versions.get(default) or next(iter(versions.values()))
            )
            entries.append((order, chosen))
        result[module_key] = [lesson for _order, lesson in sorted(entries, key=lambda e: e[0])]
    return result


def module_lessons(module_key: uuid.UUID, language: str | None = None) -> list[LessonPage]:
    """The lessons of one module (see the module docstring), each in `language` when live
    there, else in the default language. Two queries."""
    pages = list(CoursePage.objects.live().filter(translation_key=module_key))
    return lessons_for_modules(pages, language).get(uuid.UUID(str(module_key)), [])


def module_lesson_keys(module_key: uuid.UUID) -> set[uuid.UUID]:
    return {lesson.translation_key for lesson in module_lessons(module_key)}


# --- cycles ------------------------------------------------------------------------------------


def _latest_cycle(staff: StaffMember, module_key: uuid.UUID) -> ModuleCycle | None:
    return (
        ModuleCycle.objects.filter(staff=staff, module_key=module_key).order_by("-number").first()
    )


def _open_new_cycle(staff: StaffMember, module_key: uuid.UUID, number: int) -> ModuleCycle:
    """Create cycle `number`; when a concurrent request created it first, return that one."""
    try:
        with transaction.atomic():
            return ModuleCycle.objects.create(staff=staff, module_key=module_key, number=number)
    except IntegrityError:
        return ModuleCycle.objects.get(staff=staff, module_key=module_key, number=number)


def current_cycle(
    staff: StaffMember, module_key: uuid.UUID, *, create: bool = False
) -> ModuleCycle | None:
    """The cycle that counts now for `staff` and the module.

    - the open (not completed, not invalidated) cycle, if there is one;
    - else the latest completed cycle while it is still valid;
    - else (no cycle yet, or the latest is expired / older than the module's
      `retraining_since` / invalidated) a new cycle n+1 when `create` is true, or None.
    """
    module_key = uuid.UUID(str(module_key))
    latest = _latest_cycle(staff, module_key)
    if latest is not None and latest.invalidated_at is None:
        if not latest.is_completed:
            return latest
        if latest.is_valid(retraining_since=retraining_since(module_key)):
            return latest
    if not create:
        return None
    return _open_new_cycle(staff, module_key, (latest.number + 1) if latest else 1)


def mark_lesson_done(staff: StaffMember, lesson_page: LessonPage) -> ModuleCycle:
    """Record that `staff` has done `lesson_page` (any language) in their current cycle of
    its module, then refresh completion. Idempotent. Raises ValueError for a lesson that is
    not live or has no module."""
    if not lesson_page.live:
        raise ValueError("lesson is not live")
    module = lesson_page.get_parent().specific
    if not isinstance(module, CoursePage):
        raise ValueError("lesson has no module")
    cycle = current_cycle(staff, module.translation_key, create=True)
    LessonProgress.objects.get_or_create(cycle=cycle, lesson_key=lesson_page.translation_key)
    refresh_completion(cycle)
    cycle.refresh_from_db()
    return cycle


def _complete(cycle: ModuleCycle, module: CoursePage | None, at: datetime.datetime) -> None:
    cycle.completed_at = at
    months = module.validity_months if module is not None else None
    cycle.expires_on = add_months(timezone.localdate(at), months) if months else None
    cycle.save(update_fields=["completed_at", "expires_on", "source", "source_note"])
    completed = cycle
    transaction.on_commit(lambda: module_completed.send(sender=ModuleCycle, cycle=completed))


def refresh_completion(cycle: ModuleCycle) -> bool:
    """THE one place that decides completion. Returns True when the cycle is completed
    (by this call or before), False otherwise.

    Completed = every lesson of `module_lessons(module_key)` (at least one) has a
    LessonProgress row in this cycle, AND every gate in `courses.completion.gates()`
    returns True for (cycle, module page in the default language). On completion sets
    `completed_at` and `expires_on` (module's `validity_months`) and sends
    `module_completed` after commit. The cycle row is locked (select_for_update), so two
    concurrent calls complete it once."""
    with transaction.atomic():
        locked = ModuleCycle.objects.select_for_update().get(pk=cycle.pk)
        if locked.is_completed:
            return True
        if locked.invalidated_at is not None:
            return False
        keys = module_lesson_keys(locked.module_key)
        if not keys:
            return False
        done = set(
            LessonProgress.objects.filter(cycle=locked, lesson_key__in=keys).values_list(
                "lesson_key", flat=True
            )
        )
        if done != keys:
            return False
        module = module_page(locked.module_key)
        if module is None:
            return False
        if not all(gate(locked, module) for gate in completion.gates()):
            return False
        _complete(locked, module, timezone.now())
    cycle.completed_at, cycle.expires_on = locked.completed_at, locked.expires_on
    return True


def record_external_completion(
    staff: StaffMember,
    module_key: uuid.UUID,
    completed_on: datetime.date,
    source_note: str,
) -> tuple[ModuleCycle, bool]:
    """Record a completion made outside the platform (e.g. a classroom workshop) as of
    `completed_on`. Returns (cycle, created).

    - Idempotent: an imported cycle for the same person, module and date is returned as is.
    - If the current cycle is open, it is completed as of that date (source "imported").
    - If the latest cycle is completed on or after `completed_on` and still valid, nothing
      changes (the newer completion already covers it): (that cycle, False).
    - Otherwise a new completed cycle n+1 is added.
    Gates (quiz) do not apply: the workshop is the evidence. `module_completed` is sent."""
    module_key = uuid.UUID(str(module_key))
    with transaction.atomic():
        # Lock the person's row so two imports of the same person serialise.
        StaffMember.objects.select_for_update().filter(pk=staff.pk).first()
        existing = ModuleCycle.objects.filter(
            staff=staff,
            module_key=module_key,
            source=ModuleCycle.Source.IMPORTED,
            completed_at__isnull=False,
        ).order_by("-number")
        for cycle in existing:
            if timezone.localdate(cycle.completed_at) == completed_on:
                return cycle, False
        at = timezone.make_aware(datetime.datetime.combine(completed_on, datetime.time(12)))
        cycle = current_cycle(staff, module_key, create=False)
        if cycle is not None and cycle.is_completed:
            if timezone.localdate(cycle.completed_at) >= completed_on:
                return cycle, False
            cycle = None
        if cycle is None:
            latest = _latest_cycle(staff, module_key)
            cycle = _open_new_cycle(staff, module_key, (latest.number + 1) if latest else 1)
        cycle = ModuleCycle.objects.select_for_update().get(pk=cycle.pk)
        cycle.source = ModuleCycle.Source.IMPORTED
        cycle.source_note = source_note[:255]
        _complete(cycle, module_page(module_key), at)
    return cycle, True


def invalidate_cycle(cycle: ModuleCycle, reason: str) -> ModuleCycle:
    """Mark a completed cycle as no longer valid (e.g. its certificate was revoked). The
    module becomes required again: the next `current_cycle(create=True)` opens cycle n+1.
    Idempotent: the first invalidation's time and reason are kept."""
    with transaction.atomic():
        locked = ModuleCycle.objects.select_for_update().get(pk=cycle.pk)
        if locked.invalidated_at is None:
            locked.invalidated_at = timezone.now()
            locked.invalidation_reason = reason[:255]
            locked.save(update_fields=["invalidated_at", "invalidation_reason"])
    cycle.invalidated_at, cycle.invalidation_reason = (
        locked.invalidated_at,
        locked.invalidation_reason,
    )
    return locked

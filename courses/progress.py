"""Read side of learning records: what a learner's progress looks like on a module page,
a lesson page and the "My learning" dashboard.

Nothing here decides completion (that is `courses.services.refresh_completion`); it reads
the cycle rows and shows them. Every function uses a fixed number of queries.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from courses import services
from courses.models import CoursePage, LessonPage, LessonProgress, ModuleCycle
from courses.requirements import required_modules
from organisation.models import StaffMember, staff_for_user

DUE_SOON_DAYS = 30

STATE_LABELS = {
    "not_started": _("Not started"),
    "in_progress": _("In progress"),
    "completed": _("Completed"),
}


@dataclass
class LessonItem:
    lesson: LessonPage
    done: bool


@dataclass
class ModuleStatus:
    """One module as one learner sees it."""

    module_key: uuid.UUID
    page: CoursePage | None
    lessons: list[LessonItem] = field(default_factory=list)
    cycle: ModuleCycle | None = None
    completed: bool = False
    required: bool = False
    due_date: datetime.date | None = None
    today: datetime.date = field(default_factory=timezone.localdate)

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def done(self) -> int:
        return sum(1 for item in self.lessons if item.done)

    @property
    def percent(self) -> int:
        if self.completed:
            return 100
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def state(self) -> str:
        if self.completed:
            return "completed"
        if self.cycle is not None and self.cycle.completed_at is None:
            return "in_progress"
        return "not_started"

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def overdue(self) -> bool:
        return bool(
            self.required and not self.completed and self.due_date and self.due_date < self.today
        )

    @property
    def due_soon(self) -> bool:
        if not self.required or self.completed or not self.due_date or self.overdue:
            return False
        return (self.due_date - self.today).days <= DUE_SOON_DAYS

    @property
    def next_lesson(self) -> LessonPage | None:
        """The first lesson not done yet (None when all are done)."""
        for item in self.lessons:
            if not item.done:
                return item.lesson
        return None

    @property
    def expires_on(self) -> datetime.date | None:
        return self.cycle.expires_on if self.completed and self.cycle else None


def _language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE)[:2]


def _pick(pages: list[CoursePage], language: str) -> CoursePage:
    by_language = {p.locale.language_code: p for p in pages}
    return by_language.get(language) or by_language.get(settings.LANGUAGE_CODE) or pages[0]


def _statuses(
    staff: StaffMember | None,
    module_pages: list[CoursePage],
    language: str,
    *,
    requirements: bool = True,
) -> dict[uuid.UUID, ModuleStatus]:
    """ModuleStatus for every module among `module_pages` (all live translations). Queries:
    lessons 1, requirements 1 (0 when not asked for: `required` is then False), cycles 1,
    lesson progress 1 (0 without staff)."""
    by_key: dict[uuid.UUID, list[CoursePage]] = {}
    for page in module_pages:
        by_key.setdefault(page.translation_key, []).append(page)
    lessons = services.lessons_for_modules(module_pages, language)
    required = (
        {r.module_key: r.due_date for r in required_modules(staff)}
        if staff and requirements
        else {}
    )
    latest: dict[uuid.UUID, ModuleCycle] = {}
    done_keys: dict[int, set[uuid.UUID]] = {}
    if staff is not None and by_key:
        for cycle in ModuleCycle.objects.filter(staff=staff, module_key__in=list(by_key)).order_by(
            "module_key", "number"
        ):
            latest[cycle.module_key] = cycle
        for cycle_id, lesson_key in LessonProgress.objects.filter(
            cycle__in=[c.pk for c in latest.values()]
        ).values_list("cycle_id", "lesson_key"):
            done_keys.setdefault(cycle_id, set()).add(lesson_key)
    today = timezone.localdate()
    result = {}
    for key, pages in by_key.items():
        cycle = latest.get(key)
        retraining = max((p.retraining_since for p in pages if p.retraining_since), default=None)
        completed = bool(cycle and cycle.is_valid(retraining_since=retraining, today=today))
        if cycle is not None and cycle.completed_at is not None and not completed:
            cycle = None  # an expired / superseded completion: a new cycle is due
        if cycle is not None and cycle.invalidated_at is not None:
            cycle = None
        done = done_keys.get(cycle.pk, set()) if cycle else set()
        result[key] = ModuleStatus(
            module_key=key,
            page=_pick(pages, language),
            lessons=[
                LessonItem(lesson=lesson, done=completed or lesson.translation_key in done)
                for lesson in lessons.get(key, [])
            ],
            cycle=cycle,
            completed=completed,
            required=key in required,
            due_date=required.get(key),
            today=today,
        )
    return result


def module_status(
    staff: StaffMember | None, module: CoursePage, *, requirements: bool = True
) -> ModuleStatus:
    """One module for one learner, in the active language (without `requirements`, nothing
    says whether it is required of them)."""
    pages = list(
        CoursePage.objects.live()
        .filter(translation_key=module.translation_key)
        .select_related("locale")
    )
    if not pages:
        pages = [module]
    return _statuses(staff, pages, _language(), requirements=requirements)[module.translation_key]


def module_page_context(request, module: CoursePage) -> dict:
    """Context of a module page: lessons with done marks, progress, "Continue", and the
    module's other live pages in this language (e.g. its quiz)."""
    staff = staff_for_user(request.user)
    status = module_status(staff, module)
    # Title and URL only: the base pages do, no specific page needed.
    other_pages = (
        module.get_children().live().not_type(LessonPage).filter(locale_id=module.locale_id)
    )
    return {
        "staff": staff,
        "status": status,
        "other_pages": list(other_pages),
        "objectives": list(module.objectives.all()),
    }


def lesson_context(
    staff: StaffMember | None, lesson: LessonPage, module: CoursePage, *, enrol: bool = False
) -> dict:
    """Context of a lesson page: its place in the module, done or not, previous and next.
    With `enrol`, a learner without a current cycle of the module gets one (reading a
    lesson starts the module)."""
    status = module_status(staff, module, requirements=False)
    if enrol and staff is not None and status.cycle is None:
        services.current_cycle(staff, module.translation_key, create=True)
        status = module_status(staff, module, requirements=False)
    keys = [item.lesson.translation_key for item in status.lessons]
    position = keys.index(lesson.translation_key) if lesson.translation_key in keys else None
    done = bool(position is not None and status.lessons[position].done)
    return {
        "staff": staff,
        "module": status.page or module,
        "status": status,
        "position": (position + 1) if position is not None else None,
        "lesson_done": done,
        "previous_lesson": status.lessons[position - 1].lesson if position else None,
        "next_lesson": (
            status.lessons[position + 1].lesson
            if position is not None and position + 1 < len(status.lessons)
            else None
        ),
    }


def next_after(staff: StaffMember, lesson: LessonPage, module: CoursePage):
    """Where "Mark as done and continue" goes: the next lesson not yet done after this one,
    else the first one not done, else the module page. In the active language."""
    status = module_status(staff, module, requirements=False)
    keys = [item.lesson.translation_key for item in status.lessons]
    start = keys.index(lesson.translation_key) + 1 if lesson.translation_key in keys else 0
    ordered = status.lessons[start:] + status.lessons[:start]
    for item in ordered:
        if not item.done:
            return item.lesson
    return status.page or module


def valid_completions(
    staff: StaffMember, modules: list[CoursePage]
) -> dict[uuid.UUID, datetime.date | None]:
    """{module key: valid until (None: never expires)} of the modules among `modules` that
    `staff` holds a valid completion of today: the latest cycle, valid as on My learning
    (`ModuleCycle.is_valid`). One query."""
    retraining = {page.translation_key: page.retraining_since for page in modules}
    latest: dict[uuid.UUID, ModuleCycle] = {}
    for cycle in ModuleCycle.objects.filter(staff=staff, module_key__in=list(retraining)).order_by(
        "module_key", "number"
    ):
        latest[cycle.module_key] = cycle
    today = timezone.localdate()
    return {
        key: cycle.expires_on
        for key, cycle in latest.items()
        if cycle.is_valid(retraining_since=retraining[key], today=today)
    }


def dashboard_modules(staff: StaffMember) -> tuple[list[ModuleStatus], list[ModuleStatus]]:
    """(required, optional) modules of `staff`, in the active language.

    Required: overdue first, then by due date. Optional: by title. Five queries, whatever
    the number of modules."""
    language = _language()
    pages = list(CoursePage.objects.live().select_related("locale").order_by("path"))
    statuses = _statuses(staff, pages, language)
    required = sorted(
        (s for s in statuses.values() if s.required),
        key=lambda s: (s.completed, not s.overdue, s.due_date or datetime.date.max),
    )
    optional = sorted(
        (s for s in statuses.values() if not s.required),
        key=lambda s: s.page.title.lower() if s.page else "",
    )
    return required, optional

"""Page-tree builders for tests: a module with lessons in Finnish, translated to sv/en.

Reusable by other apps' tests::

    from tests.courses.factories import make_module
    tree = make_module(lessons=2)            # fi module + 2 lessons, sv and en translations
    tree.module, tree.lessons                 # Finnish pages
    tree.translations["sv"].module           # Swedish module page
    tree.translations["sv"].lessons          # Swedish lessons, same order
    tree.module_key                           # the module's translation_key
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

import factory
from wagtail.models import Locale, Page

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModuleCycle, Requirement
from home.models import HomePage

LESSON_BODY = [
    {"type": "heading", "value": {"text": "Johdanto"}},
    {"type": "text", "value": "<p>Tervetuloa oppitunnille.</p>"},
]


@dataclass
class Language:
    module: CoursePage
    lessons: list[LessonPage]


@dataclass
class ModuleTree:
    index: CourseIndexPage
    module: CoursePage
    lessons: list[LessonPage]
    translations: dict[str, Language] = field(default_factory=dict)

    @property
    def module_key(self) -> uuid.UUID:
        return self.module.translation_key


def home_page(language: str = "fi") -> HomePage:
    """The home page in `language`, translating the Finnish one when needed."""
    fi_home = HomePage.objects.get(locale__language_code="fi")
    if language == "fi":
        return fi_home
    locale = Locale.objects.get(language_code=language)
    existing = fi_home.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = fi_home.copy_for_translation(locale)
    copy.save_revision().publish()
    return HomePage.objects.get(pk=copy.pk)


def course_index(language: str = "fi") -> CourseIndexPage:
    home = home_page(language)
    index = CourseIndexPage.objects.child_of(home).first()
    if index is not None:
        return index
    if language == "fi":
        index = CourseIndexPage(title="Moduulit", slug="moduulit")
        home.add_child(instance=index)
        return index
    fi_index = course_index("fi")
    copy = fi_index.copy_for_translation(Locale.objects.get(language_code=language))
    copy.save_revision().publish()
    return CourseIndexPage.objects.get(pk=copy.pk)


def _publish_translation(page: Page, language: str) -> Page:
    locale = Locale.objects.get(language_code=language)
    copy = page.copy_for_translation(locale)
    copy.title = f"{page.title} ({language})"
    copy.save_revision().publish()
    return type(page).objects.get(pk=copy.pk)


_counter = iter(range(1, 10**9))


def make_module(
    *,
    lessons: int = 2,
    translations: tuple[str, ...] = ("sv", "en"),
    title: str | None = None,
    validity_months: int | None = None,
    **fields,
) -> ModuleTree:
    """A live Finnish module with `lessons` live lessons, plus live translations."""
    n = next(_counter)
    index = course_index("fi")
    for language in translations:
        course_index(language)
    module = CoursePage(
        title=title or f"Moduuli {n}",
        slug=f"moduuli-{n}-{uuid.uuid4().hex[:6]}",
        summary="Lyhyt kuvaus.",
        validity_months=validity_months,
        **fields,
    )
    index.add_child(instance=module)
    lesson_pages = []
    for i in range(1, lessons + 1):
        lesson = LessonPage(title=f"Oppitunti {i}", slug=f"oppitunti-{i}", body=LESSON_BODY)
        module.add_child(instance=lesson)
        lesson_pages.append(lesson)
    tree = ModuleTree(index=index, module=module, lessons=lesson_pages)
    for language in translations:
        t_module = _publish_translation(module, language)
        t_lessons = [_publish_translation(lesson, language) for lesson in lesson_pages]
        tree.translations[language] = Language(module=t_module, lessons=t_lessons)
    return tree


class RequirementFactory(factory.django.DjangoModelFactory):
    """`Requirement.objects` row; pass `module=<CoursePage>`; audience via post-gen lists."""

    class Meta:
        model = Requirement

    due_days = 90
    due_date = None
    active = True

    @factory.post_generation
    def divisions(self, create, extracted, **kwargs):
        if create and extracted:
            self.divisions.set(extracted)

    @factory.post_generation
    def service_points(self, create, extracted, **kwargs):
        if create and extracted:
            self.service_points.set(extracted)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.roles.set(extracted)


class ModuleCycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModuleCycle

    number = 1


def completed_on(day: datetime.date) -> datetime.datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))

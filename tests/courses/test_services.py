import datetime

import pytest
import time_machine
from django.utils import timezone

from courses import completion, services
from courses.models import LessonProgress, ModuleCycle
from courses.signals import module_completed
from tests.courses.factories import make_module
from tests.organisation.factories import StaffMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return make_module(lessons=2, validity_months=12)


@pytest.fixture
def staff():
    return StaffMemberFactory()


@pytest.fixture
def completions():
    received = []

    def receiver(sender, cycle, **kwargs):
        received.append(cycle.pk)

    module_completed.connect(receiver)
    yield received
    module_completed.disconnect(receiver)


def test_translations_exist(tree):
    assert tree.translations["sv"].module.translation_key == tree.module_key
    assert tree.translations["sv"].module.live
    assert [lesson.translation_key for lesson in tree.translations["en"].lessons] == [
        lesson.translation_key for lesson in tree.lessons
    ]
    assert len(services.module_lessons(tree.module_key)) == 2


def test_completing_in_swedish_counts_for_finnish(
    tree, staff, completions, django_capture_on_commit_callbacks
):
    sv = tree.translations["sv"]
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_lesson_done(staff, sv.lessons[0])
        cycle = services.mark_lesson_done(staff, tree.translations["en"].lessons[1])
    assert cycle.is_completed
    assert services.current_cycle(staff, tree.module_key) == cycle
    assert completions == [cycle.pk]


def test_mark_lesson_done_is_idempotent(tree, staff):
    services.mark_lesson_done(staff, tree.lessons[0])
    cycle = services.mark_lesson_done(staff, tree.translations["sv"].lessons[0])
    assert LessonProgress.objects.filter(cycle=cycle).count() == 1
    assert not cycle.is_completed


def test_completion_sets_expiry_from_validity(tree, staff):
    with time_machine.travel(datetime.datetime(2026, 3, 31, 10, tzinfo=datetime.UTC)):
        for lesson in tree.lessons:
            cycle = services.mark_lesson_done(staff, lesson)
    assert cycle.expires_on == datetime.date(2027, 3, 31)


def test_completion_happens_once(tree, staff, completions, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in tree.lessons:
            cycle = services.mark_lesson_done(staff, lesson)
        assert services.refresh_completion(cycle) is True
        services.mark_lesson_done(staff, tree.lessons[0])
    assert completions == [cycle.pk]


def test_gate_blocks_completion(tree, staff):
    def never(cycle, module):
        return False

    completion.register_gate(never)
    try:
        for lesson in tree.lessons:
            cycle = services.mark_lesson_done(staff, lesson)
        assert not cycle.is_completed
    finally:
        completion._gates.remove(never)
    assert services.refresh_completion(cycle) is True


def test_expired_cycle_opens_a_new_one(tree, staff):
    for lesson in tree.lessons:
        first = services.mark_lesson_done(staff, lesson)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=400)):
        assert services.current_cycle(staff, tree.module_key) is None
        second = services.current_cycle(staff, tree.module_key, create=True)
    assert second.number == first.number + 1
    assert not second.is_completed


def test_invalidated_cycle_opens_a_new_one(tree, staff):
    for lesson in tree.lessons:
        first = services.mark_lesson_done(staff, lesson)
    services.invalidate_cycle(first, "revoked")
    services.invalidate_cycle(first, "again")
    first.refresh_from_db()
    assert first.invalidation_reason == "revoked"
    assert services.current_cycle(staff, tree.module_key) is None
    assert services.current_cycle(staff, tree.module_key, create=True).number == 2


def test_unpublished_lesson_no_longer_counts(tree, staff):
    for language in ("sv", "en"):
        tree.translations[language].lessons[1].unpublish()
    tree.lessons[1].unpublish()
    cycle = services.mark_lesson_done(staff, tree.lessons[0])
    assert cycle.is_completed


def test_record_external_completion_is_idempotent(
    tree, staff, completions, django_capture_on_commit_callbacks
):
    day = datetime.date(2026, 5, 4)
    with django_capture_on_commit_callbacks(execute=True):
        cycle, created = services.record_external_completion(
            staff, tree.module_key, day, "Workshop"
        )
        again, created_again = services.record_external_completion(
            staff, tree.module_key, day, "Workshop"
        )
    assert created and not created_again
    assert again.pk == cycle.pk
    assert cycle.source == ModuleCycle.Source.IMPORTED
    assert timezone.localdate(cycle.completed_at) == day
    assert cycle.expires_on == datetime.date(2027, 5, 4)
    assert completions == [cycle.pk]


def test_external_completion_completes_open_cycle(tree, staff):
    open_cycle = services.mark_lesson_done(staff, tree.lessons[0])
    cycle, created = services.record_external_completion(
        staff, tree.module_key, timezone.localdate(), "Workshop"
    )
    assert created and cycle.pk == open_cycle.pk and cycle.is_completed


def test_older_external_completion_does_not_override_newer(tree, staff):
    for lesson in tree.lessons:
        done = services.mark_lesson_done(staff, lesson)
    cycle, created = services.record_external_completion(
        staff, tree.module_key, timezone.localdate() - datetime.timedelta(days=30), "Old"
    )
    assert not created and cycle.pk == done.pk

"""Completion happens once, even when two requests complete the same cycle at once."""

import threading

import pytest
from django.db import close_old_connections

from courses import services
from courses.models import LessonProgress
from courses.signals import module_completed
from tests.courses.factories import make_module
from tests.organisation.factories import StaffMemberFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_refresh_completes_once():
    tree = make_module(lessons=2, translations=())
    staff = StaffMemberFactory()
    cycle = services.current_cycle(staff, tree.module_key, create=True)
    for lesson in tree.lessons:
        LessonProgress.objects.create(cycle=cycle, lesson_key=lesson.translation_key)

    sent = []
    module_completed.connect(
        lambda sender, cycle, **kw: sent.append(cycle.pk),
        weak=False,
        dispatch_uid="test-concurrency",
    )
    barrier = threading.Barrier(4)
    errors = []

    def worker():
        try:
            barrier.wait()
            services.refresh_completion(cycle)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        module_completed.disconnect(dispatch_uid="test-concurrency")
    assert not errors
    assert sent == [cycle.pk]
    cycle.refresh_from_db()
    assert cycle.is_completed


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_enrolment_makes_one_cycle():
    tree = make_module(lessons=1, translations=())
    staff = StaffMemberFactory()
    barrier = threading.Barrier(4)
    results, errors = [], []

    def worker():
        try:
            barrier.wait()
            results.append(services.current_cycle(staff, tree.module_key, create=True).pk)
        except Exception as exc:  # pragma: no cover
            errors.append(exc)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(set(results)) == 1

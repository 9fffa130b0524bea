import datetime

import pytest
import time_machine
from django.utils import timezone

from courses import services
from courses.models import CoursePage
from courses.progress import module_status
from courses.requirements import required_modules
from tests.courses.factories import RequirementFactory
from tests.organisation.factories import StaffMemberFactory

pytestmark = pytest.mark.django_db


def complete(staff, tree):
    for lesson in tree.lessons:
        cycle = services.mark_lesson_done(staff, lesson)
    assert cycle.is_completed
    return cycle


def publish_with_retraining(page):
    page = CoursePage.objects.get(pk=page.pk)
    page.requires_retraining = True
    page.save_revision().publish()


def test_requires_retraining_reopens_only_for_those_certified_before(tree):
    RequirementFactory(module=tree.module)
    before, untouched = StaffMemberFactory(), StaffMemberFactory()
    start = timezone.now() - datetime.timedelta(days=10)
    with time_machine.travel(start):
        first = complete(before, tree)
    publish_with_retraining(tree.translations["sv"].module)

    # every translation has the same retraining time and the box is unticked again
    pages = CoursePage.objects.filter(translation_key=tree.module_key)
    assert {p.retraining_since for p in pages} != {None}
    assert len({p.retraining_since for p in pages}) == 1
    assert not any(p.requires_retraining for p in pages)
    latest = CoursePage.objects.get(pk=tree.translations["sv"].module.pk).get_latest_revision()
    assert latest.content["requires_retraining"] is False

    # certified before: the module is required and not completed again, in a new cycle
    assert services.current_cycle(before, tree.module_key) is None
    status = module_status(before, tree.module)
    assert status.required and not status.completed and status.state == "not_started"
    second = complete(before, tree)
    assert second.number == first.number + 1

    # the others are unaffected: still required, never started
    assert [r.module_key for r in required_modules(untouched)] == [tree.module_key]
    assert module_status(untouched, tree.module).state == "not_started"


def test_completion_after_retraining_counts(tree, staff):
    publish_with_retraining(tree.module)
    cycle = complete(staff, tree)
    assert services.current_cycle(staff, tree.module_key) == cycle
    assert module_status(staff, tree.module).completed


def test_publishing_without_the_box_changes_nothing(tree, staff):
    cycle = complete(staff, tree)
    page = CoursePage.objects.get(pk=tree.module.pk)
    page.summary = "Uusi kuvaus."
    page.save_revision().publish()
    assert CoursePage.objects.get(pk=tree.module.pk).retraining_since is None
    assert services.current_cycle(staff, tree.module_key) == cycle


def test_a_later_draft_does_not_undo_retraining(tree):
    publish_with_retraining(tree.module)
    since = CoursePage.objects.get(pk=tree.module.pk).retraining_since
    page = CoursePage.objects.get(pk=tree.module.pk)
    page.summary = "Toinen kuvaus."
    page.save_revision().publish()
    page = CoursePage.objects.get(pk=tree.module.pk)
    assert page.retraining_since == since and not page.requires_retraining

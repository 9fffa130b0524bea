"""Every learner page runs a small, fixed number of queries, whatever the number of modules,
lessons and certificates (issue: learner pages at close to the cost of a bare page).

Counted in the steady state (the page seen once before: the site's home pages and the
language links are then in the cache), with the test settings' database sessions; with
cached sessions (production with Redis) each page runs one query fewer."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from assessments import services as quiz_services
from certificates.services import issue_for_cycle
from courses import services
from courses.models import ModuleCycle
from tests.assessments.factories import make_quiz, single
from tests.assessments.helpers import answers_for
from tests.certificates.conftest import make_completed_cycle
from tests.courses.factories import RequirementFactory, make_module
from tests.organisation.factories import StaffMemberFactory

pytestmark = pytest.mark.django_db

# session, user with their staff record, view restrictions (one query for all ancestors),
# the page (its tree path, then the page itself) and what the page shows.
PINS = {
    "my learning": 9,
    "catalogue": 10,  # with whether each module is completed (one query)
    "module": 12,
    "lesson": 10,
    "quiz form": 7,
    "quiz result": 7,
    "my certificates": 3,
    "verification": 3,
    "mark done": 22,  # the first time: the cycle, the progress row, completion, where next
}


def _world(size: int):
    """`size` modules of `size + 1` lessons and a quiz each; the learner has started them
    all, done a lesson of each, holds a certificate of all but the last and is required
    to take every module."""
    staff = StaffMemberFactory()
    trees = []
    for n in range(size):
        tree = make_module(lessons=size + 1, validity_months=24)
        quiz = make_quiz(tree, [single(f"K{i}", [("a", True), ("b", False)]) for i in range(3)])
        RequirementFactory(
            module=tree.module, due_days=30, divisions=[staff.service_point.division]
        )
        services.mark_lesson_done(staff, tree.lessons[0])
        if n < size - 1:
            ModuleCycle.objects.filter(staff=staff, module_key=tree.module_key).delete()
            issue_for_cycle(make_completed_cycle(staff, tree.module_key))
        trees.append((tree, quiz))
    tree, quiz = trees[-1]
    attempt = quiz_services.start_attempt(staff, quiz.page)
    quiz_services.submit_attempt(
        staff, attempt.pk, MultiValueDict(answers_for(attempt, correct=False))
    )
    certificate = staff.certificates.first()
    return staff, tree, quiz, attempt, certificate


def _pages(tree, quiz, attempt, certificate) -> dict[str, str]:
    return {
        "my learning": "/fi/",
        "catalogue": tree.index.url,
        "module": tree.module.url,
        "lesson": tree.lessons[1].url,
        "quiz form": quiz.page.url,
        "quiz result": reverse("assessments:result", args=[attempt.pk]),
        "my certificates": reverse("certificates:mine"),
        "verification": reverse("certificates:verify", args=[certificate.code]),
    }


def _count(client, method: str, url: str, **data) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = getattr(client, method)(url, data)
    assert response.status_code in (200, 302), (url, response.status_code)
    return len(ctx.captured_queries)


def _counts(client, size: int) -> dict[str, int]:
    staff, tree, quiz, attempt, certificate = _world(size)
    client.force_login(staff.user)
    counts = {}
    for name, url in _pages(tree, quiz, attempt, certificate).items():
        client.get(url)  # seen once: the steady state
        counts[name] = _count(client, "get", url)
    client.get(tree.lessons[2].url)
    counts["mark done"] = _count(client, "post", tree.lessons[2].url, action="done")
    return counts


def test_learner_pages_run_a_fixed_small_number_of_queries(client):
    small = _counts(client, 2)
    client.logout()
    large = _counts(client, 4)
    assert large == small, "a page's queries grow with the number of modules or lessons"
    over = {name: n for name, n in small.items() if n > PINS[name]}
    assert not over, f"pages over their pinned query count: {over} (pins: {PINS})"

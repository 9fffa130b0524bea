"""Two tabs submitting (or starting) at the same moment, on PostgreSQL with real threads."""

import threading
import time

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from assessments import grading, services
from assessments.models import Attempt, QuestionResponse
from tests.assessments.factories import make_quiz, ten_questions
from tests.assessments.helpers import answers_for
from tests.courses.factories import make_module
from tests.organisation.factories import StaffMemberFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _in_threads(count, target):
    barrier = threading.Barrier(count)
    results = [None] * count
    errors = []

    def run(i):
        try:
            barrier.wait(timeout=10)
            results[i] = target(i)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors, errors
    return results


@pytest.fixture
def setup(monkeypatch):
    tree = make_module(lessons=1, translations=())
    quiz = make_quiz(tree, ten_questions(), translations=())
    staff = StaffMemberFactory()
    real_grade = grading.grade

    def slow_grade(*args, **kwargs):
        # Hold the row lock long enough for the other request to queue behind it.
        time.sleep(0.3)
        return real_grade(*args, **kwargs)

    monkeypatch.setattr(grading, "grade", slow_grade)
    return quiz, staff


def test_concurrent_submissions_grade_exactly_once(setup):
    quiz, staff = setup
    attempt = services.start_attempt(staff, quiz.page)
    right, wrong = answers_for(attempt), answers_for(attempt, correct=False)
    url = reverse("assessments:submit", args=[attempt.pk])

    def submit(i):
        client = Client()
        client.force_login(staff.user)
        response = client.post(url, right if i == 0 else wrong)
        follow = client.get(response["Location"])
        return response.status_code, "jo lähetetty" in follow.content.decode()

    results = _in_threads(2, submit)
    assert [code for code, _stale in results] == [302, 302]
    # Exactly one of the two tabs is told its answers were not graded again.
    assert sorted(stale for _code, stale in results) == [False, True]
    stored = Attempt.objects.get(pk=attempt.pk)
    assert stored.submitted_at is not None
    per_question = QuestionResponse.objects.filter(attempt=stored)
    assert per_question.values("question_id").distinct().count() == 10
    # The score is that of exactly one of the two submissions, consistent with its rows.
    assert stored.score in (0, 100)
    assert per_question.filter(option_correct=stored.score == 100).count() == per_question.count()


def test_concurrent_starts_open_one_attempt(setup):
    quiz, staff = setup
    results = _in_threads(4, lambda i: services.start_attempt(staff, quiz.page).pk)
    assert len(set(results)) == 1
    assert Attempt.objects.filter(staff=staff).count() == 1

"""Submitting runs a constant number of queries, whatever the number of questions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments import services
from courses import services as course_services
from tests.assessments.factories import make_quiz, single, ten_questions
from tests.assessments.helpers import answers_for

pytestmark = pytest.mark.django_db

# Session, user, staff member; savepoint, lock the attempt (with its cycle), update it,
# insert the responses (one statement), release; passing adds the one completion check in courses
# (savepoint, cycle lock, module and lessons, progress, the quiz gate, completing).
PASSING_SUBMIT_QUERIES = 17
FAILING_SUBMIT_QUERIES = 8


def _count(client, attempt, data):
    url = reverse("assessments:submit", args=[attempt.pk])
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(url, data)
    assert response.status_code == 302
    return len(ctx.captured_queries)


@pytest.mark.parametrize("size", [3, 10])
def test_passing_submission_query_count_is_constant(
    learner_client, learner, tree, size, django_assert_num_queries
):
    questions = (
        ten_questions()
        if size == 10
        else [single(f"Q{i}", [("a", True), ("b", False)]) for i in range(3)]
    )
    quiz = make_quiz(tree, questions)
    course_services.mark_lesson_done(learner, tree.lessons[0])
    attempt = services.start_attempt(learner, quiz.page)
    url = reverse("assessments:submit", args=[attempt.pk])
    with django_assert_num_queries(PASSING_SUBMIT_QUERIES):
        learner_client.post(url, answers_for(attempt))
    attempt.refresh_from_db()
    assert attempt.passed


@pytest.mark.parametrize("size", [3, 10])
def test_failing_submission_query_count_is_constant(
    learner_client, learner, tree, size, django_assert_num_queries
):
    questions = (
        ten_questions()
        if size == 10
        else [single(f"Q{i}", [("a", True), ("b", False)]) for i in range(3)]
    )
    quiz = make_quiz(tree, questions)
    attempt = services.start_attempt(learner, quiz.page)
    url = reverse("assessments:submit", args=[attempt.pk])
    with django_assert_num_queries(FAILING_SUBMIT_QUERIES):
        learner_client.post(url, answers_for(attempt, correct=False))

"""Tampered submissions get 400 with a clear message in the learner's language and change
nothing; another learner's attempt is 404."""

import pytest
from django.urls import reverse
from django.utils import translation

from assessments import services
from assessments.models import Attempt, QuestionResponse
from tests.assessments.factories import make_quiz, multiple, single, true_false
from tests.assessments.helpers import answers_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(tree):
    return make_quiz(
        tree,
        [
            single("Yksi", [("A", True), ("B", False)]),
            single("Kaksi", [("C", True), ("D", False)]),
            multiple("Kolme", [("E", True), ("F", True), ("G", False)]),
            true_false("Neljä", True),
        ],
        pass_mark=50,
    )


@pytest.fixture
def attempt(learner, quiz):
    return services.start_attempt(learner, quiz.page)


def _post(client, attempt, data, language="fi"):
    with translation.override(language):
        url = reverse("assessments:submit", args=[attempt.pk])
    return client.post(url, data)


def _unchanged(attempt):
    stored = Attempt.objects.get(pk=attempt.pk)
    assert stored.submitted_at is None
    assert stored.score is None
    assert stored.passed is False
    assert not QuestionResponse.objects.filter(attempt=attempt).exists()


def _q(attempt, n):
    return attempt.snapshot["questions"][n]


def _with(attempt, **changes):
    data = answers_for(attempt, correct=False)
    data.update(changes)
    return data


def test_unknown_question_id(learner_client, attempt):
    data = _with(attempt, **{"q-00000000-0000-0000-0000-000000000000": "x"})
    response = _post(learner_client, attempt, data)
    assert response.status_code == 400
    assert "ei kuulu tähän yritykseen" in response.content.decode()
    _unchanged(attempt)


def test_unknown_option_id(learner_client, attempt):
    data = _with(attempt, **{f"q-{_q(attempt, 0)['id']}": "not-an-option"})
    response = _post(learner_client, attempt, data)
    assert response.status_code == 400
    _unchanged(attempt)


def test_option_from_another_question(learner_client, attempt):
    other_option = _q(attempt, 1)["options"][0]["id"]
    data = _with(attempt, **{f"q-{_q(attempt, 0)['id']}": other_option})
    response = _post(learner_client, attempt, data)
    assert response.status_code == 400
    _unchanged(attempt)


@pytest.mark.parametrize("field", ["score", "passed", "attempt", "staff"])
def test_extra_fields(learner_client, attempt, field):
    data = _with(attempt)
    data[field] = "100"
    response = _post(learner_client, attempt, data)
    assert response.status_code == 400
    assert field in response.content.decode()
    _unchanged(attempt)


def test_several_answers_to_a_single_choice_question(learner_client, attempt):
    q = _q(attempt, 0)
    data = _with(attempt, **{f"q-{q['id']}": [o["id"] for o in q["options"]]})
    response = _post(learner_client, attempt, data)
    assert response.status_code == 400
    _unchanged(attempt)


def test_several_answers_to_a_true_false_question(learner_client, attempt):
    q = _q(attempt, 3)
    data = _with(attempt, **{f"q-{q['id']}": ["true", "false"]})
    assert _post(learner_client, attempt, data).status_code == 400
    _unchanged(attempt)


def test_missing_answers_show_the_form_again_with_linked_errors(learner_client, attempt):
    data = answers_for(attempt)
    del data[f"q-{_q(attempt, 1)['id']}"]
    response = _post(learner_client, attempt, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary" role="alert"' in html
    assert 'href="#question-2"' in html
    assert 'id="question-2" aria-invalid="true" aria-describedby="question-2-error"' in html
    # What was answered stays chosen.
    first_right = [o["id"] for o in _q(attempt, 0)["options"] if o["correct"]][0]
    assert f'value="{first_right}" checked' in html
    _unchanged(attempt)


def test_empty_and_non_form_posts(learner_client, attempt):
    assert _post(learner_client, attempt, {}).status_code == 400
    response = learner_client.post(
        reverse("assessments:submit", args=[attempt.pk]),
        data=b'{"score": 100}',
        content_type="application/json",
    )
    assert response.status_code == 400
    _unchanged(attempt)


def test_message_is_in_the_learners_language(learner_client, attempt):
    data = _with(attempt, score="100")
    sv = _post(learner_client, attempt, data, language="sv").content.decode()
    en = _post(learner_client, attempt, data, language="en").content.decode()
    assert "inte hör till" in sv
    assert "not part of the quiz" in en


def test_another_learners_attempt_id(client, other_learner, attempt):
    client.force_login(other_learner.user)
    response = _post(client, attempt, answers_for(attempt))
    assert response.status_code == 404
    _unchanged(attempt)


def test_valid_submission_after_a_tampered_one_is_graded(learner_client, attempt):
    _post(learner_client, attempt, _with(attempt, passed="1"))
    response = _post(learner_client, attempt, answers_for(attempt))
    assert response.status_code == 302
    stored = Attempt.objects.get(pk=attempt.pk)
    assert stored.score == 100


def test_user_without_staff_record_cannot_take_quizzes(client, quiz, django_user_model):
    user = django_user_model.objects.create_user("editor-only", password="x")
    client.force_login(user)
    assert client.get(quiz.page.url).status_code == 403

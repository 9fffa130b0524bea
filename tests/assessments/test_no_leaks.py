"""DESIGN.md rule 3: nothing the learner can fetch before submitting marks correctness.

A unique canary goes into every feedback and explanation field of the pool. None of the
responses a learner can get before submitting may contain it, nor the attribute names or
words of the grading key.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.assessments.factories import make_quiz, multiple, single, true_false
from tests.assessments.helpers import answers_for, open_attempt

pytestmark = pytest.mark.django_db

CANARY = "CANARY-7f3c9a1e-d0"
KEY_WORDS = re.compile(r"is_correct|correct|feedback|explanation|oikein|rätt", re.IGNORECASE)


@pytest.fixture
def canary_quiz(tree):
    return make_quiz(
        tree,
        [
            single(
                "Kysymys yksi",
                [("Vaihtoehto A", True), ("Vaihtoehto B", False), ("Vaihtoehto C", False)],
                explanation=f"Selitys {CANARY}",
                feedback=CANARY,
            ),
            multiple(
                "Kysymys kaksi",
                [("Kohta A", True), ("Kohta B", True), ("Kohta C", False)],
                explanation=f"Selitys {CANARY}",
                feedback=CANARY,
                partial_credit=True,
            ),
            true_false("Väite kolme", True, explanation=f"Selitys {CANARY}", feedback=CANARY),
        ],
        shuffle_options=False,
    )


def _form_part(html: str) -> str:
    start = html.index('<form method="post" action="/fi/quiz-attempts/')
    return html[start : html.index("</form>", start)]


def _assert_clean(response):
    assert CANARY not in response.content.decode(), response.request["PATH_INFO"]


def test_no_response_before_submitting_carries_the_key(
    learner_client, learner, other_learner, tree, canary_quiz
):
    quiz_url = canary_quiz.page.url
    seen = []

    def fetch(method, url, data=None, **extra):
        response = getattr(learner_client, method)(url, data or {}, **extra)
        seen.append((method, url, response.status_code))
        _assert_clean(response)
        return response

    # Module, lesson and quiz pages before starting, in every language.
    fetch("get", tree.module.url)
    for lesson in tree.lessons:
        fetch("get", lesson.url)
    fetch("get", quiz_url)
    fetch("get", canary_quiz.translations["sv"].url)
    # Starting, and the form it leads to.
    fetch("post", quiz_url, follow=True)
    form = fetch("get", quiz_url)
    attempt = open_attempt(learner, canary_quiz)
    submit_url = reverse("assessments:submit", args=[attempt.pk])
    result_url = reverse("assessments:result", args=[attempt.pk])
    fetch("get", canary_quiz.translations["sv"].url)
    fetch("get", tree.module.url)
    # The result of an open attempt redirects to the form.
    fetch("get", result_url, follow=True)
    # Error responses: incomplete, tampered, wrong method, another learner's attempt.
    fetch("post", submit_url, {"q-" + attempt.snapshot["questions"][0]["id"]: "x"})
    fetch("post", submit_url, {})
    fetch("post", submit_url, {"score": "100"})
    fetch("get", submit_url)
    other_attempt_url = reverse("assessments:submit", args=[attempt.pk + 1000])
    fetch("post", other_attempt_url, answers_for(attempt))
    with translation.override("en"):
        fetch("get", "/en/" + quiz_url.split("/", 2)[2])

    statuses = {code for _m, _u, code in seen}
    assert {200, 400, 404, 405} <= statuses
    assert not KEY_WORDS.search(_form_part(form.content.decode()))
    # Only ids and texts: every option input carries its id as value, nothing else.
    html = form.content.decode()
    for q in attempt.snapshot["questions"]:
        for option in q["options"]:
            assert f'value="{option["id"]}"' in html
    assert attempt.snapshot["questions"][0]["options"][0]["correct"] is True  # server side
    # After submitting, the feedback is there.
    learner_client.post(submit_url, answers_for(attempt, correct=False))
    assert CANARY in learner_client.get(result_url).content.decode()


def test_form_order_does_not_depend_on_correctness(learner_client, learner, tree):
    quiz = make_quiz(
        tree,
        [single("Q", [("Wrong alpha", False), ("Right beta", True), ("Wrong gamma", False)])],
        shuffle_options=False,
    )
    learner_client.post(quiz.page.url)
    html = learner_client.get(quiz.page.url).content.decode()
    assert html.index("Wrong alpha") < html.index("Right beta") < html.index("Wrong gamma")

"""The demo quizzes: pools of 6-10 questions in three languages, histories graded for real."""

import datetime

import pytest

from assessments.models import Attempt, QuestionResponse, QuizPage
from courses.models import ModuleCycle
from home.demo import quizzes
from home.demo.course_content import MODULES
from home.demo.quiz_content import QUIZZES
from tests.courses.factories import completed_on, make_module
from tests.organisation.factories import StaffMemberFactory


def _triples(question):
    kind = question[0]
    yield question[1]
    yield question[-1]
    if kind != "true_false":
        for text, _correct, feedback in question[2]:
            yield text
            if feedback:
                yield feedback


@pytest.mark.parametrize("key", [spec["key"] for spec in MODULES])
def test_every_demo_module_has_a_pool_of_six_to_ten_questions(key):
    pool = QUIZZES[key]["questions"]
    assert 6 <= len(pool) <= 10
    for question in pool:
        for triple in _triples(question):
            assert len(triple) == 3 and all(s.strip() for s in triple), triple
        if question[0] == "single":
            assert sum(1 for _t, correct, _f in question[2] if correct) == 1
        if question[0] == "multiple":
            assert any(correct for _t, correct, _f in question[2])


@pytest.mark.django_db
def test_seed_creates_translated_quizzes_and_graded_histories():
    spec = MODULES[0]
    tree = make_module(lessons=1, translations=("sv", "en"))
    tree.module.slug = spec["slug"][0]
    tree.module.save_revision().publish()
    done = StaffMemberFactory()
    ModuleCycle.objects.create(
        staff=done,
        module_key=tree.module_key,
        completed_at=completed_on(datetime.date(2026, 2, 1)),
    )
    quizzes.seed()
    quizzes.seed()  # idempotent
    pages = QuizPage.objects.filter(module_key=tree.module_key)
    assert sorted(p.locale.language_code for p in pages) == ["en", "fi", "sv"]
    fi, sv = pages.get(locale__language_code="fi"), pages.get(locale__language_code="sv")
    assert [b.id for b in sv.questions] == [b.id for b in fi.questions]
    assert sv.questions[0].value["question"] != fi.questions[0].value["question"]
    attempts = Attempt.objects.filter(staff=done)
    assert attempts.filter(passed=True).count() == 1
    assert QuestionResponse.objects.filter(attempt__staff=done).exists()

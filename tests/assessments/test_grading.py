"""Grading of each question type against the attempt's snapshot."""

import random
from decimal import Decimal

import pytest
from django.http import QueryDict
from django.utils import translation

from assessments import grading
from assessments.grading import TamperedSubmission
from tests.assessments.factories import make_quiz, multiple, single, true_false

pytestmark = pytest.mark.django_db


def _q(qtype, options, partial=False):
    return {
        "id": "q1",
        "type": qtype,
        "text": "?",
        "partial_credit": partial,
        "explanation": "",
        "options": [{"id": oid, "text": oid, "correct": c, "feedback": ""} for oid, c in options],
    }


def _snapshot(*questions, pass_mark=80):
    return {"version": 1, "title": "t", "pass_mark": pass_mark, "questions": list(questions)}


def test_single_choice_scores_one_for_the_correct_option_only():
    q = _q("single", [("a", True), ("b", False)])
    assert grading.question_points(q, ["a"]) == 1
    assert grading.question_points(q, ["b"]) == 0


def test_true_false_scores_the_matching_answer():
    q = _q("true_false", [("true", False), ("false", True)])
    assert grading.question_points(q, ["false"]) == 1
    assert grading.question_points(q, ["true"]) == 0


def test_multiple_choice_needs_exactly_the_correct_set():
    q = _q("multiple", [("a", True), ("b", True), ("c", False)])
    assert grading.question_points(q, ["a", "b"]) == 1
    assert grading.question_points(q, ["a"]) == 0
    assert grading.question_points(q, ["a", "b", "c"]) == 0


def test_multiple_choice_partial_credit_subtracts_wrong_choices():
    q = _q("multiple", [("a", True), ("b", True), ("c", False), ("d", True)], partial=True)
    assert grading.question_points(q, ["a", "b", "d"]) == 1
    assert grading.question_points(q, ["a", "b"]) == pytest.approx(2 / 3)
    assert grading.question_points(q, ["a", "c"]) == 0
    assert grading.question_points(q, ["a", "b", "c"]) == pytest.approx(1 / 3)
    assert grading.question_points(q, ["c"]) == 0  # never negative


def test_score_is_rounded_down_so_a_fail_never_shows_the_pass_mark():
    questions = [{**_q("single", [("a", True), ("b", False)]), "id": f"q{i}"} for i in range(3)]
    result = grading.grade(
        _snapshot(*questions, pass_mark=67), {"q0": ["a"], "q1": ["a"], "q2": ["b"]}
    )
    assert result.score == Decimal("66.66")
    assert result.passed is False


def test_pass_mark_is_inclusive():
    questions = [{**_q("single", [("a", True), ("b", False)]), "id": f"q{i}"} for i in range(5)]
    answers = {f"q{i}": ["a"] for i in range(4)} | {"q4": ["b"]}
    assert grading.grade(_snapshot(*questions, pass_mark=80), answers).passed is True
    assert grading.grade(_snapshot(*questions, pass_mark=81), answers).passed is False


def test_snapshot_keeps_block_and_option_ids_and_the_key(tree):
    quiz = make_quiz(
        tree,
        [
            single("S?", [("yes", True), ("no", False)], explanation="because"),
            multiple("M?", [("a", True), ("b", False)], partial_credit=True),
            true_false("T.", False),
        ],
    )
    snap = grading.build_snapshot(quiz.page, random.Random(1))
    blocks = list(quiz.page.questions)
    assert [q["id"] for q in snap["questions"]] == [b.id for b in blocks]
    assert [q["type"] for q in snap["questions"]] == ["single", "multiple", "true_false"]
    option_ids = [c.id for c in blocks[0].value["options"].bound_blocks]
    assert [o["id"] for o in snap["questions"][0]["options"]] == option_ids
    assert snap["questions"][0]["options"][0]["correct"] is True
    assert snap["questions"][1]["partial_credit"] is True
    assert [o["id"] for o in snap["questions"][2]["options"]] == ["true", "false"]
    assert snap["questions"][2]["options"][1]["correct"] is True
    assert snap["pass_mark"] == 80


def test_translation_keeps_question_and_option_ids(tree):
    quiz = make_quiz(tree, [single("S?", [("yes", True), ("no", False)])])
    fi_block = quiz.page.questions[0]
    sv_block = quiz.translations["sv"].questions[0]
    fi_ids = [c.id for c in quiz.page.questions[0].value["options"].bound_blocks]
    sv_ids = [c.id for c in sv_block.value["options"].bound_blocks]
    assert sv_block.id == fi_block.id
    assert sv_ids == fi_ids


def test_draws_the_configured_number_of_questions(tree):
    quiz = make_quiz(
        tree,
        [single(f"Q{i}", [("a", True), ("b", False)]) for i in range(8)],
        questions_per_attempt=5,
        shuffle_questions=True,
    )
    snap = grading.build_snapshot(quiz.page, random.Random(3))
    ids = [q["id"] for q in snap["questions"]]
    assert len(ids) == 5
    assert len(set(ids)) == 5
    assert set(ids) <= set(quiz.question_ids())


def test_without_shuffling_options_keep_the_editors_order_whatever_is_correct(tree):
    quiz = make_quiz(
        tree, [single("Q", [("w1", False), ("w2", False), ("right", True), ("w3", False)])]
    )
    for seed in range(5):
        snap = grading.build_snapshot(quiz.page, random.Random(seed))
        assert [o["text"] for o in snap["questions"][0]["options"]] == ["w1", "w2", "right", "w3"]


def test_shuffled_options_put_the_correct_one_anywhere(tree):
    quiz = make_quiz(
        tree,
        [single("Q", [("right", True), ("w1", False), ("w2", False), ("w3", False)])],
        shuffle_options=True,
    )
    positions = set()
    for seed in range(60):
        snap = grading.build_snapshot(quiz.page, random.Random(seed))
        texts = [o["text"] for o in snap["questions"][0]["options"]]
        positions.add(texts.index("right"))
    assert positions == {0, 1, 2, 3}


def test_public_questions_carry_ids_and_texts_only():
    snap = _snapshot(_q("multiple", [("a", True), ("b", False)], partial=True))
    public = grading.public_questions(snap)
    assert public[0]["options"] == [{"id": "a", "text": "a"}, {"id": "b", "text": "b"}]
    assert set(public[0]) == {"number", "id", "field", "multiple", "text", "options"}


@pytest.mark.parametrize(
    "data, message",
    [
        ("q-q1=a&score=100", "not part of the quiz"),
        ("q-q1=a&passed=1", "not part of the quiz"),
        ("q-zzz=a", "not part of this attempt"),
        ("q-q1=nope", "does not have"),
        ("q-q1=a&q-q1=b", "several"),
        ("q-q1=a&q-q1=a", "twice"),
    ],
)
def test_parse_answers_rejects_what_the_form_cannot_send(data, message):
    snap = _snapshot(_q("single", [("a", True), ("b", False)]))
    with translation.override("en"), pytest.raises(TamperedSubmission) as exc:
        grading.parse_answers(snap, QueryDict(data))
    with translation.override("en"):
        assert message in str(exc.value.message)


def test_parse_answers_lists_unanswered_questions():
    snap = _snapshot(_q("single", [("a", True), ("b", False)]))
    answers, missing = grading.parse_answers(snap, QueryDict("csrfmiddlewaretoken=x"))
    assert answers == {}
    assert missing == ["q1"]

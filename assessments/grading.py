"""Snapshots, answer checking and grading: pure functions over plain data, no database.

A snapshot is what one attempt showed, in the order shown, including the grading key:

    {"version": 1, "title": "...", "pass_mark": 80, "questions": [
        {"id": "<block id>", "type": "single" | "multiple" | "true_false",
         "text": "...", "partial_credit": false, "explanation": "...",
         "options": [{"id": "<item id>", "text": "...", "correct": true, "feedback": "..."}]}]}

It is stored on the attempt and never sent to the learner before grading: the quiz form is
rendered from `public_questions()`, which keeps ids and texts only.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from assessments.models import QuizPage

SNAPSHOT_VERSION = 1
# Fields a genuine quiz form posts besides the answers.
FORM_FIELDS = frozenset({"csrfmiddlewaretoken"})
ANSWER_PREFIX = "q-"
_BLOCK_TYPES = {
    "single_choice": "single",
    "multiple_choice": "multiple",
    "true_false": "true_false",
}


class TamperedSubmission(Exception):
    """The posted data cannot come from the form we rendered (400, nothing is graded)."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


# --- snapshot ---------------------------------------------------------------------------


def _question_snapshot(bound_block, shuffle_options: bool, rng: random.Random) -> dict:
    kind = _BLOCK_TYPES[bound_block.block_type]
    value = bound_block.value
    if kind == "true_false":
        correct = value["correct_answer"]
        # Fixed order (true, false): independent of which one is correct.
        options = [
            {
                "id": "true",
                "text": gettext("True"),
                "correct": correct == "true",
                "feedback": value.get("feedback_true") or "",
            },
            {
                "id": "false",
                "text": gettext("False"),
                "correct": correct == "false",
                "feedback": value.get("feedback_false") or "",
            },
        ]
        text = value["statement"]
    else:
        options = [
            {
                "id": child.id,
                "text": child.value["text"],
                "correct": bool(child.value["is_correct"]),
                "feedback": child.value.get("feedback") or "",
            }
            for child in value["options"].bound_blocks
        ]
        if shuffle_options:
            rng.shuffle(options)
        text = value["question"]
    return {
        "id": bound_block.id,
        "type": kind,
        "text": text,
        "partial_credit": bool(value.get("partial_credit", False)),
        "explanation": value.get("explanation") or "",
        "options": options,
    }


def build_snapshot(quiz: QuizPage, rng: random.Random | None = None) -> dict:
    """Draw the questions of one attempt from the quiz's pool, in the order to show them."""
    rng = rng or random.SystemRandom()
    seen: set[str] = set()
    pool = []
    for block in quiz.questions:
        # Block ids are unique in a stream Wagtail saved; skip any repeat defensively.
        if block.id not in seen:
            seen.add(block.id)
            pool.append(block)
    count = quiz.questions_per_attempt
    if count and count < len(pool):
        picked = rng.sample(range(len(pool)), count)
        if not quiz.shuffle_questions:
            picked.sort()
        pool = [pool[i] for i in picked]
    elif quiz.shuffle_questions:
        rng.shuffle(pool)
    return {
        "version": SNAPSHOT_VERSION,
        "title": quiz.title,
        "pass_mark": quiz.pass_mark,
        "questions": [_question_snapshot(b, quiz.shuffle_options, rng) for b in pool],
    }


def public_questions(snapshot: dict) -> list[dict]:
    """What the learner's form may show: ids and texts, nothing that marks correctness."""
    return [
        {
            "number": number,
            "id": q["id"],
            "field": ANSWER_PREFIX + q["id"],
            "multiple": q["type"] == "multiple",
            "text": q["text"],
            "options": [{"id": o["id"], "text": o["text"]} for o in q["options"]],
        }
        for number, q in enumerate(snapshot["questions"], start=1)
    ]


# --- checking the posted answers -----------------------------------------------------------


def parse_answers(snapshot: dict, data) -> tuple[dict[str, list[str]], list[str]]:
    """Check posted form data against the snapshot.

    Returns (answers by question id, ids of unanswered questions). Raises
    TamperedSubmission for anything our form cannot produce: unknown fields (such as
    `score` or `passed`), unknown questions, options of another question, repeated
    options, or several answers to a question that takes one.
    """
    questions = {q["id"]: q for q in snapshot["questions"]}
    answers: dict[str, list[str]] = {}
    for key in data.keys():
        if key in FORM_FIELDS:
            continue
        if not key.startswith(ANSWER_PREFIX):
            raise TamperedSubmission(
                _("The form contained a field that is not part of the quiz (%(field)s).")
                % {"field": key[:40]}
            )
        question = questions.get(key[len(ANSWER_PREFIX) :])
        if question is None:
            raise TamperedSubmission(
                _("The answers refer to a question that is not part of this attempt.")
            )
        values = data.getlist(key)
        option_ids = {o["id"] for o in question["options"]}
        if any(v not in option_ids for v in values):
            raise TamperedSubmission(
                _("An answer refers to an option that its question does not have.")
            )
        if len(set(values)) != len(values):
            raise TamperedSubmission(_("The same option was sent twice for one question."))
        if question["type"] != "multiple" and len(values) > 1:
            raise TamperedSubmission(_("A question that takes one answer received several."))
        answers[question["id"]] = values
    missing = [q["id"] for q in snapshot["questions"] if not answers.get(q["id"])]
    return answers, missing


# --- grading ----------------------------------------------------------------------------


@dataclass
class QuestionGrade:
    question_id: str
    points: Fraction
    chosen: list[str]

    @property
    def correct(self) -> bool:
        return self.points == 1


@dataclass
class Grade:
    score: Decimal
    passed: bool
    questions: list[QuestionGrade] = field(default_factory=list)


def question_points(question: dict, chosen: list[str]) -> Fraction:
    correct = {o["id"] for o in question["options"] if o["correct"]}
    picked = set(chosen)
    if picked == correct:
        return Fraction(1)
    if question["type"] == "multiple" and question.get("partial_credit") and correct:
        right = len(picked & correct)
        wrong = len(picked - correct)
        return max(Fraction(0), Fraction(right - wrong, len(correct)))
    return Fraction(0)


def grade(snapshot: dict, answers: dict[str, list[str]]) -> Grade:
    """Grade answers against the snapshot. Score in percent, rounded down to 0.01, so a
    failing score is never displayed as the pass mark."""
    results = [
        QuestionGrade(
            q["id"], question_points(q, answers.get(q["id"], [])), answers.get(q["id"], [])
        )
        for q in snapshot["questions"]
    ]
    total = len(results)
    exact = sum((r.points for r in results), Fraction(0)) * 100 / total if total else Fraction(0)
    score = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_DOWN
    )
    passed = total > 0 and exact >= int(snapshot.get("pass_mark", 100))
    return Grade(score=score, passed=passed, questions=results)


def result_rows(snapshot: dict, answers: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Per-question feedback for the result page (only ever rendered after submitting)."""
    rows = []
    for number, q in enumerate(snapshot["questions"], start=1):
        chosen = answers.get(q["id"], [])
        points = question_points(q, chosen)
        rows.append(
            {
                "number": number,
                "id": q["id"],
                "text": q["text"],
                "correct": points == 1,
                "partly": 0 < points < 1,
                "points": float(points),
                "explanation": q["explanation"],
                "chosen": [
                    {"text": o["text"], "correct": o["correct"], "feedback": o["feedback"]}
                    for o in q["options"]
                    if o["id"] in chosen
                ],
            }
        )
    return rows

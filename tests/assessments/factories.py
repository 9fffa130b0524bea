"""Quiz builders for tests: a QuizPage under a module built by tests.courses.factories.

    from tests.assessments.factories import make_quiz, single, multiple, true_false
    quiz = make_quiz(tree, [single("Q?", [("A", True), ("B", False)])], pass_mark=50)
    quiz.page, quiz.translations["sv"], quiz.key

Question and option ids are generated here (uuid4) and kept by the Swedish and English
copies, as wagtail-localize keeps them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from wagtail.models import Locale

from assessments.models import QuizPage


def _id() -> str:
    return str(uuid.uuid4())


def _options(options, feedback: str):
    return [
        {
            "type": "item",
            "id": _id(),
            "value": {
                "text": text,
                "is_correct": correct,
                "feedback": f"{feedback} {text}".strip(),
            },
        }
        for text, correct in options
    ]


def single(text, options, *, explanation="", feedback=""):
    return {
        "type": "single_choice",
        "id": _id(),
        "value": {
            "question": text,
            "options": _options(options, feedback),
            "explanation": explanation,
        },
    }


def multiple(text, options, *, partial_credit=False, explanation="", feedback=""):
    return {
        "type": "multiple_choice",
        "id": _id(),
        "value": {
            "question": text,
            "options": _options(options, feedback),
            "explanation": explanation,
            "partial_credit": partial_credit,
        },
    }


def true_false(statement, answer: bool, *, explanation="", feedback=""):
    return {
        "type": "true_false",
        "id": _id(),
        "value": {
            "statement": statement,
            "correct_answer": "true" if answer else "false",
            "feedback_true": f"{feedback} T".strip() if feedback else "",
            "feedback_false": f"{feedback} F".strip() if feedback else "",
            "explanation": explanation,
        },
    }


def ten_questions(feedback=""):
    questions = []
    for i in range(1, 11):
        if i % 3 == 0:
            questions.append(true_false(f"Väite {i}", i % 2 == 0, feedback=feedback))
        elif i % 3 == 1:
            questions.append(
                single(f"Kysymys {i}", [("Oikein", True), ("Väärin", False), ("Ehkä", False)])
            )
        else:
            questions.append(multiple(f"Monivalinta {i}", [("A", True), ("B", True), ("C", False)]))
    return questions


@dataclass
class Quiz:
    page: QuizPage
    translations: dict[str, QuizPage] = field(default_factory=dict)

    @property
    def key(self):
        return self.page.translation_key

    def question_ids(self):
        return [block.id for block in self.page.questions]


def make_quiz(tree, questions, *, translations=("sv",), **settings) -> Quiz:
    """A live quiz under `tree.module` (Finnish) plus live translations."""
    defaults = {"pass_mark": 80, "shuffle_questions": False, "shuffle_options": False}
    defaults.update(settings)
    page = QuizPage(
        title="Tietovisa", slug=f"tietovisa-{uuid.uuid4().hex[:6]}", questions=questions, **defaults
    )
    tree.module.add_child(instance=page)
    page.save_revision().publish()
    page = QuizPage.objects.get(pk=page.pk)
    quiz = Quiz(page=page)
    for language in translations:
        if language not in tree.translations:
            continue
        copy = page.copy_for_translation(Locale.objects.get(language_code=language))
        copy.title = f"Frågesport ({language})"
        copy.save_revision().publish()
        quiz.translations[language] = QuizPage.objects.get(pk=copy.pk)
    return quiz


def submitted_attempt(cycle, *, option: str, right: bool, submitted_at=None, language: str = ""):
    """A submitted one-question attempt in `cycle`, answered with `option` (right or not),
    with its per-question row, as grading leaves them (no quiz page needed)."""
    from decimal import Decimal

    from django.utils import timezone

    from assessments.models import Attempt, QuestionResponse

    submitted_at = submitted_at or timezone.now()
    attempt = Attempt.objects.create(
        staff=cycle.staff,
        quiz_key=uuid.uuid4(),
        module_key=cycle.module_key,
        cycle=cycle,
        language=language,
        started_at=submitted_at,
        submitted_at=submitted_at,
        snapshot={"questions": [{"id": "q1", "options": [{"id": "a", "correct": True}]}]},
        answers={"q1": [option]},
        score=Decimal("100.00" if right else "0.00"),
        passed=right,
    )
    QuestionResponse.objects.create(
        attempt=attempt,
        quiz_key=attempt.quiz_key,
        question_id="q1",
        option_id=option,
        option_correct=right,
        question_correct=right,
    )
    return attempt

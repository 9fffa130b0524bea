"""Demo quizzes and attempt histories, called by `seed_demo` after `home.demo.courses`.

- Every demo module gets a quiz page (fi) with a pool of six questions, translated to sv
  and en with wagtail-localize the same way as the modules (question and option ids are
  kept by the translations).
- Attempt histories: every completed demo cycle gets a passed attempt shortly before its
  completion, some after a failed one; some people with a module in progress have a failed
  attempt. Each attempt is a real snapshot of the quiz in the person's language, graded by
  `assessments.grading`, with the statistics rows editors see.

Idempotent: quizzes are found by slug under their module; histories are only added for a
quiz that has no attempts yet.
"""

from __future__ import annotations

import datetime
import random
import uuid

from django.conf import settings
from django.db import transaction

from assessments import grading
from assessments.models import Attempt, QuestionResponse, QuizPage
from courses.models import CoursePage, ModuleCycle
from home.demo.course_content import MODULES
from home.demo.courses import Collector, _translate
from home.demo.quiz_content import QUIZ_SLUG, QUIZ_TITLE, QUIZZES

SEED = 2031
# The demo learner keeps an untouched quiz for trying it out (and for the browser tests).
UNTOUCHED_USERNAMES = {"oppija"}


def _options(options, c: Collector) -> list[dict]:
    return [
        {
            "type": "item",
            "id": str(uuid.uuid4()),
            "value": {
                "text": c.t(text),
                "is_correct": correct,
                "feedback": c.t(feedback) if feedback else "",
            },
        }
        for text, correct, feedback in options
    ]


def _questions(spec, c: Collector) -> list[dict]:
    blocks = []
    for item in spec:
        kind = item[0]
        if kind == "true_false":
            _kind, statement, is_true, explanation = item
            value = {
                "statement": c.t(statement),
                "correct_answer": "true" if is_true else "false",
                "feedback_true": "",
                "feedback_false": "",
                "explanation": c.t(explanation),
            }
            block_type = "true_false"
        else:
            _kind, question, options, explanation = item
            value = {
                "question": c.t(question),
                "options": _options(options, c),
                "explanation": c.t(explanation),
            }
            if kind == "multiple":
                value["partial_credit"] = True
            block_type = "single_choice" if kind == "single" else "multiple_choice"
        blocks.append({"type": block_type, "id": str(uuid.uuid4()), "value": value})
    return blocks


def _quiz(module: CoursePage, key: str, stdout) -> QuizPage:
    existing = QuizPage.objects.child_of(module).filter(slug=QUIZ_SLUG[0]).first()
    if existing is not None:
        return existing.specific
    spec = QUIZZES[key]
    c = Collector()
    page = QuizPage(
        title=c.t(QUIZ_TITLE),
        slug=QUIZ_SLUG[0],
        intro=c.t(spec["intro"]),
        questions=_questions(spec["questions"], c),
        shuffle_questions=True,
        shuffle_options=True,
        **spec["settings"],
    )
    module.add_child(instance=page)
    page.save_revision().publish()
    c.triples.append(QUIZ_SLUG)
    _translate(page, c.triples)
    if stdout:
        stdout.write(f"quiz: {module.title} ({len(spec['questions'])} questions, fi, sv, en)")
    return QuizPage.objects.get(pk=page.pk)


def _answers(snapshot: dict, wrong: int, rng: random.Random) -> dict[str, list[str]]:
    """Right answers except for `wrong` randomly chosen questions."""
    questions = snapshot["questions"]
    wrong_ids = {q["id"] for q in rng.sample(questions, min(wrong, len(questions)))}
    answers = {}
    for q in questions:
        right = [o["id"] for o in q["options"] if o["correct"]]
        others = [o["id"] for o in q["options"] if not o["correct"]]
        if q["id"] in wrong_ids and others:
            answers[q["id"]] = [rng.choice(others)]
        else:
            answers[q["id"]] = right
    return answers


def _attempt(cycle, quiz_by_language, person, submitted_at, wrong, rng):
    quiz = quiz_by_language.get(person.language) or quiz_by_language[settings.LANGUAGE_CODE]
    snapshot = grading.build_snapshot(quiz, rng)
    answers = _answers(snapshot, wrong, rng)
    result = grading.grade(snapshot, answers)
    attempt = Attempt(
        staff=person,
        quiz_key=quiz.translation_key,
        module_key=cycle.module_key,
        cycle=cycle,
        language=quiz.locale.language_code,
        started_at=submitted_at - datetime.timedelta(minutes=rng.randint(4, 14)),
        submitted_at=submitted_at,
        snapshot=snapshot,
        answers=answers,
        score=result.score,
        passed=result.passed,
    )
    rows = [
        QuestionResponse(
            quiz_key=quiz.translation_key,
            question_id=q["id"],
            option_id=o["id"],
            option_correct=o["correct"],
            question_correct=g.correct,
        )
        for q, g in zip(snapshot["questions"], result.questions, strict=True)
        for o in q["options"]
        if o["id"] in g.chosen
    ]
    return attempt, rows


def _fail_count(snapshot_size: int) -> int:
    return max(2, snapshot_size // 2)


def _histories(quiz: QuizPage, stdout, rng: random.Random) -> int:
    if Attempt.objects.filter(quiz_key=quiz.translation_key).exists():
        return 0
    quiz_by_language = {
        q.locale.language_code: q
        for q in QuizPage.objects.live()
        .filter(translation_key=quiz.translation_key)
        .select_related("locale")
    }
    cycles = (
        ModuleCycle.objects.filter(module_key=quiz.module_key, source="platform")
        .select_related("staff__user")
        .order_by("pk")
    )
    size = quiz.questions_per_attempt or len(quiz.questions)
    pending = []
    for cycle in cycles:
        person = cycle.staff
        if cycle.completed_at is not None:
            # A passed attempt just before completion, after a failed one now and then.
            passed_at = cycle.completed_at - datetime.timedelta(minutes=rng.randint(1, 30))
            if rng.random() < 0.3:
                failed_at = passed_at - datetime.timedelta(hours=rng.randint(1, 72))
                pending.append(
                    _attempt(cycle, quiz_by_language, person, failed_at, _fail_count(size), rng)
                )
            pending.append(_attempt(cycle, quiz_by_language, person, passed_at, 0, rng))
        elif person.user.username not in UNTOUCHED_USERNAMES and rng.random() < 0.35:
            failed_at = cycle.started_at + datetime.timedelta(hours=rng.randint(1, 48))
            pending.append(
                _attempt(cycle, quiz_by_language, person, failed_at, _fail_count(size), rng)
            )
    with transaction.atomic():
        attempts = Attempt.objects.bulk_create([a for a, _rows in pending], batch_size=500)
        rows = []
        for attempt, attempt_rows in zip(attempts, (r for _a, r in pending), strict=True):
            for row in attempt_rows:
                row.attempt = attempt
            rows.extend(attempt_rows)
        QuestionResponse.objects.bulk_create(rows, batch_size=1000)
    if stdout:
        passed = sum(1 for a, _r in pending if a.passed)
        stdout.write(
            f"quiz attempts: {quiz.title}: {len(pending)} ({passed} passed, "
            f"{len(pending) - passed} not passed)"
        )
    return len(pending)


def seed(stdout=None) -> dict[str, QuizPage]:
    rng = random.Random(SEED)
    quizzes = {}
    for spec in MODULES:
        key = spec["key"]
        if key not in QUIZZES:
            continue
        module = CoursePage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, slug=spec["slug"][0]
        ).first()
        if module is None:
            continue
        with transaction.atomic():
            quizzes[key] = _quiz(module, key, stdout)
    for quiz in quizzes.values():
        _histories(quiz, stdout, rng)
    return quizzes

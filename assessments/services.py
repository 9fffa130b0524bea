"""Starting, submitting and reading quiz attempts. Views call these; nothing else changes
an attempt.

Rules (decided here, described in the README):
- One open attempt per learner and quiz (a partial unique constraint). Starting while one
  is open returns it.
- `max_attempts` counts submitted attempts in the learner's current cycle of the module; a
  new cycle (expired certificate, retraining) starts the count again.
- `wait_minutes` runs from the last submitted attempt of the quiz.
- A quiz passed in the current cycle is not taken again in that cycle.
- Time limit: the attempt's `deadline` is fixed when it starts. Answers that arrive within
  `SUBMIT_GRACE` after it are graded normally (network and page load); answers that arrive
  later are kept but not scored: the attempt is closed as timed out with score 0 and fails.
  An open attempt whose deadline has passed is closed the same way the next time the
  learner opens the quiz.
- Submitting locks the attempt row (select_for_update) inside a transaction and checks that
  it is still open, so two tabs or a double click grade it exactly once.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from assessments import grading
from assessments.grading import TamperedSubmission
from assessments.models import Attempt, QuestionResponse, QuizPage
from organisation.models import StaffMember

SUBMIT_GRACE = datetime.timedelta(seconds=60)

__all__ = [
    "SUBMIT_GRACE",
    "AttemptNotAllowed",
    "IncompleteSubmission",
    "QuizStatus",
    "SubmitOutcome",
    "TamperedSubmission",
    "attempts_for_staff",
    "close_if_expired",
    "quiz_passed_in_cycle",
    "quiz_status",
    "start_attempt",
    "submit_attempt",
]


class AttemptNotAllowed(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class IncompleteSubmission(Exception):
    """Some questions were left unanswered: show the form again with the errors."""

    def __init__(self, attempt: Attempt, answers: dict, missing: list[str]):
        super().__init__("unanswered questions")
        self.attempt, self.answers, self.missing = attempt, answers, missing


@dataclass
class QuizStatus:
    cycle: object | None
    open_attempt: Attempt | None
    last_attempt: Attempt | None
    attempts_used: int
    max_attempts: int
    passed: bool
    next_allowed_at: datetime.datetime | None
    can_start: bool
    reason: str = ""

    @property
    def attempts_left(self) -> int | None:
        if not self.max_attempts:
            return None
        return max(0, self.max_attempts - self.attempts_used)


@dataclass
class SubmitOutcome:
    attempt: Attempt
    graded_now: bool  # False: the attempt had already been submitted (stale tab)
    timed_out: bool = False
    completed_module: bool = False


def _courses():
    from courses import services

    return services


def quiz_passed_in_cycle(cycle, quiz_keys) -> bool:
    return Attempt.objects.filter(cycle=cycle, passed=True, quiz_key__in=quiz_keys).exists()


def close_if_expired(attempt: Attempt, *, now: datetime.datetime | None = None) -> bool:
    """Close an open attempt whose time ran out (score 0, failed). Returns True if closed."""
    now = now or timezone.now()
    if attempt.deadline is None or now <= attempt.deadline + SUBMIT_GRACE:
        return False
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().filter(pk=attempt.pk, submitted_at=None)
        locked = locked.first()
        if locked is None:
            return False
        locked.submitted_at = locked.deadline
        locked.timed_out = True
        locked.score = 0
        locked.passed = False
        locked.save()
    return True


def quiz_status(staff: StaffMember, quiz: QuizPage, *, now=None) -> QuizStatus:
    """What the learner may do with the quiz now. A handful of queries, none per attempt."""
    now = now or timezone.now()
    module_key = quiz.module_key
    cycle = _courses().current_cycle(staff, module_key) if module_key else None
    attempts = list(
        Attempt.objects.filter(staff=staff, quiz_key=quiz.translation_key)
        .only(
            "id",
            "cycle_id",
            "started_at",
            "deadline",
            "submitted_at",
            "score",
            "passed",
            "timed_out",
        )
        .order_by("-started_at", "-pk")
    )
    open_attempt = next((a for a in attempts if a.submitted_at is None), None)
    if open_attempt is not None and close_if_expired(open_attempt, now=now):
        return quiz_status(staff, quiz, now=now)
    submitted = [a for a in attempts if a.submitted_at is not None]
    in_cycle = [a for a in submitted if cycle is not None and a.cycle_id == cycle.pk]
    passed = any(a.passed for a in in_cycle)
    last = submitted[0] if submitted else None
    next_allowed = None
    if last is not None and quiz.wait_minutes and not passed:
        candidate = last.submitted_at + datetime.timedelta(minutes=quiz.wait_minutes)
        if candidate > now:
            next_allowed = candidate
    status = QuizStatus(
        cycle=cycle,
        open_attempt=open_attempt,
        last_attempt=last,
        attempts_used=len(in_cycle),
        max_attempts=quiz.max_attempts,
        passed=passed,
        next_allowed_at=next_allowed,
        can_start=False,
    )
    if open_attempt is not None:
        status.reason = str(_("You have an attempt in progress."))
    elif passed:
        status.reason = str(_("You have passed this quiz."))
    elif quiz.max_attempts and len(in_cycle) >= quiz.max_attempts:
        status.reason = str(
            _("You have used all %(count)d attempts. Please contact your supervisor.")
            % {"count": quiz.max_attempts}
        )
    elif next_allowed is not None:
        status.reason = str(_("You can try again after the waiting time."))
    elif not quiz.questions:
        status.reason = str(_("This quiz has no questions yet."))
    else:
        status.can_start = True
    return status


def start_attempt(staff: StaffMember, quiz: QuizPage, *, now=None, rng=None) -> Attempt:
    """Open an attempt (or return the open one). Raises AttemptNotAllowed."""
    now = now or timezone.now()
    status = quiz_status(staff, quiz, now=now)
    if status.open_attempt is not None:
        return status.open_attempt
    if not status.can_start:
        raise AttemptNotAllowed(status.reason)
    cycle = status.cycle or _courses().current_cycle(staff, quiz.module_key, create=True)
    deadline = None
    if quiz.time_limit_minutes:
        deadline = now + datetime.timedelta(minutes=quiz.time_limit_minutes)
    attempt = Attempt(
        staff=staff,
        quiz_key=quiz.translation_key,
        module_key=quiz.module_key,
        cycle=cycle,
        language=(get_language() or "")[:8],
        started_at=now,
        deadline=deadline,
        snapshot=grading.build_snapshot(quiz, rng),
    )
    try:
        with transaction.atomic():
            attempt.save()
    except IntegrityError:
        # Another tab started one at the same moment: use that one.
        return Attempt.objects.open().get(staff=staff, quiz_key=quiz.translation_key)
    return attempt


def submit_attempt(staff: StaffMember | int, attempt_id: int, data, *, now=None) -> SubmitOutcome:
    """Grade an attempt exactly once.

    Raises Attempt.DoesNotExist for another learner's attempt (a 404), TamperedSubmission
    (400, nothing changes), IncompleteSubmission (the form again, nothing changes).
    A constant number of queries whatever the number of questions.
    """
    now = now or timezone.now()
    with transaction.atomic():
        attempt = (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("cycle")
            .get(pk=attempt_id, staff_id=getattr(staff, "pk", staff))
        )
        if attempt.submitted_at is not None:
            return SubmitOutcome(attempt=attempt, graded_now=False)
        if attempt.deadline is not None and now > attempt.deadline + SUBMIT_GRACE:
            # Late: keep what was sent (if it is well formed) but do not score it.
            try:
                answers, _missing = grading.parse_answers(attempt.snapshot, data)
            except TamperedSubmission:
                answers = {}
            attempt.answers = answers
            attempt.submitted_at = now
            attempt.timed_out = True
            attempt.score = 0
            attempt.passed = False
            attempt.save()
            return SubmitOutcome(attempt=attempt, graded_now=True, timed_out=True)
        answers, missing = grading.parse_answers(attempt.snapshot, data)
        if missing:
            raise IncompleteSubmission(attempt, answers, missing)
        result = grading.grade(attempt.snapshot, answers)
        attempt.answers = answers
        attempt.submitted_at = now
        attempt.score = result.score
        attempt.passed = result.passed
        attempt.save()
        QuestionResponse.objects.bulk_create(
            [
                QuestionResponse(
                    attempt=attempt,
                    quiz_key=attempt.quiz_key,
                    question_id=q["id"],
                    option_id=o["id"],
                    option_correct=o["correct"],
                    question_correct=g.correct,
                )
                for q, g in zip(attempt.snapshot["questions"], result.questions, strict=True)
                for o in q["options"]
                if o["id"] in g.chosen
            ]
        )
        completed = False
        if attempt.passed:
            completed = _courses().refresh_completion(attempt.cycle)
    return SubmitOutcome(attempt=attempt, graded_now=True, completed_module=completed)


# --- reading ----------------------------------------------------------------------------


def attempts_for_staff(staff: StaffMember):
    """A person's attempts, newest first (for HR and supervisors: get `staff` from
    `StaffMember.objects.for_user(user)` first). Without the snapshot and answers."""
    return (
        Attempt.objects.filter(staff=staff)
        .defer("snapshot", "answers")
        .select_related("cycle")
        .order_by("-started_at", "-pk")
    )


def question_statistics(quiz: QuizPage) -> dict:
    """Per question of the quiz's current pool: how many graded attempts showed it, the
    share answered fully correctly, and the wrong option chosen most often. Counted in SQL
    over `QuestionResponse` (three queries)."""
    key = quiz.translation_key
    rows = QuestionResponse.objects.filter(quiz_key=key)
    per_question = {
        r["question_id"]: r
        for r in rows.values("question_id").annotate(
            shown=Count("attempt", distinct=True),
            correct=Count("attempt", distinct=True, filter=Q(question_correct=True)),
        )
    }
    wrong: dict[str, tuple[str, int]] = {}
    for r in (
        rows.filter(option_correct=False)
        .values("question_id", "option_id")
        .annotate(n=Count("id"))
        .order_by("question_id", "-n", "option_id")
    ):
        wrong.setdefault(r["question_id"], (r["option_id"], r["n"]))
    attempts = Attempt.objects.filter(quiz_key=key, submitted_at__isnull=False).aggregate(
        total=Count("id"), passed=Count("id", filter=Q(passed=True))
    )
    questions = []
    for number, block in enumerate(quiz.questions, start=1):
        value = block.value
        if block.block_type == "true_false":
            text = value["statement"]
            options = {"true": str(_("True")), "false": str(_("False"))}
        else:
            text = value["question"]
            options = {child.id: child.value["text"] for child in value["options"].bound_blocks}
        stats = per_question.get(block.id, {"shown": 0, "correct": 0})
        wrong_id, wrong_n = wrong.get(block.id, (None, 0))
        questions.append(
            {
                "number": number,
                "id": block.id,
                "text": text,
                "shown": stats["shown"],
                "correct": stats["correct"],
                "share_correct": (stats["correct"] * 100 / stats["shown"])
                if stats["shown"]
                else None,
                "top_wrong": options.get(wrong_id, str(_("(removed option)"))) if wrong_id else "",
                "top_wrong_count": wrong_n,
            }
        )
    return {"attempts": attempts, "questions": questions}


def open_quiz_keys_for_module(module_key: uuid.UUID):
    return QuizPage.objects.live().filter(module_key=module_key).values("translation_key")

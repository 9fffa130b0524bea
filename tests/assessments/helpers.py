"""Answering an attempt as a learner would, from its snapshot."""

from __future__ import annotations

from assessments.models import Attempt


def answers_for(attempt: Attempt, *, correct: bool = True) -> dict[str, list[str]]:
    """POST data answering every question right (or every question wrong)."""
    data: dict[str, list[str]] = {}
    for q in attempt.snapshot["questions"]:
        right = [o["id"] for o in q["options"] if o["correct"]]
        wrong = [o["id"] for o in q["options"] if not o["correct"]]
        if correct:
            data[f"q-{q['id']}"] = right
        else:
            data[f"q-{q['id']}"] = wrong[:1] if wrong else right[:1]
    return data


def open_attempt(staff, quiz) -> Attempt:
    return Attempt.objects.get(staff=staff, quiz_key=quiz.key, submitted_at=None)

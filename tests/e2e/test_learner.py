"""The learner's paths through the UI: switch language halfway through a module and keep the
progress; take the quiz with the keyboard alone. (Path 1 is in test_certificate_path.py.)"""

from __future__ import annotations

import pytest
from django.core.cache import cache

from courses import services
from courses.models import LessonProgress
from tests.e2e import data
from tests.e2e.helpers import (
    FALSE,
    active,
    check_page,
    follow,
    log_in,
    mark_lesson_done,
    open_required_module,
    tab,
    tab_to,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def test_learner_switches_to_swedish_halfway_and_keeps_progress(page, learner):
    log_in(page, learner.username, data.PASSWORD)
    open_required_module(page, data.MODULE_TITLES["fi"])
    follow(page, page.locator(".module-progress a.button"))
    mark_lesson_done(page)
    assert LessonProgress.objects.filter(cycle__staff=learner.staff).count() == 1

    # Halfway: switch the language on the second lesson.
    follow(page, page.locator("nav.language-switcher").get_by_role("link", name="Svenska"))
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", level=1).inner_text() == data.LESSON_TITLES["sv"][1]
    check_page(page, "learner-sv-01-lesson-2")

    # The Swedish module page counts the lesson done in Finnish.
    follow(page, page.locator("nav.breadcrumbs").get_by_role("link"))
    assert page.get_by_role("heading", level=1).inner_text() == data.MODULE_TITLES["sv"]
    progress = page.locator(".module-progress progress")
    assert (progress.get_attribute("value"), progress.get_attribute("max")) == ("1", "2")
    check_page(page, "learner-sv-02-module")

    # Continue in Swedish: the button leads to the second lesson, not the first.
    follow(page, page.locator(".module-progress a.button"))
    assert page.get_by_role("heading", level=1).inner_text() == data.LESSON_TITLES["sv"][1]
    mark_lesson_done(page)
    assert LessonProgress.objects.filter(cycle__staff=learner.staff).count() == 2

    page.goto("/sv/")
    check_page(page, "learner-sv-03-my-learning")


def test_quiz_is_completed_with_the_keyboard_alone(page, learner):
    for lesson in learner.lessons:  # the lessons are not what this test is about
        services.mark_lesson_done(learner.staff, lesson)
    log_in(page, learner.username, data.PASSWORD)
    page.goto(learner.quiz.page.url)
    assert page.get_by_role("heading", level=1).inner_text() == learner.quiz.page.title

    # Start the quiz: Tab to the start button, press Enter.
    tab_to(page, "main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("form.quiz-form").is_visible()

    # Sending with nothing answered: the error summary lists the questions, linked.
    tab_to(page, "form.quiz-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    summary = page.get_by_role("alert")
    assert summary.get_by_role("link").count() == 2
    check_page(page, "learner-keyboard-quiz-errors")

    # Follow the first error link; the next Tab lands in question 1, Space chooses.
    tab_to(page, ".error-summary a")
    page.keyboard.press("Enter")
    tab(page)
    assert active(page, "el.closest('fieldset').id") == "question-1"
    page.keyboard.press("Space")
    assert page.locator("#question-1").get_by_label(data.RIGHT_1, exact=True).is_checked()
    # Question 2: Tab to the next radio group, arrow down to "false" (which selects it).
    tab(page)
    assert active(page, "el.closest('fieldset').id") == "question-2"
    page.keyboard.press("ArrowDown")
    assert page.locator("#question-2 input").nth(FALSE - 1).is_checked()
    # Tab to "Send answers" and press Enter.
    tab(page)
    assert active(page, "el.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Hyväksytty" in page.locator(".quiz-result").inner_text()
    check_page(page, "learner-keyboard-quiz-passed")

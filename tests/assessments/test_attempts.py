"""Taking a quiz through the learner's views: start, submit, result, limits and time."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from assessments import services
from assessments.models import Attempt, AttemptIsFinal, QuestionResponse
from courses import services as course_services
from courses.models import LessonProgress
from tests.assessments.factories import make_quiz, single, ten_questions, true_false
from tests.assessments.helpers import answers_for, open_attempt

pytestmark = pytest.mark.django_db

T0 = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def quiz(tree):
    return make_quiz(tree, ten_questions(), pass_mark=80)


def start(client, quiz):
    response = client.post(quiz.page.url)
    assert response.status_code == 302
    return response


def submit(client, attempt, data):
    return client.post(reverse("assessments:submit", args=[attempt.pk]), data)


def test_quiz_page_offers_a_start_button(learner_client, quiz):
    response = learner_client.get(quiz.page.url)
    assert response.status_code == 200
    assert b'<form method="post"' in response.content


def test_anonymous_visitor_is_sent_to_login(client, quiz):
    response = client.get(quiz.page.url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_starting_shows_the_form_with_a_fieldset_per_question(learner_client, learner, quiz):
    start(learner_client, quiz)
    response = learner_client.get(quiz.page.url)
    html = response.content.decode()
    assert html.count("<fieldset") == 10
    assert html.count("<legend>") == 10
    attempt = open_attempt(learner, quiz)
    assert f'action="{reverse("assessments:submit", args=[attempt.pk])}"' in html


def test_starting_twice_keeps_one_open_attempt(learner_client, learner, quiz):
    start(learner_client, quiz)
    start(learner_client, quiz)
    assert Attempt.objects.filter(staff=learner).count() == 1


def test_passing_submission_is_graded_and_shown(learner_client, learner, quiz):
    start(learner_client, quiz)
    attempt = open_attempt(learner, quiz)
    response = submit(learner_client, attempt, answers_for(attempt))
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None
    assert attempt.score == 100
    assert attempt.passed is True
    assert QuestionResponse.objects.filter(attempt=attempt).count() >= 10
    result = learner_client.get(response["Location"])
    assert result.status_code == 200
    assert "certificate_link" not in result.content.decode()


def test_failing_submission_offers_try_again(learner_client, learner, quiz):
    start(learner_client, quiz)
    attempt = open_attempt(learner, quiz)
    submit(learner_client, attempt, answers_for(attempt, correct=False))
    attempt.refresh_from_db()
    assert attempt.passed is False
    with translation.override("en"):
        result = learner_client.get(
            reverse("assessments:result", args=[attempt.pk]), HTTP_ACCEPT_LANGUAGE="en"
        )
    assert result.status_code == 200
    assert f'action="{quiz.page.url}"' in result.content.decode()


def test_result_shows_feedback_and_explanation_after_submitting(learner_client, learner, tree):
    quiz = make_quiz(
        tree,
        [single("Q", [("Right", True), ("Wrong", False)], explanation="Why so", feedback="FB")],
    )
    start(learner_client, quiz)
    attempt = open_attempt(learner, quiz)
    submit(learner_client, attempt, answers_for(attempt, correct=False))
    html = learner_client.get(reverse("assessments:result", args=[attempt.pk])).content.decode()
    assert "FB Wrong" in html
    assert "Why so" in html


def test_double_submission_grades_once_and_says_so(learner_client, learner, quiz):
    start(learner_client, quiz)
    attempt = open_attempt(learner, quiz)
    submit(learner_client, attempt, answers_for(attempt, correct=False))
    attempt.refresh_from_db()
    first = (attempt.submitted_at, attempt.score, attempt.passed)
    response = submit(learner_client, attempt, answers_for(attempt, correct=True))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert (attempt.submitted_at, attempt.score, attempt.passed) == first
    assert (
        QuestionResponse.objects.filter(attempt=attempt).values("question_id").distinct().count()
        == 10
    )
    page = learner_client.get(response["Location"])
    messages = [str(m) for m in page.context["messages"]]
    assert any("already been submitted" in m or "jo lähetetty" in m for m in messages)


def test_another_learners_attempt_is_404(client, learner, other_learner, quiz):
    attempt = services.start_attempt(learner, quiz.page)
    client.force_login(other_learner.user)
    assert client.get(reverse("assessments:result", args=[attempt.pk])).status_code == 404
    response = submit(client, attempt, answers_for(attempt))
    assert response.status_code == 404
    attempt.refresh_from_db()
    assert attempt.is_open


def test_submitted_attempt_cannot_be_changed(learner, quiz):
    attempt = services.start_attempt(learner, quiz.page)
    services.submit_attempt(learner, attempt.pk, _querydict(answers_for(attempt)))
    stored = Attempt.objects.get(pk=attempt.pk)
    stored.score = 0
    with pytest.raises(AttemptIsFinal):
        stored.save()


def _querydict(data):
    from django.http import QueryDict

    qd = QueryDict(mutable=True)
    for key, values in data.items():
        qd.setlist(key, values)
    return qd


# --- attempt limits and waiting time ------------------------------------------------------


def test_waiting_time_blocks_a_new_attempt_until_it_has_passed(learner, tree):
    quiz = make_quiz(tree, ten_questions(), wait_minutes=60)
    with time_machine.travel(T0, tick=False):
        attempt = services.start_attempt(learner, quiz.page)
        services.submit_attempt(
            learner, attempt.pk, _querydict(answers_for(attempt, correct=False))
        )
    with time_machine.travel(T0 + datetime.timedelta(minutes=59), tick=False):
        status = services.quiz_status(learner, quiz.page)
        assert status.can_start is False
        assert status.next_allowed_at == T0 + datetime.timedelta(minutes=60)
        with pytest.raises(services.AttemptNotAllowed):
            services.start_attempt(learner, quiz.page)
    with time_machine.travel(T0 + datetime.timedelta(minutes=60, seconds=1), tick=False):
        assert services.quiz_status(learner, quiz.page).can_start is True


def test_result_page_says_when_the_next_attempt_opens(learner_client, learner, tree):
    quiz = make_quiz(tree, ten_questions(), wait_minutes=90)
    with time_machine.travel(T0, tick=False):
        attempt = services.start_attempt(learner, quiz.page)
        services.submit_attempt(
            learner, attempt.pk, _querydict(answers_for(attempt, correct=False))
        )
        html = learner_client.get(reverse("assessments:result", args=[attempt.pk])).content.decode()
    local = timezone.localtime(T0 + datetime.timedelta(minutes=90))
    assert local.strftime("%H:%M") in html
    assert "Try again" not in html and "Yritä uudelleen" not in html


def test_maximum_attempts_per_cycle(learner, tree):
    quiz = make_quiz(tree, ten_questions(), max_attempts=2)
    for _ in range(2):
        attempt = services.start_attempt(learner, quiz.page)
        services.submit_attempt(
            learner, attempt.pk, _querydict(answers_for(attempt, correct=False))
        )
    status = services.quiz_status(learner, quiz.page)
    assert status.can_start is False
    assert status.attempts_used == 2
    with pytest.raises(services.AttemptNotAllowed):
        services.start_attempt(learner, quiz.page)


def test_passed_quiz_is_not_offered_again_in_the_same_cycle(learner, quiz):
    attempt = services.start_attempt(learner, quiz.page)
    services.submit_attempt(learner, attempt.pk, _querydict(answers_for(attempt)))
    assert services.quiz_status(learner, quiz.page).can_start is False


# --- time limit ------------------------------------------------------------------------


def test_submission_within_the_time_limit_is_graded(learner, tree):
    quiz = make_quiz(tree, ten_questions(), time_limit_minutes=15)
    with time_machine.travel(T0, tick=False):
        attempt = services.start_attempt(learner, quiz.page)
    assert attempt.deadline == T0 + datetime.timedelta(minutes=15)
    with time_machine.travel(T0 + datetime.timedelta(minutes=15, seconds=30), tick=False):
        outcome = services.submit_attempt(learner, attempt.pk, _querydict(answers_for(attempt)))
    assert outcome.timed_out is False
    assert outcome.attempt.passed is True


def test_late_submission_is_not_scored_and_fails(learner_client, learner, tree):
    quiz = make_quiz(tree, ten_questions(), time_limit_minutes=15)
    with time_machine.travel(T0, tick=False):
        start(learner_client, quiz)
        attempt = open_attempt(learner, quiz)
    with time_machine.travel(T0 + datetime.timedelta(minutes=16, seconds=1), tick=False):
        response = submit(learner_client, attempt, answers_for(attempt))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.timed_out is True
    assert attempt.score == 0
    assert attempt.passed is False
    assert not QuestionResponse.objects.filter(attempt=attempt).exists()


def test_abandoned_attempt_is_closed_when_its_time_has_run_out(learner, tree):
    quiz = make_quiz(tree, ten_questions(), time_limit_minutes=10)
    with time_machine.travel(T0, tick=False):
        attempt = services.start_attempt(learner, quiz.page)
    with time_machine.travel(T0 + datetime.timedelta(hours=2), tick=False):
        status = services.quiz_status(learner, quiz.page)
        assert status.open_attempt is None
        assert status.can_start is True
    attempt.refresh_from_db()
    assert attempt.timed_out and attempt.submitted_at == attempt.deadline and not attempt.passed


# --- snapshot --------------------------------------------------------------------------


def test_attempt_is_graded_against_its_snapshot_after_an_edit(learner, tree):
    quiz = make_quiz(tree, [single("Q", [("A", True), ("B", False)]), true_false("S", True)])
    attempt = services.start_attempt(learner, quiz.page)
    data = answers_for(attempt)
    # The editor swaps the key of both questions and publishes.
    page = quiz.page
    raw = page.questions.raw_data
    raw[0]["value"]["options"][0]["value"]["is_correct"] = False
    raw[0]["value"]["options"][1]["value"]["is_correct"] = True
    raw[1]["value"]["correct_answer"] = "false"
    page.questions = raw
    page.save_revision().publish()
    outcome = services.submit_attempt(learner, attempt.pk, _querydict(data))
    assert outcome.attempt.score == 100
    assert outcome.attempt.passed is True


# --- completion --------------------------------------------------------------------------


def test_passing_completes_the_module_when_lessons_are_done(learner_client, learner, tree, quiz):
    course_services.mark_lesson_done(learner, tree.lessons[0])
    cycle = course_services.current_cycle(learner, tree.module_key)
    assert cycle.completed_at is None  # the quiz gate holds it back
    start(learner_client, quiz)
    attempt = open_attempt(learner, quiz)
    submit(learner_client, attempt, answers_for(attempt))
    cycle.refresh_from_db()
    assert cycle.completed_at is not None


def test_failing_does_not_complete_the_module(learner_client, learner, tree, quiz):
    course_services.mark_lesson_done(learner, tree.lessons[0])
    start(learner_client, quiz)
    attempt = open_attempt(learner, quiz)
    submit(learner_client, attempt, answers_for(attempt, correct=False))
    cycle = course_services.current_cycle(learner, tree.module_key)
    assert cycle.completed_at is None


def test_passing_before_the_lessons_completes_when_the_last_lesson_is_done(learner, tree, quiz):
    attempt = services.start_attempt(learner, quiz.page)
    services.submit_attempt(learner, attempt.pk, _querydict(answers_for(attempt)))
    cycle = course_services.current_cycle(learner, tree.module_key)
    assert cycle.completed_at is None
    assert not LessonProgress.objects.filter(cycle=cycle).exists()
    course_services.mark_lesson_done(learner, tree.lessons[0])
    cycle.refresh_from_db()
    assert cycle.completed_at is not None


def test_passing_in_swedish_counts_for_the_finnish_module(client, learner, tree, quiz):
    client.force_login(learner.user)
    course_services.mark_lesson_done(learner, tree.translations["sv"].lessons[0])
    sv_quiz = quiz.translations["sv"]
    assert client.post(sv_quiz.url).status_code == 302
    attempt = open_attempt(learner, quiz)
    assert attempt.language == "sv"
    submit(client, attempt, answers_for(attempt))
    cycle = course_services.current_cycle(learner, tree.module_key)
    assert cycle.completed_at is not None


def test_module_without_a_quiz_is_not_held_back(learner, tree):
    cycle = course_services.mark_lesson_done(learner, tree.lessons[0])
    assert cycle.completed_at is not None


def test_unpublished_quiz_does_not_hold_the_module_back(learner, tree, quiz):
    quiz.page.unpublish()
    quiz.translations["sv"].unpublish()
    cycle = course_services.mark_lesson_done(learner, tree.lessons[0])
    assert cycle.completed_at is not None


def test_open_attempt_follows_a_language_switch_but_keeps_its_questions(
    learner_client, learner, tree
):
    quiz = make_quiz(tree, [single("Kysymys", [("Kyllä", True), ("Ei", False)])])
    sv_page = quiz.translations["sv"]
    raw = sv_page.questions.raw_data
    raw[0]["value"]["question"] = "Fråga"
    raw[0]["value"]["options"][0]["value"]["text"] = "Ja"
    sv_page.questions = raw
    sv_page.save_revision().publish()
    start(learner_client, quiz)
    attempt = open_attempt(learner, quiz)
    html = learner_client.get(sv_page.url).content.decode()
    assert "Fråga" in html and "Ja" in html and "Kysymys" not in html
    response = submit(learner_client, attempt, answers_for(attempt))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.passed


def test_a_pass_that_completes_the_module_says_where_the_certificate_is(
    learner_client, learner, tree, quiz, monkeypatch
):
    from certificates.models import Certificate

    course_services.mark_lesson_done(learner, tree.lessons[0])
    # The issuing task is not sent (as when the broker is down): the certificate is on its
    # way. A real stopped broker is tests/faults/test_broker_stopped.py.
    monkeypatch.setattr("certificates.services.publish_on_commit", lambda *a, **k: None)
    start(learner_client, quiz)
    attempt = open_attempt(learner, quiz)
    page = learner_client.get(submit(learner_client, attempt, answers_for(attempt))["Location"])
    assert not Certificate.objects.filter(cycle=attempt.cycle).exists()
    assert "Todistuksesi on tulossa" in page.content.decode()  # "your certificate is on its way"
    from certificates.services import issue_for_cycle

    issue_for_cycle(attempt.cycle_id)
    html = learner_client.get(reverse("assessments:result", args=[attempt.pk])).content.decode()
    assert "Todistuksesi on kohdassa" in html  # "your certificate is in My certificates"
    assert "tulossa" not in html
    assert f'href="{reverse("certificates:mine")}"' in html.split("<main", 1)[1]


def test_a_pass_before_the_lessons_are_done_says_nothing_of_a_certificate(
    learner_client, learner, quiz
):
    start(learner_client, quiz)
    attempt = open_attempt(learner, quiz)
    html = learner_client.get(
        submit(learner_client, attempt, answers_for(attempt))["Location"]
    ).content.decode()
    main = html.split("<main", 1)[1]
    assert "Hyväksytty" in main  # "passed"
    assert "Todistuksesi" not in main

"""The broker stops while a learner submits a passing quiz: the answer comes at once, and
the certificate follows from the sweep once the broker is back (a real worker with its
own beat, so nothing here sends the sweep by hand)."""

import time

import pytest
from django.urls import reverse

from certificates.models import Certificate
from courses import services as course_services
from tests.assessments.factories import make_quiz, ten_questions
from tests.assessments.helpers import answers_for, open_attempt
from tests.courses.factories import make_module
from tests.organisation.factories import StaffMemberFactory
from tests.processes import wait_until

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.fault,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_broker_stopped_during_a_passing_submit(private_redis, publishing_to, workers, client):
    tree = make_module(lessons=1, validity_months=24)
    quiz = make_quiz(tree, ten_questions(), pass_mark=80)
    learner = StaffMemberFactory()
    course_services.mark_lesson_done(learner, tree.lessons[0])
    client.force_login(learner.user)
    publishing_to(private_redis.url)
    worker = workers(private_redis.url)
    worker.start(beat=True)
    assert client.post(quiz.page.url).status_code == 302
    attempt = open_attempt(learner, quiz)

    private_redis.stop()
    started = time.monotonic()
    response = client.post(
        reverse("assessments:submit", args=[attempt.pk]), answers_for(attempt), follow=True
    )
    seconds = time.monotonic() - started
    print(f"passing submit with the broker down: {seconds:.2f} s (limit 3 s)")
    assert response.status_code == 200
    assert seconds < 3
    assert "Todistuksesi on tulossa" in response.content.decode()  # "on its way"
    attempt.refresh_from_db()
    assert attempt.passed
    assert not Certificate.objects.filter(cycle=attempt.cycle).exists()

    private_redis.start()
    back = time.monotonic()
    certificate = wait_until(
        lambda: Certificate.objects.filter(cycle=attempt.cycle).exclude(pdf="").first(),
        90,
        "no certificate 90 s after the broker came back",
        every=1,
    )
    print(f"certificate with its PDF {time.monotonic() - back:.0f} s after the broker's return")
    assert Certificate.objects.filter(cycle=attempt.cycle).count() == 1
    page = client.get(reverse("assessments:result", args=[attempt.pk]))
    assert f'href="{reverse("certificates:mine")}"' in page.content.decode()
    assert certificate.pdf.name.endswith(".pdf")

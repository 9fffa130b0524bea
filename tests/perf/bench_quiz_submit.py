"""Benchmark: server time of submitting a 10-question quiz attempt.

    RUN_BENCH=1 .venv/bin/python -m pytest tests/perf/bench_quiz_submit.py -s -n 0
    RUN_BENCH=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/aspa_bench \
        .venv/bin/python -m pytest tests/perf/bench_quiz_submit.py -s -n 0

Each round is a different learner whose lessons are done, so a passing submission runs the
whole path: session and user, lock and grade the attempt, write the statistics rows, and
the module's completion check. Timed is the Django request from the test client (all
middleware and the view), not the network. Prints the median and the 90th percentile of
BENCH_ROUNDS (default 200) passing and as many failing submissions, as wall time and as
CPU time of the test process (the latter includes SQLite's work but not PostgreSQL's,
and is less disturbed by other load on the machine).
"""

import os
import statistics
import time

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.perf.figures import only_when_asked, percentile

pytestmark = only_when_asked

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))


@pytest.mark.django_db
def test_submitting_ten_questions_takes_a_few_milliseconds():
    from assessments import services
    from courses import services as course_services
    from tests.assessments.factories import make_quiz, ten_questions
    from tests.assessments.helpers import answers_for
    from tests.courses.factories import make_module
    from tests.organisation.factories import ServicePointFactory, StaffMemberFactory

    tree = make_module(lessons=2, translations=())
    quiz = make_quiz(tree, ten_questions(), translations=(), shuffle_options=True)
    point = ServicePointFactory()
    timings = {"pass": [], "fail": []}
    cpu = {"pass": [], "fail": []}
    for i in range(ROUNDS * 2):
        outcome = "pass" if i % 2 == 0 else "fail"
        staff = StaffMemberFactory(service_point=point, role__code="customer-service")
        for lesson in tree.lessons:
            course_services.mark_lesson_done(staff, lesson)
        attempt = services.start_attempt(staff, quiz.page)
        data = answers_for(attempt, correct=outcome == "pass")
        client = Client()
        client.force_login(staff.user)
        url = reverse("assessments:submit", args=[attempt.pk])
        start, cpu_start = time.perf_counter(), time.process_time()
        response = client.post(url, data)
        timings[outcome].append((time.perf_counter() - start) * 1000)
        cpu[outcome].append((time.process_time() - cpu_start) * 1000)
        assert response.status_code == 302
    engine = connection.vendor
    for outcome, values in timings.items():
        print(
            f"\nquiz submit ({engine}, 10 questions, {outcome}): "
            f"median {statistics.median(values):.2f} ms, "
            f"p90 {percentile(values, 0.9):.2f} ms wall; "
            f"median {statistics.median(cpu[outcome]):.2f} ms CPU of this process; "
            f"{len(values)} submissions; load average {os.getloadavg()[0]:.1f}"
        )

"""Benchmark: CPU and wall time of every learner page beside a bare page.

    RUN_BENCH=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/aspa_bench \
        CACHE_URL=redis://127.0.0.1:6379/11 \
        .venv/bin/python -m pytest tests/perf/bench_learner_pages.py -s -n 0

On the demo data (`seed_demo`), signed in as the demo learner, with cached sessions when
CACHE_URL is set (the production default) and DEBUG off. Each round requests every page
once, interleaved with the bare page (the site's `base.html` rendered by a view with all
middleware: session, user, header, footer), so load on the machine touches all alike.
Printed per page: queries, median and p90 wall time, median CPU time of this process (the
app's work; PostgreSQL's own is in the wall time only), and the CPU ratio to the bare page
measured in the same run. "mark done" is a learner's first "Mark as done" of a lesson and
"quiz submit" a passing submission, each by a fresh learner per round. Nothing is asserted
about time: the figures are read, beside their floor.
"""

from __future__ import annotations

import os
import statistics
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.perf.figures import only_when_asked, percentile

pytestmark = only_when_asked

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "60"))


@pytest.fixture
def production_like(settings):
    settings.DEBUG = False
    settings.CERTIFICATE_VERIFY_RATE = "100000/m"  # one client asks many times on purpose
    if os.environ.get("CACHE_URL"):
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": os.environ["CACHE_URL"],
            }
        }
        settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    from django.core.cache import cache

    cache.clear()
    yield settings
    cache.clear()


def _timed(client, method, url, data=None):
    with CaptureQueriesContext(connection) as ctx:
        start, cpu = time.perf_counter(), time.process_time()
        response = getattr(client, method)(url, data or {})
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert response.status_code in (200, 302), (url, response.status_code)
    return wall * 1000, cpu * 1000, len(ctx.captured_queries)


@pytest.mark.urls("tests.perf.bare_urls")
@pytest.mark.django_db(transaction=False)
def test_learner_pages_beside_a_bare_page(production_like):
    from django.core.management import call_command
    from django.urls import reverse

    from assessments import services as quiz_services
    from assessments.models import Attempt, QuizPage
    from certificates.models import Certificate
    from courses import services
    from courses.models import CourseIndexPage, CoursePage, LessonPage
    from organisation.models import StaffMember
    from tests.assessments.helpers import answers_for
    from tests.organisation.factories import StaffMemberFactory

    call_command("seed_demo", stdout=open(os.devnull, "w"))
    learner = StaffMember.objects.get(user__username="oppija")
    quiz = QuizPage.objects.live().filter(locale__language_code="fi").first()
    module = CoursePage.objects.get(pk=quiz.get_parent().pk)
    lessons = list(LessonPage.objects.live().child_of(module).order_by("path"))
    attempt = Attempt.objects.filter(staff=learner, submitted_at__isnull=False).first()
    if attempt is None:
        attempt = quiz_services.start_attempt(learner, quiz)
        from django.utils.datastructures import MultiValueDict

        quiz_services.submit_attempt(learner, attempt.pk, MultiValueDict(answers_for(attempt)))
    certificate = Certificate.objects.filter(revoked_at__isnull=True).first()
    pages = {
        "bare page": "/fi/bare/",
        "my learning": "/fi/",
        "catalogue": CourseIndexPage.objects.get(locale__language_code="fi").url,
        "module": module.url,
        "lesson": lessons[0].url,
        "quiz form": quiz.url,
        "quiz result": reverse("assessments:result", args=[attempt.pk]),
        "my certificates": reverse("certificates:mine"),
        "verification": reverse("certificates:verify", args=[certificate.code]),
    }
    client = Client()
    client.force_login(learner.user)
    for url in pages.values():
        _timed(client, "get", url)  # warm: templates, the cache
    results = {name: [] for name in [*pages, "mark done", "quiz submit"]}
    point = learner.service_point
    for _ in range(ROUNDS):
        for name, url in pages.items():
            results[name].append(_timed(client, "get", url))
        fresh = StaffMemberFactory(service_point=point, role=learner.role)
        other = Client()
        other.force_login(fresh.user)
        other.get(lessons[0].url)
        results["mark done"].append(_timed(other, "post", lessons[0].url, {"action": "done"}))
        for lesson in lessons:
            services.mark_lesson_done(fresh, lesson)
        fresh_attempt = quiz_services.start_attempt(fresh, quiz)
        results["quiz submit"].append(
            _timed(
                other,
                "post",
                reverse("assessments:submit", args=[fresh_attempt.pk]),
                answers_for(fresh_attempt),
            )
        )
    bare_cpu = statistics.median(cpu for _, cpu, _ in results["bare page"])
    engine = connection.vendor
    cache_name = "Redis cache, cached sessions" if os.environ.get("CACHE_URL") else "local cache"
    print(f"\nlearner pages ({engine}, {cache_name}, {ROUNDS} rounds, cores {os.cpu_count()}):")
    print(
        f"{'page':16} {'queries':>7} {'wall p50':>9} {'wall p90':>9} {'CPU p50':>8} {'× bare':>7}"
    )
    for name, samples in results.items():
        walls = [w for w, _, _ in samples]
        cpus = [c for _, c, _ in samples]
        queries = max(q for _, _, q in samples)
        cpu = statistics.median(cpus)
        print(
            f"{name:16} {queries:7d} {statistics.median(walls):7.1f}ms "
            f"{percentile(walls, 0.9):7.1f}ms {cpu:6.1f}ms {cpu / bare_cpu:6.1f}×"
        )
    print(f"load average {os.getloadavg()[0]:.1f}")

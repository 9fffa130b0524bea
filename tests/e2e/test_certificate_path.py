"""Path 1: a learner logs in (Finnish), sees a required module on "My learning", reads its
lessons, answers an encounter scenario, fails the quiz once, passes it, downloads the
certificate PDF and opens its verification page from the code."""

from __future__ import annotations

import io
import re

import pytest
from django.core.cache import cache
from pypdf import PdfReader

from certificates.models import Certificate
from tests.e2e import data
from tests.e2e.helpers import (
    FALSE,
    TRUE,
    answer_quiz,
    check_page,
    follow,
    log_in,
    mark_lesson_done,
    open_required_module,
    start_quiz,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def test_learner_completes_a_required_module_and_verifies_the_certificate(page, learner):
    log_in(page, learner.username, data.PASSWORD)
    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.get_by_role("heading", level=1).inner_text() == "Oma oppiminen"
    check_page(page, "learner-01-my-learning")

    open_required_module(page, data.MODULE_TITLES["fi"])
    check_page(page, "learner-02-module")
    follow(page, page.locator(".module-progress a.button"))

    # Lesson 1: the encounter scenario shows its feedback when a response is opened.
    assert page.get_by_role("heading", level=1).inner_text() == data.LESSON_TITLES["fi"][0]
    feedback = page.get_by_text(data.SCENARIO["responses"][1]["feedback"])
    assert not feedback.is_visible()
    page.get_by_text(data.SCENARIO["responses"][1]["response"]).click()
    assert feedback.is_visible()
    check_page(page, "learner-03-lesson-with-scenario")
    mark_lesson_done(page)

    assert page.get_by_role("heading", level=1).inner_text() == data.LESSON_TITLES["fi"][1]
    check_page(page, "learner-04-lesson-2")
    mark_lesson_done(page)

    # After the last lesson: the quiz (directly, or from the module page).
    if page.get_by_role("heading", level=1).inner_text() != learner.quiz.page.title:
        follow(page, page.get_by_role("link", name=learner.quiz.page.title).first)
    check_page(page, "learner-05-quiz")
    start_quiz(page)
    check_page(page, "learner-06-quiz-form")

    # First attempt fails.
    answer_quiz(page, {1: data.WRONG_1, 2: TRUE})
    assert "Ei hyväksytty" in page.locator(".quiz-result").inner_text()
    check_page(page, "learner-07-quiz-failed")

    # Second attempt passes.
    with page.expect_navigation():
        page.locator(".quiz-result form button[type=submit]").click()
    answer_quiz(page, {1: data.RIGHT_1, 2: FALSE})
    assert "Hyväksytty" in page.locator(".quiz-result").inner_text()
    check_page(page, "learner-08-quiz-passed")

    # My learning shows the module completed; the certificate is there.
    page.goto("/fi/")
    check_page(page, "learner-09-my-learning-completed")
    follow(page, page.locator("main a[href='/fi/certificates/']").first)
    check_page(page, "learner-10-my-certificates")
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("^Lataa PDF")).first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    pdf = PdfReader(io.BytesIO(open(download.path(), "rb").read()))
    text = " ".join(p.extract_text() for p in pdf.pages)
    certificate = Certificate.objects.get(staff=learner.staff)
    assert certificate.grouped_code in text

    # Anyone can check it: type the code printed on the PDF into the verification form.
    code = re.search(re.escape(certificate.grouped_code), text).group(0)
    page.goto("/fi/verify/")
    check_page(page, "verify-01-form")
    page.locator("main form input[type=text]").fill(code)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "Voimassa oleva todistus" in page.get_by_role("status").inner_text()
    assert data.MODULE_TITLES["fi"] in page.locator("main").inner_text()
    check_page(page, "verify-02-valid")

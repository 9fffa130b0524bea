"""An editor creates a module with two lessons and a quiz in the Wagtail admin and submits
it to moderation; a moderator publishes it; it appears in the catalogue."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Page

from assessments.models import QuizPage
from courses.models import CoursePage, LessonPage
from tests.courses.factories import course_index
from tests.e2e import data
from tests.e2e.helpers import check_page, follow, log_in, screenshot
from tests.organisation.factories import StaffMemberFactory, UserFactory

pytestmark = pytest.mark.e2e

MODULE = "Selkokieli asiakaspalvelussa"
LESSONS = ["Mitä selkokieli on", "Selkokielen keinot"]
QUIZ = "Selkokielen tietovisa"


@pytest.fixture
def admin_page(browser, site_url):
    """A browser tab for the admin in English (the editor's browser language)."""
    context = browser.new_context(
        base_url=site_url, locale="en-GB", viewport={"width": 1280, "height": 1000}
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def admin_log_in(page, username: str) -> None:
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(data.PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def wait_for_slug(page) -> None:
    """The admin fills the slug (on the Promote tab) from the title after a short delay;
    submitting before that fails validation on a tab the editor is not looking at."""
    # (Not wait_for_function: a string predicate needs eval, which the admin's policy forbids.)
    expect(page.locator("#id_slug")).not_to_have_value("")


def insert_block(page, label: str) -> None:
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=label).click()


def submit_to_moderation(page) -> None:
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]").first.click()
    with page.expect_navigation():
        page.locator("button[name=action-submit]").click()
    messages = page.locator(".messages").inner_text()
    assert "submitted for moderation" in messages, (page.url, messages)


def create_lesson(page, module_id: int, title: str) -> None:
    page.goto(f"/admin/pages/add/courses/lessonpage/{module_id}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_title").press("Tab")
    wait_for_slug(page)
    insert_block(page, "Heading")
    page.locator("#body-0-value-text").fill(f"{title}: johdanto")
    submit_to_moderation(page)


def approve(page, page_id: int) -> None:
    page.goto(f"/admin/pages/{page_id}/edit/")
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Approve and Publish").click()


def test_editor_creates_a_module_and_a_moderator_publishes_it(admin_page, page, site_url):
    index = course_index("fi")
    editor = UserFactory(username="eero.editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    moderator = UserFactory(username="maija.moderator")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    learner = StaffMemberFactory(user=UserFactory(username="oona.learner"))

    # The editor writes the module, two lessons and a quiz, and submits each for review.
    admin_log_in(admin_page, "eero.editor")
    admin_page.goto(f"/admin/pages/add/courses/coursepage/{index.pk}/")
    admin_page.locator("#id_title").fill(MODULE)
    admin_page.locator("#id_title").press("Tab")
    wait_for_slug(admin_page)
    admin_page.locator("#id_summary").fill("Miten kirjoitat ja puhut niin, että asiakas ymmärtää.")
    submit_to_moderation(admin_page)
    module = CoursePage.objects.get(title=MODULE)
    assert not module.live

    for title in LESSONS:
        create_lesson(admin_page, module.pk, title)

    admin_page.goto(f"/admin/pages/add/assessments/quizpage/{module.pk}/")
    admin_page.locator("#id_title").fill(QUIZ)
    admin_page.locator("#id_title").press("Tab")
    wait_for_slug(admin_page)
    insert_block(admin_page, "Single choice")
    admin_page.locator("#questions-0-value-question").fill("Mikä on selkokielen tärkein sääntö?")
    admin_page.locator("#questions-0-value-options-0-value-text").fill("Tärkein asia ensin")
    admin_page.locator("#questions-0-value-options-0-value-is_correct").check()
    admin_page.locator("[data-streamfield-list-add]").last.click()
    admin_page.locator("#questions-0-value-options-1-value-text").fill("Pitkät virkkeet")
    screenshot(admin_page, "editor-01-quiz-form")
    submit_to_moderation(admin_page)

    pages = [module, *LessonPage.objects.child_of(module), *QuizPage.objects.child_of(module)]
    assert [p.title for p in pages] == [MODULE, *LESSONS, QUIZ]
    for p in pages:
        state = Page.objects.get(pk=p.pk).current_workflow_state
        assert state is not None and state.status == "in_progress", p.title
        assert not Page.objects.get(pk=p.pk).live

    # Not in the catalogue before review.
    log_in(page, learner.user.username, data.PASSWORD)
    page.goto(index.url)
    assert MODULE not in page.locator("main").inner_text()

    # The moderator approves (and so publishes) each page.
    moderator_page = admin_page.context.browser.new_context(
        base_url=site_url, locale="en-GB", viewport={"width": 1280, "height": 1000}
    ).new_page()
    admin_log_in(moderator_page, "maija.moderator")
    screenshot(moderator_page, "editor-02-moderator-dashboard")
    for p in pages:
        approve(moderator_page, p.pk)
    moderator_page.context.close()
    assert all(Page.objects.get(pk=p.pk).live for p in pages)

    # The learner finds the new module in the catalogue, with its lessons.
    page.goto(index.url)
    check_page(page, "editor-03-catalogue")
    follow(page, page.get_by_role("link", name=MODULE))
    for title in LESSONS:
        assert page.get_by_role("link", name=title, exact=True).is_visible()
    check_page(page, "editor-04-new-module")

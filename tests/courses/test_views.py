import pytest
from django.test import Client
from wagtail.models import Page

from courses import services
from courses.models import LessonProgress, ModuleCycle
from tests.organisation.factories import StaffMemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_lesson_requires_login(client, tree):
    response = client.get(tree.lessons[0].url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_opening_a_lesson_enrols(learner_client, staff, tree):
    response = learner_client.get(tree.lessons[0].url)
    assert response.status_code == 200
    assert ModuleCycle.objects.filter(staff=staff, module_key=tree.module_key).count() == 1
    assert b'name="action" value="done"' in response.content


def test_mark_done_records_and_goes_to_next_lesson(learner_client, staff, tree):
    response = learner_client.post(tree.lessons[0].url, {"action": "done"})
    assert response.status_code == 302
    assert response["Location"] == tree.lessons[1].url
    cycle = services.current_cycle(staff, tree.module_key)
    assert set(LessonProgress.objects.filter(cycle=cycle).values_list("lesson_key", flat=True)) == {
        tree.lessons[0].translation_key
    }


def test_last_lesson_goes_back_to_module_and_completes(learner_client, staff, tree):
    learner_client.post(tree.lessons[0].url, {"action": "done"})
    response = learner_client.post(tree.lessons[1].url, {"action": "done"})
    assert response["Location"] == tree.module.url
    assert services.current_cycle(staff, tree.module_key).is_completed


def test_next_lesson_is_in_the_learners_language(learner_client, tree):
    sv = tree.translations["sv"]
    response = learner_client.post(sv.lessons[0].url, {"action": "done"})
    assert response["Location"] == sv.lessons[1].url


def test_progress_in_swedish_shows_on_finnish_module_page(learner_client, tree):
    learner_client.post(tree.translations["sv"].lessons[0].url, {"action": "done"})
    response = learner_client.get(tree.module.url)
    assert response.status_code == 200
    status = response.context["status"]
    assert (status.done, status.total) == (1, 2)
    assert status.next_lesson.pk == tree.lessons[1].pk
    assert b'<progress max="2" value="1"' in response.content


def test_post_for_another_learner_is_rejected(learner_client, staff, tree):
    other = StaffMemberFactory()
    response = learner_client.post(tree.lessons[0].url, {"action": "done", "staff": other.pk})
    assert response.status_code == 400
    assert not ModuleCycle.objects.filter(staff=other).exists()
    assert not LessonProgress.objects.exists()


@pytest.mark.parametrize("data", [{}, {"action": "other"}, {"action": ["done", "done"]}])
def test_bad_posts_get_400(learner_client, tree, data):
    response = learner_client.post(tree.lessons[0].url, data)
    assert response.status_code == 400
    assert not LessonProgress.objects.exists()


def test_csrf_is_enforced(staff, tree):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff.user)
    response = client.post(tree.lessons[0].url, {"action": "done"})
    assert response.status_code == 403
    assert not LessonProgress.objects.exists()
    page = client.get(tree.lessons[0].url)
    token = page.context["csrf_token"]
    response = client.post(
        tree.lessons[0].url, {"action": "done", "csrfmiddlewaretoken": str(token)}
    )
    assert response.status_code == 302


def test_unpublished_lesson_is_404(learner_client, tree):
    url = tree.lessons[0].url
    tree.lessons[0].unpublish()
    assert learner_client.get(url).status_code == 404
    assert learner_client.post(url, {"action": "done"}).status_code == 404


def test_lesson_of_unpublished_module_is_404(learner_client, tree):
    url = tree.lessons[0].url
    Page.objects.filter(pk=tree.module.pk).update(live=False)
    assert learner_client.get(url).status_code == 404


def test_unknown_lesson_is_404(learner_client, tree):
    assert learner_client.get(tree.module.url + "ei-ole/").status_code == 404


def test_user_without_staff_record_can_read_but_not_record(client, tree):
    client.force_login(UserFactory())
    assert client.get(tree.lessons[0].url).status_code == 200
    assert client.post(tree.lessons[0].url, {"action": "done"}).status_code == 400
    assert not ModuleCycle.objects.exists()


def test_with_every_lesson_done_the_module_pages_main_action_is_the_quiz(
    learner_client, staff, tree
):
    from tests.assessments.factories import make_quiz, single

    quiz = make_quiz(tree, [single("K1", [("a", True), ("b", False)])])
    for lesson in tree.lessons:
        services.mark_lesson_done(staff, lesson)
    page = learner_client.get(tree.module.url).content.decode()
    progress = page[page.index('class="module-progress"') : page.index("</section>")]
    assert f'<a class="button" href="{quiz.page.url}">' in progress


def test_module_page_shows_continue_at_first_unfinished(learner_client, tree):
    learner_client.post(tree.lessons[0].url, {"action": "done"})
    response = learner_client.get(tree.module.url)
    assert f'href="{tree.lessons[1].url}"'.encode() in response.content
    assert response.context["status"].state == "in_progress"

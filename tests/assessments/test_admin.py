"""Editors' question statistics and HR/supervisor attempt views in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.http import QueryDict
from django.urls import reverse

from assessments import services
from assessments.models import Attempt
from organisation.models import AuditEvent
from tests.assessments.factories import make_quiz, single, true_false
from tests.assessments.helpers import answers_for
from tests.organisation.factories import (
    ServicePointFactory,
    StaffMemberFactory,
    UserFactory,
    make_hr_user,
)

pytestmark = pytest.mark.django_db


def _admin(user):
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


def _qd(data):
    qd = QueryDict(mutable=True)
    for key, values in data.items():
        qd.setlist(key, values)
    return qd


def _take(staff, quiz, choose):
    """Submit an attempt choosing option `choose(question)` for every question."""
    attempt = services.start_attempt(staff, quiz.page)
    data = {f"q-{q['id']}": [choose(q)] for q in attempt.snapshot["questions"]}
    services.submit_attempt(staff, attempt.pk, _qd(data))
    return attempt


@pytest.fixture
def quiz(tree):
    return make_quiz(
        tree,
        [
            single("Ensimmäinen", [("Oikea", True), ("Houkutin", False), ("Muu", False)]),
            true_false("Toinen", True),
        ],
    )


@pytest.fixture
def editor(db):
    user = _admin(UserFactory())
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def _by_text(q, text):
    if q["type"] == "true_false":
        return text.lower()
    return next(o["id"] for o in q["options"] if o["text"] == text)


def test_statistics_show_share_correct_and_most_chosen_wrong_option(client, editor, quiz):
    _take(
        StaffMemberFactory(),
        quiz,
        lambda q: _by_text(q, "Oikea" if q["type"] == "single" else "True"),
    )
    _take(
        StaffMemberFactory(),
        quiz,
        lambda q: _by_text(q, "Houkutin" if q["type"] == "single" else "False"),
    )
    _take(
        StaffMemberFactory(),
        quiz,
        lambda q: _by_text(q, "Houkutin" if q["type"] == "single" else "True"),
    )
    _take(
        StaffMemberFactory(),
        quiz,
        lambda q: _by_text(q, "Muu" if q["type"] == "single" else "True"),
    )
    stats = services.question_statistics(quiz.page)
    first, second = stats["questions"]
    assert (first["shown"], first["correct"], first["top_wrong"], first["top_wrong_count"]) == (
        4,
        1,
        "Houkutin",
        2,
    )
    assert second["share_correct"] == 75
    assert stats["attempts"] == {"total": 4, "passed": 1}
    client.force_login(editor)
    response = client.get(reverse("assessments_statistics_detail", args=[quiz.page.pk]))
    assert response.status_code == 200
    assert "Houkutin" in response.content.decode()


def test_statistics_merge_languages_by_question_id(client, editor, quiz):
    attempt = services.start_attempt(StaffMemberFactory(), quiz.translations["sv"])
    assert attempt.quiz_key == quiz.key
    services.submit_attempt(attempt.staff, attempt.pk, _qd(answers_for(attempt)))
    stats = services.question_statistics(quiz.page)
    assert [q["shown"] for q in stats["questions"]] == [1, 1]


def test_statistics_index_query_count(client, editor, quiz, tree, django_assert_max_num_queries):
    _take(StaffMemberFactory(), quiz, lambda q: q["options"][0]["id"])
    client.force_login(editor)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("assessments_statistics"))
    assert response.status_code == 200
    assert quiz.page.title in response.content.decode()


def test_learner_cannot_open_statistics(client, learner, quiz):
    _admin(learner.user)
    client.force_login(learner.user)
    assert client.get(reverse("assessments_statistics")).status_code in (302, 403)
    assert client.get(
        reverse("assessments_statistics_detail", args=[quiz.page.pk])
    ).status_code in (302, 403)


def test_hr_sees_attempts_of_staff_in_scope_without_answers(client, quiz):
    person = StaffMemberFactory()
    attempt = _take(person, quiz, lambda q: q["options"][0]["id"])
    hr = _admin(make_hr_user(person.service_point.division))
    client.force_login(hr)
    response = client.get(reverse("assessments_staff_attempts", args=[person.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert quiz.page.title in html
    stored = Attempt.objects.get(pk=attempt.pk)
    for q in stored.snapshot["questions"]:
        assert q["text"] not in html
    assert AuditEvent.objects.filter(action="assessments.attempts_viewed").count() == 1


def test_hr_of_another_division_gets_404(client, quiz):
    person = StaffMemberFactory()
    hr = _admin(make_hr_user(ServicePointFactory().division))
    client.force_login(hr)
    # Http404 in the admin: the locale middleware first redirects to /fi/..., which is 404.
    response = client.get(reverse("assessments_staff_attempts", args=[person.pk]), follow=True)
    assert response.status_code == 404


def test_supervisor_sees_their_service_point_only(client, quiz):
    point = ServicePointFactory()
    supervisor = StaffMemberFactory(service_point=point)
    supervisor.supervises.add(point)
    _admin(supervisor.user)
    mine = StaffMemberFactory(service_point=point)
    other = StaffMemberFactory()
    client.force_login(supervisor.user)
    index = client.get(reverse("assessments_people")).content.decode()
    assert mine.last_name in index
    assert other.last_name not in index
    assert client.get(reverse("assessments_staff_attempts", args=[mine.pk])).status_code == 200
    other_url = reverse("assessments_staff_attempts", args=[other.pk])
    assert client.get(other_url, follow=True).status_code == 404


def test_attempts_for_staff_lists_newest_first(quiz):
    person = StaffMemberFactory()
    first = _take(person, quiz, lambda q: q["options"][-1]["id"])
    second = services.start_attempt(person, quiz.page)
    assert [a.pk for a in services.attempts_for_staff(person)] == [second.pk, first.pk]


def test_people_index_query_count(client, django_assert_max_num_queries):
    hr = _admin(make_hr_user(city_wide=True))
    for _ in range(12):
        StaffMemberFactory()
    client.force_login(hr)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("assessments_people"))
    assert response.status_code == 200


def test_editor_preview_shows_the_answer_key(rf, editor, quiz):
    request = rf.get("/")
    request.user = editor
    response = quiz.page.serve_preview(request, quiz.page.default_preview_mode)
    response.render()
    html = response.content.decode()
    assert "Ensimmäinen" in html and "Oikea" in html
    assert html.count("✓") >= 2


def test_preview_is_refused_without_admin_access(rf, learner, quiz):
    request = rf.get("/")
    request.user = learner.user
    assert quiz.page.serve_preview(request, quiz.page.default_preview_mode).status_code == 403


def test_person_attempts_page_query_count_does_not_grow(
    client, quiz, django_assert_max_num_queries
):
    person = StaffMemberFactory()
    for _ in range(6):
        attempt = services.start_attempt(person, quiz.page)
        services.submit_attempt(person, attempt.pk, _qd(answers_for(attempt, correct=False)))
    hr = _admin(make_hr_user(city_wide=True))
    client.force_login(hr)
    # Admin chrome, scope, the person, their attempts, quiz titles, the audit record (with
    # Wagtail's reference index): none of it per attempt.
    with django_assert_max_num_queries(22):
        response = client.get(reverse("assessments_staff_attempts", args=[person.pk]))
    assert response.content.decode().count("Ei hyväksytty") == 6

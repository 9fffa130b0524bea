import pytest
from django.contrib.auth import get_user_model

from tests.home.conftest import PASSWORD
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_learner_lands_on_my_learning_in_their_language(client, home_pages, swedish_learner):
    response = client.post(
        "/fi/accounts/login/",
        {"username": swedish_learner.user.username, "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/sv/"

    page = client.get("/sv/")
    assert page.status_code == 200
    assert "courses/dashboard.html" in [t.name for t in page.templates]
    html = page.content.decode()
    assert '<html lang="sv">' in html
    assert "<h1>Min utbildning</h1>" in html
    assert "Ebba Sjöberg" in html
    assert swedish_learner.service_point.name_sv in html


def test_login_follows_a_safe_next_url(client, swedish_learner):
    response = client.post(
        "/fi/accounts/login/",
        {"username": swedish_learner.user.username, "password": PASSWORD, "next": "/en/"},
    )
    assert response["Location"] == "/en/"


def test_login_ignores_a_next_url_on_another_site(client, swedish_learner):
    response = client.post(
        "/fi/accounts/login/",
        {
            "username": swedish_learner.user.username,
            "password": PASSWORD,
            "next": "https://evil.example.com/",
        },
    )
    assert response["Location"] == "/sv/"


def test_a_user_without_staff_record_lands_in_the_language_of_the_login_page(client):
    user = UserFactory()
    response = client.post("/en/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response["Location"] == "/en/"


def test_wrong_password_is_explained_in_the_site_language(client, swedish_learner):
    response = client.post(
        "/sv/accounts/login/",
        {"username": swedish_learner.user.username, "password": "wrong"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'aria-invalid="true"' in html
    assert "Användarnamnet och lösenordet" in html


def test_logout_needs_post_and_shows_the_logged_out_page(client, swedish_learner):
    client.force_login(swedish_learner.user)
    assert client.get("/fi/accounts/logout/").status_code == 405
    response = client.post("/fi/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/accounts/logged-out/"
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "<h1>Olet kirjautunut ulos</h1>" in page
    # the language switcher leads to the same page in Swedish, which is a plain GET
    assert 'href="/sv/accounts/logged-out/"' in page
    swedish = client.get("/sv/accounts/logged-out/").content.decode()
    assert "<h1>Du har loggat ut</h1>" in swedish


def test_anonymous_visitor_sees_the_landing_page_with_a_login_link(client, home_pages):
    html = client.get("/en/").content.decode()
    assert 'href="/en/accounts/login/"' in html
    assert "My learning" not in html


def test_logged_in_user_is_sent_on_from_the_login_page(client, swedish_learner):
    client.force_login(swedish_learner.user)
    response = client.get("/fi/accounts/login/")
    assert response.status_code == 302


def test_learner_cannot_open_the_wagtail_admin(client, swedish_learner):
    client.force_login(swedish_learner.user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    pages = client.get("/admin/pages/")
    assert pages.status_code == 302


@pytest.mark.parametrize("username", ["hr-opetus", "hr-kaupunki", "toimittaja", "moderaattori"])
def test_demo_editors_and_hr_can_open_the_wagtail_admin(client, demo_organisation, username):
    client.force_login(get_user_model().objects.get(username=username))
    assert client.get("/admin/").status_code == 200


def test_demo_learner_has_no_admin(client, demo_organisation):
    client.force_login(get_user_model().objects.get(username="oppija"))
    assert client.get("/admin/").status_code == 302


def test_the_admin_link_is_shown_only_to_admin_users(client, demo_organisation):
    User = get_user_model()
    client.force_login(User.objects.get(username="hr-opetus"))
    assert '<a href="/admin/">Ylläpito</a>' in client.get("/fi/").content.decode()
    client.force_login(User.objects.get(username="oppija"))
    assert 'href="/admin/"' not in client.get("/fi/").content.decode()

import re

import pytest

pytestmark = pytest.mark.django_db


def switcher_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict((code, href) for href, code in re.findall(r'href="([^"]*)" lang="(\w\w)"', nav))


def test_root_redirects_to_finnish_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


def test_root_redirects_to_the_browsers_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/sv/"


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("fi", "Aspa 2030 – oppiminen"),
        ("sv", "Aspa 2030 – lärande"),
        ("en", "Aspa 2030 – learning"),
    ],
)
def test_home_page_is_served_in_each_language(client, home_pages, code, title):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert f"<h1>{title}</h1>" in html


def test_switcher_on_a_page_links_to_its_translations(client, home_pages):
    html = client.get("/sv/").content.decode()
    assert switcher_links(html) == {"fi": "/fi/", "sv": "/sv/", "en": "/en/"}
    assert 'aria-current="true">Svenska</a>' in html


def test_switcher_on_a_page_without_translations_links_to_each_language_root(client):
    # Only the Finnish home page exists: the other languages fall back to their roots.
    html = client.get("/fi/").content.decode()
    assert switcher_links(html) == {"fi": "/fi/", "sv": "/sv/", "en": "/en/"}


def test_switcher_on_the_login_page_keeps_the_page_and_its_query(client):
    html = client.get("/fi/accounts/login/?next=/fi/").content.decode()
    links = switcher_links(html)
    assert links["sv"].startswith("/sv/accounts/login/")
    assert links["en"].startswith("/en/accounts/login/")
    assert "next=/fi/" in links["sv"]


@pytest.mark.parametrize(
    ("code", "heading", "button"),
    [
        ("fi", "Kirjaudu sisään", "Kirjaudu sisään"),
        ("sv", "Logga in", "Logga in"),
        ("en", "Log in", "Log in"),
    ],
)
def test_login_page_is_translated(client, code, heading, button):
    html = client.get(f"/{code}/accounts/login/").content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f'<button type="submit" class="button">{button}</button>' in html


def test_every_finnish_and_swedish_message_is_translated():
    """The compiled catalogues translate the project's own UI strings."""
    import polib
    from django.conf import settings

    for app_dir in (settings.BASE_DIR / "locale", settings.BASE_DIR / "home" / "locale"):
        for code in ("fi", "sv"):
            po = polib.pofile(str(app_dir / code / "LC_MESSAGES" / "django.po"))
            assert po.untranslated_entries() == [], (app_dir, code)
            assert po.fuzzy_entries() == [], (app_dir, code)
            assert len(po.translated_entries()) > 0


def test_switcher_links_to_the_translation_with_its_own_slug(client, home_pages, swedish_learner):
    from wagtail.models import Locale

    from courses.models import CourseIndexPage
    from home.models import HomePage

    fi_home = HomePage.objects.get(locale__language_code="fi")
    index = fi_home.add_child(instance=CourseIndexPage(title="Moduulit", slug="moduulit"))
    swedish = index.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish.title, swedish.slug = "Moduler", "moduler"
    swedish.save_revision().publish()

    client.force_login(swedish_learner.user)
    response = client.get("/fi/moduulit/")
    assert response.status_code == 200
    # no English translation yet: the English link goes to the English home page
    assert switcher_links(response.content.decode()) == {
        "fi": "/fi/moduulit/",
        "sv": "/sv/moduler/",
        "en": "/en/",
    }


def test_not_found_page_is_in_the_site_look_and_language(client, home_pages):
    response = client.get("/sv/ingen-sida/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "<h1>Sidan hittades inte</h1>" in html

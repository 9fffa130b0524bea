"""The header on every page: the module catalogue in the main navigation, in the page's
language; the site's icon where browsers look for it."""

import pytest

from tests.courses.factories import course_index, make_module
from tests.organisation.factories import StaffMemberFactory

pytestmark = pytest.mark.django_db


def _nav(html: str) -> str:
    return html[html.index('<nav class="main-nav"') : html.index("</nav>")]


def test_the_main_navigation_links_to_the_catalogue_in_each_language(client):
    make_module(lessons=1)  # the catalogues in fi, sv and en
    sv_index = course_index("sv")
    sv_index.slug = "alla-moduler"
    sv_index.save_revision().publish()  # renamed after the link was first cached below
    client.force_login(StaffMemberFactory().user)
    assert f'href="{course_index("fi").url}">Kaikki moduulit' in _nav(
        client.get("/fi/").content.decode()
    )
    assert 'href="/sv/alla-moduler/">Alla moduler' in _nav(client.get("/sv/").content.decode())
    assert ">All modules<" in _nav(client.get("/en/certificates/").content.decode())


def test_the_catalogue_link_follows_a_renamed_catalogue(client):
    make_module(lessons=1)
    client.force_login(StaffMemberFactory().user)
    assert 'href="/fi/moduulit/"' in _nav(client.get("/fi/").content.decode())
    index = course_index("fi")
    index.slug = "kaikki-moduulit"
    index.save_revision().publish()
    assert 'href="/fi/kaikki-moduulit/"' in _nav(client.get("/fi/").content.decode())


def test_favicon_is_answered(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.ico")
    from django.contrib.staticfiles import finders

    assert finders.find("favicon.ico")

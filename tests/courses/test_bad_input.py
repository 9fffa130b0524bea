"""Malformed query values answer 400 with the site's page, never a 500."""

import pytest
from django.urls import reverse

from tests.courses.factories import make_module
from tests.organisation.factories import make_hr_user

pytestmark = pytest.mark.django_db


def test_a_nul_character_in_the_catalogue_search_is_a_400(learner_client):
    tree = make_module(title="Selkokieli", translations=())
    response = learner_client.get(tree.index.url, {"q": "selko\x00kieli"})
    assert response.status_code == 400
    assert "Selkokieli" not in response.content.decode()


def test_a_nul_character_in_an_admin_search_is_a_400(client):
    client.force_login(make_hr_user(city_wide=True, username="hr-nul"))
    response = client.get(reverse("organisation_staff:index"), {"q": "\x00"})
    assert response.status_code == 400


def test_a_nul_character_in_a_posted_field_is_a_400(client):
    response = client.post(reverse("login"), {"username": "a\x00b", "password": "x"})
    assert response.status_code == 400


def test_the_same_search_without_it_works(learner_client):
    tree = make_module(title="Selkokieli", translations=())
    response = learner_client.get(tree.index.url, {"q": "selko"})
    assert response.status_code == 200

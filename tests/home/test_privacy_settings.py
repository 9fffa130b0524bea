"""Settings whose effect a person would notice in the admin."""

import pytest
from django.urls import reverse

from tests.organisation.factories import make_hr_user

pytestmark = pytest.mark.django_db


def test_the_admin_loads_no_avatar_from_gravatar(client):
    client.force_login(make_hr_user(city_wide=True, username="hr-avatar"))
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in page.lower()

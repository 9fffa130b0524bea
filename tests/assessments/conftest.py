import pytest
from wagtail.models import Locale

from tests.courses.factories import make_module
from tests.organisation.factories import StaffMemberFactory


@pytest.fixture
def locales(db):
    for code in ("fi", "sv", "en"):
        Locale.objects.get_or_create(language_code=code)


@pytest.fixture
def tree(locales):
    return make_module(lessons=1, translations=("sv",))


@pytest.fixture
def learner(db):
    return StaffMemberFactory()


@pytest.fixture
def other_learner(db):
    return StaffMemberFactory()


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner.user)
    return client

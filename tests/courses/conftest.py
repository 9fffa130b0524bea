import pytest

from tests.courses.factories import make_module
from tests.organisation.factories import StaffMemberFactory


@pytest.fixture
def tree(db):
    """A live Finnish module with two lessons, translated to Swedish and English."""
    return make_module(lessons=2)


@pytest.fixture
def staff(db):
    return StaffMemberFactory()


@pytest.fixture
def learner_client(client, staff):
    client.force_login(staff.user)
    return client

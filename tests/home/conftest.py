import io

import pytest
from django.core.management import call_command

from home.demo import organisation
from home.management.commands.seed_demo import Command as SeedDemo
from organisation.models import Language
from tests.organisation.factories import StaffMemberFactory

PASSWORD = "salasana-123"  # the factories' password


@pytest.fixture
def home_pages(db):
    """The Finnish home page (made by the migrations) with its sv and en translations."""
    SeedDemo(stdout=io.StringIO()).seed_home_pages()


@pytest.fixture
def swedish_learner(db):
    """A Swedish-speaking customer-service employee."""
    return StaffMemberFactory(language=Language.SWEDISH, first_name="Ebba", last_name="Sjöberg")


@pytest.fixture
def demo_organisation(db):
    """Only the demo organisation and accounts (fast), with the development passwords."""
    return organisation.seed(show_passwords=True)


@pytest.fixture
def seeded(db, settings):
    """The whole demo (`manage.py seed_demo`), with the development passwords."""
    settings.SHOW_DEMO_PASSWORDS = True
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()

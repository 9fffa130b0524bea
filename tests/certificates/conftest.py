import datetime

import pytest
from django.core.cache import cache

from courses.models import ModuleCycle
from tests.courses.factories import completed_on, make_module
from tests.organisation.factories import StaffMemberFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    # The verification rate limit counts in the cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _eager_tasks(request):
    """Tasks run in-process (the embedded default) even when a broker is configured,
    except in the tests that use a real worker."""
    from learning.celery import app

    if request.node.get_closest_marker("worker"):
        yield
        return
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def module(db):
    """A module valid for 24 months, with Finnish, Swedish and English pages."""
    tree = make_module(lessons=1, title="Kohtaaminen ja moninaisuus", validity_months=24)
    sv = tree.translations["sv"].module
    sv.title = "Möten och mångfald"
    sv.save_revision().publish()
    en = tree.translations["en"].module
    en.title = "Encounters and diversity"
    en.save_revision().publish()
    return tree


@pytest.fixture
def holder(db):
    return StaffMemberFactory(first_name="Åsa", last_name="Mäkelä-Öberg", language="sv")


def make_completed_cycle(
    staff, module_key, day=datetime.date(2026, 3, 2), number=1, validity_months=24, **extra
):
    """A cycle completed on `day`, with the expiry courses would set on completion."""
    from courses.services import add_months

    extra.setdefault("expires_on", add_months(day, validity_months) if validity_months else None)
    return ModuleCycle.objects.create(
        staff=staff,
        module_key=module_key,
        number=number,
        started_at=completed_on(day),
        completed_at=completed_on(day),
        **extra,
    )


@pytest.fixture
def cycle(holder, module):
    return make_completed_cycle(holder, module.module_key)

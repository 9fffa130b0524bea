import datetime

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import Locale

from certificates.models import Certificate
from courses.models import ModuleCycle
from tests.courses.factories import RequirementFactory, completed_on, make_module

TODAY = datetime.date(2026, 3, 2)  # a Monday


@pytest.fixture(autouse=True)
def _eager_tasks_unless_worker(request):
    """Tasks run in-process here even when a broker is configured (CI's PostgreSQL run);
    tests marked `worker` use a real worker instead."""
    if request.node.get_closest_marker("worker"):
        yield
        return
    from learning.celery import app

    saved = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = saved


@pytest.fixture
def locales(db):
    for code in ("fi", "sv", "en"):
        Locale.objects.get_or_create(language_code=code)


def titled_module(fi: str, sv: str, en: str, **fields):
    tree = make_module(lessons=1, title=fi, **fields)
    for language, title in (("sv", sv), ("en", en)):
        page = tree.translations[language].module
        page.title = title
        page.save_revision().publish()
    return tree


@pytest.fixture
def module_a(locales):
    return titled_module(
        "Kohtaaminen ja moninaisuus", "Möten och mångfald", "Encounters and diversity"
    )


@pytest.fixture
def module_b(locales):
    return titled_module("Selkokieli", "Lättläst språk", "Plain language")


@pytest.fixture
def frozen():
    """The clock stands at 08:00 on TODAY in the site's time zone."""
    moment = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(8)))
    with time_machine.travel(moment, tick=False) as traveller:
        yield traveller


def require(tree, *, due_date=None, due_days=None, **audience):
    """A whole-city (or `audience`) requirement of the module."""
    if due_date is None and due_days is None:
        due_days = 90
    return RequirementFactory(module=tree.module, due_date=due_date, due_days=due_days, **audience)


def complete(staff, tree, *, on: datetime.date, expires_on: datetime.date | None = None, number=1):
    """A completed cycle and its certificate."""
    cycle = ModuleCycle.objects.create(
        staff=staff,
        module_key=tree.module_key,
        number=number,
        started_at=completed_on(on),
        completed_at=completed_on(on),
        expires_on=expires_on,
    )
    return Certificate.objects.create(
        staff=staff,
        module_key=tree.module_key,
        cycle=cycle,
        title=tree.module.title,
        issued_on=on,
        expires_on=expires_on,
    )

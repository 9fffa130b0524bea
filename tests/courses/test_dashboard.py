import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from home.models import HomePage
from tests.courses.factories import RequirementFactory, home_page, make_module
from tests.organisation.factories import StaffMemberFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


def dashboard(client, language="fi"):
    url = home_page(language).url
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_required_modules_come_first_with_status(learner_client, staff):
    staff.start_date = datetime.date(2026, 1, 1)
    staff.save()
    overdue = make_module(title="Myöhässä", translations=())
    soon = make_module(title="Pian", translations=())
    later = make_module(title="Myöhemmin", translations=())
    done = make_module(title="Valmis", translations=(), validity_months=24)
    make_module(title="Vapaaehtoinen", translations=())
    RequirementFactory(module=overdue.module, due_days=30)
    RequirementFactory(module=soon.module, due_days=None, due_date=datetime.date(2026, 6, 20))
    RequirementFactory(module=later.module, due_days=None, due_date=datetime.date(2026, 12, 1))
    RequirementFactory(module=done.module, due_days=10)
    services.mark_lesson_done(staff, overdue.lessons[0])
    for lesson in done.lessons:
        services.mark_lesson_done(staff, lesson)

    response = dashboard(learner_client)
    required = response.context["required_modules"]
    assert [s.page.title for s in required] == ["Myöhässä", "Pian", "Myöhemmin", "Valmis"]
    assert [s.page.title for s in response.context["optional_modules"]] == ["Vapaaehtoinen"]
    first, second, third, fourth = required
    assert first.overdue and first.state == "in_progress" and (first.done, first.total) == (1, 2)
    assert second.due_soon and second.state == "not_started"
    assert not third.due_soon and not third.overdue
    assert fourth.completed and fourth.expires_on == datetime.date(2028, 6, 1)
    html = response.content.decode()
    assert "module-card--overdue" in html and "module-card--due-soon" in html
    assert "31.1.2026" in html  # the overdue date, in words as well as colour


def test_module_titles_in_the_learners_language(learner_client, staff):
    tree = make_module(title="Kohtaaminen")
    RequirementFactory(module=tree.module)
    HomePage.objects.get(pk=home_page("sv").pk)
    response = dashboard(learner_client, "sv")
    [item] = response.context["required_modules"]
    assert item.page.pk == tree.translations["sv"].module.pk
    assert item.page.title == "Kohtaaminen (sv)"


def test_untranslated_module_falls_back_to_finnish(learner_client, staff):
    tree = make_module(title="Vain suomeksi", translations=())
    home_page("sv")
    response = dashboard(learner_client, "sv")
    [item] = response.context["optional_modules"]
    assert item.page.pk == tree.module.pk


def test_user_without_staff_record_sees_an_explanation(client):
    from tests.organisation.factories import UserFactory

    client.force_login(UserFactory())
    response = dashboard(client)
    assert response.context["staff"] is None


CAPTURED = []


def _count(client):
    with CaptureQueriesContext(connection) as queries:
        dashboard(client)
    CAPTURED[:] = queries.captured_queries
    return len(queries)


def test_dashboard_query_count_is_constant_from_3_to_30_modules(client):
    staff = StaffMemberFactory(start_date=datetime.date(2026, 1, 1))
    client.force_login(staff.user)

    def add_modules(count):
        for _ in range(count):
            tree = make_module(lessons=2, translations=())
            RequirementFactory(module=tree.module, divisions=[staff.service_point.division])
            services.mark_lesson_done(staff, tree.lessons[0])

    add_modules(3)
    dashboard(client)  # warm the site-root cache
    with_3 = _count(client)
    add_modules(27)
    with_30 = _count(client)
    assert with_30 == with_3
    assert with_3 <= 24, "\n".join(q["sql"][:150] for q in CAPTURED)

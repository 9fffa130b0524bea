import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import CourseIndexPage
from tests.courses.factories import RequirementFactory, make_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def modules():
    a = make_module(title="Kohtaaminen asiakaspalvelussa", translations=())
    b = make_module(title="Selkokieli", translations=())
    c = make_module(title="Tulkkaus", translations=())
    a.module.tags.add("kohtaaminen")
    a.module.save_revision().publish()
    b.module.tags.add("kieli")
    b.module.save_revision().publish()
    return a, b, c


def titles(response):
    return [m.title for m in response.context["modules"]]


def test_catalogue_lists_searches_and_filters(learner_client, staff, modules):
    a, b, c = modules
    RequirementFactory(module=c.module)
    index = CourseIndexPage.objects.get(pk=a.index.pk)
    assert titles(learner_client.get(index.url)) == [
        "Kohtaaminen asiakaspalvelussa",
        "Selkokieli",
        "Tulkkaus",
    ]
    assert titles(learner_client.get(index.url, {"q": "selkokieli"})) == ["Selkokieli"]
    assert titles(learner_client.get(index.url, {"topic": "kieli"})) == ["Selkokieli"]
    assert titles(learner_client.get(index.url, {"kind": "required"})) == ["Tulkkaus"]
    assert titles(learner_client.get(index.url, {"kind": "optional"})) == [
        "Kohtaaminen asiakaspalvelussa",
        "Selkokieli",
    ]


def test_unknown_filter_values_are_ignored(learner_client, modules):
    index = modules[0].index
    response = learner_client.get(index.url, {"topic": "<script>", "kind": "x" * 500})
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_catalogue_query_count_does_not_grow(learner_client, modules):
    index = modules[0].index
    learner_client.get(index.url)  # warm the site-root cache

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert learner_client.get(index.url).status_code == 200
        return len(queries)

    with_3 = count()
    for _ in range(5):
        make_module(translations=()).module.tags.add("lisää")
    assert count() == with_3
    assert with_3 <= 20


def test_a_completed_module_says_completed_and_valid_until_not_required(
    learner_client, staff, modules
):
    import datetime

    from courses.models import ModuleCycle
    from tests.courses.factories import completed_on

    a, b, c = modules
    for tree in (a, c):
        RequirementFactory(module=tree.module)
    finished = datetime.date(2026, 3, 2)
    ModuleCycle.objects.create(
        staff=staff,
        module_key=a.module_key,
        number=1,
        started_at=completed_on(finished),
        completed_at=completed_on(finished),
        expires_on=datetime.date(2028, 3, 2),
    )
    index = CourseIndexPage.objects.get(pk=a.index.pk)
    page = learner_client.get(index.url).content.decode()
    cards = {
        title: page[page.index(f">{title}</a>") :].split("</li>")[0]
        for title in ("Kohtaaminen asiakaspalvelussa", "Tulkkaus")
    }
    assert "Suoritettu" in cards["Kohtaaminen asiakaspalvelussa"]
    assert "voimassa 2.3.2028 asti" in cards["Kohtaaminen asiakaspalvelussa"]
    assert "Pakollinen" not in cards["Kohtaaminen asiakaspalvelussa"]
    assert "Suoritettu" not in cards["Tulkkaus"]

import pytest
from django.urls import reverse

from courses.models import Requirement
from organisation.models import AuditEvent
from tests.courses.factories import RequirementFactory, make_module
from tests.organisation.factories import (
    DivisionFactory,
    ServicePointFactory,
    UserFactory,
    make_hr_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    module = make_module(lessons=1, translations=()).module
    mine, other = DivisionFactory(), DivisionFactory()
    point = ServicePointFactory(division=mine)
    city = RequirementFactory(module=module)
    in_scope = RequirementFactory(module=module, divisions=[mine])
    point_in_scope = RequirementFactory(module=module, service_points=[point])
    outside = RequirementFactory(module=module, divisions=[other])
    mixed = RequirementFactory(module=module, divisions=[mine, other])
    return {
        "module": module,
        "mine": mine,
        "other": other,
        "city": city,
        "in_scope": in_scope,
        "point_in_scope": point_in_scope,
        "outside": outside,
        "mixed": mixed,
    }


def test_division_hr_sees_only_requirements_in_scope(setup):
    hr = make_hr_user(setup["mine"])
    assert set(Requirement.objects.for_user(hr)) == {setup["in_scope"], setup["point_in_scope"]}


def test_city_wide_hr_sees_all(setup):
    hr = make_hr_user(city_wide=True)
    assert Requirement.objects.for_user(hr).count() == 5


def test_non_hr_sees_none(setup):
    assert not Requirement.objects.for_user(UserFactory()).exists()


def admin_client(client, user):
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return client


def test_index_is_scoped(client, setup):
    client = admin_client(client, make_hr_user(setup["mine"]))
    response = client.get(reverse("requirements:index"))
    assert response.status_code == 200
    listed = {obj.pk for obj in response.context["object_list"]}
    assert listed == {setup["in_scope"].pk, setup["point_in_scope"].pk}


def test_editing_outside_scope_is_not_found(client, setup):
    client = admin_client(client, make_hr_user(setup["mine"]))
    # (a 404 under /admin/ is redirected once by LocaleMiddleware; follow it)
    response = client.get(reverse("requirements:edit", args=[setup["outside"].pk]), follow=True)
    assert response.status_code in (403, 404)
    response = client.get(reverse("requirements:edit", args=[setup["in_scope"].pk]))
    assert response.status_code == 200


def test_division_hr_cannot_create_city_wide_requirement(client, setup):
    client = admin_client(client, make_hr_user(setup["mine"]))
    data = {"module": setup["module"].pk, "due_days": 30, "active": "on"}
    response = client.post(reverse("requirements:add"), data)
    assert response.status_code == 200
    assert Requirement.objects.count() == 5
    data["divisions"] = [setup["other"].pk]
    client.post(reverse("requirements:add"), data)
    assert Requirement.objects.count() == 5
    data["divisions"] = [setup["mine"].pk]
    response = client.post(reverse("requirements:add"), data)
    assert response.status_code == 302
    assert Requirement.objects.count() == 6
    assert AuditEvent.objects.filter(action="requirement.create").exists()


def test_non_hr_cannot_open_requirements(client, setup):
    client = admin_client(client, UserFactory())
    response = client.get(reverse("requirements:index"))
    assert response.status_code in (302, 403)

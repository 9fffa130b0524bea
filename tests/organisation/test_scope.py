import pytest
from django.contrib.auth.models import AnonymousUser

from organisation.models import Division, ServicePoint, StaffMember, can_see_reports, is_hr

from .factories import (
    DivisionFactory,
    ServicePointFactory,
    StaffMemberFactory,
    UserFactory,
    make_hr_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    north, south = DivisionFactory(code="N"), DivisionFactory(code="S")
    points = {
        "n1": ServicePointFactory(code="N1", division=north),
        "n2": ServicePointFactory(code="N2", division=north),
        "s1": ServicePointFactory(code="S1", division=south),
    }
    staff = {key: StaffMemberFactory(service_point=point) for key, point in points.items()}
    return {"north": north, "south": south, "points": points, "staff": staff}


def codes(queryset):
    return sorted(queryset.values_list("code", flat=True))


def test_a_learner_sees_nothing(city):
    learner = city["staff"]["n1"].user
    assert not ServicePoint.objects.for_user(learner).exists()
    assert not StaffMember.objects.for_user(learner).exists()
    assert not Division.objects.for_user(learner).exists()
    assert not is_hr(learner) and not can_see_reports(learner)


def test_anonymous_sees_nothing(city):
    assert not StaffMember.objects.for_user(AnonymousUser()).exists()
    assert not ServicePoint.objects.for_user(None).exists()


def test_a_supervisor_sees_their_points_and_people(city):
    supervisor = city["staff"]["n1"]
    supervisor.supervises.set([city["points"]["n2"], city["points"]["s1"]])
    user = supervisor.user
    assert codes(ServicePoint.objects.for_user(user)) == ["N2", "S1"]
    assert set(StaffMember.objects.for_user(user)) == {city["staff"]["n2"], city["staff"]["s1"]}
    assert can_see_reports(user)


def test_an_inactive_supervisor_sees_nothing(city):
    supervisor = city["staff"]["n1"]
    supervisor.supervises.set([city["points"]["n2"]])
    supervisor.active = False
    supervisor.save()
    assert not ServicePoint.objects.for_user(supervisor.user).exists()


def test_hr_of_one_division_sees_that_division(city):
    hr = make_hr_user(city["north"])
    assert codes(ServicePoint.objects.for_user(hr)) == ["N1", "N2"]
    assert codes(Division.objects.for_user(hr)) == ["N"]
    assert city["staff"]["s1"] not in StaffMember.objects.for_user(hr)
    assert StaffMember.objects.for_user(hr).count() == 2


def test_city_wide_hr_sees_everything(city):
    hr = make_hr_user(city_wide=True)
    assert codes(ServicePoint.objects.for_user(hr)) == ["N1", "N2", "S1"]
    assert StaffMember.objects.for_user(hr).count() == 3


def test_a_grant_without_the_hr_group_gives_nothing(city):
    user = UserFactory()
    from organisation.models import HRGrant

    HRGrant.objects.create(user=user, city_wide=True)
    assert not ServicePoint.objects.for_user(user).exists()


def test_hr_without_a_grant_sees_nothing(city):
    hr = make_hr_user()
    assert not StaffMember.objects.for_user(hr).exists()

import datetime

import factory
from django.contrib.auth import get_user_model

from organisation.models import Division, HRGrant, Role, ServicePoint, StaffMember
from organisation.signals import ensure_hr_group


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.fi")
    password = factory.PostGenerationMethodCall("set_password", "salasana-123")


class DivisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Division
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"D{n:02d}")
    name_fi = factory.Sequence(lambda n: f"Toimiala {n}")
    name_sv = factory.Sequence(lambda n: f"Sektor {n}")
    name_en = factory.Sequence(lambda n: f"Division {n}")


class ServicePointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServicePoint
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"SP{n:03d}")
    name_fi = factory.Sequence(lambda n: f"Palvelupiste {n}")
    name_sv = factory.Sequence(lambda n: f"Serviceställe {n}")
    name_en = factory.Sequence(lambda n: f"Service point {n}")
    division = factory.SubFactory(DivisionFactory)


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role
        django_get_or_create = ("code",)

    code = "customer-service"
    name_fi = "Asiakaspalvelu"
    name_sv = "Kundservice"
    name_en = "Customer service"


class StaffMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMember

    user = factory.SubFactory(UserFactory)
    employee_id = factory.Sequence(lambda n: f"E{n:06d}")
    first_name = "Aino"
    last_name = factory.Sequence(lambda n: f"Virtanen{n}")
    email = factory.LazyAttribute(lambda o: f"{o.employee_id.lower()}@example.fi")
    service_point = factory.SubFactory(ServicePointFactory)
    role = factory.SubFactory(RoleFactory)
    start_date = datetime.date(2026, 1, 1)
    language = "fi"
    active = True


def make_hr_user(*divisions, city_wide=False, username=None):
    """An HR user granted `divisions` (or the whole city)."""
    user = UserFactory(**({"username": username} if username else {}))
    group = ensure_hr_group()
    user.groups.add(group)
    grant = HRGrant.objects.create(user=user, city_wide=city_wide)
    grant.divisions.set(divisions)
    return user

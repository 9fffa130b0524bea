import datetime

import pytest

from courses.requirements import required_modules, required_rows
from tests.courses.factories import RequirementFactory, make_module
from tests.organisation.factories import (
    DivisionFactory,
    RoleFactory,
    ServicePointFactory,
    StaffMemberFactory,
)

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 1, 1)


@pytest.fixture
def module():
    return make_module(lessons=1, translations=()).module


@pytest.fixture
def staff():
    return StaffMemberFactory(start_date=START)


def keys(staff):
    return {r.module_key: r.due_date for r in required_modules(staff)}


def test_empty_audience_is_whole_city(module, staff):
    RequirementFactory(module=module, due_days=90)
    assert keys(staff) == {module.translation_key: START + datetime.timedelta(days=90)}


def test_requirement_matching_by_division(module, staff):
    RequirementFactory(module=module, divisions=[staff.service_point.division])
    other = make_module(lessons=1, translations=()).module
    RequirementFactory(module=other, divisions=[DivisionFactory()])
    assert set(keys(staff)) == {module.translation_key}


def test_requirement_matching_by_service_point(module, staff):
    RequirementFactory(module=module, service_points=[ServicePointFactory()])
    assert keys(staff) == {}
    RequirementFactory(module=module, service_points=[staff.service_point])
    assert set(keys(staff)) == {module.translation_key}


def test_requirement_matching_by_role(module, staff):
    RequirementFactory(module=module, roles=[RoleFactory(code="librarian", name_fi="Kirjasto")])
    assert keys(staff) == {}
    RequirementFactory(module=module, roles=[staff.role])
    assert set(keys(staff)) == {module.translation_key}


def test_every_non_empty_dimension_must_match(module, staff):
    RequirementFactory(
        module=module,
        divisions=[staff.service_point.division],
        roles=[RoleFactory(code="other", name_fi="Muu")],
    )
    assert keys(staff) == {}


def test_union_takes_earliest_due_date(module, staff):
    a = RequirementFactory(module=module, due_days=90)
    b = RequirementFactory(module=module, due_days=None, due_date=datetime.date(2026, 2, 1))
    c = RequirementFactory(module=module, due_days=30, divisions=[staff.service_point.division])
    [required] = required_modules(staff)
    assert required.due_date == datetime.date(2026, 1, 31)
    assert required.requirement_ids == tuple(sorted([a.pk, b.pk, c.pk]))


def test_inactive_requirement_and_unpublished_module_do_not_count(module, staff):
    RequirementFactory(module=module, active=False)
    assert keys(staff) == {}
    RequirementFactory(module=module)
    module.unpublish()
    assert keys(staff) == {}


def test_required_modules_is_one_query(module, staff, django_assert_num_queries):
    RequirementFactory(module=module)
    with django_assert_num_queries(1):
        required_modules(staff)


def test_required_rows_agree_with_required_modules(module):
    people = [StaffMemberFactory(start_date=START) for _ in range(3)]
    RequirementFactory(module=module, service_points=[people[0].service_point])
    RequirementFactory(module=module, due_days=10, service_points=[people[1].service_point])
    rows = required_rows(module_keys=[module.translation_key], active_only=True)
    assert sorted(rows) == sorted(
        (p.pk, r.module_key, r.due_date) for p in people for r in required_modules(p)
    )
    assert len(rows) == 2
    assert required_rows(staff_ids=[people[2].pk]) == []

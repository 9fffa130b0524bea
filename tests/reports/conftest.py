"""A hand-built small city whose coverage is computed by hand in the tests.

As of 2026-06-15:

Division A (DA): service points A1 and A2.  Division B (DB): service point B1.
Modules: m1 ("kohtaaminen") required of the whole city, due 30 days after the start date;
m2 ("monikielisyys") required of role "cs" by the fixed date 2026-06-01, and of the whole
of division B 10 days after the start date (the earliest due date wins).

A1  a1 cs  start 01-01  m1 certificate valid                  m2 nothing
    a2 cs  start 06-01  m1 certificate expires 06-15 (as-of), new cycle open; m2 nothing
    a3 mgr start 01-01  m1 certificate revoked 06-10          (m2 not required)
    a4 cs  inactive     m1, m2 certificates (does not count)
A2  b1 cs  start 01-01  m1 certificate revoked 06-20 (after)  m2 certificate valid
B1  c1 cs  start 06-10  m1 nothing                            m2 cycle open since 06-12
    c2 mgr start 06-10  m1 nothing                            m2 (division B) nothing
    d1 cs  start 01-01  moved from A1; m1 valid               m2 certificate issued 06-16
"""

import datetime
from types import SimpleNamespace

import pytest

from organisation.models import Role
from tests.organisation.factories import (
    DivisionFactory,
    ServicePointFactory,
    StaffMemberFactory,
)
from tests.reports.helpers import certify, make_module, require, start_cycle

AS_OF = datetime.date(2026, 6, 15)
D = datetime.date
JAN_1 = D(2026, 1, 1)


@pytest.fixture(autouse=True)
def no_report_cache(settings):
    """Compute afresh in every test (test_cache.py turns the cache on where it tests it)."""
    settings.REPORTS_CACHE_SECONDS = 0


@pytest.fixture
def city(db):
    da = DivisionFactory(code="DA", name_fi="Toimiala A")
    db_ = DivisionFactory(code="DB", name_fi="Toimiala B")
    a1 = ServicePointFactory(code="A1", division=da)
    a2 = ServicePointFactory(code="A2", division=da)
    b1 = ServicePointFactory(code="B1", division=db_)
    cs = Role.objects.get_or_create(code="cs", defaults={"name_fi": "Asiakaspalvelu"})[0]
    mgr = Role.objects.get_or_create(code="mgr", defaults={"name_fi": "Esihenkilö"})[0]
    m1 = make_module("kohtaaminen", "Kohtaaminen")
    m2 = make_module("monikielisyys", "Monikielisyys")
    require(m1, due_days=30)
    require(m2, roles=[cs], due_date=D(2026, 6, 1))
    require(m2, divisions=[db_], due_days=10)

    def staff(name, point, role, start=JAN_1, **kw):
        return StaffMemberFactory(
            first_name=name,
            last_name="Testi",
            service_point=point,
            role=role,
            start_date=start,
            **kw,
        )

    s = SimpleNamespace(da=da, db=db_, a1=a1, a2=a2, b1=b1, cs=cs, mgr=mgr, m1=m1, m2=m2)
    s.a_1 = staff("Aino", a1, cs)
    certify(s.a_1, m1, D(2026, 2, 1))
    s.a_2 = staff("Bertta", a1, cs, start=D(2026, 6, 1))
    certify(s.a_2, m1, D(2025, 6, 15), expires_on=AS_OF)
    start_cycle(s.a_2, m1, D(2026, 6, 14))
    s.a_3 = staff("Cecilia", a1, mgr)
    certify(s.a_3, m1, D(2026, 2, 1), revoked_on=D(2026, 6, 10))
    s.a_4 = staff("Daniel", a1, cs, active=False)
    certify(s.a_4, m1, D(2026, 2, 1))
    certify(s.a_4, m2, D(2026, 2, 1))
    s.b_1 = staff("Eero", a2, cs)
    certify(s.b_1, m1, D(2026, 2, 1), revoked_on=D(2026, 6, 20))
    certify(s.b_1, m2, D(2026, 3, 1))
    s.c_1 = staff("Fatima", b1, cs, start=D(2026, 6, 10))
    start_cycle(s.c_1, m2, D(2026, 6, 12))
    s.c_2 = staff("Gunnar", b1, mgr, start=D(2026, 6, 10))
    s.d_1 = staff("Hanna", b1, cs)
    certify(s.d_1, m1, D(2026, 2, 1))
    certify(s.d_1, m2, D(2026, 6, 16))
    return s

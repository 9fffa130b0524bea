"""Every admin URL a viewset generates for one object (edit, delete, inspect, history,
usage, copy, ...) answers 404 for an object outside the viewer's scope.

The test walks the URL patterns of every registered `ModelViewSet` of the project, so a
viewset added later, or a view a later Wagtail generates, is covered without editing it.
"""

import datetime

import pytest
from django.urls import reverse
from wagtail.admin.viewsets import viewsets as viewset_registry
from wagtail.admin.viewsets.model import ModelViewSet

from certificates.models import Certificate
from certificates.services import issue_for_cycle
from courses.models import Requirement
from organisation.admin_scope import ScopedModelViewSet
from organisation.models import AuditEvent, Division, ServicePoint, StaffMember
from reminders.models import Notification, ReminderPause
from tests.certificates.conftest import make_completed_cycle
from tests.courses.factories import RequirementFactory, make_module
from tests.organisation.factories import (
    DivisionFactory,
    ServicePointFactory,
    StaffMemberFactory,
    make_hr_user,
)

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"organisation", "courses", "assessments", "certificates", "reminders", "reports"}


def project_viewsets():
    reverse("wagtailadmin_home")  # loading the admin URLs registers every viewset once
    return [
        viewset
        for viewset in viewset_registry.viewsets
        if isinstance(viewset, ModelViewSet) and viewset.model._meta.app_label in PROJECT_APPS
    ]


@pytest.fixture
def other_division_objects():
    """One row of each scoped model, all in a division the HR user below is not granted."""
    other = DivisionFactory(code="OTHER")
    point = ServicePointFactory(code="OTHER-1", division=other)
    person = StaffMemberFactory(service_point=point)
    tree = make_module(lessons=1, title="Toisen toimialan moduuli", validity_months=24)
    requirement = RequirementFactory(module=tree.module, divisions=[other])
    certificate, _created = issue_for_cycle(
        make_completed_cycle(person, tree.module_key, day=datetime.date(2026, 3, 2))
    )
    pause = ReminderPause.objects.create(staff=person, until=datetime.date(2027, 1, 1))
    notification = Notification.objects.create(
        staff=person,
        kind=Notification.Kind.REMINDER,
        dedupe_key=f"reminder:{person.pk}:walk",
        email=person.email,
        language=person.language,
        subject="Muistutus",
        items=[],
        status=Notification.Status.SENT,
    )
    other_hr = make_hr_user(other, username="other-division-hr")
    audit = AuditEvent.record(other_hr, "reports.export_overview", "coverage")
    return {
        Division: other,
        ServicePoint: point,
        StaffMember: person,
        Requirement: requirement,
        Certificate: certificate,
        ReminderPause: pause,
        Notification: notification,
        AuditEvent: audit,
    }


def test_every_project_model_viewset_is_scoped():
    unscoped = [
        type(v).__name__ for v in project_viewsets() if not isinstance(v, ScopedModelViewSet)
    ]
    assert unscoped == []


def test_every_object_url_outside_scope_is_a_404(client, other_division_objects):
    own = DivisionFactory(code="OWN")
    ServicePointFactory(code="OWN-1", division=own)
    client.force_login(make_hr_user(own, username="own-division-hr"))

    walked = []
    for viewset in project_viewsets():
        obj = other_division_objects.get(viewset.model)
        if obj is None:
            continue  # roles and HR scopes have no division: nothing is outside scope
        for pattern in viewset.get_urlpatterns():
            if "pk" not in pattern.pattern.converters:
                continue
            url = reverse(f"{viewset.url_namespace}:{pattern.name}", args=[obj.pk])
            response = client.get(url)
            walked.append((url, response.status_code))
    leaks = [(url, status) for url, status in walked if status != 404]
    assert leaks == []
    # the walk reached every kind of object view, for each scoped model
    names = {url.rstrip("/").split("/")[-2] for url, _ in walked}
    assert {"edit", "delete", "history", "usage", "inspect"} <= names
    assert len({type(o) for o in other_division_objects.values()}) == len(other_division_objects)


def test_the_same_urls_open_for_an_object_in_scope(client, other_division_objects):
    """The walk is not vacuous: the HR user of that division gets the pages."""
    other = other_division_objects[Division]
    client.force_login(make_hr_user(other, username="that-division-hr"))
    pause = other_division_objects[ReminderPause]
    requirement = other_division_objects[Requirement]
    for url in (
        reverse("reminder_pauses:history", args=[pause.pk]),
        reverse("reminder_pauses:usage", args=[pause.pk]),
        reverse("requirements:history", args=[requirement.pk]),
        reverse("requirements:usage", args=[requirement.pk]),
    ):
        assert client.get(url).status_code == 200, url

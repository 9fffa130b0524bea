import datetime

import pytest
from django.core import mail
from django.urls import NoReverseMatch, reverse

from reminders import services
from reminders.models import Notification, ReminderPause
from tests.organisation.factories import ServicePointFactory, StaffMemberFactory
from tests.reminders.conftest import TODAY, complete, require

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def team(module_a, frozen):
    """Two service points; the supervisor supervises only the first."""
    require(module_a, due_days=30)
    own, other = (
        ServicePointFactory(name_en="Library Kallio"),
        ServicePointFactory(name_en="Library Tapiola"),
    )
    supervisor = StaffMemberFactory(
        first_name="Leena", last_name="Nieminen", language="en", service_point=own
    )
    supervisor.supervises.add(own)
    complete(supervisor, module_a, on=TODAY - 5 * DAY)
    overdue = StaffMemberFactory(
        first_name="Mikko", last_name="Korhonen", service_point=own, start_date=TODAY - 40 * DAY
    )
    due_soon = StaffMemberFactory(
        first_name="Sara", last_name="Lindqvist", service_point=own, start_date=TODAY - 25 * DAY
    )
    done = StaffMemberFactory(first_name="Olli", last_name="Laine", service_point=own)
    complete(done, module_a, on=TODAY - 5 * DAY)
    elsewhere = StaffMemberFactory(
        first_name="Pekka", last_name="Heikkinen", service_point=other, start_date=TODAY - 40 * DAY
    )
    return supervisor, overdue, due_soon, done, elsewhere


def run(capture, **kwargs):
    with capture(execute=True):
        return services.run_supervisor_digests(**kwargs)


def test_digest_lists_only_the_supervised_points_overdue_and_soon_due_staff(
    team, django_capture_on_commit_callbacks
):
    supervisor, overdue, due_soon, done, elsewhere = team

    run(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [supervisor.email]
    assert message.subject == "Aspa 2030: weekly summary of your team's required training"
    html = message.alternatives[0][0]
    for content in (message.body, html):
        assert "Library Kallio" in content
        assert "Mikko Korhonen" in content and "Sara Lindqvist" in content
        assert "Olli Laine" not in content  # covered
        assert "Pekka" not in content and "Library Tapiola" not in content  # not their point
    section = message.body.split("Mikko Korhonen")[1].split("Sara Lindqvist")[0]
    assert "Overdue: Encounters and diversity" in section
    assert "Due soon: Encounters and diversity" in message.body.split("Sara Lindqvist")[1]


def test_digest_links_to_the_service_point_report(team, django_capture_on_commit_callbacks):
    point = team[0].service_point
    try:
        expected = reverse("reports_service_point", args=[point.pk])
    except NoReverseMatch:  # the reports app not installed: the admin home
        expected = reverse("wagtailadmin_home")

    run(django_capture_on_commit_callbacks)

    assert f"https://oppiminen.example.fi{expected}" in mail.outbox[0].body
    assert f'href="https://oppiminen.example.fi{expected}"' in mail.outbox[0].alternatives[0][0]


def test_digest_is_sent_once_a_week(team, django_capture_on_commit_callbacks, frozen):
    run(django_capture_on_commit_callbacks)
    frozen.shift(3 * DAY)  # same ISO week
    run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1

    frozen.shift(4 * DAY)  # next Monday
    run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_digest_marks_paused_people_and_skips_paused_or_inactive_supervisors(
    team, django_capture_on_commit_callbacks
):
    supervisor, overdue, *_ = team
    ReminderPause.objects.create(staff=overdue, until=TODAY + 30 * DAY, reason="Opintovapaa")

    run(django_capture_on_commit_callbacks)
    assert "reminders paused until" in mail.outbox[0].body
    assert "Opintovapaa" not in mail.outbox[0].body  # the reason stays with HR

    Notification.objects.all().delete()
    ReminderPause.objects.create(staff=supervisor, until=TODAY)
    run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1

    ReminderPause.objects.filter(staff=supervisor).delete()
    supervisor.active = False
    supervisor.save()
    run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_a_supervisor_with_nothing_to_report_gets_no_digest(
    module_a, frozen, django_capture_on_commit_callbacks
):
    require(module_a, due_days=365)
    point = ServicePointFactory()
    supervisor = StaffMemberFactory(service_point=point, start_date=TODAY)
    supervisor.supervises.add(point)
    StaffMemberFactory(service_point=point, start_date=TODAY)

    run(django_capture_on_commit_callbacks)

    assert mail.outbox == []

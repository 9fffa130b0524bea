import datetime

import pytest
from django.urls import reverse

from reminders.models import Notification, ReminderPause
from tests.organisation.factories import (
    DivisionFactory,
    ServicePointFactory,
    StaffMemberFactory,
    make_hr_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def divisions():
    return DivisionFactory(), DivisionFactory()


@pytest.fixture
def people(divisions):
    own_point = ServicePointFactory(division=divisions[0])
    other_point = ServicePointFactory(division=divisions[1])
    return (
        StaffMemberFactory(first_name="Aino", last_name="Oma", service_point=own_point),
        StaffMemberFactory(first_name="Bertil", last_name="Muu", service_point=other_point),
    )


@pytest.fixture
def hr_client(client, divisions):
    client.force_login(make_hr_user(divisions[0]))
    return client


def status_of(client, url, method="get"):
    """The final status (a 404 outside i18n_patterns is redirected to /fi/... first)."""
    return getattr(client, method)(url, follow=True).status_code


def notify(staff, n=0, **fields):
    defaults = {
        "kind": Notification.Kind.REMINDER,
        "dedupe_key": f"reminder:{staff.pk}:{n}",
        "email": staff.email,
        "language": staff.language,
        "subject": f"Muistutus {staff.last_name}",
        "items": [{"title": "Kohtaaminen", "state": "overdue"}],
        "status": Notification.Status.SENT,
        "attempts": 1,
    }
    defaults.update(fields)
    return Notification.objects.create(staff=staff, **defaults)


def test_hr_sees_the_notifications_of_their_scope_only(hr_client, people):
    own, other = people
    notify(own)
    notify(other)

    response = hr_client.get(reverse("notifications:index"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Muistutus Oma" in content
    assert "Muistutus Muu" not in content


def test_failed_notifications_show_as_failed_and_can_be_filtered(hr_client, people):
    own, _other = people
    notify(own, 1, subject="Lähetetty viesti")
    notify(own, 2, subject="Epäonnistunut viesti", status=Notification.Status.FAILED)

    response = hr_client.get(reverse("notifications:index"), {"status": "failed"})

    content = response.content.decode()
    assert "Epäonnistunut viesti" in content and "Lähetetty viesti" not in content


def test_notification_details_outside_scope_are_not_found(hr_client, people):
    own, other = people
    mine, theirs = notify(own, last_error="SMTPServerDisconnected"), notify(other)

    assert hr_client.get(reverse("notifications:inspect", args=[mine.pk])).status_code == 200
    assert status_of(hr_client, reverse("notifications:inspect", args=[theirs.pk])) == 404


def test_notifications_are_read_only(hr_client, people):
    notification = notify(people[0])
    response = hr_client.get(reverse("notifications:index"))

    assert "/admin/notifications/new/" not in response.content.decode()
    assert status_of(hr_client, f"/admin/notifications/edit/{notification.pk}/") == 404


def test_listing_query_count_does_not_grow_with_rows(
    hr_client, people, django_assert_max_num_queries
):
    own, _other = people
    notify(own, 0)
    with django_assert_max_num_queries(40) as few:
        hr_client.get(reverse("notifications:index"))
    for n in range(1, 30):
        notify(StaffMemberFactory(service_point=own.service_point), n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = hr_client.get(reverse("notifications:index"))
    assert response.status_code == 200


def test_staff_without_hr_cannot_open_the_list(client, people):
    supervisor = people[0]
    supervisor.supervises.add(supervisor.service_point)
    client.force_login(supervisor.user)

    response = client.get(reverse("notifications:index"))

    assert response.status_code in (302, 403)


def test_hr_pauses_a_person_in_scope(hr_client, people):
    own, _other = people
    until = datetime.date.today() + datetime.timedelta(days=30)

    response = hr_client.post(
        reverse("reminder_pauses:add"),
        {"staff": own.pk, "until": until.isoformat(), "reason": "Vanhempainvapaa"},
    )

    assert response.status_code == 302
    pause = ReminderPause.objects.get()
    assert (pause.staff, pause.until, pause.created_by) == (
        own,
        until,
        response.wsgi_request.user,
    )


def test_a_tampered_post_for_someone_out_of_scope_is_refused(hr_client, people):
    _own, other = people

    response = hr_client.post(
        reverse("reminder_pauses:add"), {"staff": other.pk, "until": "2099-06-30"}
    )

    assert response.status_code == 200  # the form again, with the error
    assert not ReminderPause.objects.exists()
    assert response.context["form"].errors["staff"]


def test_pauses_outside_scope_cannot_be_edited_or_deleted(hr_client, people):
    own, other = people
    theirs = ReminderPause.objects.create(staff=other, until=datetime.date(2026, 6, 30))
    mine = ReminderPause.objects.create(staff=own, until=datetime.date(2026, 6, 30))

    index = hr_client.get(reverse("reminder_pauses:index")).content.decode()
    assert "Aino Oma" in index and "Bertil Muu" not in index
    assert hr_client.get(reverse("reminder_pauses:edit", args=[mine.pk])).status_code == 200
    assert status_of(hr_client, reverse("reminder_pauses:edit", args=[theirs.pk])) == 404
    assert status_of(hr_client, reverse("reminder_pauses:delete", args=[theirs.pk]), "post") == 404
    assert ReminderPause.objects.filter(pk=theirs.pk).exists()


def test_a_new_pause_cannot_end_in_the_past(hr_client, people):
    response = hr_client.post(
        reverse("reminder_pauses:add"), {"staff": people[0].pk, "until": "2020-01-31"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["until"]
    assert not ReminderPause.objects.exists()

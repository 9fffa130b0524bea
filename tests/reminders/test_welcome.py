import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from reminders import services
from reminders.models import Notification, ReminderPause, WelcomeLedger
from tests.organisation.factories import StaffMemberFactory
from tests.reminders.conftest import TODAY, complete, require

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def run(capture, **kwargs):
    with capture(execute=True):
        return services.run_welcome_messages(**kwargs)


def test_a_new_hire_is_told_what_to_take_and_by_when(
    module_a, module_b, frozen, django_capture_on_commit_callbacks
):
    require(module_a, due_days=90)
    require(module_b, due_days=30)
    person = StaffMemberFactory(first_name="Elsa", language="sv", start_date=TODAY)

    run(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    assert message.subject == "Aspa 2030: 2 nya obligatoriska moduler för dig"
    assert "Välkommen, Elsa!" in message.body
    assert "Möten och mångfald" in message.body and "Lättläst språk" in message.body
    # earliest due first, with its date
    assert message.body.index("Lättläst språk") < message.body.index("Möten och mångfald")
    assert "2026-04-01" in message.body or "1 april 2026" in message.body


def test_welcome_is_sent_once_per_person_and_module(
    module_a, module_b, frozen, django_capture_on_commit_callbacks
):
    require(module_a)
    person = StaffMemberFactory(language="en", start_date=TODAY)
    run(django_capture_on_commit_callbacks)
    run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1

    require(module_b)  # a new requirement is published later
    run(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 2
    second = mail.outbox[1]
    assert "Plain language" in second.body and "Encounters" not in second.body
    assert WelcomeLedger.objects.filter(staff=person).count() == 2


def test_a_module_already_completed_gets_no_welcome(
    module_a, frozen, django_capture_on_commit_callbacks
):
    require(module_a)
    person = StaffMemberFactory(start_date=TODAY - 100 * DAY)
    complete(person, module_a, on=TODAY - 10 * DAY)

    run(django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert WelcomeLedger.objects.filter(staff=person, notification=None).count() == 1


def test_paused_staff_are_welcomed_when_the_pause_ends(
    module_a, frozen, django_capture_on_commit_callbacks
):
    require(module_a)
    person = StaffMemberFactory(start_date=TODAY)
    ReminderPause.objects.create(staff=person, until=TODAY + DAY)
    inactive = StaffMemberFactory(start_date=TODAY, active=False)

    run(django_capture_on_commit_callbacks)
    assert mail.outbox == []

    frozen.shift(2 * DAY)
    run(django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert not Notification.objects.filter(staff=inactive).exists()


def test_baseline_records_existing_staff_without_sending(
    module_a, frozen, django_capture_on_commit_callbacks
):
    require(module_a)
    existing = StaffMemberFactory.create_batch(3)
    ReminderPause.objects.create(staff=existing[0], until=TODAY + DAY)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_welcome_messages", "--baseline")
    assert mail.outbox == [] and WelcomeLedger.objects.count() == 3

    frozen.shift(2 * DAY)  # the pause has ended: still nothing for the existing staff
    run(django_capture_on_commit_callbacks)
    assert mail.outbox == []

    newcomer = StaffMemberFactory(start_date=TODAY)
    run(django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[newcomer.email]]


def test_welcome_dry_run_sends_nothing(module_a, frozen, capsys):
    require(module_a)
    person = StaffMemberFactory()

    call_command("send_welcome_messages", "--dry-run")

    assert person.email in capsys.readouterr().out
    assert not WelcomeLedger.objects.exists() and mail.outbox == []

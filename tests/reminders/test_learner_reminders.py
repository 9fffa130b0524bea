import datetime
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command

from reminders import services
from reminders.models import Notification, ReminderPause
from reminders.tasks import MAX_RETRIES
from tests.organisation.factories import StaffMemberFactory
from tests.reminders.conftest import TODAY, complete, require

pytestmark = pytest.mark.django_db(transaction=False)

DAY = datetime.timedelta(days=1)


@pytest.fixture
def overdue_person(module_a, frozen, django_capture_on_commit_callbacks):
    require(module_a, due_date=TODAY - 10 * DAY)
    return StaffMemberFactory(first_name="Aino", language="fi")


def run(capture, **kwargs):
    with capture(execute=True):
        return services.run_learner_reminders(**kwargs)


def test_reminder_run_twice_sends_once(overdue_person, django_capture_on_commit_callbacks):
    run(django_capture_on_commit_callbacks)
    run(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    assert Notification.objects.filter(staff=overdue_person).count() == 1
    notification = Notification.objects.get()
    assert notification.status == Notification.Status.SENT
    assert notification.attempts == 1
    assert notification.sent_at is not None


def test_a_second_run_racing_the_first_creates_nothing(
    overdue_person, django_capture_on_commit_callbacks
):
    first = services.plan_learner_reminders()
    second = services.plan_learner_reminders()  # planned before the first one committed
    with django_capture_on_commit_callbacks(execute=True):
        services._execute(first, dry_run=False)
        result = services._execute(second, dry_run=False)

    assert result.created == 0 and result.already_done == 1
    assert len(mail.outbox) == 1


def test_one_email_lists_every_module(
    module_a, module_b, frozen, django_capture_on_commit_callbacks
):
    require(module_a, due_date=TODAY - 3 * DAY)
    require(module_b, due_date=TODAY + 5 * DAY)
    StaffMemberFactory(language="en")

    run(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Encounters and diversity" in message.body
    assert "Plain language" in message.body
    assert message.body.index("Overdue") < message.body.index("Due soon")


def test_message_is_plain_text_and_html_from_the_configured_sender(
    overdue_person, django_capture_on_commit_callbacks, settings
):
    settings.DEFAULT_FROM_EMAIL = "Aspa 2030 <muistutus@example.fi>"
    run(django_capture_on_commit_callbacks)

    message = mail.outbox[0]
    assert message.from_email == "Aspa 2030 <muistutus@example.fi>"
    assert message.to == [overdue_person.email]
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="fi">' in html
    assert '<a href="https://oppiminen.example.fi/fi/' in html


@pytest.mark.parametrize(
    ("language", "subject", "greeting", "title", "path"),
    [
        ("fi", "Aspa 2030: 1 pakollinen moduuli on myöhässä", "Hei Aino", "Kohtaaminen", "/fi/"),
        ("sv", "Aspa 2030: 1 obligatorisk modul är försenad", "Hej Aino", "Möten", "/sv/"),
        ("en", "Aspa 2030: 1 required module is overdue", "Hello Aino", "Encounters", "/en/"),
    ],
)
def test_message_is_in_the_persons_language(
    module_a, frozen, django_capture_on_commit_callbacks, language, subject, greeting, title, path
):
    require(module_a, due_date=TODAY - 2 * DAY)
    StaffMemberFactory(first_name="Aino", language=language)

    run(django_capture_on_commit_callbacks)

    message = mail.outbox[0]
    assert message.subject == subject
    assert message.body.startswith(greeting)
    assert title in message.body
    module_url = next(line.strip() for line in message.body.splitlines() if "http" in line)
    assert module_url.startswith("https://oppiminen.example.fi" + path)
    assert f'<html lang="{language}">' in message.alternatives[0][0]


def test_due_overdue_and_expiring_are_selected_against_the_clock(
    module_a, frozen, django_capture_on_commit_callbacks, settings
):
    settings.REMINDERS_DUE_WITHIN_DAYS = 14
    require(module_a, due_days=60)
    start = TODAY - 60 * DAY  # due today
    due_today = StaffMemberFactory(start_date=start)
    due_in_14 = StaffMemberFactory(start_date=start + 14 * DAY)
    due_in_15 = StaffMemberFactory(start_date=start + 15 * DAY)
    overdue = StaffMemberFactory(start_date=start - DAY)
    expiring = StaffMemberFactory(start_date=start - 400 * DAY)
    complete(expiring, module_a, on=TODAY - 300 * DAY, expires_on=TODAY + 60 * DAY)
    valid_long = StaffMemberFactory(start_date=start - 400 * DAY)
    complete(valid_long, module_a, on=TODAY - 300 * DAY, expires_on=TODAY + 61 * DAY)
    never_expires = StaffMemberFactory(start_date=start - 400 * DAY)
    complete(never_expires, module_a, on=TODAY - 300 * DAY)
    expired = StaffMemberFactory(start_date=start - 400 * DAY)
    complete(expired, module_a, on=TODAY - 400 * DAY, expires_on=TODAY - DAY)

    run(django_capture_on_commit_callbacks)

    states = {n.staff_id: [item["state"] for item in n.items] for n in Notification.objects.all()}
    assert states == {
        due_today.pk: ["due_soon"],
        due_in_14.pk: ["due_soon"],
        overdue.pk: ["overdue"],
        expiring.pk: ["expiring"],
        expired.pk: ["overdue"],  # its certificate expired: the module is required again
    }
    assert due_in_15.pk not in states and valid_long.pk not in states
    assert never_expires.pk not in states
    assert len(mail.outbox) == 5


def test_a_renewed_certificate_clears_the_expiring_one(
    module_a, frozen, django_capture_on_commit_callbacks
):
    require(module_a, due_date=TODAY - 400 * DAY)
    person = StaffMemberFactory()
    complete(person, module_a, on=TODAY - 700 * DAY, expires_on=TODAY + 20 * DAY)
    complete(person, module_a, on=TODAY - 10 * DAY, expires_on=TODAY + 700 * DAY, number=2)

    run(django_capture_on_commit_callbacks)

    assert mail.outbox == []


def test_paused_staff_get_nothing_until_the_pause_ends(
    overdue_person, django_capture_on_commit_callbacks, frozen
):
    ReminderPause.objects.create(staff=overdue_person, until=TODAY, reason="Vanhempainvapaa")
    result = run(django_capture_on_commit_callbacks)
    assert mail.outbox == [] and result.skipped_paused == 1

    frozen.shift(datetime.timedelta(days=1))
    run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_inactive_staff_get_nothing(overdue_person, django_capture_on_commit_callbacks):
    overdue_person.active = False
    overdue_person.save()

    run(django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_no_reminder_more_often_than_the_interval(
    overdue_person, django_capture_on_commit_callbacks, frozen, settings
):
    settings.REMINDERS_INTERVAL_DAYS = 7
    run(django_capture_on_commit_callbacks)
    for _day in range(6):
        frozen.shift(datetime.timedelta(days=1))
        result = run(django_capture_on_commit_callbacks)
        assert result.skipped_recent == 1
    assert len(mail.outbox) == 1

    frozen.shift(datetime.timedelta(days=1))  # a week after the first one
    run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_a_failed_reminder_does_not_block_the_next_days_one(
    overdue_person, django_capture_on_commit_callbacks, frozen
):
    with mock.patch(
        "django.core.mail.EmailMultiAlternatives.send", side_effect=ValueError("bad address")
    ):
        run(django_capture_on_commit_callbacks)
    assert Notification.objects.get().status == Notification.Status.FAILED

    frozen.shift(datetime.timedelta(days=1))
    run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_no_personal_data_of_others_in_a_learners_message(
    module_a, frozen, django_capture_on_commit_callbacks
):
    require(module_a, due_date=TODAY - 5 * DAY)
    learner = StaffMemberFactory(first_name="Aino", last_name="Virtanen", employee_id="E100001")
    colleague = StaffMemberFactory(
        first_name="Mikko",
        last_name="Korhonen",
        employee_id="E100002",
        service_point=learner.service_point,
    )
    supervisor = StaffMemberFactory(
        first_name="Leena", last_name="Nieminen", service_point=learner.service_point
    )
    supervisor.supervises.add(learner.service_point)

    run(django_capture_on_commit_callbacks)

    message = next(m for m in mail.outbox if m.to == [learner.email])
    content = message.subject + message.body + message.alternatives[0][0]
    for other in (colleague, supervisor):
        for value in (other.first_name, other.last_name, other.email, other.employee_id):
            assert value not in content
    assert learner.last_name not in content  # only the first name in the greeting
    assert learner.employee_id not in content


def test_failed_send_is_retried_then_marked_failed(
    overdue_person, django_capture_on_commit_callbacks
):
    error = smtplib.SMTPServerDisconnected("connection lost")
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=error) as send:
        run(django_capture_on_commit_callbacks)

    notification = Notification.objects.get()
    assert send.call_count == MAX_RETRIES + 1
    assert notification.status == Notification.Status.FAILED
    assert notification.attempts == MAX_RETRIES + 1
    assert "connection lost" in notification.last_error
    assert notification.sent_at is None


def test_a_transient_failure_is_retried_and_then_sent(
    overdue_person, django_capture_on_commit_callbacks
):
    real_send = __import__("django.core.mail", fromlist=["x"]).EmailMultiAlternatives.send
    calls = []

    def flaky(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionRefusedError("mail server down")
        return real_send(self, *args, **kwargs)

    with mock.patch("django.core.mail.EmailMultiAlternatives.send", flaky):
        run(django_capture_on_commit_callbacks)

    notification = Notification.objects.get()
    assert notification.status == Notification.Status.SENT
    assert notification.attempts == 2
    assert len(mail.outbox) == 1


def test_a_delivered_notification_is_not_sent_again(
    overdue_person, django_capture_on_commit_callbacks
):
    from reminders.tasks import send_notification

    run(django_capture_on_commit_callbacks)
    send_notification.delay(Notification.objects.get().pk)  # a duplicate delivery

    assert len(mail.outbox) == 1


def test_the_sweep_queues_again_what_was_left_unsent(
    overdue_person, django_capture_on_commit_callbacks, frozen
):
    services.run_learner_reminders()  # the on-commit queueing never happens (lost task)
    assert Notification.objects.get().status == Notification.Status.QUEUED

    assert services.requeue_unsent() == 0  # too fresh to be considered lost
    frozen.shift(datetime.timedelta(hours=4))
    assert services.requeue_unsent() == 1
    assert Notification.objects.get().status == Notification.Status.SENT
    assert len(mail.outbox) == 1


def test_dry_run_shows_and_sends_nothing(overdue_person, capsys):
    call_command("send_reminders", "--dry-run")

    out = capsys.readouterr().out
    assert overdue_person.email in out
    assert "dry run: 1 to send" in out
    assert not Notification.objects.exists() and mail.outbox == []


def test_command_sends(overdue_person, django_capture_on_commit_callbacks, capsys):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders")

    assert "1 queued" in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_command_rejects_a_bad_date(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--date", "2026-13-40")


def test_the_schedule_runs_the_reminder_tasks(settings):
    from learning.celery import app

    app.loader.import_default_modules()
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    expected = {
        "reminders.tasks.run_learner_reminders",
        "reminders.tasks.run_supervisor_digests",
        "reminders.tasks.run_welcome_messages",
        "reminders.tasks.requeue_unsent_notifications",
    }
    assert expected <= tasks
    assert expected <= set(app.tasks)


def test_a_revoked_certificate_makes_the_module_due_again(
    module_a, frozen, django_capture_on_commit_callbacks
):
    from certificates.services import revoke

    require(module_a, due_date=TODAY - 30 * DAY)
    person = StaffMemberFactory(language="en")
    certificate = complete(person, module_a, on=TODAY - 40 * DAY)
    run(django_capture_on_commit_callbacks)
    assert mail.outbox == []

    revoke(certificate, None, "Issued by mistake")
    run(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    assert "Encounters and diversity" in mail.outbox[0].body
    assert Notification.objects.get().items[0]["state"] == "overdue"

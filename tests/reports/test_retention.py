"""Retention: quiz answers and leavers' personal data go after their periods; coverage of
past dates, snapshots and certificate verification stay as they were."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from assessments.models import Attempt, QuestionResponse
from certificates.services import issue_for_cycle
from organisation.models import AuditEvent, StaffMember, UserSession
from reminders.models import ReminderPause
from reports.coverage import city_counts
from reports.models import CoverageSnapshot
from reports.retention import apply_retention
from reports.snapshots import take_snapshot
from tests.assessments.factories import submitted_attempt
from tests.certificates.conftest import make_completed_cycle, module  # noqa: F401
from tests.courses.factories import RequirementFactory
from tests.organisation.factories import StaffMemberFactory

pytestmark = pytest.mark.django_db
LONG_AGO = timezone.now() - datetime.timedelta(days=800)


@pytest.fixture
def leaver(module):  # noqa: F811
    RequirementFactory(module=module.module, due_days=30)
    with time_machine.travel(LONG_AGO):
        staff = StaffMemberFactory(
            first_name="Ville",
            last_name="Lähtijä",
            active=False,
            start_date=datetime.date(2024, 1, 1),
        )
    staff.user.is_active = False
    staff.user.save()
    cycle = make_completed_cycle(staff, module.module_key, day=datetime.date(2024, 3, 1))
    certificate, _ = issue_for_cycle(cycle)
    submitted_attempt(cycle, option="a", right=True, submitted_at=LONG_AGO)
    UserSession.objects.create(user=staff.user, session_key="x" * 40)
    ReminderPause.objects.create(staff=staff, until=datetime.date(2024, 6, 1))
    # The leaving was the last change to the record, 800 days ago.
    StaffMember.objects.filter(pk=staff.pk).update(updated_at=LONG_AGO)
    return {"staff": staff, "certificate": certificate, "module": module}


def test_a_dry_run_counts_and_changes_nothing(leaver):
    result = apply_retention(dry_run=True)
    assert (result.leavers, result.attempts, result.responses) == (1, 1, 1)
    leaver["staff"].refresh_from_db()
    assert leaver["staff"].first_name == "Ville"
    assert QuestionResponse.objects.count() == 1


def test_a_leaver_past_the_period_is_anonymised_and_history_stays(client, leaver):
    staff, certificate = leaver["staff"], leaver["certificate"]
    colleague = StaffMemberFactory(
        service_point=staff.service_point, start_date=datetime.date(2024, 1, 1)
    )
    make_completed_cycle(colleague, leaver["module"].module_key, day=datetime.date(2024, 3, 1))
    day = datetime.date(2024, 6, 1)
    take_snapshot(day)
    snapshot = list(CoverageSnapshot.objects.values_list("service_point", "required", "covered"))
    before = city_counts(day, refresh=True)
    assert before  # the colleague is counted
    cycles = list(staff.cycles.values_list("pk", "completed_at"))
    apply_retention()
    staff.refresh_from_db()
    staff.user.refresh_from_db()
    assert (staff.first_name, staff.last_name, staff.email) == ("", "", "")
    assert staff.employee_id == f"anonymised-{staff.pk}"
    assert staff.user.username == f"anonymised-{staff.pk}"
    assert not staff.user.has_usable_password()
    assert staff.anonymised_at is not None
    assert not UserSession.objects.filter(user=staff.user).exists()
    assert not ReminderPause.objects.filter(staff=staff).exists()
    # Coverage of a past date and its snapshot are unchanged; the cycles stay.
    assert city_counts(day, refresh=True) == before
    assert list(CoverageSnapshot.objects.values_list("service_point", "required", "covered")) == (
        snapshot
    )
    assert list(staff.cycles.values_list("pk", "completed_at")) == cycles
    # The certificate still verifies, without a name.
    page = client.get(f"/en/verify/{certificate.code}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Lähtijä" not in html
    assert "removed under the retention rules" in html
    assert AuditEvent.objects.filter(action="privacy.anonymised").count() == 1
    assert apply_retention().leavers == 0  # once


def test_answers_past_their_period_go_but_the_attempt_stays(leaver):
    recent_staff = StaffMemberFactory()
    recent_cycle = make_completed_cycle(recent_staff, leaver["module"].module_key)
    recent = submitted_attempt(recent_cycle, option="a", right=True)
    result = apply_retention()
    assert (result.attempts, result.responses) == (1, 1)
    old = Attempt.objects.get(staff=leaver["staff"])
    assert (old.answers, old.snapshot, old.passed) == ({}, {}, True)
    recent.refresh_from_db()
    assert recent.answers == {"q1": ["a"]}
    assert QuestionResponse.objects.filter(attempt=recent).count() == 1


def test_a_recent_leaver_and_active_staff_are_kept(leaver, settings):
    settings.RETENTION_LEAVERS_MONTHS = 36
    assert apply_retention().leavers == 0
    active = StaffMemberFactory()
    StaffMember.objects.filter(pk=active.pk).update(updated_at=LONG_AGO)
    settings.RETENTION_LEAVERS_MONTHS = 24
    apply_retention()
    active.refresh_from_db()
    assert active.first_name == "Aino"


def test_the_command_has_a_dry_run(leaver, capsys):
    call_command("apply_retention", "--dry-run")
    assert "would remove: leavers anonymised 1" in capsys.readouterr().out
    leaver["staff"].refresh_from_db()
    assert leaver["staff"].anonymised_at is None

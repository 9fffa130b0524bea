import io
import os
import subprocess
import sys
import types
from collections import Counter

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Sum
from django.utils import timezone

from home.demo import organisation as demo
from home.models import HomePage
from organisation.models import (
    HR_GROUP_NAME,
    Division,
    ServicePoint,
    StaffMember,
)
from reports.models import CoverageSnapshot

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_the_city(demo_organisation):
    assert Division.objects.count() == 5
    assert 38 <= ServicePoint.objects.count() <= 45
    assert 400 <= StaffMember.objects.count() <= 410
    # every division has service points, every service point has staff
    assert not Division.objects.filter(service_points__isnull=True).exists()
    assert not ServicePoint.objects.filter(staff__isnull=True).exists()
    for division in Division.objects.all():
        assert division.name_fi and division.name_sv and division.name_en


def test_demo_staff_speak_mostly_finnish_with_some_swedish_and_english(demo_organisation):
    languages = Counter(StaffMember.objects.values_list("language", flat=True))
    assert languages["fi"] > languages["sv"] > 0
    assert languages["en"] > 0


def test_demo_staff_names_are_a_realistic_mix(demo_organisation):
    last_names = set(StaffMember.objects.values_list("last_name", flat=True))
    assert {"Virtanen", "Korhonen"} & last_names  # Finnish
    assert {"Lindqvist", "Sjöberg", "Åberg", "Nyberg"} & last_names  # Swedish
    others = {"Abdi", "Warsame", "Ivanova", "Tamm", "Haddad", "Nguyen", "Tran"}
    assert len(others & last_names) >= 3


def test_demo_has_recent_hires_and_long_serving_staff(demo_organisation):
    from django.utils import timezone

    today = timezone.localdate()
    days = [(today - d).days for d in StaffMember.objects.values_list("start_date", flat=True)]
    assert any(d <= 60 for d in days)
    assert any(d > 5 * 365 for d in days)


def test_demo_staff_have_unique_emails_and_no_usable_password(demo_organisation):
    emails = [e.lower() for e in StaffMember.objects.values_list("email", flat=True)]
    assert len(emails) == len(set(emails))
    staff_user = StaffMember.objects.get(employee_id="D000001").user
    assert not staff_user.has_usable_password()


def test_demo_accounts_have_their_roles(demo_organisation):
    User = get_user_model()
    supervisor = StaffMember.objects.get(user__username="esihenkilo")
    assert sorted(supervisor.supervises.values_list("code", flat=True)) == ["KIR-KAL", "KIR-PAS"]

    hr_division = User.objects.get(username="hr-opetus")
    assert hr_division.groups.filter(name=HR_GROUP_NAME).exists()
    assert list(Division.objects.for_user(hr_division).values_list("code", flat=True)) == ["KASKO"]
    hr_city = User.objects.get(username="hr-kaupunki")
    assert Division.objects.for_user(hr_city).count() == 5
    assert StaffMember.objects.for_user(hr_city).count() == StaffMember.objects.count()

    assert User.objects.get(username="toimittaja").groups.filter(name="Editors").exists()
    assert User.objects.get(username="moderaattori").groups.filter(name="Moderators").exists()
    oppija = StaffMember.objects.get(user__username="oppija")
    assert oppija.supervises.count() == 0
    assert StaffMember.objects.for_user(oppija.user).count() == 0


def test_seed_demo_is_idempotent(seeded):
    before = (
        Division.objects.count(),
        ServicePoint.objects.count(),
        StaffMember.objects.count(),
        get_user_model().objects.count(),
        HomePage.objects.count(),
        CoverageSnapshot.objects.count(),
    )
    call_command("seed_demo", stdout=io.StringIO())
    after = (
        Division.objects.count(),
        ServicePoint.objects.count(),
        StaffMember.objects.count(),
        get_user_model().objects.count(),
        HomePage.objects.count(),
        CoverageSnapshot.objects.count(),
    )
    assert before == after


def test_demo_has_weekly_coverage_history_that_rises(seeded):
    """The overview's trend has nine weekly snapshots, each as of its date: the demo's
    completions are spread over past weeks, so coverage rises towards today."""
    dates = sorted(set(CoverageSnapshot.objects.values_list("date", flat=True)))
    assert len(dates) == 9
    assert dates[-1] == timezone.localdate()
    covered = [
        CoverageSnapshot.objects.filter(date=d).aggregate(c=Sum("covered"))["c"] for d in dates
    ]
    assert covered[0] < covered[-1]


def test_seed_demo_translates_and_publishes_the_home_page(seeded):
    pages = {p.locale.language_code: p for p in HomePage.objects.select_related("locale")}
    assert set(pages) == {"fi", "sv", "en"}
    assert all(p.live for p in pages.values())
    assert len({p.translation_key for p in pages.values()}) == 1
    assert pages["sv"].title == "Aspa 2030 – lärande"


def test_seed_demo_prints_the_logins_in_development(seeded, client):
    for account in demo.DEMO_ACCOUNTS:
        assert account.username in seeded
        assert demo.demo_password(account.username) in seeded
    assert client.login(username="oppija", password=demo.demo_password("oppija"))


def test_seed_demo_hides_passwords_outside_development(db, settings):
    settings.SHOW_DEMO_PASSWORDS = False
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert demo.demo_password("oppija") not in out.getvalue()
    user = get_user_model().objects.get(username="oppija")
    assert not user.check_password(demo.demo_password("oppija"))


def test_seed_demo_refuses_when_demo_data_is_not_allowed(db, settings):
    settings.ALLOW_DEMO_DATA = False
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="oppija").exists()


def test_seed_demo_refuses_with_the_production_settings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "oppiminen.example.fi",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'never.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "seed_demo", "--skip-checks"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "production" in result.stderr
    assert "oppija" not in result.stdout


def test_seed_demo_runs_the_other_apps_demo_seeds_when_they_exist(db, monkeypatch):
    calls = []
    fake = types.ModuleType("home.demo.quizzes")
    fake.seed = lambda stdout: calls.append(stdout)
    monkeypatch.setitem(sys.modules, "home.demo.quizzes", fake)
    call_command("seed_demo", stdout=io.StringIO())
    assert len(calls) == 1


def test_demo_staff_rows_are_deterministic():
    import datetime

    day = datetime.date(2026, 11, 1)
    assert demo.staff_rows(day) == demo.staff_rows(day)

"""Login sessions: a new key at login, an idle timeout and an absolute lifetime, and the
cookie flags."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from organisation.models import AuditEvent
from tests.home.conftest import PASSWORD
from tests.organisation.factories import StaffMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(home_pages):
    return StaffMemberFactory()


def log_in(client, member):
    response = client.post(
        "/fi/accounts/login/", {"username": member.user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return response


def test_the_session_key_changes_at_login(client, learner):
    client.get("/fi/accounts/login/")
    session = client.session
    session["planted"] = "by someone else"
    session.save()
    before = session.session_key
    log_in(client, learner)
    assert client.session.session_key != before
    assert "_auth_user_id" in client.session


def test_an_idle_session_ends_after_the_idle_timeout(client, learner, settings):
    settings.SESSION_IDLE_SECONDS = 30 * 60
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        log_in(client, learner)
    with time_machine.travel(start + datetime.timedelta(minutes=29), tick=False):
        assert client.get("/fi/").context["user"].is_authenticated  # still in, and seen again
    with time_machine.travel(start + datetime.timedelta(minutes=58), tick=False):
        assert client.get("/fi/").context["user"].is_authenticated  # 29 min after last seen
    with time_machine.travel(start + datetime.timedelta(minutes=89), tick=False):
        response = client.get("/fi/certificates/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/accounts/login/?next=/fi/certificates/"
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(action="auth.session_ended")
    assert event.details == {"reason": "idle"}


def test_an_active_session_still_ends_after_its_absolute_lifetime(client, learner, settings):
    settings.SESSION_IDLE_SECONDS = 30 * 60
    settings.SESSION_MAX_SECONDS = 10 * 60 * 60
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        log_in(client, learner)
    for minutes in range(20, 600, 20):  # a request every 20 minutes for ten hours
        with time_machine.travel(start + datetime.timedelta(minutes=minutes), tick=False):
            assert client.get("/fi/").context["user"].is_authenticated, minutes
    with time_machine.travel(start + datetime.timedelta(minutes=601), tick=False):
        assert client.get("/fi/")["Location"].startswith("/fi/accounts/login/")
    assert AuditEvent.objects.get(action="auth.session_ended").details == {"reason": "max_age"}


def test_an_admin_session_that_ends_goes_to_the_admin_login(client, settings):
    from tests.organisation.factories import make_hr_user

    hr = make_hr_user(city_wide=True)
    client.force_login(hr)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert client.get("/admin/").status_code == 200
    with time_machine.travel(start + datetime.timedelta(hours=1), tick=False):
        response = client.get("/admin/reports/coverage/")
    assert response["Location"] == "/admin/login/?next=/admin/reports/coverage/"


def test_the_session_cookie_is_httponly_lax_and_lives_no_longer_than_a_session(
    client, learner, settings
):
    response = log_in(client, learner)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == settings.SESSION_MAX_SECONDS == 10 * 60 * 60


@pytest.mark.parametrize("engine", ["db", "cached_db"])
def test_ending_a_persons_sessions_signs_them_out_with_either_session_engine(
    client, learner, settings, engine
):
    from organisation.imports import end_sessions

    settings.SESSION_ENGINE = settings.SESSION_ENGINES[engine]
    log_in(client, learner)
    assert client.get("/fi/certificates/").status_code == 200
    assert end_sessions([learner.user_id]) == 1
    # Still an active user: only the ended session keeps them out (a cached copy must not).
    response = client.get("/fi/certificates/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/accounts/login/")


def test_cached_sessions_are_the_default_with_a_shared_cache(monkeypatch):
    import importlib

    from learning.settings import base

    monkeypatch.setenv("CACHE_URL", "redis://127.0.0.1:6379/9")
    monkeypatch.delenv("SESSION_ENGINE", raising=False)
    try:
        assert importlib.reload(base).SESSION_ENGINE.endswith(".cached_db")
        monkeypatch.delenv("CACHE_URL")
        assert importlib.reload(base).SESSION_ENGINE.endswith(".db")
    finally:
        importlib.reload(base)

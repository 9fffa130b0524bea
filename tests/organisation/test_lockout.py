"""Failed-login lockout (django-axes): per user name and per client address, a translated
page, a cool-off, HR's screen to see and lift lockouts, and the audit trail."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth.signals import user_login_failed
from django.utils import timezone

from organisation.models import AuditEvent
from tests.organisation.factories import StaffMemberFactory, UserFactory, make_hr_user

pytestmark = pytest.mark.django_db
PASSWORD = "salasana-123"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)


def attempt(
    client, username, password="wrong", address="192.0.2.10", path="/fi/accounts/login/", **extra
):
    return client.post(
        path, {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def fail(client, username, times=5, **kwargs):
    """Wrong passwords: the form with its error, and the lockout page at the fifth."""
    statuses = [attempt(client, username, **kwargs).status_code for _ in range(times)]
    assert statuses == [200, 200, 200, 200, 429][:times]


def test_after_five_failures_even_the_right_password_is_refused_for_a_while(client):
    member = StaffMemberFactory()
    name = member.user.username
    fail(client, name)
    locked = attempt(client, name, PASSWORD, HTTP_ACCEPT_LANGUAGE="fi")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Liian monta epäonnistunutta kirjautumista" in html
    assert "15 minuutiksi" in html
    assert "_auth_user_id" not in client.session
    # The user name is locked from any address.
    assert attempt(client, name, PASSWORD, address="198.51.100.7").status_code == 429
    assert AuditEvent.objects.filter(action="auth.login_failed", target=name).count() >= 5
    # The fifth failure, and each of the two refused attempts while locked out.
    assert AuditEvent.objects.filter(action="auth.locked_out", target=name).count() == 3
    # After the cool-off the right password works again.
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        assert attempt(client, name, PASSWORD).status_code == 302


def test_an_address_trying_many_names_is_locked_for_every_name(client):
    member = StaffMemberFactory()
    for n in range(5):
        attempt(client, f"guess{n}")
    assert attempt(client, member.user.username, PASSWORD).status_code == 429
    other_place = attempt(client, member.user.username, PASSWORD, address="198.51.100.7")
    assert other_place.status_code == 302


def test_behind_the_proxy_the_forwarded_address_is_locked_not_the_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    member = StaffMemberFactory()
    for n in range(5):
        attempt(client, f"guess{n}", address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.5")
    blocked = attempt(
        client,
        member.user.username,
        PASSWORD,
        address="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )
    assert blocked.status_code == 429
    elsewhere = attempt(
        client,
        member.user.username,
        PASSWORD,
        address="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert elsewhere.status_code == 302


def test_the_admin_login_is_locked_too(client):
    admin = UserFactory(is_superuser=True)
    fail(client, admin.username, path="/admin/login/")
    assert attempt(client, admin.username, PASSWORD, path="/admin/login/").status_code == 429


def test_a_success_before_the_limit_forgets_the_failures(client):
    member = StaffMemberFactory()
    fail(client, member.user.username, times=4)
    assert attempt(client, member.user.username, PASSWORD).status_code == 302
    client.logout()
    fail(client, member.user.username, times=4)
    assert attempt(client, member.user.username, PASSWORD).status_code == 302


def test_a_refused_single_sign_on_counts_towards_no_lockout(rf):
    request = rf.get("/oidc/callback/", REMOTE_ADDR="192.0.2.10")
    for _ in range(6):
        user_login_failed.send(sender=None, credentials={"nonce": "x"}, request=request)
    assert AccessAttempt.objects.count() == 0


def test_hr_sees_and_lifts_a_lockout(client):
    member = StaffMemberFactory()
    name = member.user.username
    fail(client, name)
    hr = make_hr_user(city_wide=True)
    client.force_login(hr)
    page = client.get("/admin/organisation/lockouts/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f"<code>{name}</code>" in html
    assert "<code>192.0.2.10</code>" in html
    lifted = client.post("/admin/organisation/lockouts/", {"kind": "username", "value": name})
    assert lifted.status_code == 302
    assert AuditEvent.objects.get(action="auth.lockout_lifted").target == name
    client.logout()
    assert attempt(client, name, PASSWORD).status_code == 302


def test_hr_lifts_an_address_lockout(client):
    for n in range(5):
        attempt(client, f"guess{n}", address="203.0.113.77")
    member = StaffMemberFactory()
    assert (
        attempt(client, member.user.username, PASSWORD, address="203.0.113.77").status_code == 429
    )
    client.force_login(make_hr_user(city_wide=True))
    client.post("/admin/organisation/lockouts/", {"kind": "address", "value": "203.0.113.77"})
    client.logout()
    assert (
        attempt(client, member.user.username, PASSWORD, address="203.0.113.77").status_code == 302
    )
    assert AuditEvent.objects.get(action="auth.lockout_lifted").details == {"kind": "address"}


def test_only_hr_reaches_the_lockouts(client):
    member = StaffMemberFactory()
    client.force_login(member.user)
    assert client.get("/admin/organisation/lockouts/").status_code in (302, 403)
    editor = UserFactory()
    from django.contrib.auth.models import Group

    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/organisation/lockouts/").status_code == 403
    assert (
        client.post("/admin/organisation/lockouts/", {"kind": "username", "value": "x"}).status_code
        == 403
    )


def test_lifting_needs_a_lockout_named(client):
    client.force_login(make_hr_user(city_wide=True))
    assert (
        client.post("/admin/organisation/lockouts/", {"kind": "other", "value": "x"}).status_code
        == 400
    )

"""The audit trail: logins, refusals of a password, logouts and exports are recorded with the
client's address; on PostgreSQL the database refuses to change or delete a row."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory, override_settings
from django.urls import reverse

from learning.client_ip import client_ip
from organisation.models import AuditEvent

from .factories import UserFactory, make_hr_user

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough test password"  # noqa: S105


@pytest.fixture
def person():
    user = UserFactory(username="ulla.aalto")
    user.set_password(PASSWORD)
    user.save()
    return user


def login(client, username, password, **headers):
    return client.post(
        "/fi/accounts/login/", {"username": username, "password": password}, **headers
    )


def test_a_login_a_failed_login_and_a_logout_are_recorded_with_the_address(client, person):
    assert login(client, "ulla.aalto", "wrong", REMOTE_ADDR="192.0.2.7").status_code == 200
    assert login(client, "ulla.aalto", PASSWORD, REMOTE_ADDR="192.0.2.8").status_code == 302
    client.post("/fi/accounts/logout/", REMOTE_ADDR="192.0.2.9")
    rows = list(
        AuditEvent.objects.filter(action__startswith="auth.")
        .order_by("pk")
        .values_list("action", "target", "actor_name", "address")
    )
    assert rows == [
        ("auth.login_failed", "ulla.aalto", "", "192.0.2.7"),
        ("auth.login", "ulla.aalto", "ulla.aalto", "192.0.2.8"),
        ("auth.logout", "ulla.aalto", "ulla.aalto", "192.0.2.9"),
    ]
    # The password tried is never written anywhere in the row.
    for event in AuditEvent.objects.all():
        assert "wrong" not in str(event.details) and PASSWORD not in str(event.details)


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "10.0.0.2"),  # no proxy trusted: the header is the client's word
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "198.51.100.1, 203.0.113.5", "203.0.113.5"),  # the client wrote the first one
        (2, "198.51.100.1, 203.0.113.5", "198.51.100.1"),
        (2, "203.0.113.5", "10.0.0.2"),  # did not come through both proxies
        (1, "not-an-address", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_address_trusts_only_the_configured_proxies(count, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(TRUSTED_PROXY_COUNT=count):
        assert client_ip(request) == expected


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_the_audit_row_has_the_client_not_the_proxy(client, person):
    login(
        client,
        "ulla.aalto",
        PASSWORD,
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.44",
    )
    assert AuditEvent.objects.get(action="auth.login").address == "203.0.113.44"


def test_an_admin_listing_export_is_recorded(client):
    hr = make_hr_user(city_wide=True, username="hr-audit")
    client.force_login(hr)
    response = client.get(reverse("organisation_divisions:index"), {"export": "csv", "q": "x"})
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="admin.export")
    assert event.actor_name == "hr-audit"
    assert event.target == "organisation.division"
    assert event.details == {"format": "csv", "filters": "q=x"}


def test_deleting_a_user_keeps_their_name_on_their_rows(person):
    AuditEvent.record(person, "reports.viewed", "division:1")
    person.delete()
    event = AuditEvent.objects.get(action="reports.viewed")
    assert event.actor_display == "ulla.aalto"


@pytest.mark.postgres
def test_on_postgresql_the_database_refuses_to_change_or_delete_a_row(person):
    event = AuditEvent.record(person, "reports.viewed", "division:1")
    for statement in (
        f"UPDATE {AuditEvent._meta.db_table} SET target = 'x' WHERE id = %s",  # noqa: S608
        f"DELETE FROM {AuditEvent._meta.db_table} WHERE id = %s",  # noqa: S608
    ):
        with pytest.raises(DatabaseError, match="Cannot update or delete"):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(statement, [event.pk])
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.target == "division:1"


def test_refused_admin_requests_are_in_the_audit_trail(client):
    from organisation.models import AuditEvent
    from tests.organisation.factories import (
        DivisionFactory,
        ServicePointFactory,
        StaffMemberFactory,
        make_hr_user,
    )

    own, other = DivisionFactory(), DivisionFactory()
    outsider = StaffMemberFactory(service_point=ServicePointFactory(division=other))
    hr = make_hr_user(own)
    client.force_login(hr)
    url = f"/admin/organisation/staff/edit/{outsider.pk}/"
    assert client.get(url).status_code == 404
    event = AuditEvent.objects.get(action="authz.refused")
    assert (event.actor, event.target, event.details) == (hr, url, {"reason": "out_of_scope"})

    editor = StaffMemberFactory().user
    from django.contrib.auth.models import Group

    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/organisation/imports/").status_code == 403
    assert AuditEvent.objects.filter(
        action="authz.refused", actor=editor, details={"reason": "not_hr"}
    ).exists()

"""HR invites one person, or everyone in their scope who has never signed in: each gets an
e-mail in their language saying how to sign in (SSO, or a link to choose a password), once,
even when the broker was away."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from organisation.invitations import never_signed_in, send_invitations
from organisation.models import AuditEvent, Invitation, Language
from tests.organisation.factories import (
    DivisionFactory,
    ServicePointFactory,
    StaffMemberFactory,
    make_hr_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scope():
    division = DivisionFactory()
    point = ServicePointFactory(division=division)
    other = ServicePointFactory(division=DivisionFactory())
    return {"division": division, "point": point, "other": other}


def new_hire(point, **kwargs):
    member = StaffMemberFactory(service_point=point, **kwargs)
    member.user.set_unusable_password()
    member.user.last_login = None
    member.user.save()
    return member


def test_hr_invites_everyone_in_scope_who_has_never_signed_in(
    client, scope, mailoutbox, django_capture_on_commit_callbacks
):
    fi = new_hire(scope["point"], language=Language.FINNISH, first_name="Aino")
    sv = new_hire(scope["point"], language=Language.SWEDISH, first_name="Ebba")
    signed_in = StaffMemberFactory(service_point=scope["point"])
    signed_in.user.last_login = timezone.now()
    signed_in.user.save()
    new_hire(scope["other"])  # another division: not this HR user's
    hr = make_hr_user(scope["division"])
    client.force_login(hr)
    listing = client.get("/admin/organisation/staff/").content.decode()
    assert "Kutsu kaikki, jotka eivät ole vielä kirjautuneet" in listing  # a staff-list action
    page = client.get("/admin/organisation/invitations/")
    assert page.status_code == 200
    assert (
        "2 aktiivista henkilöä" in page.content.decode()
        or "2 active people" in page.content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/organisation/invitations/")
    assert response.status_code == 302
    by_recipient = {m.to[0]: m for m in mailoutbox}
    assert set(by_recipient) == {fi.email, sv.email}
    assert "Hei Aino" in by_recipient[fi.email].body
    assert "/fi/accounts/invitation/" in by_recipient[fi.email].body
    assert "Hej Ebba" in by_recipient[sv.email].body
    assert "/sv/accounts/invitation/" in by_recipient[sv.email].body
    assert by_recipient[sv.email].alternatives[0][1] == "text/html"
    assert Invitation.objects.filter(sent_at__isnull=False).count() == 2
    assert AuditEvent.objects.get(action="staff.invited").actor == hr


def test_hr_invites_one_person_from_their_page(
    client, scope, mailoutbox, django_capture_on_commit_callbacks
):
    member = new_hire(scope["point"])
    hr = make_hr_user(scope["division"])
    client.force_login(hr)
    edit = client.get(f"/admin/organisation/staff/edit/{member.pk}/")
    assert f"/admin/organisation/invitations/staff/{member.pk}/" in edit.content.decode()
    confirm = client.get(f"/admin/organisation/invitations/staff/{member.pk}/")
    assert member.email in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/organisation/invitations/staff/{member.pk}/")
    assert [m.to for m in mailoutbox] == [[member.email]]


def test_a_person_outside_the_scope_cannot_be_invited(client, scope, mailoutbox):
    outsider = new_hire(scope["other"])
    client.force_login(make_hr_user(scope["division"]))
    assert client.get(f"/admin/organisation/invitations/staff/{outsider.pk}/").status_code == 404
    assert client.post(f"/admin/organisation/invitations/staff/{outsider.pk}/").status_code == 404
    assert mailoutbox == []


def test_only_hr_invites(client, scope):
    member = new_hire(scope["point"])
    client.force_login(member.user)
    assert client.post("/admin/organisation/invitations/").status_code in (302, 403)
    assert Invitation.objects.count() == 0


def test_with_single_sign_on_the_invitation_says_to_use_the_city_account(
    client, scope, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.OIDC_ISSUER = "https://login.example.fi"
    settings.OIDC_CLIENT_ID = "aspa"
    member = new_hire(scope["point"], language=Language.SWEDISH)
    client.force_login(make_hr_user(scope["division"]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/organisation/invitations/staff/{member.pk}/")
    body = mailoutbox[0].body
    assert "Logga in med ditt stadskonto" in body
    assert "/accounts/invitation/" not in body


def test_an_invitation_is_sent_once_and_an_unsent_one_by_the_sweep(scope, settings):
    from organisation.tasks import send_unsent_invitations

    member = new_hire(scope["point"])
    row = Invitation.objects.create(staff=member)  # committed, but its task never arrived
    Invitation.objects.filter(pk=row.pk).update(
        created_at=row.created_at - datetime.timedelta(minutes=5)
    )
    assert send_unsent_invitations() == 1
    assert send_unsent_invitations() == 0
    assert send_invitations([row.pk]) == 0  # the late task does nothing
    assert len(mail.outbox) == 1


def test_never_signed_in_counts_only_active_people_who_have_not(scope):
    hr = make_hr_user(scope["division"])
    new_hire(scope["point"])
    left = new_hire(scope["point"], active=False)
    assert list(never_signed_in(hr).values_list("active", flat=True)) == [True]
    assert left.pk not in never_signed_in(hr).values_list("pk", flat=True)


def test_welcome_messages_say_how_to_sign_in(scope, settings):
    from reminders.models import Notification
    from reminders.services import build_message

    member = new_hire(scope["point"], language=Language.FINNISH)
    notification = Notification(
        staff=member,
        kind=Notification.Kind.WELCOME,
        email=member.email,
        language="fi",
        subject="Tervetuloa",
        items=[],
    )
    assert "Näin kirjaudut" in build_message(notification).body
    assert "/fi/accounts/invitation/" in build_message(notification).body
    settings.OIDC_ISSUER = "https://login.example.fi"
    settings.OIDC_CLIENT_ID = "aspa"
    assert "Kirjaudu kaupungin tunnuksellasi" in build_message(notification).body

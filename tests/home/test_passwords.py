"""Without single sign-on: "Forgot your password?" (also an imported person's first
password), in the person's language, rate-limited, never telling whether an address exists;
and the invitation's set-your-password link."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from organisation.invitations import build_message
from organisation.models import AuditEvent, Language
from tests.organisation.factories import StaffMemberFactory, UserFactory

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Kirjasto-ja-kahvi-2030"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def imported(home_pages):
    """A person from the HR import: no usable password yet."""
    member = StaffMemberFactory(language=Language.SWEDISH, first_name="Ebba")
    member.user.set_unusable_password()
    member.user.save()
    return member


def link_in(message) -> str:
    return re.search(r"https?://\S+/accounts/\S+/", message.body).group(0)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_the_login_page_links_to_forgot_password(client):
    html = client.get("/fi/accounts/login/").content.decode()
    assert 'href="/fi/accounts/password/reset/"' in html
    assert "Unohditko salasanasi?" in html


def test_an_imported_person_sets_a_first_password_by_reset_in_their_language(
    client, imported, mailoutbox
):
    response = client.post("/fi/accounts/password/reset/", {"email": imported.email})
    assert response["Location"] == "/fi/accounts/password/reset/sent/"
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [imported.email]
    assert "välj ditt lösenord" in message.subject.lower()
    assert "Hej Ebba" in message.body
    link = link_in(message)
    assert "/sv/accounts/password/reset/" in link
    form = client.get(path_of(link), follow=True)
    assert form.status_code == 200
    assert form.context["validlink"]
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done.status_code == 302
    login = client.post(
        "/sv/accounts/login/", {"username": imported.user.username, "password": NEW_PASSWORD}
    )
    assert login["Location"] == "/sv/"
    # The link works once.
    assert client.get(path_of(link), follow=True).context["validlink"] is False
    assert AuditEvent.objects.filter(action="auth.password_set").count() == 1


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, mailoutbox, imported):
    known = client.post("/fi/accounts/password/reset/", {"email": imported.email})
    unknown = client.post("/fi/accounts/password/reset/", {"email": "nobody@example.fi"})
    assert known["Location"] == unknown["Location"] == "/fi/accounts/password/reset/sent/"
    assert len(mailoutbox) == 1
    page = client.get(unknown["Location"]).content.decode()
    assert "Tarkista sähköpostisi" in page


def test_a_person_who_has_left_gets_no_link(client, mailoutbox):
    member = StaffMemberFactory(active=False)
    member.user.is_active = False
    member.user.save()
    client.post("/fi/accounts/password/reset/", {"email": member.email})
    assert mailoutbox == []


def test_requests_over_the_rate_send_nothing_more(client, imported, mailoutbox, settings):
    settings.PASSWORD_RESET_RATE_PER_EMAIL = "3/h"
    for _ in range(5):
        response = client.post("/fi/accounts/password/reset/", {"email": imported.email})
        assert response["Location"] == "/fi/accounts/password/reset/sent/"
    assert len(mailoutbox) == 3
    assert AuditEvent.objects.filter(action="auth.password_reset_limited").count() == 2


def test_many_addresses_from_one_client_are_limited_too(client, mailoutbox, settings, home_pages):
    settings.PASSWORD_RESET_RATE_PER_ADDRESS = "4/h"
    people = [StaffMemberFactory() for _ in range(6)]
    for member in people:
        client.post("/fi/accounts/password/reset/", {"email": member.email})
    assert len(mailoutbox) == 4


def test_with_single_sign_on_only_password_accounts_get_a_link(client, mailoutbox, settings):
    settings.OIDC_ISSUER = "https://login.example.fi"
    settings.OIDC_CLIENT_ID = "aspa"
    member = StaffMemberFactory()
    admin = UserFactory(username="break-glass", email="admin@example.fi")
    settings.PASSWORD_LOGIN_USERS = ["break-glass"]
    client.post("/fi/accounts/password/reset/", {"email": member.email})
    client.post("/fi/accounts/password/reset/", {"email": admin.email})
    assert [m.to for m in mailoutbox] == [["admin@example.fi"]]


def test_a_tampered_link_is_refused(client, imported, mailoutbox):
    client.post("/fi/accounts/password/reset/", {"email": imported.email})
    link = path_of(link_in(mailoutbox[0]))
    tampered = link[:-3] + "abc/"
    page = client.get(tampered, follow=True)
    assert page.status_code == 200
    assert page.context["validlink"] is False
    assert (
        "vanhentunut" in client.get(tampered.replace("/sv/", "/fi/"), follow=True).content.decode()
    )


def test_a_weak_password_is_refused_with_the_reason(client, imported, mailoutbox):
    client.post("/fi/accounts/password/reset/", {"email": imported.email})
    form = client.get(path_of(link_in(mailoutbox[0])), follow=True)
    response = client.post(
        form.redirect_chain[-1][0], {"new_password1": "12345678", "new_password2": "12345678"}
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    imported.user.refresh_from_db()
    assert not imported.user.has_usable_password()


# --- the invitation's link ----------------------------------------------------------------------


def test_an_invitation_lets_the_person_choose_a_password_and_start(client, imported):
    message = build_message(imported)
    assert message.to == [imported.email]
    assert "Hej Ebba" in message.body
    link = re.search(r"https?://\S+/accounts/invitation/\S+/", message.body).group(0)
    assert "/sv/accounts/invitation/" in link
    form = client.get(path_of(link), follow=True)
    assert form.context["validlink"]
    assert imported.user.username in form.content.decode()
    started = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert started["Location"] == "/sv/"
    assert client.get("/sv/").context["user"] == imported.user
    client.logout()
    assert client.get(path_of(link), follow=True).context["validlink"] is False


def test_an_invitation_link_expires_after_the_invitation_days(client, imported, settings):
    settings.INVITATION_DAYS = 14
    link = re.search(r"https?://\S+/accounts/invitation/\S+/", build_message(imported).body).group(
        0
    )
    later = timezone.now() + datetime.timedelta(days=15)
    with time_machine.travel(later):
        page = client.get(path_of(link), follow=True)
    assert page.context["validlink"] is False


def test_a_reset_link_is_no_invitation(client, imported, mailoutbox):
    """The two links have their own salts: one cannot stand in for the other."""
    client.post("/fi/accounts/password/reset/", {"email": imported.email})
    reset = path_of(link_in(mailoutbox[0]))
    as_invitation = reset.replace("/password/reset/", "/invitation/")
    assert client.get(as_invitation, follow=True).context["validlink"] is False


def test_an_account_whose_staff_record_has_left_gets_no_link(client, mailoutbox):
    member = StaffMemberFactory(active=False)  # the account itself is still active
    client.post("/fi/accounts/password/reset/", {"email": member.user.email})
    client.post("/fi/accounts/password/reset/", {"email": member.email})
    assert mailoutbox == []

"""Single sign-on against a real OpenID provider (panva's oidc-provider on 127.0.0.1).

Skipped, with the reason, where Node.js or the provider package is missing; CI has both."""

from __future__ import annotations

import datetime

import pytest
import requests
import time_machine
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.models import Group
from django.core.exceptions import SuspiciousOperation

from organisation.models import AuditEvent, Language, UserSession
from organisation.oidc import CityAccountBackend
from tests.home.conftest import PASSWORD
from tests.home.sso_helpers import (
    ACCOUNTS,
    SITE,
    callback_of,
    provider_logout,
    running_provider,
    sign_in,
    through_provider,
    token_for_another_service,
    use_provider,
)
from tests.organisation.factories import StaffMemberFactory, UserFactory, make_hr_user

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    yield from running_provider([SITE], tmp_path_factory)


@pytest.fixture
def sso(provider, settings):
    return use_provider(settings, provider)


@pytest.fixture
def browser():
    """The person's browser at the provider (its cookies are the provider's session)."""
    with requests.Session() as session:
        yield session


def staff(account: str, **kwargs):
    claims = ACCOUNTS[account]
    return StaffMemberFactory(
        employee_id=claims.get("employee_id", f"HR-{account}"),
        email=claims["email"],
        user=UserFactory(username=f"u-{account}", email=claims["email"]),
        **kwargs,
    )


def explained(client, response, **headers):
    """A refusal sends the browser to the page that explains it: that page."""
    assert response.status_code == 302, response
    assert "/accounts/sign-in/" in response["Location"]
    assert "no-store" in response["Cache-Control"]
    return client.get(response["Location"], **headers)


def signed_in_user(client):
    return client.session.get("_auth_user_id")


def refusals():
    return list(
        AuditEvent.objects.filter(action="auth.sso_refused").values_list("details", flat=True)
    )


# --- signing in -------------------------------------------------------------------------------


def test_a_learner_signs_in_with_the_city_account_and_lands_on_my_learning(
    client, sso, browser, home_pages
):
    aino = staff("aino")
    response = sign_in(client, browser, "aino")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"
    assert "no-store" in response["Cache-Control"]
    page = client.get("/fi/")
    assert page.status_code == 200
    assert "<h1>Oma oppiminen</h1>" in page.content.decode()
    assert signed_in_user(client) == str(aino.user.pk)
    assert client.session[BACKEND_SESSION_KEY] == "organisation.oidc.CityAccountBackend"
    session = UserSession.objects.get(user=aino.user)
    assert session.sso_subject == "aino"
    assert session.sso_session
    assert AuditEvent.objects.filter(action="auth.login", actor=aino.user).exists()


def test_a_swedish_speaker_lands_on_the_swedish_dashboard(client, sso, browser, home_pages):
    staff("ebba", language=Language.SWEDISH)
    assert sign_in(client, browser, "ebba")["Location"] == "/sv/"


def test_the_start_uses_pkce_state_and_nonce(client, sso):
    response = client.get("/oidc/authenticate/?next=/sv/")
    query = requests.utils.urlparse(response["Location"]).query
    params = dict(p.split("=", 1) for p in query.split("&"))
    assert params["code_challenge_method"] == "S256"
    assert len(params["code_challenge"]) == 43
    assert len(params["state"]) >= 32 and len(params["nonce"]) >= 32
    assert response["Location"].startswith(f"{sso.issuer}/auth?")
    assert "no-store" in response["Cache-Control"]


def test_next_is_followed_after_sign_in(client, sso, browser, home_pages):
    staff("aino")
    callback = callback_of(client, browser, "aino", start="/oidc/authenticate/?next=/en/")
    assert client.get(callback)["Location"] == "/en/"


def test_nobody_is_created_by_signing_in(client, sso, browser, settings):
    settings.LANGUAGE_CODE = "fi"
    users_before = UserFactory._meta.model.objects.count()
    response = explained(client, sign_in(client, browser, "stranger", HTTP_ACCEPT_LANGUAGE="sv"))
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Vi kunde inte logga in dig" in html
    assert settings.SIGN_IN_HELP_EMAIL in html
    assert signed_in_user(client) is None
    assert UserFactory._meta.model.objects.count() == users_before
    assert refusals() == [{"reason": "unknown", "detail": ""}]
    assert AuditEvent.objects.get(action="auth.sso_refused").target == "X999"


def test_a_person_who_has_left_is_refused(client, sso, browser):
    staff("leaver", active=False)
    response = explained(client, sign_in(client, browser, "leaver", HTTP_ACCEPT_LANGUAGE="fi"))
    assert response.status_code == 403
    assert "työsuhteesi on päättynyt" in response.content.decode()
    assert signed_in_user(client) is None
    assert refusals()[0]["reason"] == "inactive"


def test_without_an_employee_number_a_verified_email_identifies_the_person(
    client, sso, browser, home_pages
):
    matti = staff("by-email")
    assert sign_in(client, browser, "by-email").status_code == 302
    assert signed_in_user(client) == str(matti.user.pk)


def test_an_unverified_email_identifies_nobody(client, sso, browser):
    staff("by-email")
    response = explained(client, sign_in(client, browser, "unverified", HTTP_ACCEPT_LANGUAGE="en"))
    assert response.status_code == 403
    assert "no verified e-mail address" in response.content.decode()
    assert signed_in_user(client) is None
    assert refusals()[0]["reason"] == "unverified"


def test_hr_and_editors_get_their_groups_from_the_claim(client, sso, browser):
    hr = staff("hr")
    make_hr_user(hr.service_point.division).delete()  # the HR group exists with its rights
    hr.user.groups.add(Group.objects.get(name="Moderators"))  # not in the claim: removed
    from organisation.models import HRGrant

    HRGrant.objects.create(user=hr.user, city_wide=True)
    assert sign_in(client, browser, "hr").status_code == 302
    assert set(hr.user.groups.values_list("name", flat=True)) == {"HR"}
    assert client.get("/admin/reports/coverage/").status_code == 200
    assert AuditEvent.objects.filter(action="auth.sso_groups", target=hr.user.username).exists()

    client.logout()
    browser.cookies.clear()  # another person at the same computer
    editor = staff("editor")
    assert sign_in(client, browser, "editor").status_code == 302
    assert set(editor.user.groups.values_list("name", flat=True)) == {"Editors"}
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/reports/coverage/").status_code in (302, 403)


def test_without_the_group_setting_groups_stay_as_hr_set_them(client, sso, browser, settings):
    settings.OIDC_GROUPS_CLAIM = ""
    editor = staff("editor")
    editor.user.groups.add(Group.objects.get(name="Moderators"))
    sign_in(client, browser, "editor")
    assert set(editor.user.groups.values_list("name", flat=True)) == {"Moderators"}


def test_the_hr_file_stays_the_source_of_names_unless_the_setting_says(
    client, sso, browser, settings
):
    aino = staff("aino", first_name="Aino-Maria")
    sign_in(client, browser, "aino")
    aino.refresh_from_db()
    assert aino.first_name == "Aino-Maria"
    client.logout()
    settings.OIDC_UPDATE_PROFILE = True
    sign_in(client, browser, "aino")
    aino.refresh_from_db()
    aino.user.refresh_from_db()
    assert (aino.first_name, aino.user.first_name) == ("Aino", "Aino")


# --- tampered and replayed answers -----------------------------------------------------------


def test_a_tampered_state_is_refused(client, sso, browser):
    staff("aino")
    callback = callback_of(client, browser, "aino")
    response = explained(client, client.get(callback.replace("state=", "state=x")))
    assert response.status_code == 400
    assert signed_in_user(client) is None
    assert refusals()[0]["reason"] == "invalid"


def test_a_code_used_already_is_refused(client, sso, browser):
    staff("aino")
    callback = callback_of(client, browser, "aino")
    # Somebody else redeems the code first, with the verifier of this very session.
    params = dict(p.split("=", 1) for p in callback.split("?", 1)[1].split("&"))
    verifier = client.session["oidc_states"][params["state"]]["code_verifier"]
    first = requests.post(
        f"{sso.issuer}/token",
        data={
            "grant_type": "authorization_code",
            "code": params["code"],
            "redirect_uri": f"{SITE}/oidc/callback/",
            "client_id": sso.settings()["OIDC_CLIENT_ID"],
            "client_secret": sso.settings()["OIDC_CLIENT_SECRET"],
            "code_verifier": verifier,
        },
        timeout=10,
    )
    assert first.status_code == 200
    response = explained(client, client.get(callback))
    assert response.status_code == 400
    assert signed_in_user(client) is None
    assert refusals()[0]["reason"] == "invalid"
    assert "invalid_grant" in refusals()[0]["detail"]


def test_the_same_answer_twice_signs_in_once(client, sso, browser, home_pages):
    staff("aino")
    callback = callback_of(client, browser, "aino")
    assert client.get(callback).status_code == 302
    client.logout()
    assert explained(client, client.get(callback)).status_code == 400
    assert signed_in_user(client) is None


def test_an_expired_id_token_is_refused(client, sso, browser):
    staff("aino")
    callback = callback_of(client, browser, "aino")
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(hours=2)
    with time_machine.travel(later, tick=True):
        response = explained(client, client.get(callback))
    assert response.status_code == 400
    assert signed_in_user(client) is None
    assert "expired" in refusals()[0]["detail"].lower()


def test_an_id_token_for_another_service_is_refused(sso):
    tokens = token_for_another_service(sso.issuer, "aino")
    with pytest.raises(SuspiciousOperation, match="(?i)audience"):
        CityAccountBackend().verify_token(tokens["id_token"], nonce="n" * 20)


def test_a_cancelled_sign_in_says_so(client, sso):
    start = client.get("/oidc/authenticate/")
    state = dict(p.split("=", 1) for p in start["Location"].split("?", 1)[1].split("&"))["state"]
    response = explained(
        client,
        client.get(f"/oidc/callback/?error=access_denied&state={state}", HTTP_ACCEPT_LANGUAGE="fi"),
    )
    assert response.status_code == 200
    assert "Kirjautuminen keskeytyi" in response.content.decode()
    assert signed_in_user(client) is None


# --- passwords with single sign-on on -------------------------------------------------------


def test_with_sso_on_only_the_named_accounts_may_use_a_password(client, sso, settings):
    aino = staff("aino")
    admin = UserFactory(username="break-glass", is_superuser=True)
    settings.PASSWORD_LOGIN_USERS = ["break-glass"]
    refused = client.post(
        "/fi/accounts/login/", {"username": aino.user.username, "password": PASSWORD}
    )
    assert refused.status_code == 200 and signed_in_user(client) is None
    allowed = client.post("/fi/accounts/login/", {"username": "break-glass", "password": PASSWORD})
    assert allowed.status_code == 302
    assert signed_in_user(client) == str(admin.pk)


def test_the_login_pages_offer_the_city_account_first(client, sso):
    html = client.get("/sv/accounts/login/").content.decode()
    assert "Logga in med stadens konto" in html
    assert html.index("/oidc/authenticate/") < html.index('name="password"')
    admin_html = client.get("/admin/login/").content.decode()
    assert "/oidc/authenticate/?next=" in admin_html


def test_without_sso_the_login_page_has_no_city_account_button(client, settings):
    settings.OIDC_ISSUER = ""
    html = client.get("/fi/accounts/login/").content.decode()
    assert "/oidc/" not in html
    assert client.get("/oidc/authenticate/").status_code == 404


# --- staying signed in, and signing out -----------------------------------------------------


def test_people_are_rechecked_at_the_provider_and_leavers_lose_access(
    client, sso, browser, home_pages
):
    aino = staff("aino")
    sign_in(client, browser, "aino")
    session = client.session
    session["oidc_id_token_expiration"] = 0
    session.save()
    # HR marks the person as left in the staff record only (no session ended by an import).
    type(aino).objects.filter(pk=aino.pk).update(active=False)
    recheck = client.get("/fi/")
    assert recheck.status_code == 302
    assert "prompt=none" in recheck["Location"]
    back = through_provider(browser, recheck["Location"], "aino", SITE)
    response = explained(client, client.get(back.removeprefix(SITE)))
    assert response.status_code == 403
    assert signed_in_user(client) is None
    assert refusals()[-1]["reason"] == "inactive"


def test_a_recheck_within_the_interval_does_not_leave_the_site(client, sso, browser, home_pages):
    staff("aino")
    sign_in(client, browser, "aino")
    assert client.get("/fi/").status_code == 200


def test_an_ended_provider_session_ends_the_site_session_at_the_recheck(
    client, sso, browser, home_pages
):
    staff("aino")
    sign_in(client, browser, "aino")
    session = client.session
    session["oidc_id_token_expiration"] = 0
    session.save()
    browser.cookies.clear()  # the provider's session is gone
    recheck = client.get("/fi/")
    back = through_provider(browser, recheck["Location"], "aino", SITE)
    assert "error=login_required" in back
    response = explained(client, client.get(back.removeprefix(SITE), HTTP_ACCEPT_LANGUAGE="en"))
    assert "Your sign-in has ended" in response.content.decode()
    assert signed_in_user(client) is None


def test_logging_out_ends_the_provider_session_too(client, sso, browser, home_pages):
    staff("aino")
    sign_in(client, browser, "aino")
    response = client.post("/fi/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{sso.issuer}/session/end?")
    assert "id_token_hint=" in response["Location"]
    assert signed_in_user(client) is None
    back = provider_logout(browser, response["Location"], SITE)
    assert back == f"{SITE}/oidc/logged-out/"
    assert client.get("/oidc/logged-out/")["Location"] == "/fi/accounts/logged-out/"
    # The provider asks for the password again: its session has ended.
    started = client.get("/oidc/authenticate/")
    page = browser.get(started["Location"])
    assert 'name="prompt" value="login"' in page.text


def test_an_hr_import_that_deactivates_a_person_ends_their_sso_session(
    client, sso, browser, home_pages
):
    from organisation.imports import import_staff
    from tests.organisation.csvdata import staff_row, to_csv

    aino = staff("aino")
    sign_in(client, browser, "aino")
    assert "Oma oppiminen" in client.get("/fi/").content.decode()
    row = staff_row(1, point=aino.service_point.code, employee_id="SSO001", active="no")
    row["role"] = aino.role.code
    import_staff(to_csv([row]))
    assert signed_in_user(client) is None
    assert "Oma oppiminen" not in client.get("/fi/").content.decode()


def test_the_explanation_page_knows_only_its_reasons(client):
    assert client.get("/fi/accounts/sign-in/unknown/").status_code == 403
    assert client.get("/fi/accounts/sign-in/whatever/").status_code == 404


def test_with_sso_configured_the_admin_password_screens_are_off():
    import os
    import subprocess
    import sys

    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.WAGTAIL_PASSWORD_MANAGEMENT_ENABLED, s.WAGTAIL_PASSWORD_RESET_ENABLED, "
        "s.WAGTAILUSERS_PASSWORD_ENABLED)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "learning.settings.test"}
    without = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    with_sso = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "OIDC_ISSUER": "https://login.example.fi", "OIDC_CLIENT_ID": "aspa"},
        capture_output=True,
        text=True,
    )
    assert without.stdout.split() == ["True", "True", "True"], without.stderr
    assert with_sso.stdout.split() == ["False", "False", "False"], with_sso.stderr


def test_an_employee_number_the_hr_file_lacks_signs_in_nobody_even_with_a_known_email(
    client, sso, browser
):
    staff("aino")  # has the same e-mail address, and another employee number
    response = explained(client, sign_in(client, browser, "newcomer"))
    assert response.status_code == 403
    assert signed_in_user(client) is None
    assert refusals()[0]["reason"] == "unknown"


def test_the_recheck_never_sends_the_browser_to_another_site(client, sso, browser, home_pages):
    staff("aino")
    sign_in(client, browser, "aino")
    session = client.session
    session["oidc_id_token_expiration"] = 0
    session.save()
    recheck = client.get("/%2F%2Fevil.example/")
    assert "prompt=none" in recheck["Location"]
    back = through_provider(browser, recheck["Location"], "aino", SITE)
    response = client.get(back.removeprefix(SITE))
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


def test_a_forged_answer_signs_nobody_out(client, sso, browser, home_pages):
    aino = staff("aino")
    sign_in(client, browser, "aino")
    response = client.get("/oidc/callback/?code=forged&state=not-ours")
    assert response.status_code == 302
    assert signed_in_user(client) == str(aino.user.pk)
    forged_error = client.get("/oidc/callback/?error=login_required&state=not-ours")
    assert "/accounts/sign-in/invalid/" in forged_error["Location"]
    assert signed_in_user(client) == str(aino.user.pk)

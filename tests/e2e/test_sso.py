"""Single sign-on in a real browser against a real OpenID provider (panva's oidc-provider):
a learner signs in with the city account, lands on My learning, logs out and is logged
out at the provider, and the provider's back-channel logout ends the same person's other
session; a person the HR file does not know gets the explanation page. Axe-checked."""

from __future__ import annotations

import pytest
import requests

from organisation.models import AuditEvent
from tests.e2e.helpers import check_page, follow
from tests.home.sso_helpers import (
    ACCOUNTS,
    running_provider,
    through_provider,
    use_provider,
)
from tests.organisation.factories import StaffMemberFactory, UserFactory

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):
    yield from running_provider([live_server.url], tmp_path_factory)


@pytest.fixture
def sso(provider, settings):
    return use_provider(settings, provider)


def sign_in_at_provider(page, account: str) -> None:
    """The provider's own pages: its login form, then its consent (asked once)."""
    page.locator("input[name=login]").fill(account)
    page.locator("input[name=password]").fill("any password")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign-in").click()
    if page.get_by_role("button", name="Continue").count():
        with page.expect_navigation():
            page.get_by_role("button", name="Continue").click()


def test_a_learner_signs_in_with_the_city_account_and_out_everywhere(page, sso, site_url):
    claims = ACCOUNTS["aino"]
    StaffMemberFactory(
        employee_id=claims["employee_id"],
        email=claims["email"],
        first_name="Aino",
        last_name="Korhonen",
        user=UserFactory(username="aino.sso", email=claims["email"]),
    )
    # The same person is signed in on another device too.
    other_device = requests.Session()
    started = other_device.get(f"{site_url}/oidc/authenticate/", allow_redirects=False)
    back = through_provider(other_device, started.headers["Location"], "aino", site_url)
    assert "Oma oppiminen" in other_device.get(back).text

    page.goto("/fi/accounts/login/")
    check_page(page, "sso-login-fi")
    follow(page, page.get_by_role("link", name="Kirjaudu kaupungin tunnuksella"))
    assert page.url.startswith(sso.issuer)
    sign_in_at_provider(page, "aino")
    page.wait_for_url(f"{site_url}/fi/")
    assert page.locator("h1").inner_text() == "Oma oppiminen"
    assert "Aino Korhonen" in page.locator("body").inner_text()
    check_page(page, "sso-my-learning-fi")

    follow(page, page.locator("form.logout-form button"))
    assert page.url.startswith(f"{sso.issuer}/session/end")
    follow(page, page.get_by_role("button", name="Yes, sign me out"))
    page.wait_for_url(f"{site_url}/fi/accounts/logged-out/")
    assert page.locator("h1").inner_text() == "Olet kirjautunut ulos"

    # The provider told the site (back-channel logout): the other device is signed out too.
    assert AuditEvent.objects.filter(action="auth.sso_logout", target="aino").exists()
    assert "Oma oppiminen" not in other_device.get(f"{site_url}/fi/").text
    # And the provider's session is over: signing in again asks for the password.
    page.goto("/oidc/authenticate/")
    assert page.locator("input[name=login]").count() == 1


@pytest.mark.parametrize(
    ("locale", "heading"),
    [("fi-FI", "Emme voineet kirjata sinua sisään"), ("sv-SE", "Vi kunde inte logga in dig")],
)
def test_a_person_not_in_the_hr_file_is_told_who_to_contact(
    browser, sso, site_url, locale, heading
):
    context = browser.new_context(base_url=site_url, locale=locale)
    page = context.new_page()
    page.goto("/oidc/authenticate/")
    sign_in_at_provider(page, "stranger")
    page.wait_for_url(f"{site_url}/*/accounts/sign-in/unknown/")
    assert page.locator("h1").inner_text() == heading
    check_page(page, f"sso-refused-{locale}")
    context.close()

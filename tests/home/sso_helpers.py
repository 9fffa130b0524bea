"""Driving a real sign-in at the test identity provider (tests/idp, panva's oidc-provider):
the site's side through Django's test client, the provider's pages through `requests`, as
a browser would follow them."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import requests

from tests.processes import OTHER_CLIENT_ID

SITE = "http://testserver"

# Accounts at the provider (id -> claims); the tests make the staff records they name.
ACCOUNTS = {
    "aino": {
        "employee_id": "SSO001",
        "email": "aino.korhonen@example.fi",
        "email_verified": True,
        "given_name": "Aino",
        "family_name": "Korhonen",
    },
    "ebba": {
        "employee_id": "SSO002",
        "email": "ebba.lindqvist@example.fi",
        "email_verified": True,
        "given_name": "Ebba",
        "family_name": "Lindqvist",
    },
    "hr": {
        "employee_id": "SSO003",
        "email": "hr.person@example.fi",
        "email_verified": True,
        "groups": ["aspa-hr"],
    },
    "editor": {
        "employee_id": "SSO004",
        "email": "editor.person@example.fi",
        "email_verified": True,
        "groups": ["aspa-editors"],
    },
    "leaver": {"employee_id": "SSO005", "email": "leaver@example.fi", "email_verified": True},
    "stranger": {"employee_id": "X999", "email": "stranger@example.fi", "email_verified": True},
    # A new employee number with an address someone in the HR file already has.
    "newcomer": {
        "employee_id": "SSO777",
        "email": "aino.korhonen@example.fi",
        "email_verified": True,
    },
    # No employee number: matched by e-mail, verified or not.
    "by-email": {"email": "matti.by.email@example.fi", "email_verified": True},
    "unverified": {"email": "matti.by.email@example.fi", "email_verified": False},
}
GROUP_MAP = {"aspa-hr": "HR", "aspa-editors": "Editors", "aspa-moderators": "Moderators"}


def through_provider(browser: requests.Session, url: str, account: str, until: str) -> str:
    """Follow the provider's pages from `url`, logging in as `account` and consenting
    where asked, until it redirects to an address starting with `until`; return that."""
    for _ in range(20):
        response = browser.get(url, allow_redirects=False)
        if response.is_redirect:
            url = urljoin(url, response.headers["Location"])
            if url.startswith(until):
                return url
            continue
        response.raise_for_status()
        if 'name="prompt" value="login"' in response.text:
            data = {"prompt": "login", "login": account, "password": "any password"}
        elif 'name="prompt" value="consent"' in response.text:
            data = {"prompt": "consent"}
        else:
            raise AssertionError(f"unexpected provider page: {response.text[:300]}")
        posted = browser.post(url, data=data, allow_redirects=False)
        assert posted.is_redirect, posted.text[:300]
        url = urljoin(url, posted.headers["Location"])
    raise AssertionError("the provider never sent the browser back")


def callback_of(
    client, browser: requests.Session, account: str, start: str = "/oidc/authenticate/"
):
    """Start the sign-in on the site and come back from the provider: the callback's path
    and query, not yet opened."""
    started = client.get(start)
    assert started.status_code == 302, started
    callback = through_provider(browser, started["Location"], account, SITE)
    parts = urlsplit(callback)
    return f"{parts.path}?{parts.query}"


def sign_in(client, browser: requests.Session, account: str, **headers):
    """The whole sign-in; the callback's response."""
    return client.get(callback_of(client, browser, account), **headers)


def provider_logout(browser: requests.Session, url: str, until: str) -> str:
    """Confirm the provider's logout page; return where it sends the browser back."""
    page = browser.get(url, allow_redirects=True)
    page.raise_for_status()
    action = re.search(r'<form[^>]*id="op.logoutForm"[^>]*action="([^"]+)"', page.text)
    action = action or re.search(r'action="([^"]+)"[^>]*id="op.logoutForm"', page.text)
    xsrf = re.search(r'name="xsrf" value="([^"]+)"', page.text).group(1)
    response = browser.post(
        urljoin(page.url, action.group(1)),
        data={"xsrf": xsrf, "logout": "yes"},
        allow_redirects=False,
    )
    assert response.is_redirect, response.text[:300]
    back = urljoin(page.url, response.headers["Location"])
    assert back.startswith(until), back
    return back


def token_for_another_service(issuer: str, account: str) -> dict:
    """A real ID token the provider issued to another service (not us)."""
    browser = requests.Session()
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
    redirect_uri = "http://127.0.0.1:9/callback"
    query = urlencode(
        {
            "client_id": OTHER_CLIENT_ID,
            "response_type": "code",
            "scope": "openid email",
            "redirect_uri": redirect_uri,
            "state": "s" * 20,
            "nonce": "n" * 20,
            "code_challenge": challenge.decode(),
            "code_challenge_method": "S256",
        }
    )
    back = through_provider(browser, f"{issuer}/auth?{query}", account, redirect_uri)
    code = parse_qs(urlsplit(back).query)["code"][0]
    tokens = requests.post(
        f"{issuer}/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "client_id": OTHER_CLIENT_ID,
            "client_secret": "secret-of-another-service",
            "code_verifier": verifier,
        },
        timeout=10,
    )
    tokens.raise_for_status()
    return tokens.json()


def running_provider(site_urls: list[str], tmp_path_factory):
    """A started test provider for these site addresses (a generator for a fixture), or a
    skip saying why it cannot run here."""
    import pytest

    from tests.processes import IdentityProvider, identity_provider_missing

    missing = identity_provider_missing()
    if missing:
        pytest.skip(missing)
    provider = IdentityProvider(site_urls, ACCOUNTS, tmp_path_factory.mktemp("idp"))
    provider.start()
    yield provider
    provider.stop()


def use_provider(settings, provider):
    """Point the site's settings at the test provider, with the groups claim mapped."""
    for name, value in provider.settings().items():
        setattr(settings, name, value)
    settings.OIDC_GROUPS_CLAIM = "groups"
    settings.OIDC_GROUP_MAP = GROUP_MAP
    return provider

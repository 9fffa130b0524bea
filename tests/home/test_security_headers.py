"""Headers every page carries: the Content-Security-Policy (strict on learner and public
pages, the admin's own under /admin/), no caching of anything a signed-in person gets,
and SecurityMiddleware's nosniff, referrer and opener policies."""

import pytest

from tests.organisation.factories import StaffMemberFactory

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    directives = [d.strip().split() for d in response["Content-Security-Policy"].split(";")]
    return {d[0]: d[1:] for d in directives if d}


def test_learner_and_public_pages_have_the_strict_policy(client, home_pages):
    for url in ("/fi/accounts/login/", "/sv/verify/", "/en/accessibility/", "/fi/privacy/"):
        csp = policy(client.get(url))
        assert csp["script-src"] == ["'self'"], url
        assert csp["style-src"] == ["'self'"], url
        assert csp["object-src"] == ["'none'"]
        assert csp["base-uri"] == ["'none'"]
        assert csp["frame-ancestors"] == ["'none'"]
        assert csp["form-action"] == ["'self'"]


def test_signed_in_learner_pages_have_it_too(client, home_pages):
    member = StaffMemberFactory()
    client.force_login(member.user)
    response = client.get("/fi/")
    assert response.status_code == 200
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_the_admin_has_its_own_policy_and_only_there(client):
    csp = policy(client.get("/admin/login/"))
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]  # page previews are framed by the admin


def test_with_single_sign_on_forms_may_lead_to_the_provider(client, settings):
    settings.OIDC_ISSUER = "https://login.example.fi/tenant/v2.0"
    settings.OIDC_CLIENT_ID = "aspa"
    csp = policy(client.get("/fi/accounts/login/"))
    assert csp["form-action"] == ["'self'", "https://login.example.fi"]


def test_nothing_a_signed_in_person_gets_is_cached(client, home_pages):
    anonymous = client.get("/fi/accessibility/")
    assert "no-store" not in anonymous.get("Cache-Control", "")
    member = StaffMemberFactory()
    client.force_login(member.user)
    for url in ("/fi/", "/fi/certificates/", "/fi/accessibility/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
        assert "private" in response["Cache-Control"], url


def test_html_responses_carry_nosniff_referrer_and_opener_policies(client):
    response = client.get("/fi/accounts/login/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"

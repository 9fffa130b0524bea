"""Pages anyone reaches without logging in: login (with its error), logging out, and the
certificate verification form, its errors and its "not found" page; each checked with axe."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.e2e import data
from tests.e2e.helpers import check_page, log_in
from tests.organisation.factories import StaffMemberFactory, UserFactory

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_login_page_in_each_language(page, language):
    page.goto(f"/{language}/accounts/login/")
    assert page.locator("html").get_attribute("lang") == language
    check_page(page, f"login-{language}")


@pytest.mark.parametrize(
    ("language", "heading"),
    [("fi", "Tietosuojaseloste"), ("sv", "Dataskyddsbeskrivning"), ("en", "Privacy notice")],
)
def test_the_privacy_notice_is_reached_from_the_footer_in_each_language(page, language, heading):
    page.goto(f"/{language}/accounts/login/")
    page.locator("footer").get_by_role("link", name=heading).click()
    assert page.locator("h1").inner_text() == heading
    check_page(page, f"privacy-{language}")


def test_wrong_password_is_announced_then_login_and_logout_work(page, site_url):
    StaffMemberFactory(user=UserFactory(username="ville.e2e"))
    log_in(page, "ville.e2e", "väärä-salasana")
    assert page.get_by_role("alert").is_visible()
    assert page.locator("#id_username").get_attribute("aria-invalid") == "true"
    check_page(page, "login-error")

    log_in(page, "ville.e2e", data.PASSWORD)
    assert page.url.endswith("/fi/")
    with page.expect_navigation():
        page.locator("form.logout-form button").click()
    assert page.locator("form.logout-form").count() == 0
    check_page(page, "logged-out")


def test_verification_form_errors_and_unknown_code(page, site_url):
    page.goto("/sv/verify/")
    check_page(page, "verify-form-sv")
    page.locator("main form input[type=text]").fill("not a code!")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.get_by_role("alert").is_visible()
    check_page(page, "verify-form-error")

    response = page.goto("/en/verify/" + "A" * 32 + "/")
    assert response.status == 404
    check_page(page, "verify-unknown")


def test_a_page_that_breaks_the_content_security_policy_is_caught(page, context):
    """The guard every browser test relies on: an inline script on a learner page is blocked
    by the policy, and the violation reaches the test."""
    page.goto("/fi/accounts/login/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.appendChild(script);
        }"""
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.injected === undefined")
    assert [v["directive"] for v in context.csp_violations] == ["script-src-elem"]
    context.csp_violations.clear()

"""The accessibility statement and its feedback form in a real browser."""

import pytest
from django.core import mail
from django.core.cache import cache

from tests.e2e.helpers import check_page, follow

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_statement_is_accessible_in_each_language(page, language):
    page.goto(f"/{language}/accessibility/")
    assert page.locator("html").get_attribute("lang") == language
    check_page(page, f"accessibility-statement-{language}")


def test_statement_is_reached_from_the_login_page_footer(page):
    page.goto("/fi/accounts/login/")
    check_page(page, "login-fi")
    follow(page, page.locator("footer").get_by_role("link", name="Saavutettavuusseloste"))
    assert page.get_by_role("heading", level=1).inner_text() == "Saavutettavuusseloste"


def test_feedback_errors_are_announced_then_feedback_is_sent(page):
    page.goto("/en/accessibility/")
    form = page.locator("#feedback form")
    follow(page, form.get_by_role("button", name="Send feedback"))

    summary = page.get_by_role("alert")
    assert "Your feedback was not sent" in summary.inner_text()
    check_page(page, "accessibility-feedback-errors")
    # The summary links to the fields; following a link moves focus to the field.
    summary.get_by_role("link", name="Write your feedback.").click()
    assert page.evaluate("document.activeElement.id") == "id_message"

    page.get_by_label("I found an accessibility problem").check()
    page.get_by_label("Your feedback", exact=True).fill("The quiz timer is not announced.")
    page.get_by_label("Your e-mail address (optional)").fill("aino@example.fi")
    follow(page, form.get_by_role("button", name="Send feedback"))

    assert "Your feedback was sent" in page.get_by_role("status").inner_text()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].reply_to == ["aino@example.fi"]

"""The account pages people use without single sign-on, in a real browser and axe-checked:
"Forgot your password?" through to the new password, an invitation's first password, the
lockout page, the sign-in problem pages, and HR's invitation and lockout screens."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.cache import cache

from organisation.invitations import build_message
from organisation.models import Language
from tests.e2e import data
from tests.e2e.helpers import check_page, follow
from tests.organisation.factories import StaffMemberFactory, UserFactory, make_hr_user

pytestmark = pytest.mark.e2e
NEW_PASSWORD = "Kirjasto-ja-kahvi-2030"


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


def set_password(page, password: str = NEW_PASSWORD) -> None:
    page.locator("#id_new_password1").fill(password)
    page.locator("#id_new_password2").fill(password)
    follow(page, page.locator("main form button[type=submit]"))


@pytest.mark.parametrize(
    ("language", "forgot", "heading"),
    [
        ("fi", "Unohditko salasanasi?", "Tarkista sähköpostisi"),
        ("sv", "Glömt lösenordet?", "Kontrollera din e-post"),
        ("en", "Forgot your password?", "Check your e-mail"),
    ],
)
def test_forgot_password_to_a_new_password(page, site_url, language, forgot, heading):
    member = StaffMemberFactory(language=language)
    member.user.set_unusable_password()  # as the HR import leaves them
    member.user.save()
    mail.outbox.clear()
    page.goto(f"/{language}/accounts/login/")
    follow(page, page.get_by_role("link", name=forgot))
    check_page(page, f"password-reset-{language}")
    page.locator("#id_email").fill(member.email)
    follow(page, page.locator("main form button[type=submit]"))
    assert page.locator("h1").inner_text() == heading
    check_page(page, f"password-reset-sent-{language}")

    link = re.search(r"https?://\S+/accounts/password/reset/\S+/", mail.outbox[0].body).group(0)
    page.goto("/" + link.split("/", 3)[3])
    check_page(page, f"password-choose-{language}")
    set_password(page, "12345678")  # too weak: the errors are announced and linked
    assert page.get_by_role("alert").is_visible()
    check_page(page, f"password-choose-error-{language}")
    set_password(page)
    check_page(page, f"password-saved-{language}")


def test_an_invitation_gives_a_first_password_and_my_learning(page, site_url):
    member = StaffMemberFactory(language=Language.SWEDISH, first_name="Ebba")
    member.user.set_unusable_password()
    member.user.save()
    link = re.search(r"https?://\S+/accounts/invitation/\S+/", build_message(member).body).group(0)
    page.goto("/" + link.split("/", 3)[3])
    assert page.locator("h1").inner_text() == "Välkommen till lärplattformen"
    check_page(page, "invitation-sv")
    set_password(page)
    assert page.url.endswith("/sv/")
    assert page.locator("h1").inner_text() == "Min utbildning"


def test_the_lockout_page(page, site_url):
    StaffMemberFactory(user=UserFactory(username="lukittu.e2e"))
    for _ in range(5):
        page.goto("/fi/accounts/login/")
        page.locator("#id_username").fill("lukittu.e2e")
        page.locator("#id_password").fill("väärin")
        follow(page, page.locator("main form button[type=submit]"))
    assert page.locator("h1").inner_text() == "Liian monta epäonnistunutta kirjautumista"
    check_page(page, "locked-out-fi")


@pytest.mark.parametrize("reason", ["unknown", "inactive", "expired"])
def test_the_sign_in_problem_pages(page, site_url, reason):
    page.goto(f"/en/accounts/sign-in/{reason}/")
    check_page(page, f"sign-in-problem-{reason}-en")


def test_hr_invitation_and_lockout_screens(browser, site_url, eager_tasks):
    hr = make_hr_user(city_wide=True, username="hilkka.hr")
    member = StaffMemberFactory(first_name="Väinö")
    member.user.set_unusable_password()
    member.user.save()
    context = browser.new_context(base_url=site_url, locale="fi-FI")
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("#id_username").fill(hr.username)
    page.locator("#id_password").fill(data.PASSWORD)
    follow(page, page.locator("form button[type=submit]"))
    page.goto("/admin/organisation/invitations/")
    check_page(page, "hr-invitations")
    page.goto(f"/admin/organisation/invitations/staff/{member.pk}/")
    check_page(page, "hr-invite-one")
    follow(page, page.locator("main form button[type=submit]"))
    assert mail.outbox[-1].to == [member.email]
    page.goto("/admin/organisation/lockouts/")
    check_page(page, "hr-lockouts")
    page.goto(f"/admin/reports/personal-data/{member.pk}/")
    check_page(page, "hr-personal-data")
    context.close()

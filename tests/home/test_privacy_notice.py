"""The privacy notice: one page per language, linked from every page's footer."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading", "phrase"),
    [
        ("fi", "Tietosuojaseloste", "Yksityisyyden suojasta työelämässä annetun lain (759/2004)"),
        ("sv", "Dataskyddsbeskrivning", "lagen om integritetsskydd i arbetslivet (759/2004)"),
        ("en", "Privacy notice", "Act on the Protection of Privacy in Working Life (759/2004)"),
    ],
)
def test_the_notice_is_in_the_pages_language_with_the_contact(
    client, settings, language, heading, phrase
):
    settings.PRIVACY_CONTACT_EMAIL = "tietosuoja@kaupunki.example"
    response = client.get(f"/{language}/privacy/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert phrase in html
    assert 'href="mailto:tietosuoja@kaupunki.example"' in html
    # The footer of every page links to it, in the page's language.
    login = client.get(f"/{language}/accounts/login/").content.decode()
    assert f'<a href="/{language}/privacy/">{heading}</a>' in login

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings

pytestmark = pytest.mark.django_db

URL = "/{}/accessibility/"
VALID = {"topic": "problem", "page": "/fi/", "message": "Kontrasti on liian heikko.", "email": ""}


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("language", "heading", "authority"),
    [
        ("fi", "Saavutettavuusseloste", "Etelä-Suomen aluehallintovirasto"),
        ("sv", "Tillgänglighetsutlåtande", "Regionförvaltningsverket i Södra Finland"),
        (
            "en",
            "Accessibility statement",
            "Regional State Administrative Agency for Southern Finland",
        ),
    ],
)
def test_statement_is_public_in_each_language(client, language, heading, authority):
    response = client.get(URL.format(language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert authority in html
    assert "saavutettavuusvaatimukset.fi" in html
    assert f'lang="{language}"' in html


def test_statement_has_the_sections_the_act_requires(client):
    html = client.get(URL.format("en")).content.decode()
    for section in (
        "Compliance status",
        "Non-accessible content",
        "Preparation of this statement",
        "Feedback and contact information",
        "Supervisory authority",
    ):
        assert f">{section}</h2>" in html
    assert "partially meets the accessibility requirements" in html
    assert "28 November 2026" in html


@override_settings(ACCESSIBILITY_FEEDBACK_EMAIL="saavutettavuus@kaupunki.example.fi")
def test_statement_shows_the_feedback_address(client):
    html = client.get(URL.format("fi")).content.decode()
    assert 'href="mailto:saavutettavuus@kaupunki.example.fi"' in html


def test_footer_links_to_the_statement(client):
    html = client.get("/sv/accounts/login/").content.decode()
    assert 'href="/sv/accessibility/"' in html
    assert "Tillgänglighetsutlåtande" in html


@override_settings(ACCESSIBILITY_FEEDBACK_EMAIL="saavutettavuus@kaupunki.example.fi")
def test_feedback_is_mailed_to_the_configured_address(client):
    data = dict(VALID, email="aino@example.fi", name="Aino")
    response = client.post(URL.format("sv"), data)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["saavutettavuus@kaupunki.example.fi"]
    assert message.reply_to == ["aino@example.fi"]
    assert "Kontrasti on liian heikko." in message.body
    # Written for the maintainers in the site's default language, whatever the page's.
    assert message.subject.startswith("Saavutettavuuspalaute")
    assert "Sivun kieli: ruotsi" in message.body  # the page's language, named in Finnish
    follow = client.get(response["Location"])
    assert "Din respons har skickats" in follow.content.decode()


def test_anonymous_feedback_has_no_reply_to(client):
    client.post(URL.format("fi"), VALID)
    assert mail.outbox[0].reply_to == []


def test_missing_fields_are_announced_and_linked(client):
    response = client.post(URL.format("fi"), {"topic": "", "message": "", "email": "ei-osoite"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'href="#id_topic_0"' in html
    assert 'href="#id_message"' in html
    assert 'href="#id_email"' in html
    assert "Kirjoita palautteesi." in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_message_error"' in html
    assert not mail.outbox


@pytest.mark.parametrize(
    "tampered",
    [
        {"topic": "score"},
        {"message": "x" * 5001},
        {"page": "y" * 501},
    ],
)
def test_tampered_post_is_a_bad_request(client, tampered):
    response = client.post(URL.format("fi"), dict(VALID, **tampered))
    assert response.status_code == 400
    assert not mail.outbox


def test_post_without_csrf_token_is_refused():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL.format("fi"), VALID)
    assert response.status_code == 403
    assert not mail.outbox


def test_feedback_is_rate_limited_per_address(client):
    for _ in range(10):
        assert client.post(URL.format("fi"), VALID).status_code == 302
    response = client.post(URL.format("fi"), VALID)
    assert response.status_code == 429
    assert len(mail.outbox) == 10
    # Reading the statement is never limited.
    assert client.get(URL.format("fi")).status_code == 200


def test_other_methods_are_not_allowed(client):
    assert client.put(URL.format("fi")).status_code == 405

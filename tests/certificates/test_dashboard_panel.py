import datetime

import pytest
import time_machine
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from certificates.services import issue_for_cycle

pytestmark = pytest.mark.django_db

PANEL = Template("{% load certificate_tags %}{% my_certificates %}")


def render_panel(user) -> str:
    request = RequestFactory().get("/en/")
    request.user = user
    with translation.override("en"):
        return PANEL.render(Context({"request": request}))


@pytest.fixture
def certificate(cycle):  # issued 2026-03-02, expires 2028-03-02
    certificate, _ = issue_for_cycle(cycle)
    return certificate


def test_panel_shows_expires_soon_within_60_days(certificate):
    with time_machine.travel(datetime.datetime(2028, 1, 5, 12, tzinfo=datetime.UTC)):
        html = render_panel(certificate.staff.user)
    assert "Expires soon" in html
    assert "You hold 1 valid certificate." in html


def test_panel_is_quiet_long_before_expiry(certificate):
    with time_machine.travel(datetime.datetime(2027, 6, 1, 12, tzinfo=datetime.UTC)):
        html = render_panel(certificate.staff.user)
    assert "Expires soon" not in html
    assert "Expired" not in html


def test_panel_shows_expired_and_it_no_longer_counts(certificate):
    with time_machine.travel(datetime.datetime(2028, 3, 2, 12, tzinfo=datetime.UTC)):
        html = render_panel(certificate.staff.user)
    assert "Expired" in html
    assert "take the module again" in html
    assert "You hold 0 valid certificates." in html


def test_expired_certificate_makes_the_module_required_again(certificate):
    from courses.services import current_cycle

    staff, key = certificate.staff, certificate.module_key
    with time_machine.travel(datetime.datetime(2028, 3, 1, 12, tzinfo=datetime.UTC)):
        assert current_cycle(staff, key).pk == certificate.cycle_id
    with time_machine.travel(datetime.datetime(2028, 3, 3, 12, tzinfo=datetime.UTC)):
        assert current_cycle(staff, key) is None  # the old cycle no longer counts
        new = current_cycle(staff, key, create=True)
    assert new.number == 2 and new.completed_at is None


def test_panel_renders_nothing_for_anonymous_users(db):
    from django.contrib.auth.models import AnonymousUser

    assert render_panel(AnonymousUser()).strip() == ""

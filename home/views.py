from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from learning.languages import text_language
from organisation.models import staff_for_user


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_success_url(self):
        url = self.get_redirect_url()
        if url:
            return url
        staff = staff_for_user(self.request.user)
        language = staff.language if staff else translation.get_language()
        return f"/{language}/"


class LogoutView(auth_views.LogoutView):
    """Log out (POST only) and redirect to a plain page, so reloading it or switching its
    language never repeats the POST."""

    next_page = "logged_out"


class LoggedOutView(TemplateView):
    template_name = "registration/logged_out.html"


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "down"
        return f"down: {exc.__class__.__name__}"
    return "ok"


def _check_broker() -> str | None:
    if not settings.CELERY_BROKER_URL:
        return None
    from learning.celery import app

    try:
        # The URL is read per request so a changed setting is honoured; one quick
        # attempt only: a health check must answer fast, not retry.
        with app.connection_for_write(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=0)
    except Exception as exc:  # noqa: BLE001
        return f"down: {exc.__class__.__name__}"
    return "ok"


@never_cache
@require_GET
def healthz(request):
    checks = {"database": _check_database()}
    broker = _check_broker()
    if broker is not None:
        checks["broker"] = broker
    healthy = all(v == "ok" for v in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )


PRIVACY_LANGUAGES = {"fi", "sv", "en"}


@require_GET
def privacy_notice(request):
    """The privacy notice of the platform, in the page's language."""
    return TemplateResponse(
        request,
        f"home/privacy/notice_{text_language(PRIVACY_LANGUAGES)}.html",
        {"contact": settings.PRIVACY_CONTACT_EMAIL},
    )

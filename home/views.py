from __future__ import annotations

import threading
import time

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from wagtail.admin.views import account as wagtail_account

from learning.languages import text_language
from organisation import oidc
from organisation.models import staff_for_user


class LoginView(auth_views.LoginView):
    """The learner's login page. With single sign-on, "Sign in with the city account" is the
    main action and the password form is kept for the accounts allowed it."""

    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sso_enabled"] = oidc.enabled()
        return context

    def get_success_url(self):
        url = self.get_redirect_url()
        if url:
            return url
        staff = staff_for_user(self.request.user)
        language = staff.language if staff else translation.get_language()
        return f"/{language}/"


class ProviderLogoutMixin:
    """A single sign-on session is ended at the city's provider too (RP-initiated logout),
    which then sends the browser back to the logged-out page."""

    def post(self, request, *args, **kwargs):
        provider_url = oidc.provider_logout_url(
            request, request.build_absolute_uri(reverse("oidc_logout_callback"))
        )
        response = super().post(request, *args, **kwargs)
        return HttpResponseRedirect(provider_url) if provider_url else response


class LogoutView(ProviderLogoutMixin, auth_views.LogoutView):
    """Log out (POST only) and redirect to a plain page, so reloading it or switching its
    language never repeats the POST."""

    next_page = "logged_out"


class AdminLogoutView(ProviderLogoutMixin, wagtail_account.LogoutView):
    """The Wagtail admin's logout, ending a single sign-on session at the provider too."""


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


_broker_checks: dict[str, tuple[float, str]] = {}
_broker_lock = threading.Lock()


def _check_broker() -> str | None:
    """Whether the broker answers. A health check is polled often (by the load balancer,
    every few seconds per process): each process connects at most once per
    HEALTHZ_BROKER_SECONDS and answers from its last result in between."""
    url = settings.CELERY_BROKER_URL
    if not url:
        return None
    with _broker_lock:
        checked = _broker_checks.get(url)
        if checked is not None and time.monotonic() - checked[0] < settings.HEALTHZ_BROKER_SECONDS:
            return checked[1]
        result = _connect_to_broker(url)
        _broker_checks[url] = (time.monotonic(), result)
        return result


def _connect_to_broker(url: str) -> str:
    from learning.celery import app

    try:
        # One quick attempt only: a health check must answer fast, not retry.
        with app.connection_for_write(url, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=0)
    except Exception as exc:  # noqa: BLE001
        return f"down: {exc.__class__.__name__}"
    return "ok"


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the static icon."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))


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
        {
            "contact": settings.PRIVACY_CONTACT_EMAIL,
            "leavers_months": settings.RETENTION_LEAVERS_MONTHS,
            "answers_months": settings.RETENTION_ANSWERS_MONTHS,
        },
    )


# The answer of the sign-in problem page (home.sso): a refusal is 403 unless said here.
SIGN_IN_PROBLEM_STATUS = {"invalid": 400, "provider": 503, "expired": 200, "cancelled": 200}


@never_cache
@require_GET
def sign_in_problem(request, reason: str):
    """Why single sign-on did not sign this person in, and whom to ask."""
    if reason not in oidc.REASONS:
        raise Http404
    return TemplateResponse(
        request,
        "home/sso_refused.html",
        {"reason": reason, "help_email": settings.SIGN_IN_HELP_EMAIL},
        status=SIGN_IN_PROBLEM_STATUS.get(reason, 403),
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out password login (429), on both login pages."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = TemplateResponse(
        request,
        "registration/locked_out.html",
        {"minutes": minutes, "help_email": settings.SIGN_IN_HELP_EMAIL},
        status=429,
    )
    response["Cache-Control"] = "no-store"
    # Returned by Axes' middleware after the view's response was rendered: render it here.
    return response.render()

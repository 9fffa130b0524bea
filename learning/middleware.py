import time
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import SuspiciousOperation
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

# Paths outside i18n_patterns: a 404 there is final, never a redirect to /fi/<path>.
UNPREFIXED = (
    "/admin/",
    "/api/",
    "/documents/",
    "/healthz",
    "/static/",
    "/media/",
    "/i18n/",
    "/oidc/",
)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware redirects any 404 to its language-prefixed twin when that
    path resolves. Wagtail's catch-all page route resolves every path, so admin and API
    404s would bounce to /fi/admin/... first. Those paths keep their 404."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)


class RejectNulCharactersMiddleware:
    """A NUL character in a query string or a form field is never typed by a person: the
    request is malformed or tampered with, and answers 400 before any view sees it (the
    databases refuse NUL in text, which used to surface as a 500 deep inside a search).
    The API answers in JSON, every other path with the site's 400 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request.GET) or (
            request.method == "POST"
            and request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data")
            and _has_nul(request.POST)
        ):
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": "NUL characters are not allowed."}, status=400)
            raise SuspiciousOperation("NUL character in request parameters")
        return self.get_response(request)


def _has_nul(params) -> bool:
    return any("\x00" in key or any("\x00" in v for v in params.getlist(key)) for key in params)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's header, with the admin's own policy under /admin/
    (`ADMIN_CONTENT_SECURITY_POLICY`) and, with single sign-on on, the provider's origin in
    form-action: the browser checks a form's redirects too, and logging out redirects to the
    provider's end-session page."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and request.path_info.startswith("/admin/"):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        if settings.OIDC_ISSUER and settings.OIDC_CLIENT_ID:
            issuer = urlsplit(settings.OIDC_ISSUER)
            parts.update = {
                **(parts.update or {}),
                "form-action": [f"{issuer.scheme}://{issuer.netloc}"],
            }
        return parts


class PrivateResponsesMiddleware:
    """Nothing a signed-in person (or an API token) receives is stored by a browser or a
    proxy: `Cache-Control: no-store` (Django's never-cache headers) on every such response,
    pages and exports alike."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or "HTTP_AUTHORIZATION" in request.META:
            if "no-store" not in response.get("Cache-Control", ""):
                add_never_cache_headers(response)
        return response


SESSION_STARTED = "aspa_session_started"
SESSION_SEEN = "aspa_session_seen"
# A request refreshes "last seen" at most this often, so most requests write no session.
SEEN_RESOLUTION_SECONDS = 60


class SessionLifetimeMiddleware:
    """Signed-in sessions end after `SESSION_IDLE_SECONDS` without a request and
    `SESSION_MAX_SECONDS` after they began, on the next request: the person is logged out
    (the audit trail says why) and sent to the login page, which brings them back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            ended = self._check(request)
            if ended is not None:
                return ended
        return self.get_response(request)

    def _check(self, request):
        from organisation.models import AuditEvent  # an app's model: imported when needed

        session = request.session
        now = int(time.time())
        started = session.get(SESSION_STARTED)
        seen = session.get(SESSION_SEEN, started)
        if started is None:
            session[SESSION_STARTED] = session[SESSION_SEEN] = now
            return None
        if now - started > settings.SESSION_MAX_SECONDS:
            reason = "max_age"
        elif now - seen > settings.SESSION_IDLE_SECONDS:
            reason = "idle"
        else:
            if now - seen >= SEEN_RESOLUTION_SECONDS:
                session[SESSION_SEEN] = now
            return None
        user = request.user
        AuditEvent.record(
            user, "auth.session_ended", user.get_username(), request=request, reason=reason
        )
        logout(request)
        login_url = (
            reverse("wagtailadmin_login") if request.path_info.startswith("/admin/") else None
        )
        return redirect_to_login(request.get_full_path(), login_url)

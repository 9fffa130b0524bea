"""The single sign-on endpoints (outside the language prefix, so the addresses registered at
the city's provider never change): start, callback, the provider's back-channel logout,
and the page the provider's logout returns to.

The rules (discovery, token validation, who may sign in) live in `organisation.oidc`; these
views only turn their outcome into a page."""

from __future__ import annotations

import requests
from django.conf import settings
from django.contrib import auth
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import View
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from organisation import oidc
from organisation.models import AuditEvent, staff_for_user

# What the provider answers to a silent re-check when its own session has ended.
SESSION_ENDED_ERRORS = {
    "login_required",
    "interaction_required",
    "consent_required",
    "account_selection_required",
}


def refused_page(
    request, refusal: oidc.SignInRefused, *, sign_out: bool = True
) -> HttpResponseRedirect:
    """Record the refusal, make sure nobody stays signed in, and send the browser to the
    page that explains it in the person's language (a page of its own, so that reloading it
    or switching its language never replays the provider's answer)."""
    oidc.audit_refusal(request, refusal)
    if sign_out and request.user.is_authenticated:
        auth.logout(request)
    response = HttpResponseRedirect(reverse("sso_refused", kwargs={"reason": refusal.reason}))
    response["Cache-Control"] = "no-store"
    return response


class SignInView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider with state, nonce and a PKCE challenge."""

    get_settings = staticmethod(oidc.oidc_setting)

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)

    def get(self, request):
        if not oidc.enabled():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = oidc.oidc_setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except (requests.RequestException, ImproperlyConfigured) as exc:
            return refused_page(request, oidc.SignInRefused("provider", detail=str(exc)))
        self.OIDC_RP_CLIENT_ID = settings.OIDC_CLIENT_ID
        response = super().get(request)
        response["Cache-Control"] = "no-store"
        return response


class CallbackView(OIDCAuthenticationCallbackView):
    """The provider's answer: signs the person in, or explains on a page why not."""

    get_settings = staticmethod(oidc.oidc_setting)

    def get(self, request):
        if not oidc.enabled():
            raise Http404
        error = request.GET.get("error")
        state = request.GET.get("state")
        if state not in request.session.get("oidc_states", {}) or not (
            error or "code" in request.GET
        ):
            # A forged, altered or replayed answer: the state was never ours or is spent. It
            # signs nobody out (a link to this address must not end someone's session).
            return refused_page(
                request,
                oidc.SignInRefused("invalid", detail="unknown or spent state"),
                sign_out=False,
            )
        return super().get(request)

    @property
    def success_url(self):
        # The silent re-check stores the page it interrupted unchecked: check it here.
        next_url = self.request.session.get("oidc_login_next")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, {self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return next_url
        staff = staff_for_user(self.user)
        return f"/{staff.language if staff else translation.get_language()}/"

    def login_success(self):
        response = super().login_success()
        response["Cache-Control"] = "no-store"
        return response

    def login_failure(self):
        error = self.request.GET.get("error")
        if error:
            reason = "expired" if error in SESSION_ENDED_ERRORS else "cancelled"
            refusal = oidc.SignInRefused(reason, detail=error)
        else:
            refusal = getattr(self.request, "sso_refusal", None) or oidc.SignInRefused(
                "invalid", detail="authentication failed"
            )
        return refused_page(self.request, refusal)


@csrf_exempt
@require_POST
@never_cache
def backchannel_logout(request):
    """OpenID Connect Back-Channel Logout: the provider names a person or a session that
    has ended there; every matching local session ends here too."""
    if not oidc.enabled():
        raise Http404
    try:
        claims = oidc.verify_logout_token(request.POST.get("logout_token", ""))
    except SuspiciousOperation as exc:
        AuditEvent.record(None, "auth.sso_logout_refused", "", request=request, detail=str(exc))
        return HttpResponse(status=400)
    ended = oidc.end_sso_sessions(str(claims.get("sub", "")), str(claims.get("sid", "")))
    AuditEvent.record(
        None, "auth.sso_logout", str(claims.get("sub", "")), request=request, sessions=ended
    )
    return HttpResponse(status=200)


def logged_out(request):
    """Where the provider's logout sends the browser back: the logged-out page in the
    person's language."""
    return HttpResponseRedirect(reverse("logged_out"))


urlpatterns = [
    path("authenticate/", SignInView.as_view(), name="oidc_authentication_init"),
    path("callback/", never_cache(CallbackView.as_view()), name="oidc_authentication_callback"),
    path("backchannel-logout/", backchannel_logout, name="oidc_backchannel_logout"),
    path("logged-out/", logged_out, name="oidc_logout_callback"),
]

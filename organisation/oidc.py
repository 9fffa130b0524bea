"""Single sign-on with the city's OpenID Connect provider.

mozilla-django-oidc runs the authorization code flow (state, nonce and PKCE S256 in the
session). This module gives it what it lacks or leaves open:

- the provider's endpoints from discovery (`OIDC_ISSUER/.well-known/openid-configuration`),
  fetched lazily and cached, so a provider that is down never stops the site from starting;
- ID-token validation of the signature, `iss`, `aud` (and `azp`), `exp` and `iat`;
- the rule that nobody is created by logging in: the claims are matched to an existing,
  active `StaffMember` from the HR import (`match_staff`), and a refusal carries a reason
  that the sign-in page explains in the person's language (and the audit trail records);
- groups from an optional claim (`OIDC_GROUPS_CLAIM`, `OIDC_GROUP_MAP`);
- the provider's back-channel logout token (`verify_logout_token`).

Password login with SSO on is for the accounts named in `PASSWORD_LOGIN_USERS` only
(`organisation.backends.PasswordBackend`).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import jwt
import requests
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.db import transaction
from django.urls import reverse
from django.utils.deprecation import MiddlewareMixin
from django.utils.functional import cached_property
from mozilla_django_oidc import middleware as mdo_middleware
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from .backends import session_user
from .models import AuditEvent, StaffMember, UserSession

logger = logging.getLogger(__name__)

BACKEND_PATH = "organisation.oidc.CityAccountBackend"
LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout"

# mozilla-django-oidc setting name -> key of the provider's discovery document.
DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}
# Ours -> theirs: the deployment sets OIDC_CLIENT_ID/OIDC_CLIENT_SECRET.
RENAMED = {
    "OIDC_RP_CLIENT_ID": "OIDC_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET": "OIDC_CLIENT_SECRET",
    "OIDC_RP_SCOPES": "OIDC_SCOPES",
}

_memo: dict[str, tuple[float, dict]] = {}


def enabled() -> bool:
    """SSO is on when the provider and our client are configured."""
    return bool(settings.OIDC_ISSUER and settings.OIDC_CLIENT_ID)


def provider_metadata() -> dict:
    """The provider's discovery document, cached in the process and in the shared cache.

    Raises `requests.RequestException` or `ImproperlyConfigured` (an issuer that does not
    match) when it cannot be read; callers turn that into a clear page."""
    issuer = settings.OIDC_ISSUER
    now = time.monotonic()
    hit = _memo.get(issuer)
    if hit and hit[0] > now:
        return hit[1]
    key = f"oidc:metadata:{issuer}"
    metadata = cache.get(key)
    if metadata is None:
        response = requests.get(
            issuer.rstrip("/") + "/.well-known/openid-configuration",
            timeout=settings.OIDC_TIMEOUT,
        )
        response.raise_for_status()
        metadata = response.json()
        if metadata.get("issuer") != issuer:
            raise ImproperlyConfigured(
                f"OIDC_ISSUER is {issuer!r} but the provider says it is {metadata.get('issuer')!r}"
            )
        cache.set(key, metadata, settings.OIDC_DISCOVERY_SECONDS)
    _memo[issuer] = (now + settings.OIDC_DISCOVERY_SECONDS, metadata)
    return metadata


def oidc_setting(attr: str, *default):
    """mozilla-django-oidc's settings lookup, with the endpoints from discovery."""
    if attr in DISCOVERED:
        return provider_metadata()[DISCOVERED[attr]]
    if attr in RENAMED:
        return getattr(settings, RENAMED[attr])
    return import_from_settings(attr, *default)


# ---------------------------------------------------------------------------------------------
# Refusals


REASONS = (
    "unknown",
    "inactive",
    "unverified",
    "ambiguous",
    "invalid",
    "provider",
    "cancelled",
    "expired",
)


class SignInRefused(Exception):
    """Nobody is signed in; `reason` (one of REASONS) says why, for the page and the audit."""

    def __init__(self, reason: str, identifier: str = "", detail: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.identifier = identifier
        self.detail = detail


def audit_refusal(request, refusal: SignInRefused) -> None:
    AuditEvent.record(
        None,
        "auth.sso_refused",
        refusal.identifier,
        request=request,
        reason=refusal.reason,
        detail=refusal.detail[:500],
    )


# ---------------------------------------------------------------------------------------------
# Claims -> person


@dataclass(frozen=True)
class Identity:
    subject: str
    session: str


def match_staff(claims: dict) -> StaffMember:
    """The existing staff member these claims name, or SignInRefused.

    The employee number claim (`OIDC_EMPLOYEE_ID_CLAIM`) decides when the provider sends
    it; without it, the e-mail, and only a verified one that one active person has."""
    claim = settings.OIDC_EMPLOYEE_ID_CLAIM
    employee_id = str(claims.get(claim) or "").strip() if claim else ""
    if employee_id:
        # The provider names the person: that number or nobody. (Falling back to the e-mail
        # here would sign in whoever else has the address, with another number.)
        staff = StaffMember.objects.select_related("user").filter(employee_id=employee_id).first()
        if staff is None:
            raise SignInRefused("unknown", employee_id)
    else:
        email = str(claims.get("email") or "").strip()
        if not email:
            raise SignInRefused("unknown", str(claims.get("sub", "")))
        if claims.get("email_verified") is not True:
            raise SignInRefused("unverified", email)
        same_email = StaffMember.objects.select_related("user").filter(email__iexact=email)
        found = list(same_email.filter(active=True)[:2]) or list(same_email[:1])
        if len(found) > 1:
            raise SignInRefused("ambiguous", email)
        if not found:
            raise SignInRefused("unknown", email)
        staff = found[0]
    if not staff.active or not staff.user.is_active:
        raise SignInRefused("inactive", staff.employee_id)
    return staff


def apply_claims(staff: StaffMember, claims: dict) -> None:
    """Refresh what the settings say the provider owns: names and e-mail
    (`OIDC_UPDATE_PROFILE`), and the mapped groups (`OIDC_GROUPS_CLAIM`)."""
    user = staff.user
    if settings.OIDC_UPDATE_PROFILE:
        changed = {}
        for field, claim in (
            ("first_name", "given_name"),
            ("last_name", "family_name"),
            ("email", "email"),
        ):
            value = str(claims.get(claim) or "").strip()
            if field == "email" and claims.get("email_verified") is not True:
                continue
            if value and getattr(staff, field) != value:
                changed[field] = value
        if changed:
            StaffMember.objects.filter(pk=staff.pk).update(**changed)
            type(user).objects.filter(pk=user.pk).update(**changed)
    group_claim = settings.OIDC_GROUPS_CLAIM
    if group_claim and settings.OIDC_GROUP_MAP:
        values = claims.get(group_claim) or []
        if isinstance(values, str):
            values = values.split()
        wanted_names = {settings.OIDC_GROUP_MAP[v] for v in values if v in settings.OIDC_GROUP_MAP}
        managed = Group.objects.filter(name__in=set(settings.OIDC_GROUP_MAP.values()))
        current = set(user.groups.filter(pk__in=managed).values_list("name", flat=True))
        if current != wanted_names:
            user.groups.remove(*[g for g in managed if g.name in current - wanted_names])
            user.groups.add(*[g for g in managed if g.name in wanted_names - current])
            AuditEvent.record(
                None,
                "auth.sso_groups",
                user.get_username(),
                added=sorted(wanted_names - current),
                removed=sorted(current - wanted_names),
            )


# ---------------------------------------------------------------------------------------------
# The authentication backend


def decode_provider_token(token: str, key, required: list[str]) -> dict:
    """A token signed by the provider with the configured algorithm, for our audience, from
    the configured issuer, not expired (when it says when it expires), with `required`
    claims; raises PyJWT's error otherwise."""
    return jwt.decode(
        token,
        key,
        algorithms=[settings.OIDC_RP_SIGN_ALGO],
        audience=settings.OIDC_CLIENT_ID,
        issuer=settings.OIDC_ISSUER,
        leeway=settings.OIDC_CLOCK_SKEW_SECONDS,
        options={"require": required},
    )


class CityAccountBackend(OIDCAuthenticationBackend):
    """Signs in the staff member the provider vouches for; never creates anyone."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        # The parent reads every endpoint here; Django builds a backend for each request's
        # `request.user`, so the endpoints are read only when a sign-in needs them.
        from django.contrib.auth import get_user_model

        self.UserModel = get_user_model()

    OIDC_OP_TOKEN_ENDPOINT = property(lambda self: oidc_setting("OIDC_OP_TOKEN_ENDPOINT"))
    OIDC_OP_USER_ENDPOINT = property(lambda self: oidc_setting("OIDC_OP_USER_ENDPOINT"))
    OIDC_OP_JWKS_ENDPOINT = property(lambda self: oidc_setting("OIDC_OP_JWKS_ENDPOINT"))
    OIDC_RP_CLIENT_ID = property(lambda self: settings.OIDC_CLIENT_ID)
    OIDC_RP_CLIENT_SECRET = property(lambda self: settings.OIDC_CLIENT_SECRET)
    OIDC_RP_SIGN_ALGO = property(lambda self: settings.OIDC_RP_SIGN_ALGO)
    OIDC_RP_IDP_SIGN_KEY = None

    def authenticate(self, request, **kwargs):
        if request is None or not enabled() or "code" not in request.GET:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except SignInRefused as refusal:
            request.sso_refusal = refusal
        except SuspiciousOperation as exc:
            request.sso_refusal = SignInRefused("invalid", detail=str(exc))
        except requests.HTTPError as exc:
            # The provider refused the code (used already, expired, not ours): 4xx.
            status = exc.response.status_code if exc.response is not None else 500
            reason = "invalid" if 400 <= status < 500 else "provider"
            request.sso_refusal = SignInRefused(reason, detail=str(exc)[:500])
        except (jwt.PyJWTError, KeyError, TypeError) as exc:
            # A token or key the provider should not have sent (no id_token, no kid, ...).
            request.sso_refusal = SignInRefused("invalid", detail=repr(exc)[:500])
        except (requests.RequestException, ImproperlyConfigured, ValueError) as exc:
            request.sso_refusal = SignInRefused("provider", detail=str(exc)[:500])
        return None

    def _verify_jws(self, payload, key):
        """The signature with the provider's key and algorithm, and the claims every ID token
        must carry: our audience, the configured issuer, not expired, issued in the past."""
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(f"ID token algorithm {header.get('alg')!r} is not allowed")
        try:
            claims = decode_provider_token(payload, key, ["exp", "iat", "iss", "aud", "sub"])
        except jwt.PyJWTError as exc:
            raise SuspiciousOperation(f"ID token refused: {exc}") from exc
        audience = claims["aud"]
        if isinstance(audience, list) and len(audience) > 1:
            if claims.get("azp") != settings.OIDC_CLIENT_ID:
                raise SuspiciousOperation("ID token for several audiences without our azp")
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") != payload.get("sub"):
            raise SignInRefused("invalid", detail="userinfo subject differs from the ID token")
        claims = {**payload, **userinfo}
        with transaction.atomic():
            staff = match_staff(claims)
            apply_claims(staff, claims)
        self.request.sso_identity = Identity(
            subject=str(payload["sub"]), session=str(payload.get("sid", ""))
        )
        staff.user.refresh_from_db()
        return staff.user

    def get_user(self, user_id):
        user = session_user(user_id)
        return user if user is not None and user.is_active else None


# ---------------------------------------------------------------------------------------------
# Logout


def provider_logout_url(request, post_logout_redirect_uri: str) -> str | None:
    """Where to send the browser so the provider ends its session too (RP-initiated
    logout), or None when this session is not a single sign-on one or the provider has no
    end-session endpoint. Read before the local session is flushed."""
    from urllib.parse import urlencode

    from django.contrib.auth import BACKEND_SESSION_KEY

    if not enabled() or request.session.get(BACKEND_SESSION_KEY) != BACKEND_PATH:
        return None
    try:
        endpoint = provider_metadata().get("end_session_endpoint")
    except (requests.RequestException, ImproperlyConfigured):
        return None
    if not endpoint:
        return None
    params = {
        "client_id": settings.OIDC_CLIENT_ID,
        "post_logout_redirect_uri": post_logout_redirect_uri,
    }
    id_token = request.session.get("oidc_id_token")
    if id_token:
        params["id_token_hint"] = id_token
    return f"{endpoint}?{urlencode(params)}"


def verify_logout_token(token: str) -> dict:
    """The claims of a valid back-channel logout token, or SuspiciousOperation.

    OpenID Connect Back-Channel Logout 1.0, section 2.6: signed by the provider, our
    audience, the configured issuer, issued recently, the logout event, `sub` or `sid`, no
    nonce, and not seen before (its `jti`)."""
    backend = CityAccountBackend()
    try:
        jwt.get_unverified_header(token)  # garbage is refused before any call to the provider
        key = backend.retrieve_matching_jwk(token)
        claims = decode_provider_token(token, key, ["iat", "iss", "aud", "jti"])
    except (
        jwt.PyJWTError,
        KeyError,
        TypeError,
        ValueError,
        requests.RequestException,
        ImproperlyConfigured,
    ) as exc:
        raise SuspiciousOperation(f"logout token refused: {exc}") from exc
    if time.time() - claims["iat"] > settings.OIDC_LOGOUT_TOKEN_MAX_AGE_SECONDS:
        raise SuspiciousOperation("logout token too old")
    if not isinstance(claims.get("events"), dict) or LOGOUT_EVENT not in claims["events"]:
        raise SuspiciousOperation("logout token without the logout event")
    if "nonce" in claims:
        raise SuspiciousOperation("logout token with a nonce")
    if not claims.get("sub") and not claims.get("sid"):
        raise SuspiciousOperation("logout token names no subject or session")
    if not cache.add(
        f"oidc:logout-jti:{claims['jti']}", 1, settings.OIDC_LOGOUT_TOKEN_MAX_AGE_SECONDS * 2
    ):
        raise SuspiciousOperation("logout token replayed")
    return claims


def end_sso_sessions(subject: str, session: str = "") -> int:
    """End every local session of the person the provider's logout names (by its subject,
    or by the provider session when the token names only that), by the same rule as
    deactivation (`organisation.imports.end_sessions`); the number of sessions ended."""
    from .imports import end_sessions

    if subject:
        rows = UserSession.objects.filter(sso_subject=subject)
    elif session:
        rows = UserSession.objects.filter(sso_session=session)
    else:
        return 0
    return end_sessions(list(rows.values_list("user_id", flat=True).distinct()))


# ---------------------------------------------------------------------------------------------
# Re-checking signed-in people at the provider


class SessionRefresh(mdo_middleware.SessionRefresh):
    """mozilla-django-oidc's silent re-authentication (`prompt=none`) of single sign-on
    sessions every `OIDC_RECHECK_SECONDS`, with the endpoint read when it is needed. A person
    the provider no longer signs in, or whom the HR file has deactivated, is signed out
    (the callback refuses them). While the provider cannot be reached, sessions go on: the
    HR import still ends the sessions of everyone it deactivates."""

    def __init__(self, get_response):
        MiddlewareMixin.__init__(self, get_response)

    get_settings = staticmethod(oidc_setting)
    OIDC_STATE_SIZE = 32
    OIDC_NONCE_SIZE = 32
    OIDC_USE_NONCE = True
    OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
    OIDC_EXEMPT_URLS = property(lambda self: settings.OIDC_EXEMPT_URLS)
    OIDC_RP_SCOPES = property(lambda self: settings.OIDC_SCOPES)
    OIDC_RP_CLIENT_ID = property(lambda self: settings.OIDC_CLIENT_ID)
    OIDC_OP_AUTHORIZATION_ENDPOINT = property(
        lambda self: oidc_setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
    )

    @cached_property
    def exempt_urls(self):
        # Ours only: the library adds its own logout view's name, which this site does not use.
        names = ("oidc_authentication_init", "oidc_authentication_callback")
        return {reverse(name) for name in (*names, *settings.OIDC_EXEMPT_URLS)}

    def process_request(self, request):
        if not enabled():
            return None
        try:
            return super().process_request(request)
        except (requests.RequestException, ImproperlyConfigured, KeyError) as exc:
            logger.warning("single sign-on re-check skipped, provider unreachable: %s", exc)
            return None

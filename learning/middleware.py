from django.core.exceptions import SuspiciousOperation
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

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

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Paths outside i18n_patterns: a 404 there is final, never a redirect to /fi/<path>.
UNPREFIXED = ("/admin/", "/api/", "/documents/", "/healthz", "/static/", "/media/", "/i18n/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware redirects any 404 to its language-prefixed twin when that
    path resolves. Wagtail's catch-all page route resolves every path, so admin and API
    404s would bounce to /fi/admin/... first. Those paths keep their 404."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)

"""Keep the organisation admin area to HR with a plain 403.

Wagtail answers a user without admin access with a redirect to its login page, and a
permission error with a redirect to the dashboard. The organisation screens (staff lists,
imports) hold personal data, so a signed-in user outside HR gets a 403 instead.
"""

from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _

from .models import is_hr

NAMESPACE_PREFIX = "organisation_"


class HRAdminAreaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not match.namespace.startswith(NAMESPACE_PREFIX):
            return None
        user = request.user
        if user.is_authenticated and not is_hr(user):
            from .admin_scope import refused

            refused(request, "not_hr")
            return HttpResponseForbidden(_("This area is for HR only."))
        return None

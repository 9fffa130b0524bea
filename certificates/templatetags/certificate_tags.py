from __future__ import annotations

from django import template

from certificates.selectors import certificates_overview

register = template.Library()


@register.inclusion_tag("certificates/includes/my_certificates.html", takes_context=True)
def my_certificates(context):
    """The dashboard's certificate panel: expiring soon, expired, link to all."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"overview": None}
    return {"overview": certificates_overview(user), "request": request}


@register.simple_tag
def certificate_status_class(status: str, expires_soon: bool = False) -> str:
    if status == "valid":
        return "status--due-soon" if expires_soon else "status--completed"
    return "status--overdue"

"""The accessibility statement required by the Act on the Provision of Digital Services
(306/2019) and its feedback channel."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMessage
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from accessibility.forms import TOPIC_CHOICES, FeedbackForm
from learning.languages import text_language

# When the statement was prepared and last reviewed. Update both when the service is
# re-assessed; the statement shows them.
STATEMENT_PREPARED = datetime.date(2026, 11, 28)
STATEMENT_REVIEWED = datetime.date(2026, 11, 28)

# Feedback posts per client address; the page itself is never limited.
FEEDBACK_RATE = "10/h"

STATEMENT_LANGUAGES = {"fi", "sv", "en"}


def _statement_template() -> str:
    return f"accessibility/statement_{text_language(STATEMENT_LANGUAGES)}.html"


def send_feedback(data: dict, request) -> None:
    """E-mail one piece of accessibility feedback to the service's maintainers, in the
    site's default language; the sender's address (if given) is the reply-to."""
    with translation.override(settings.LANGUAGE_CODE):
        topics = dict(TOPIC_CHOICES)
        body = render_to_string(
            "accessibility/feedback_email.txt",
            {
                "topic": topics.get(data["topic"], data["topic"]),
                "page": data.get("page", ""),
                "message": data["message"],
                "name": data.get("name", ""),
                "email": data.get("email", ""),
                # In the e-mail's language: "ruotsi", not "Swedish".
                "language": translation.get_language_info(request.LANGUAGE_CODE)["name_translated"],
            },
        )
        subject = _("Accessibility feedback: %(topic)s") % {"topic": topics[data["topic"]]}
    EmailMessage(
        subject=subject,
        body=body,
        to=[settings.ACCESSIBILITY_FEEDBACK_EMAIL],
        reply_to=[data["email"]] if data.get("email") else None,
    ).send()


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=FEEDBACK_RATE, method="POST", block=False)
def statement(request):
    status = 200
    if request.method == "POST":
        if getattr(request, "limited", False):
            return render(
                request,
                "accessibility/limited.html",
                {"feedback_email": settings.ACCESSIBILITY_FEEDBACK_EMAIL},
                status=429,
            )
        form = FeedbackForm(request.POST)
        if form.is_tampered():
            return render(
                request,
                "400.html",
                {"message": _("The feedback form was not sent from this page. Reload the page.")},
                status=400,
            )
        if form.is_valid():
            send_feedback(form.cleaned_data, request)
            messages.success(
                request,
                _(
                    "Thank you. Your feedback was sent. If you gave your e-mail address, we reply "
                    "within 14 days."
                ),
            )
            return redirect(reverse("accessibility:statement"))
    else:
        form = FeedbackForm()
    context = {
        "form": form,
        "feedback_email": settings.ACCESSIBILITY_FEEDBACK_EMAIL,
        "prepared": STATEMENT_PREPARED,
        "reviewed": STATEMENT_REVIEWED,
    }
    return render(request, _statement_template(), context, status=status)

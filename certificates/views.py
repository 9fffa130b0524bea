"""Public verification, the learner's "My certificates" and PDF downloads."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited

from certificates.forms import VerifyForm
from certificates.models import Certificate, Status, normalise_code
from certificates.selectors import certificates_overview
from learning.queueing import publish
from organisation.models import AuditEvent

VERIFY_GROUP = "certificates.verify"


def _verify_rate(group, request) -> str:
    # Read on every request (not at import time) so deployments and tests can change it.
    return getattr(settings, "CERTIFICATE_VERIFY_RATE", "30/m")


def _rate_limited(request) -> bool:
    return is_ratelimited(
        request, group=VERIFY_GROUP, key="ip", rate=_verify_rate, method=ALL, increment=True
    )


def _too_many(request):
    response = render(request, "certificates/rate_limited.html", status=429)
    response["Retry-After"] = "60"
    return response


@require_GET
@never_cache
def verify_form(request):
    """A form to type a code; a typed code redirects to its canonical address."""
    if _rate_limited(request):
        return _too_many(request)
    form = VerifyForm(request.GET or None)
    if request.GET and form.is_valid():
        return HttpResponseRedirect(
            reverse("certificates:verify", kwargs={"code": form.cleaned_data["code"]})
        )
    return render(request, "certificates/verify_form.html", {"form": form})


@require_GET
@never_cache
def verify(request, code: str):
    """The verification result for `code`: valid, expired or revoked; 404 when unknown."""
    if _rate_limited(request):
        return _too_many(request)
    canonical = normalise_code(code)
    certificate = None
    if canonical is not None:
        if canonical != code:
            return HttpResponseRedirect(reverse("certificates:verify", kwargs={"code": canonical}))
        certificate = Certificate.objects.select_related("staff").filter(code=canonical).first()
    if certificate is None:
        # The form keeps what was typed, so a mistyped character can be corrected.
        form = VerifyForm(initial={"code": code})
        return render(request, "certificates/verify_unknown.html", {"form": form}, status=404)
    today = timezone.localdate()
    status = certificate.status_on(today)
    context = {
        "certificate": certificate,
        "holder_name": certificate.staff.full_name,
        "status": status,
        "Status": Status,
        "today": today,
    }
    response = render(request, "certificates/verify.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
@require_GET
def my_certificates(request):
    context = certificates_overview(request.user)
    return render(request, "certificates/my_certificates.html", context)


def content_disposition(filename: str, ascii_fallback: str) -> str:
    """`attachment` with an ASCII fallback and the RFC 5987 UTF-8 name."""
    return f"attachment; filename=\"{ascii_fallback}\"; filename*=UTF-8''{quote(filename)}"


@login_required
@require_GET
def download(request, pk: int):
    """The PDF, for the holder and for HR or supervisors whose scope includes the holder.

    Anyone else gets 404 (not 403), so the existence of a certificate is not revealed."""
    from certificates.pdf import ascii_filename, download_filename, pdf_exists

    certificate = (
        Certificate.objects.for_user(request.user).select_related("staff").filter(pk=pk).first()
    )
    if certificate is None or certificate.staff.anonymised_at is not None:
        raise Http404  # (an anonymised holder's PDF, which printed the name, is gone)
    if not pdf_exists(certificate):
        # Regenerate: with a worker this queues the job; embedded (eager) it renders now.
        publish("certificates.tasks.render_certificate_pdf", certificate.pk, force=True)
        certificate.refresh_from_db(fields=["pdf"])
        if not pdf_exists(certificate):
            response = render(
                request, "certificates/pdf_pending.html", {"certificate": certificate}, status=202
            )
            response["Retry-After"] = "5"
            return response
    if certificate.staff.user_id != request.user.pk:
        AuditEvent.record_request(
            request,
            "certificate.download",
            f"certificate:{certificate.pk}",
            staff=certificate.staff.employee_id,
        )
    name = download_filename(certificate)
    response = FileResponse(
        default_storage.open(certificate.pdf.name, "rb"), content_type="application/pdf"
    )
    response["Content-Disposition"] = content_disposition(name, ascii_filename(name))
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Language"] = certificate.language or get_language()
    return response

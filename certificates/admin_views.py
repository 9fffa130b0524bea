"""Wagtail admin screens of the certificates app: a certificate's page with the revoke
form (HR within scope), and the completions upload (preview, then confirm)."""

from __future__ import annotations

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from certificates.forms import ImportCompletionsForm, RevokeForm
from certificates.imports import import_completions
from certificates.models import Certificate
from certificates.services import CertificateError, revoke
from organisation.imports import ImportFailed
from organisation.models import StaffMember, is_hr

UPLOAD_MAX_BYTES = 5 * 1024 * 1024
SIGNING_SALT = "certificates.import_completions"


def _scoped_certificate(request, pk: int) -> Certificate:
    certificate = (
        Certificate.objects.for_user(request.user)
        .exclude(staff__user=request.user)  # nobody manages their own certificate
        .select_related("staff__service_point__division", "revoked_by")
        .filter(pk=pk)
        .first()
    )
    if certificate is None:
        raise Http404
    return certificate


def certificate_detail(request, pk: int):
    """A certificate for HR/supervisors; HR may revoke it with a reason."""
    certificate = _scoped_certificate(request, pk)
    may_revoke = (
        is_hr(request.user)
        and certificate.revoked_at is None
        and StaffMember.objects.for_user(request.user).filter(pk=certificate.staff_id).exists()
    )
    form = RevokeForm(request.POST or None) if may_revoke else None
    if request.method == "POST":
        if not may_revoke:
            raise PermissionDenied
        if form.is_valid():
            try:
                revoke(certificate, request.user, form.cleaned_data["reason"])
            except CertificateError:
                messages.error(request, _("The certificate was already revoked."))
            else:
                messages.success(request, _("The certificate was revoked."))
            return redirect("certificates_admin:detail", pk=certificate.pk)
    return TemplateResponse(
        request,
        "certificates/admin/detail.html",
        {"certificate": certificate, "form": form, "may_revoke": may_revoke},
    )


def import_completions_view(request):
    """Step 1: upload and preview (dry run). Step 2: confirm the very same file."""
    if not is_hr(request.user):
        raise PermissionDenied
    context: dict = {"form": ImportCompletionsForm()}
    if request.method == "POST" and "confirm" in request.POST:
        try:
            data = signing.loads(request.POST.get("payload", ""), salt=SIGNING_SALT, max_age=3600)
        except signing.BadSignature:
            return HttpResponseBadRequest(_("The confirmation was tampered with or expired."))
        if data.get("user") != request.user.pk:
            return HttpResponseBadRequest(_("The confirmation belongs to another user."))
        try:
            summary = import_completions(data["text"], user=request.user)
        except ImportFailed as exc:
            context["errors"] = exc.messages
        else:
            messages.success(
                request,
                _("Completions recorded: %(issued)d certificates issued, %(unchanged)d unchanged.")
                % {"issued": summary.issued, "unchanged": summary.unchanged},
            )
            return redirect("certificates_admin:import")
    elif request.method == "POST":
        form = ImportCompletionsForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > UPLOAD_MAX_BYTES:
                context["errors"] = [_("The file is larger than 5 MB.")]
            else:
                raw = upload.read()
                try:
                    text = raw.decode("utf-8-sig")
                    summary = import_completions(text, dry_run=True, user=request.user)
                except UnicodeDecodeError:
                    context["errors"] = [_("line 1: file: the file is not UTF-8 text")]
                except ImportFailed as exc:
                    context["errors"] = exc.messages
                else:
                    context["summary"] = summary
                    context["payload"] = signing.dumps(
                        {"user": request.user.pk, "text": text}, salt=SIGNING_SALT, compress=True
                    )
                    context["filename"] = upload.name
    return TemplateResponse(request, "certificates/admin/import.html", context)

"""HR screens in the Wagtail admin: the imports (upload, preview, confirm, progress) and the
login lockouts."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import invitations, lockout
from .admin_scope import refused
from .forms import ImportUploadForm
from .imports import SERVICE_POINT_COLUMNS, STAFF_COLUMNS
from .jobs import confirm_job, create_job, runs_in_background
from .models import ImportJob, Invitation, StaffMember, is_hr

# Errors shown on the preview page; the rest are counted (the full list is in the job).
MAX_ERRORS_SHOWN = 1000


class HROnlyMixin:
    """Only HR users; everyone else gets 403 (not a redirect, not a filtered page)."""

    def dispatch(self, request, *args, **kwargs):
        if not is_hr(request.user):
            refused(request, "not_hr")
            return HttpResponseForbidden(_("Only HR can use the imports."))
        return super().dispatch(request, *args, **kwargs)


class ImportBaseMixin(HROnlyMixin, WagtailAdminTemplateMixin):
    header_icon = "upload"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse_lazy("organisation_imports:upload"), "label": _("HR imports")},
    ]

    def get_job(self) -> ImportJob:
        """The user's own job; anyone else's (or a tampered id) is a 404."""
        return get_object_or_404(
            ImportJob.objects.select_related("owner"),
            pk=self.kwargs["pk"],
            owner=self.request.user,
        )


class UploadView(ImportBaseMixin, FormView):
    template_name = "organisation/imports/upload.html"
    form_class = ImportUploadForm
    page_title = _("HR imports")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["staff_columns"] = ",".join(STAFF_COLUMNS)
        context["service_point_columns"] = ",".join(SERVICE_POINT_COLUMNS)
        context["recent_jobs"] = ImportJob.objects.filter(owner=self.request.user).only(
            "pk", "kind", "filename", "status", "created_at", "row_count"
        )[:10]
        return context

    def form_valid(self, form):
        filename, content = form.cleaned_data["file"]
        job = create_job(
            self.request.user,
            form.cleaned_data["kind"],
            filename,
            content,
            form.cleaned_data["deactivate_missing"],
        )
        return redirect("organisation_imports:job", pk=job.pk)


class JobView(ImportBaseMixin, TemplateView):
    """Preview before confirming, progress while running, the result at the end."""

    template_name = "organisation/imports/job.html"
    page_title = _("Import")

    def get_context_data(self, **kwargs):
        job = self.get_job()
        context = super().get_context_data(**kwargs)
        context.update(
            job=job,
            errors=job.errors[:MAX_ERRORS_SHOWN],
            errors_hidden=max(0, len(job.errors) - MAX_ERRORS_SHOWN),
            in_background=runs_in_background(job),
            refresh=job.status in (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING),
            confirm_url=reverse("organisation_imports:confirm", args=[job.pk]),
        )
        return context


class ConfirmView(ImportBaseMixin, TemplateView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            job = self.get_job()
        except (ValueError, TypeError):
            raise Http404
        if job.errors:
            return HttpResponseBadRequest(_("This file has errors and cannot be imported."))
        confirm_job(job)
        return redirect("organisation_imports:job", pk=job.pk)


class LockoutsView(HROnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Who cannot log in with a password now (too many failures), and lifting it."""

    template_name = "organisation/lockouts.html"
    page_title = _("Login lockouts")
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
        {"url": "", "label": _("Login lockouts")},
    ]
    header_icon = "lock"

    def get_context_data(self, **kwargs):
        from django.conf import settings

        context = super().get_context_data(**kwargs)
        context["lockouts"] = lockout.current_lockouts()
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        context["cooloff_minutes"] = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        return context

    def post(self, request, *args, **kwargs):
        kind = request.POST.get("kind", "")
        value = request.POST.get("value", "")
        if kind not in ("username", "address") or not value:
            return HttpResponseBadRequest(_("Choose a lockout to lift."))
        lockout.lift(kind, value, by=request.user, request=request)
        messages.success(request, _("The lockout of %(value)s was lifted.") % {"value": value})
        return redirect("organisation_lockouts:index")


class InvitationsView(HROnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Invite everyone in the HR user's scope who has never signed in (a background task)."""

    template_name = "organisation/invitations.html"
    page_title = _("Invitations")
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
        {"url": "", "label": _("Invitations")},
    ]
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["never_signed_in"] = invitations.never_signed_in(self.request.user).count()
        context["recent"] = (
            Invitation.objects.filter(staff__in=StaffMember.objects.for_user(self.request.user))
            .select_related("staff")
            .order_by("-created_at")[:20]
        )
        return context

    def post(self, request, *args, **kwargs):
        ids = list(invitations.never_signed_in(request.user).values_list("pk", flat=True))
        count = invitations.invite(ids, by=request.user, request=request) if ids else 0
        messages.success(
            request,
            ngettext(
                "%(count)d invitation is on its way.",
                "%(count)d invitations are on their way.",
                count,
            )
            % {"count": count},
        )
        return redirect("organisation_invitations:index")


class InviteOneView(HROnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Send one person in the HR user's scope an invitation (others: 404)."""

    template_name = "organisation/invite_one.html"
    page_title = _("Send an invitation")
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse_lazy("organisation_invitations:index"), "label": _("Invitations")},
        {"url": "", "label": _("Send an invitation")},
    ]
    header_icon = "mail"

    def get_staff(self) -> StaffMember:
        return get_object_or_404(
            StaffMember.objects.for_user(self.request.user).select_related("user"),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["staff"] = self.get_staff()
        return context

    def post(self, request, *args, **kwargs):
        staff = self.get_staff()
        if not staff.active or not staff.user.is_active:
            return HttpResponseBadRequest(_("This person is not active."))
        invitations.invite([staff.pk], by=request.user, request=request)
        messages.success(request, _("The invitation to %(name)s is on its way.") % {"name": staff})
        return redirect("organisation_staff:edit", staff.pk)

"""Coverage reports in the Wagtail admin, for HR and supervisors within their scope.

Scope is applied in the querysets (`ServicePoint.objects.for_user`,
`StaffMember.objects.for_user`): a service point or person outside it is a 404, and a filter
value outside it is a form error (400), so no page ever shows someone else's names.
Personal-data views and every export are recorded in the audit trail.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from organisation.models import AuditEvent, ServicePoint, StaffMember, can_see_reports, is_hr
from reports.exports import FORMATS, spreadsheet_response
from reports.forms import ApiTokenForm, CoverageFilterForm
from reports.models import ApiToken
from reports.tables import (
    build_overview,
    overview_export,
    person_certificates,
    person_modules,
    point_status_rows,
    status_export,
    status_label,
)


def forbidden(request):
    """A real 403 page (Wagtail's admin would turn PermissionDenied into a redirect),
    recorded in the audit trail."""
    from organisation.admin_scope import refused

    refused(request, "forbidden")
    return TemplateResponse(request, "reports/forbidden.html", {}, status=403)


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    """Base: only HR and supervisors; a filter form bound to the query string."""

    header_icon = "table"
    breadcrumbs_items: list = []  # the page's own title heads the page
    with_points = True
    drop_fields: tuple[str, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        if not can_see_reports(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, service_points=None):
        data = {k: v for k, v in self.request.GET.items() if k != "export"}
        return CoverageFilterForm(
            data,
            user=self.request.user,
            service_points=service_points,
            with_points=self.with_points,
            drop=self.drop_fields,
        )

    def export_format(self) -> str | None:
        fmt = self.request.GET.get("export")
        return fmt if fmt in FORMATS else None

    def export_links(self):
        links = []
        for fmt in FORMATS:
            params = self.request.GET.copy()
            params["export"] = fmt
            links.append((fmt.upper(), f"{self.request.path}?{params.urlencode()}"))
        return links

    def _page_query(self) -> str:
        """The current query without its page number, for the pager's links."""
        params = self.request.GET.copy()
        params.pop("page", None)
        return params.urlencode()

    def invalid(self, form):
        context = self.get_context_data(form=form, invalid=True)
        return TemplateResponse(self.request, self.template_name, context, status=400)

    def audit(self, action: str, target: str, form, fmt: str | None = None) -> None:
        details = {"filter": form.described()}
        if fmt:
            details["format"] = fmt
        AuditEvent.record_request(self.request, action, target, **details)


class CoverageOverviewView(ReportView):
    template_name = "reports/overview.html"
    page_title = gettext_lazy("Coverage")
    points_per_page = 25

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.invalid(form)
        data = form.cleaned_data
        fmt = self.export_format()
        overview = build_overview(
            form.scope(),
            data["as_of"],
            data.get("since"),
            request.user,
            page=None if fmt else (request.GET.get("page") or 1),
            per_page=self.points_per_page,
        )
        if fmt:
            self.audit("reports.export_overview", "coverage", form, fmt)
            headers, rows = overview_export(overview)
            return spreadsheet_response(fmt, f"coverage-{data['as_of'].isoformat()}", headers, rows)
        context = self.get_context_data(
            form=form,
            overview=overview,
            page_obj=overview.page_obj,
            page_query=self._page_query(),
            export_links=self.export_links(),
            filter_query=self._filter_query(),
        )
        return self.render_to_response(context)

    def _filter_query(self) -> str:
        params = self.request.GET.copy()
        for key in ("export", "division", "service_point", "page"):
            params.pop(key, None)
        return params.urlencode()


class ServicePointReportView(ReportView):
    template_name = "reports/service_point.html"
    with_points = False
    rows_per_page = 300  # a large point has thousands of (person, module) rows
    drop_fields = ("since",)

    def get(self, request, pk, *args, **kwargs):
        scoped = ServicePoint.objects.for_user(request.user)
        point = get_object_or_404(scoped.select_related("division"), pk=pk)
        self.point = point
        form = self.get_form(service_points=scoped)
        if not form.is_valid():
            return self.invalid(form)
        scope = form.scope()
        scope.service_point = point
        rows = point_status_rows(scope, form.cleaned_data["as_of"])
        fmt = self.export_format()
        if fmt:
            self.audit("reports.export_service_point", point.code, form, fmt)
            headers, data = status_export(rows)
            return spreadsheet_response(
                fmt,
                f"coverage-{point.code}-{form.cleaned_data['as_of'].isoformat()}",
                headers,
                data,
            )
        self.audit("reports.view_service_point", point.code, form)
        page_obj = Paginator(rows, self.rows_per_page).get_page(request.GET.get("page"))
        for row in page_obj.object_list:
            row.status_label = status_label(row.status)
        context = self.get_context_data(
            form=form,
            point=point,
            page_obj=page_obj,
            page_query=self._page_query(),
            export_links=self.export_links(),
        )
        return self.render_to_response(context)

    def get_page_title(self):
        point = getattr(self, "point", None)
        return str(point) if point else _("Service point")


class PersonReportView(ReportView):
    template_name = "reports/person.html"
    with_points = False
    drop_fields = ("since", "role")

    def get(self, request, pk, *args, **kwargs):
        staff = get_object_or_404(
            StaffMember.objects.for_user(request.user).select_related(
                "service_point__division", "role"
            ),
            pk=pk,
        )
        self.staff = staff
        form = self.get_form()
        if not form.is_valid():
            return self.invalid(form)
        as_of = form.cleaned_data["as_of"]
        modules = person_modules(staff, as_of)
        certificates = list(person_certificates(staff))
        for certificate in certificates:
            certificate.status_text = certificate.get_status_display()
        fmt = self.export_format()
        if fmt:
            self.audit("reports.export_person", staff.employee_id, form, fmt)
            headers, data = status_export([m.row for m in modules])
            return spreadsheet_response(
                fmt, f"coverage-{staff.employee_id}-{as_of.isoformat()}", headers, data
            )
        self.audit("reports.view_person", staff.employee_id, form)
        for module in modules:
            module.row.status_label = status_label(module.row.status)
        context = self.get_context_data(
            form=form,
            staff=staff,
            modules=modules,
            certificates=certificates,
            as_of=as_of,
            export_links=self.export_links(),
        )
        return self.render_to_response(context)

    def get_page_title(self):
        staff = getattr(self, "staff", None)
        return staff.full_name if staff else _("Person")


# --- API tokens -----------------------------------------------------------------------


class HRView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "key"
    breadcrumbs_items: list = []

    def dispatch(self, request, *args, **kwargs):
        if not is_hr(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class ApiTokenListView(HRView):
    template_name = "reports/api_tokens.html"
    page_title = gettext_lazy("API tokens")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tokens"] = (
            ApiToken.objects.for_user(self.request.user)
            .select_related("owner")
            .prefetch_related("divisions")
        )
        return context


class ApiTokenCreateView(HRView):
    template_name = "reports/api_token_form.html"
    page_title = gettext_lazy("New API token")

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=ApiTokenForm(user=request.user)))

    def post(self, request, *args, **kwargs):
        form = ApiTokenForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        secret = ApiToken.new_secret()
        token = ApiToken(
            name=form.cleaned_data["name"],
            owner=request.user,
            city_wide=bool(form.cleaned_data.get("city_wide")),
            expires_on=form.cleaned_data["expires_on"],
        )
        token.set_secret(secret)
        token.save()
        if not token.city_wide:
            token.divisions.set(form.cleaned_data["divisions"])
        AuditEvent.record_request(
            request, "reports.create_api_token", token.name, token_id=token.pk
        )
        # The token is shown once, on this response; only its hash is stored.
        response = self.render_to_response(
            self.get_context_data(form=None, created=token, secret=secret)
        )
        response["Cache-Control"] = "no-store"
        return response


class ApiTokenRevokeView(HRView):
    def post(self, request, pk, *args, **kwargs):
        token = get_object_or_404(ApiToken.objects.for_user(request.user).active(), pk=pk)
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        AuditEvent.record_request(
            request, "reports.revoke_api_token", token.name, token_id=token.pk
        )
        messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
        return redirect(reverse("reports_api_tokens"))

    def get(self, request, *args, **kwargs):
        raise Http404


class PersonalDataExportView(WagtailAdminTemplateMixin, TemplateView):
    """An access request (GDPR Art. 15): the ZIP of everything held about one person in the
    HR user's scope (others: 404). Only HR; audited in `export_zip`."""

    template_name = "reports/personal_data.html"
    page_title = gettext_lazy("Export personal data")
    header_icon = "download"

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": gettext_lazy("Home")},
            {
                "url": reverse("organisation_staff:edit", args=[self.kwargs["pk"]]),
                "label": str(self.get_staff()),
            },
            {"url": "", "label": self.page_title},
        ]

    def dispatch(self, request, *args, **kwargs):
        if not is_hr(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_staff(self) -> StaffMember:
        return get_object_or_404(
            StaffMember.objects.for_user(self.request.user).select_related(
                "user", "service_point__division", "role"
            ),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["staff"] = self.get_staff()
        return context

    def post(self, request, *args, **kwargs):
        from django.http import HttpResponse

        from reports.personal_data import export_zip

        staff = self.get_staff()
        response = HttpResponse(
            export_zip(staff, by=request.user, request=request), content_type="application/zip"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="personal-data-{staff.employee_id}.zip"'
        )
        return response

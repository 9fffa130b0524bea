"""Read API for the city's shared reporting and BI tools, mounted at /api/v1/.

- Authentication: ``Authorization: Bearer <token>`` with an `ApiToken` that HR created in
  the admin; only its SHA-256 hash is stored. A token sees the service points of its scope
  (the whole city or chosen divisions).
- No personal data: counts per service point and module only, and service points with
  fewer active staff than the small-group threshold have their counts suppressed (null).
- OpenAPI schema at /api/v1/openapi.json (django-ninja).
"""

import datetime
import uuid

from django.db.models import Q
from django.utils import timezone
from ninja import Field, NinjaAPI, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import HttpBearer

from courses.models import CoursePage
from organisation.models import Division, Role
from reports.coverage import Scope, coverage_rows, module_by_slug, row_record
from reports.forms import EARLIEST_REPORT_DATE, LATEST_REPORT_DATE
from reports.models import ApiToken, ReportSettings
from reports.tables import staff_counts

PAGE_SIZE = 500


class BearerToken(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request, token):
        api_token = ApiToken.authenticate(token)
        if api_token is not None:
            request.api_token = api_token
        return api_token


api = NinjaAPI(
    title="Aspa 2030 coverage API",
    version="1",
    description=(
        "Coverage of required training per service point and module. Counts only, no "
        "personal data; small groups suppressed."
    ),
    urls_namespace="reports_api",
    docs_url=None,
    auth=BearerToken(),
)
router = Router()


class CoverageRowOut(Schema):
    division_code: str
    service_point_code: str
    module: str = Field(description="slug of the module's Finnish page")
    required: int | None
    covered: int | None
    in_progress: int | None
    not_started: int | None
    overdue: int | None
    coverage_percent: float | None = Field(description="one decimal; null when required is 0")
    suppressed: bool = Field(description="counts withheld: fewer staff than the threshold")


class CoverageFilter(Schema):
    division: str | None = Field(None, description="division code")
    service_point: str | None = Field(None, description="service point code")
    module: str | None = Field(None, description="slug of the module's Finnish page")
    role: str | None = Field(None, description="role code")
    as_of: datetime.date | None = Field(
        None,
        description="YYYY-MM-DD, default today",
        ge=EARLIEST_REPORT_DATE,
        le=LATEST_REPORT_DATE,
    )


class ServicePointOut(Schema):
    code: str
    name_fi: str
    name_sv: str
    name_en: str
    division_code: str
    active: bool


class ModuleOut(Schema):
    slug: str
    key: uuid.UUID
    title_fi: str
    title_sv: str | None
    title_en: str | None


def _scope_points(request):
    return request.api_token.service_points()


@router.get(
    "coverage/",
    response=list[CoverageRowOut],
    summary="Coverage per service point and module",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def coverage(request, filters: Query[CoverageFilter]):
    points = _scope_points(request)
    scope = Scope(service_points=points)
    if filters.division:
        scope.division = Division.objects.filter(
            code=filters.division, pk__in=points.values("division_id")
        ).first()
        if scope.division is None:
            raise HttpError(400, f"unknown division code: {filters.division}")
    if filters.service_point:
        scope.service_point = points.filter(code=filters.service_point).first()
        if scope.service_point is None:
            raise HttpError(400, f"unknown service point code: {filters.service_point}")
    if filters.module:
        page = module_by_slug(filters.module)
        if page is None:
            raise HttpError(400, f"unknown module slug: {filters.module}")
        scope.module_keys = [page.translation_key]
    if filters.role:
        role = Role.objects.filter(code=filters.role).first()
        if role is None:
            raise HttpError(400, f"unknown role code: {filters.role}")
        scope.role_id = role.pk
    rows = coverage_rows(scope, filters.as_of or timezone.localdate())
    threshold = ReportSettings.load().small_group_threshold
    sizes = staff_counts({r.service_point.pk for r in rows})
    out = []
    for row in rows:
        record = row_record(row)
        pct = record["coverage_percent"]
        record["coverage_percent"] = float(pct) if pct is not None else None
        record["suppressed"] = sizes.get(row.service_point.pk, 0) < threshold
        if record["suppressed"]:
            for name in ("required", "covered", "in_progress", "not_started", "overdue"):
                record[name] = None
            record["coverage_percent"] = None
        out.append(record)
    return out


@router.get("service-points/", response=list[ServicePointOut], summary="Service points")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def service_points(request):
    return [
        {
            "code": sp.code,
            "name_fi": sp.name_fi,
            "name_sv": sp.name_sv,
            "name_en": sp.name_en,
            "division_code": sp.division.code,
            "active": sp.active,
        }
        for sp in _scope_points(request).select_related("division").order_by("code")
    ]


@router.get("modules/", response=list[ModuleOut], summary="Modules (by their Finnish slug)")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def modules(request):
    by_key: dict = {}
    for key, lang, slug, title in (
        CoursePage.objects.filter(Q(live=True))
        .values_list("translation_key", "locale__language_code", "slug", "title")
        .order_by("path")
    ):
        by_key.setdefault(key, {})[lang] = (slug, title)
    out = []
    for key, langs in by_key.items():
        fi = langs.get("fi") or next(iter(langs.values()))
        out.append(
            {
                "slug": fi[0],
                "key": key,
                "title_fi": fi[1],
                "title_sv": langs.get("sv", (None, None))[1],
                "title_en": langs.get("en", (None, None))[1],
            }
        )
    return sorted(out, key=lambda m: m["slug"])


api.add_router("", router)

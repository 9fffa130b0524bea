"""Coverage per service point and module, for other tools (contract in the README).

python manage.py coverage_report [--division CODE] [--service-point CODE]
    [--module SLUG] [--as-of YYYY-MM-DD] [--format csv|json]
"""

from __future__ import annotations

import csv
import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from organisation.models import Division, ServicePoint
from reports.coverage import COLUMNS, Scope, coverage_rows, module_by_slug, row_record
from reports.forms import EARLIEST_REPORT_DATE, LATEST_REPORT_DATE


def _fail(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "Write coverage per service point and module as CSV or JSON."

    def add_arguments(self, parser):
        parser.add_argument("--division", metavar="CODE")
        parser.add_argument("--service-point", metavar="CODE")
        parser.add_argument("--module", metavar="SLUG", help="slug of the module's Finnish page")
        parser.add_argument("--as-of", metavar="YYYY-MM-DD")
        parser.add_argument("--format", choices=["csv", "json"], default="csv")

    def handle(self, *args, **options):
        scope = Scope()
        if options["division"]:
            scope.division = Division.objects.filter(code=options["division"]).first()
            if scope.division is None:
                raise _fail(f"unknown division code: {options['division']}")
        if options["service_point"]:
            point = ServicePoint.objects.filter(code=options["service_point"]).first()
            if point is None:
                raise _fail(f"unknown service point code: {options['service_point']}")
            scope.service_point = point
        if options["module"]:
            page = module_by_slug(options["module"])
            if page is None:
                raise _fail(f"unknown module slug: {options['module']}")
            scope.module_keys = [page.translation_key]
        as_of = None
        if options["as_of"]:
            try:
                as_of = datetime.date.fromisoformat(options["as_of"])
            except ValueError:
                raise _fail(f"invalid date (expected YYYY-MM-DD): {options['as_of']}") from None
            if not EARLIEST_REPORT_DATE <= as_of <= LATEST_REPORT_DATE:
                raise _fail(
                    f"date out of range ({EARLIEST_REPORT_DATE} to {LATEST_REPORT_DATE}): "
                    f"{options['as_of']}"
                )
        records = [row_record(row) for row in coverage_rows(scope, as_of, cached=False)]
        if options["format"] == "json":
            for record in records:
                pct = record["coverage_percent"]
                record["coverage_percent"] = float(pct) if pct is not None else None
            self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
            return
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        for record in records:
            pct = record["coverage_percent"]
            record["coverage_percent"] = "" if pct is None else f"{pct:.1f}"
            writer.writerow([record[c] for c in COLUMNS])
